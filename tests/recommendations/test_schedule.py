"""The rules: horizon windows as dates, overdue, stale, current status per voice."""

import datetime

import pytest

from recommendations import schedule
from recommendations.models import Recommendation, Source, Status, StatusUpdate
from tests.recommendations.conftest import post

D = datetime.date


def make(horizon="now", ircc="", wg="", ircc_date=None, wg_date=None):
    return Recommendation(
        horizon=horizon,
        ircc_status=ircc,
        wg_status=wg,
        ircc_status_date=ircc_date,
        wg_status_date=wg_date,
    )


def test_windows_are_counted_from_the_report_date():
    assert schedule.REPORT_DATE == D(2021, 8, 1)
    assert schedule.WINDOWS["now"].starts == D(2021, 8, 1)
    assert schedule.WINDOWS["now"].ends == D(2022, 2, 1)
    assert schedule.WINDOWS["next"].starts == D(2022, 2, 1)
    assert schedule.WINDOWS["next"].ends == D(2023, 8, 1)
    assert schedule.WINDOWS["later"].starts == D(2023, 8, 1)
    assert schedule.WINDOWS["later"].ends == D(2023, 11, 14)


def test_add_months_clamps_to_the_end_of_a_short_month():
    assert schedule.add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert schedule.add_months(D(2021, 12, 15), 1) == D(2022, 1, 15)


@pytest.mark.parametrize(
    ("horizon", "last_day_on_time"),
    [("now", D(2022, 2, 1)), ("next", D(2023, 8, 1)), ("later", D(2023, 11, 14))],
)
def test_an_item_nobody_reported_on_is_overdue_the_day_after_its_window_closes(
    horizon, last_day_on_time
):
    item = make(horizon)
    assert not schedule.is_overdue(item, last_day_on_time)
    assert schedule.is_overdue(item, last_day_on_time + datetime.timedelta(days=1))


@pytest.mark.parametrize("status", [Status.NOT_STARTED, Status.PLANNED, Status.STALLED])
def test_work_not_started_after_the_window_is_overdue(status):
    assert schedule.is_overdue(make("now", ircc=status), D(2022, 2, 2))


@pytest.mark.parametrize(
    "status", [Status.UNDER_WAY, Status.IMPLEMENTED, Status.WILL_NOT, Status.NO_LONGER_APPLICABLE]
)
def test_work_started_or_closed_is_not_overdue(status):
    assert not schedule.is_overdue(make("now", ircc=status), D(2030, 1, 1))


def test_the_working_groups_assessment_can_make_an_item_overdue_despite_ircc():
    item = make("now", ircc=Status.IMPLEMENTED, wg=Status.NOT_STARTED)
    assert schedule.is_overdue(item, D(2022, 2, 2))


def test_items_without_a_horizon_are_never_overdue():
    assert not schedule.is_overdue(make(""), D(2040, 1, 1))


@pytest.mark.django_db
def test_the_overdue_query_agrees_with_the_rule(item):
    post(item("R1.1"), status=Status.UNDER_WAY)  # now, started: on track
    post(item("R1.2"), status=Status.PLANNED)  # now, not started: overdue
    post(item("R1.3"), source=Source.WORKING_GROUP, status=Status.STALLED)  # next: overdue
    post(item("R1.6"), status=Status.IMPLEMENTED)  # later: done
    for today in [D(2022, 2, 1), D(2022, 2, 2), D(2023, 8, 2), D(2023, 11, 15)]:
        by_rule = {r.code for r in Recommendation.objects.all() if schedule.is_overdue(r, today)}
        by_query = set(Recommendation.objects.overdue(today).values_list("code", flat=True))
        assert by_query == by_rule, today
    assert "R1.2" in by_query and "R1.3" in by_query
    assert "R1.1" not in by_query and "R1.6" not in by_query


def test_an_item_is_stale_six_months_after_its_latest_status_by_default():
    item = make("now", ircc=Status.UNDER_WAY, ircc_date=D(2024, 1, 31))
    assert not schedule.is_stale(item, D(2024, 7, 30))
    assert schedule.is_stale(item, D(2024, 7, 31))


def test_the_latest_of_the_two_voices_counts_for_staleness():
    item = make(
        ircc=Status.UNDER_WAY, ircc_date=D(2022, 1, 1), wg=Status.STALLED, wg_date=D(2024, 6, 1)
    )
    assert not schedule.is_stale(item, D(2024, 11, 30))
    assert schedule.is_stale(item, D(2024, 12, 1))


def test_the_stale_threshold_is_a_setting(settings):
    settings.RECOMMENDATIONS_STALE_MONTHS = 3
    item = make(ircc=Status.UNDER_WAY, ircc_date=D(2024, 1, 1))
    assert not schedule.is_stale(item, D(2024, 3, 31))
    assert schedule.is_stale(item, D(2024, 4, 1))


def test_closed_items_never_go_stale_but_unreported_ones_do():
    assert not schedule.is_stale(
        make(ircc=Status.IMPLEMENTED, ircc_date=D(2022, 1, 1)), D(2030, 1, 1)
    )
    assert schedule.is_stale(make(), D(2022, 2, 1))
    assert not schedule.is_stale(make(), D(2022, 1, 31))


def test_voices_disagree_only_when_both_have_spoken_differently():
    assert schedule.voices_disagree(make(ircc=Status.IMPLEMENTED, wg=Status.STALLED))
    assert not schedule.voices_disagree(make(ircc=Status.IMPLEMENTED, wg=Status.IMPLEMENTED))
    assert not schedule.voices_disagree(make(ircc=Status.IMPLEMENTED))


@pytest.mark.django_db
def test_current_status_is_the_latest_effective_date_per_voice_not_the_latest_posted(item):
    r = item("R3.1")
    post(r, status=Status.UNDER_WAY, day=D(2023, 5, 1))
    post(r, status=Status.PLANNED, day=D(2022, 5, 1))  # posted later, about an earlier date
    post(r, source=Source.WORKING_GROUP, status=Status.STALLED, day=D(2023, 1, 1))
    r.refresh_from_db()
    assert (r.ircc_status, r.ircc_status_date) == (Status.UNDER_WAY, D(2023, 5, 1))
    assert (r.wg_status, r.wg_status_date) == (Status.STALLED, D(2023, 1, 1))


@pytest.mark.django_db
def test_a_correction_replaces_the_entry_it_corrects_in_the_current_status(item):
    r = item("R3.1")
    wrong = post(r, status=Status.IMPLEMENTED, day=D(2023, 5, 1), evidence_links=["https://x.ca"])
    post(r, status=Status.UNDER_WAY, day=D(2023, 5, 1), corrects=wrong)
    r.refresh_from_db()
    assert r.ircc_status == Status.UNDER_WAY
    assert StatusUpdate.objects.filter(recommendation=r).count() == 2
