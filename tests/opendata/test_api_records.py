import datetime

import pytest

from recommendations.models import Recommendation, Source, Status, StatusUpdate
from tests.opendata.conftest import get_json
from workinggroup.models import Organization

pytestmark = pytest.mark.django_db


def test_organizations_show_names_in_both_languages_and_public_contacts(client, seeded):
    page = get_json(client, "/api/v1/organizations/?page_size=100")
    assert page["count"] == Organization.objects.count()
    record = page["results"][0]
    assert set(record["name"]) == {"en", "fr"}
    assert {"website", "public_email", "public_phone"} <= set(record)
    assert record["links"]["fr"].startswith("http") and "/fr/" in record["links"]["fr"]
    assert not {"people", "members", "email", "phone"} & set(record)


def test_organizations_can_be_filtered_by_province_and_region(client, seeded):
    page = get_json(client, "/api/v1/organizations/?province=NT&page_size=100")
    assert page["count"] == Organization.objects.filter(province__code="NT").count() > 0
    assert all(r["province"]["code"] == "NT" for r in page["results"])
    region = get_json(client, "/api/v1/organizations/?region=atlantic&page_size=100")
    assert all(r["region"]["code"] == "atlantic" for r in region["results"])


def test_organization_list_runs_the_same_queries_for_any_page_size(
    client, seeded, django_assert_num_queries
):
    """Prevents an n+1 on communities or provinces."""
    with django_assert_num_queries(3):
        get_json(client, "/api/v1/organizations/?page_size=2")
    with django_assert_num_queries(3):
        get_json(client, "/api/v1/organizations/?page_size=100")


def test_regions_hold_their_provinces_and_provinces_their_region(client, seeded):
    regions = get_json(client, "/api/v1/regions/")
    atlantic = next(r for r in regions if r["code"] == "atlantic")
    assert atlantic["name"] == {"en": "Atlantic", "fr": "Atlantique"}
    assert set(atlantic["provinces"]) == {"NB", "NL", "NS", "PE"}
    provinces = get_json(client, "/api/v1/provinces/")
    assert len(provinces) == 13
    assert {"code": "QC", "name": {"en": "Quebec", "fr": "Québec"}, "region": "quebec"} in provinces


def test_themes_and_client_groups_give_the_filter_values(client, seeded):
    themes = get_json(client, "/api/v1/themes/")
    groups = get_json(client, "/api/v1/client-groups/")
    assert "housing" in {t["slug"] for t in themes}
    assert all(t["name"]["en"] and t["name"]["fr"] for t in themes + groups)
    # Every slug is a value the practice list accepts.
    for row in themes:
        get_json(client, f"/api/v1/practices/?theme={row['slug']}")
    for row in groups:
        get_json(client, f"/api/v1/practices/?group={row['slug']}")


def post(item, source, status, day, note_en, note_fr, **extra):
    return StatusUpdate.record(
        item,
        source=source,
        status=status,
        effective_date=day,
        note_en=note_en,
        note_fr=note_fr,
        author_role="ircc_staff" if source == Source.IRCC else "editor",
        **extra,
    )


def test_recommendations_hold_both_voices_and_the_full_history(client, db):
    item = Recommendation.objects.get(code="R1")
    first = post(item, Source.IRCC, Status.PLANNED, datetime.date(2022, 1, 5), "Planned.", "Prévu.")
    post(item, Source.WORKING_GROUP, Status.NOT_STARTED, datetime.date(2022, 2, 1), "No.", "Non.")
    fix = post(
        item,
        Source.IRCC,
        Status.UNDER_WAY,
        datetime.date(2022, 1, 5),
        "Correction: under way.",
        "Correction : en cours.",
        corrects=first,
    )
    record = get_json(client, "/api/v1/recommendations/R1/")
    assert record["code"] == "R1" and record["title"]["fr"]
    assert record["current_status"]["ircc"]["status"]["code"] == "under_way"
    assert record["current_status"]["working_group"]["status"]["code"] == "not_started"
    assert record["current_status"]["working_group"]["status"]["label"]["fr"] == "Non commencée"
    assert record["voices_disagree"] is True
    history = record["history"]
    assert [h["id"] for h in history] == [first.pk, fix.pk, history[2]["id"]]
    assert history[1]["corrects"] == first.pk
    assert history[0]["note"] == {"en": "Planned.", "fr": "Prévu."}
    assert {h["voice"]["code"] for h in history} == {"ircc", "wg"}
    assert record["links"]["fr"].endswith("/fr/recommandations/R1/")


def test_recommendation_list_has_every_item_in_a_fixed_number_of_queries(
    client, db, django_assert_num_queries
):
    """Prevents an n+1 on histories and related practices."""
    for item in Recommendation.objects.all()[:5]:
        post(item, Source.IRCC, Status.PLANNED, datetime.date(2022, 1, 5), "P.", "P.")
    # items, histories, practices, codes, and the latest published priorities (cached after)
    with django_assert_num_queries(5):
        items = get_json(client, "/api/v1/recommendations/")
    assert len(items) == Recommendation.objects.count()
    children = [i for i in items if i["parent"]]
    assert children and all(i["parent"] in {j["code"] for j in items} for i in children)


def test_unknown_recommendation_is_a_json_404(client, db):
    assert get_json(client, "/api/v1/recommendations/NOPE/", status=404)["code"] == "not_found"
