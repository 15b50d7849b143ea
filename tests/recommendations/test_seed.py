"""The report's recommendations, as the migration loads them."""

import pytest

from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db

# Horizon and lead actor of every sub-recommendation, read off the report's summary.
REPORT = {
    "R1.1": ("now", "both"),
    "R1.2": ("now", "both"),
    "R1.3": ("next", "sector"),
    "R1.4": ("next", "sector"),
    "R1.5": ("next", "both"),
    "R1.6": ("later", "ircc"),
    "R2.1": ("now", "ircc"),
    "R2.2": ("next", "ircc"),
    "R2.3": ("later", "ircc"),
    "R3.1": ("now", "both"),
    "R3.2": ("now", "ircc"),
    "R3.3": ("next", "ircc"),
    "R3.4": ("next", "ircc"),
    "R3.5": ("later", "ircc"),
    "R3.6": ("later", "both"),
    "R3.7": ("later", "ircc"),
    "R4.1": ("now", "both"),
    "R4.2": ("next", "ircc"),
    "R4.3": ("next", "ircc"),
    "R4.4": ("later", "ircc"),
    "R4.5": ("later", "ircc"),
}


def test_two_overarching_four_recommendations_and_their_sub_recommendations():
    kinds = dict(Recommendation.objects.values_list("code", "kind"))
    assert [c for c, k in kinds.items() if k == "overarching"] == ["O1", "O2"]
    assert [c for c, k in kinds.items() if k == "recommendation"] == ["R1", "R2", "R3", "R4"]
    assert sorted(c for c, k in kinds.items() if k == "sub") == sorted(REPORT)


def test_every_sub_recommendation_has_the_reports_horizon_and_lead_actor():
    seeded = {r.code: (r.horizon, r.actor) for r in Recommendation.objects.filter(kind="sub")}
    assert seeded == REPORT


def test_sub_recommendations_sit_under_their_recommendation_in_report_order():
    items = list(Recommendation.objects.select_related("parent").in_report_order())
    for r in items:
        if r.kind == "sub":
            assert r.parent.code == r.code.split(".")[0]
    assert [r.code for r in items][:4] == ["O1", "O2", "R1", "R1.1"]


def test_every_item_has_its_title_and_text_in_both_languages():
    for r in Recommendation.objects.all():
        assert r.title_en and r.title_fr and r.text_en and r.text_fr, r.code
        assert r.title_en != r.title_fr


def test_the_sectors_priority_ranking_is_kept_where_the_survey_gives_one():
    ranks = dict(
        Recommendation.objects.exclude(priority_rank=None).values_list("code", "priority_rank")
    )
    assert ranks == {"O1": 1, "R3": 2, "R4": 3, "R2": 4}
