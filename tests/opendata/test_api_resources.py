"""Resources in open data: in each practice's record, in a list of their own filtered by kind
and language, with absolute download addresses and sizes; files waiting for their malware scan
are never published."""

import pytest

from practices.models import Resource
from tests.opendata.conftest import get_json, make_practice
from uploads.models import Upload

pytestmark = pytest.mark.django_db


def resource(practice, title, languages, kind="handout", upload=None, url=""):
    row = Resource(practice=practice, key=title, title_en=title, title_fr=f"{title} (fr)",
                   kind=kind, upload=upload, url=url)  # fmt: skip
    row.languages = languages
    row.save()
    Resource.refresh_practice(practice)
    return row


def stored(name, scan="clean", size=348_160):
    return Upload.objects.create(
        file=f"uploads/2026/{name}", name=name, size=size, format="pdf", sha256="0" * 64, scan=scan
    )


@pytest.fixture
def practice(db):
    practice = make_practice(title_en="Intake in many languages")
    resource(practice, "Welcome handout", ["ar", "ti"], upload=stored("welcome.pdf"))
    resource(practice, "Bus map", ["uk"], kind="guide", url="https://example.org/map")
    resource(practice, "Unscanned", ["ti"], upload=stored("later.pdf", scan="waiting"))
    return practice


def test_practice_record_lists_its_public_resources(client, practice, settings):
    record = get_json(client, f"/api/v1/practices/{practice.pk}/")
    handout, link = record["resources"]
    assert handout["title"] == {"en": "Welcome handout", "fr": "Welcome handout (fr)"}
    assert handout["kind"]["label"] == {
        "en": "Handout for clients",
        "fr": "Document pour la clientèle",
    }
    assert handout["languages"] == ["ar", "ti"]
    assert handout["file"]["size"] == 348_160 and handout["file"]["format"] == "pdf"
    download = handout["file"]["download"]
    assert download["en"].startswith(settings.SITE_URL + "/en/")
    assert download["en"].endswith("/welcome.pdf") and download["fr"].startswith(settings.SITE_URL)
    assert handout["link"] is None
    assert link["file"] is None and link["link"] == "https://example.org/map"
    assert "Unscanned" not in str(record)


def test_resource_list_filters_by_kind_and_language(client, practice):
    everything = get_json(client, "/api/v1/resources/")
    assert [r["title"]["en"] for r in everything["results"]] == ["Welcome handout", "Bus map"]
    tigrinya = get_json(client, "/api/v1/resources/?language=ti")
    assert [r["title"]["en"] for r in tigrinya["results"]] == ["Welcome handout"]
    guides = get_json(client, "/api/v1/resources/?kind=guide")
    assert [r["title"]["en"] for r in guides["results"]] == ["Bus map"]
    assert guides["results"][0]["practice"].endswith(f"/api/v1/practices/{practice.pk}/")


def test_resource_list_refuses_unknown_codes(client, practice):
    error = get_json(client, "/api/v1/resources/?language=xx&kind=zip", status=400)
    assert "language" in str(error) and "kind" in str(error)


def test_resources_of_unpublished_practices_are_not_listed(client, db):
    draft = make_practice(title_en="Draft", status="draft")
    resource(draft, "Secret form", ["en"], url="https://example.org/secret")
    assert get_json(client, "/api/v1/resources/")["count"] == 0


def test_resource_list_runs_a_fixed_number_of_queries(client, practice, django_assert_num_queries):
    for i in range(10):
        resource(practice, f"Form {i}", ["en"], upload=stored(f"f{i}.pdf"))
    with django_assert_num_queries(2):
        get_json(client, "/api/v1/resources/?page_size=100")


def test_exports_and_feed_carry_the_resources(client, practice, settings):
    import json

    from tests.opendata.conftest import body
    from tests.opendata.test_exports_and_feeds import read_csv

    (row,) = read_csv(client.get("/en/open-data/promising-practices.csv"))
    assert "/welcome.pdf (348160 bytes)" in row["resources"]
    assert "https://example.org/map" in row["resources"] and "later.pdf" not in row["resources"]
    document = json.loads(body(client.get("/en/open-data/promising-practices.json")))
    assert [r["title"]["en"] for r in document["practices"][0]["resources"]] == [
        "Welcome handout",
        "Bus map",
    ]
    feed = body(client.get("/fr/donnees-ouvertes/fils/pratiques/"))
    assert 'rel="enclosure"' in feed and 'length="348160"' in feed
    assert 'type="application/pdf"' in feed and "later.pdf" not in feed
