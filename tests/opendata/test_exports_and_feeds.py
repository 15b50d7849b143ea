import csv
import io
import json
import xml.etree.ElementTree as ET  # parses our own feeds only

import pytest

from practices.models import PromisingPractice
from tests.opendata.conftest import body, make_practice

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def read_csv(response):
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())  # Excel reads the file as UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_practices_csv_opens_in_excel_with_french_accents(client, seeded):
    response = client.get("/fr/donnees-ouvertes/pratiques-prometteuses.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 18
    swim = next(r for r in rows if r["title_en"] == "Women-only swim night")
    assert swim["title_fr"] == "Soirée de natation réservée aux femmes"
    assert swim["url_fr"].endswith(f"/fr/pratiques/{swim['id']}/{swim['url_fr'].split('/')[-2]}/")
    assert swim["themes"] and swim["province"] and swim["kind"]


def test_csv_keeps_the_catalogue_filters_and_search(client, seeded):
    rows = read_csv(client.get("/en/open-data/promising-practices.csv?region=atlantic"))
    assert rows and {r["region"] for r in rows} == {"atlantic"}
    expected = PromisingPractice.objects.published().filter(region__code="atlantic").count()
    assert len(rows) == expected
    found = read_csv(client.get("/en/open-data/promising-practices.csv?q=natation"))
    page = client.get("/en/practices/?q=natation")
    assert [int(r["id"]) for r in found] == [c.practice.pk for c in page.context["cards"]]
    assert "Women-only swim night" in [r["title_en"] for r in found]


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, seeded):
    make_practice(title_en='=HYPERLINK("http://evil.example")', title_fr="+1+1")
    rows = read_csv(client.get("/en/open-data/promising-practices.csv"))
    row = next(r for r in rows if "HYPERLINK" in r["title_en"])
    assert row["title_en"].startswith("'=") and row["title_fr"] == "'+1+1"


def test_json_export_holds_the_api_records_with_licence_and_query(client, seeded):
    response = client.get("/en/open-data/promising-practices.json?theme=housing")
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(body(response))
    assert document["licence"]["name"] == "CC BY 4.0"
    assert document["query"] == {"theme": "housing"}
    assert document["practices"]
    assert all("housing" in {t["slug"] for t in p["themes"]} for p in document["practices"])
    api = client.get("/api/v1/practices/?theme=housing&page_size=100").json()["results"]
    assert [p["id"] for p in document["practices"]] == [p["id"] for p in api]


def test_export_reads_the_database_in_a_fixed_number_of_queries(
    client, seeded, django_assert_max_num_queries
):
    """Streams in chunks: per chunk, the page, its partners and its resources (plus the filter
    tables)."""
    with django_assert_max_num_queries(10):
        assert len(read_csv(client.get("/en/open-data/promising-practices.csv"))) == 18


@pytest.mark.parametrize(
    "url, language, title",
    [
        ("/en/open-data/feeds/practices/", "en", "Women-only swim night"),
        ("/fr/donnees-ouvertes/fils/pratiques/", "fr", "Soirée de natation réservée aux femmes"),
    ],
)
def test_practice_feed_is_valid_atom_in_each_language(client, seeded, url, language, title):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert feed.find(f"{ATOM}id").text and feed.find(f"{ATOM}updated").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 18
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.find(f"{ATOM}title").text
        assert entry.find(f"{ATOM}updated").text and entry.find(f"{ATOM}published").text
        assert f"/{language}/" in entry.find(f"{ATOM}link").get("href")
    assert title in [e.find(f"{ATOM}title").text for e in entries]
    published = [e.find(f"{ATOM}published").text for e in entries]
    assert published == sorted(published, reverse=True)


def test_practice_feed_can_follow_a_filter(client, seeded):
    feed = ET.fromstring(client.get("/en/open-data/feeds/practices/?region=atlantic").content)  # noqa: S314
    expected = PromisingPractice.objects.published().filter(region__code="atlantic").count()
    assert len(feed.findall(f"{ATOM}entry")) == expected
    assert "region=atlantic" in feed.find(f"{ATOM}link[@rel='self']").get("href")
