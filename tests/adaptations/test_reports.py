"""Readers report a practice out of date; editors close the reports; the page says how current
the practice is."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from adaptations.models import OutOfDateReport, Reason, ReportStatus, file_report
from practices.models import PromisingPractice, Status
from tests.adaptations.conftest import make_practice, url_in
from tests.conftest import assert_too_many

NOW = datetime.datetime(2026, 3, 2, 15, 0, tzinfo=datetime.UTC)


def report_url(practice, language="en"):
    with translation.override(language):
        return reverse("adaptations:report_new", kwargs={"pk": practice.pk})


def list_url(language="en"):
    with translation.override(language):
        return reverse("adaptations:report_list")


def close_url(report, language="en"):
    with translation.override(language):
        return reverse("adaptations:report_close", kwargs={"pk": report.pk})


def open_reports():
    return list(OutOfDateReport.objects.open())


@pytest.fixture
def report(swim, sam):
    report, _created = file_report(swim, sam, Reason.CONTACT_GONE, "Her email bounced.", "en")
    return report


@pytest.mark.parametrize(
    "language, link, thanks",
    [
        ("en", "Report that it is out of date", "An editor will check this practice"),
        ("fr", "Signaler qu’elle n’est plus à jour", "L’équipe éditoriale vérifiera"),
    ],
)
def test_a_reader_who_is_not_signed_in_reports_a_practice(client, swim, language, link, thanks):
    page = client.get(url_in(swim, language)).content.decode().replace("&#x27;", "'")
    assert f'<a href="{report_url(swim, language)}" class="no-print">{link}</a>' in page

    response = client.post(
        report_url(swim, language), {"reason": "contact_gone", "note": "No answer."}, follow=True
    )

    [report] = open_reports()
    assert (report.reason, report.note, report.reporter, report.language) == (
        "contact_gone",
        "No answer.",
        None,
        language,
    )
    assert thanks in response.content.decode()


def test_a_signed_in_reader_reports_and_is_remembered_as_the_reporter(client_for, marie, swim):
    client_for(marie).post(report_url(swim, "fr"), {"reason": "out_of_date"})
    [report] = open_reports()
    assert report.reporter == marie


@pytest.mark.parametrize(
    "language, message", [("en", "Choose what is wrong."), ("fr", "Choisissez ce qui ne va pas.")]
)
def test_a_report_without_a_reason_is_refused_and_the_note_kept(client, swim, language, message):
    response = client.post(report_url(swim, language), {"note": "Kept note."})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Kept note." in page
    assert open_reports() == []


def test_an_unknown_reason_or_a_long_note_is_refused(client, swim):
    assert client.post(report_url(swim), {"reason": "spam"}).status_code == 400
    response = client.post(report_url(swim), {"reason": "other", "note": "x" * 1001})
    assert response.status_code == 400
    assert "the limit is 1000" in response.content.decode().replace("\u202f", " ")
    assert open_reports() == []


def test_a_signed_in_reader_who_reports_twice_is_counted_once(client_for, sam, swim):
    client = client_for(sam)
    client.post(report_url(swim), {"reason": "out_of_date"})
    second = client.post(report_url(swim), {"reason": "out_of_date", "note": "Again."}, follow=True)
    assert len(open_reports()) == 1
    assert "already reported" in second.content.decode()


def test_a_double_submit_by_a_visitor_is_stored_once(client, swim):
    for _ in range(2):
        client.post(report_url(swim), {"reason": "other", "note": "The phone is wrong."})
    assert len(open_reports()) == 1


def test_a_report_on_a_practice_that_is_not_published_is_not_found(client, seeded):
    draft = make_practice(title_en="Draft", status=Status.DRAFT)
    assert client.get(report_url(draft)).status_code == 404
    assert client.post(report_url(draft), {"reason": "other"}).status_code == 404
    assert open_reports() == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_visitors_are_rate_limited_per_address_with_their_note_kept(client, seeded, language):
    practices = [make_practice(title_en=f"Practice {n}") for n in range(21)]
    for n, practice in enumerate(practices[:20]):
        client.post(report_url(practice), {"reason": "other", "note": f"Note {n}"})
    response = client.post(
        report_url(practices[20], language), {"reason": "other", "note": "Kept note."}
    )
    assert_too_many(response, language, "Kept note.")
    assert len(open_reports()) == 20


@pytest.mark.parametrize("persona", ["sam", "marie", "ian"])
def test_only_editors_see_the_reports(client_for, report, persona, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(list_url()).status_code == 403
    assert client.post(close_url(report), {"status": "dismissed"}).status_code == 403
    assert OutOfDateReport.objects.get().is_open


def test_the_reports_need_signing_in(client, report):
    response = client.get(list_url())
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


@pytest.mark.parametrize(
    "language, heading, reason",
    [
        ("en", "Out-of-date reports", "The contact has left or cannot be reached"),
        ("fr", "Signalements de pratiques à mettre à jour", "La personne-ressource"),
    ],
)
def test_editors_see_open_reports_oldest_first(
    client_for, elodie, swim, report, seeded, language, heading, reason
):
    other = PromisingPractice.objects.exclude(pk=swim.pk).first()
    file_report(other, None, Reason.OUT_OF_DATE, "", "fr")
    html = client_for(elodie).get(list_url(language)).content.decode()
    assert html.count("<h1") == 1
    assert heading in html
    assert reason in html
    assert "Her email bounced." in html
    assert html.index(f'id="report-{report.pk}"') < html.index(
        f'id="report-{OutOfDateReport.objects.get(practice=other).pk}"'
    )
    # Each close form has its own ids: several on one page.
    assert f'id="report-{report.pk}-status_0"' in html
    with translation.override(language):
        edit = reverse("submissions:practice_edit", kwargs={"pk": swim.pk})
    assert f'<a href="{edit}">' in html  # where to correct it


def test_report_list_query_count_does_not_grow_with_reports(
    client_for, elodie, seeded, django_assert_max_num_queries
):
    """Prevents an n+1 on the reports list: practice and reporter come with each report."""
    practices = list(PromisingPractice.objects.all()[:10])
    file_report(practices[0], None, Reason.OTHER, "", "en")
    client = client_for(elodie)
    with django_assert_max_num_queries(10) as few:
        client.get(list_url())
    for practice in practices[1:]:
        file_report(practice, elodie, Reason.OUT_OF_DATE, "Old.", "fr")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(list_url()).content.decode().count('<li id="report-') == 10


def test_confirming_a_practice_current_dates_it_on_the_practice_page(client_for, elodie, report):
    swim = report.practice
    with time_machine.travel(NOW, tick=False):
        response = client_for(elodie).post(
            close_url(report), {"status": "confirmed_current"}, follow=True
        )
    assert "confirmed current today" in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.closed_by, report.closed_at) == (
        ReportStatus.CONFIRMED_CURRENT,
        elodie,
        NOW,
    )
    assert PromisingPractice.objects.get(pk=swim.pk).confirmed_at == NOW
    page = client_for(elodie).get(url_in(swim, "en")).content.decode()
    assert '<dt>Last confirmed current</dt>\n  <dd><time datetime="2026-03-02">' in page
    assert open_reports() == []


@pytest.mark.parametrize("status", ["fixed", "dismissed"])
def test_fixing_or_dismissing_closes_without_confirming(client_for, elodie, report, status):
    client_for(elodie).post(close_url(report), {"status": status})
    report.refresh_from_db()
    assert report.status == status
    assert PromisingPractice.objects.get(pk=report.practice_id).confirmed_at is None


def test_closing_without_choosing_says_so_and_keeps_the_report_open(client_for, elodie, report):
    response = client_for(elodie).post(close_url(report, "fr"), {})
    assert response.status_code == 400
    assert "Choisissez comment fermer le signalement." in response.content.decode()
    assert OutOfDateReport.objects.get().is_open


def test_closing_a_report_someone_already_closed_changes_nothing(client_for, elodie, alex, report):
    report.close(ReportStatus.DISMISSED, alex)
    response = client_for(elodie).post(close_url(report), {"status": "fixed"}, follow=True)
    assert "already closed by another editor" in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.closed_by) == (ReportStatus.DISMISSED, alex)


def test_the_page_shows_the_publication_date_until_a_practice_is_confirmed(client, swim):
    page = client.get(url_in(swim, "fr")).content.decode()
    published = timezone.localtime(swim.published_at).date().isoformat()
    fact = f'<dt>Dernière confirmation qu’elle est à jour</dt>\n  <dd><time datetime="{published}">'
    assert fact in page


def test_editors_see_how_many_reports_are_open_on_the_practice_page(
    client_for, client, elodie, report
):
    swim = report.practice
    assert "1 open report for the editors" in (
        client_for(elodie).get(url_in(swim, "en")).content.decode()
    )
    client.logout()
    assert "open report" not in client.get(url_in(swim, "en")).content.decode()


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, seeded, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    practices = [make_practice(title_en=f"Practice {n}") for n in range(21)]
    for n, practice in enumerate(practices[:20]):
        client.post(
            report_url(practice),
            {"reason": "other", "note": f"Note {n}"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    other_visitor = client.post(
        report_url(practices[20]), {"reason": "other"}, HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert other_visitor.status_code == 302
    same_visitor = client.post(
        report_url(practices[20]),
        {"reason": "out_of_date"},
        HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.7",
    )
    assert same_visitor.status_code == 429
