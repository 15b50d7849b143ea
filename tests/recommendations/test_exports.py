"""The tracker to take away: CSV, JSON and the Atom feed."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
import time_machine

from recommendations.models import Source, StatusUpdate
from tests.recommendations.conftest import post

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2024, 6, 15, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def history(item):
    first = post(
        item("R1.1"), status="planned", day=datetime.date(2021, 12, 1), note_fr="Prévu à l’été"
    )
    post(item("R1.1"), status="under_way", day=datetime.date(2022, 3, 1), corrects=first)
    post(
        item("R1.1"),
        source=Source.WORKING_GROUP,
        status="stalled",
        evidence_links=["https://e.ca/a", "https://e.ca/b"],
    )
    return first


def read_csv(response):
    body = response.content
    assert body.startswith("\ufeff".encode()), "Excel needs the BOM to read UTF-8"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    # Semicolons in French, for Excel where the decimal mark is a comma (fr-CA).
    delimiter = ";" if response.wsgi_request.path.startswith("/fr/") else ","
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=delimiter))


def test_the_items_csv_has_every_item_with_both_voices_current_status(client, history):
    rows = read_csv(client.get("/en/recommendations/recommendations-tracker.csv"))
    assert len(rows) == 27
    r11 = next(r for r in rows if r["code"] == "R1.1")
    assert r11["title_fr"] == "Élaborer ensemble une définition pratique de l'innovation"
    assert (r11["ircc_status"], r11["ircc_status_date"]) == ("under_way", "2022-03-01")
    assert (r11["wg_status"], r11["voices_disagree"]) == ("stalled", "yes")
    assert (r11["window_starts"], r11["window_ends"]) == ("2021-08-01", "2022-02-01")
    assert r11["url"].endswith("/en/recommendations/R1.1/")


def test_the_history_csv_keeps_every_entry_including_corrected_ones(client, history):
    rows = read_csv(client.get("/en/recommendations/status-history.csv"))
    assert len(rows) == 3
    corrected = next(r for r in rows if r["id"] == str(history.pk))
    assert corrected["note_fr"] == "Prévu à l’été"
    assert next(r for r in rows if r["corrects"] == str(history.pk))["status"] == "under_way"
    assert (
        next(r for r in rows if r["voice"] == "wg")["evidence_links"]
        == "https://e.ca/a https://e.ca/b"
    )


def test_a_csv_from_a_french_page_is_french(client, history):
    """parity.md P10: French file name, column names, words beside the codes, oui/non."""
    response = client.get("/fr/recommandations/suivi-des-recommandations.csv")
    assert 'filename="suivi-des-recommandations.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    r11 = next(r for r in rows if r["code"] == "R1.1")
    assert r11["statut_groupe_travail"] == "stalled"
    assert r11["statut_groupe_travail (libellé)"] == "Au point mort"
    assert r11["horizon (libellé)"] == "Maintenant"
    assert r11["voix_divergentes"] == "oui"
    history_rows = read_csv(client.get("/fr/recommandations/historique-des-statuts.csv"))
    assert {r["voix (libellé)"] for r in history_rows} >= {"IRCC"}


def test_the_json_export_has_rules_current_status_and_full_history(client, history):
    response = client.get("/en/recommendations/recommendations-tracker.json")
    data = json.loads(response.content)
    assert data["report_date"] == "2021-08-01"
    assert data["horizons"]["later"] == {"starts": "2023-08-01", "ends": "2023-11-14"}
    r11 = next(r for r in data["recommendations"] if r["code"] == "R1.1")
    assert r11["overdue"] is True  # the working group says stalled, after the window
    assert [u["status"] for u in r11["history"]] == ["planned", "under_way", "stalled"]
    assert {u["voice"] for u in r11["history"]} == {"ircc", "wg"}
    assert len(data["recommendations"]) == 27


def test_exports_read_the_history_in_one_query(client, history, django_assert_max_num_queries):
    for day in range(1, 25):
        post(StatusUpdate.objects.first().recommendation, day=datetime.date(2023, 1, day))
    with django_assert_max_num_queries(2):  # items, history
        client.get("/en/recommendations/recommendations-tracker.json")


@pytest.mark.parametrize(
    ("url", "title", "status"),
    [
        ("/en/recommendations/feed/", "Recommendations tracker: status updates", "Under way"),
        (
            "/fr/recommandations/fil/",
            "Suivi des recommandations\u00a0: mises à jour des statuts",
            "En cours",
        ),
    ],
)
def test_the_atom_feed_lists_status_updates_in_each_language(client, history, url, title, status):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert feed.find(f"{ATOM}title").text == title
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    assert any(status in e.find(f"{ATOM}title").text for e in entries)
    link = entries[0].find(f"{ATOM}link").get("href")
    assert url.split("/")[1] in link and "#update-" in link


def test_a_note_in_the_other_language_is_marked_in_the_feed(client, history, item):
    """A note written only in French: the English feed says its summary is French (xml:lang),
    the French feed marks nothing; notes in both languages are never marked."""
    post(item("R2.1"), note_en="", note_fr="Seulement en français.")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for url, marked in (("/en/recommendations/feed/", ["fr"]), ("/fr/recommandations/fil/", [])):
        feed = ET.fromstring(client.get(url).content)  # noqa: S314 - our own feed
        summaries = [e.find(f"{ATOM}summary") for e in feed.findall(f"{ATOM}entry")]
        assert [s.get(lang) for s in summaries if s is not None and s.get(lang)] == marked


def test_the_csv_files_open_in_excel_with_words_in_their_language(client, history):
    """Issue 16: BOM, the separator Excel expects in each language, words beside the codes."""
    english = client.get("/en/recommendations/recommendations-tracker.csv")
    header = english.content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("code,kind,kind (label),")
    r11 = next(r for r in read_csv(english) if r["code"] == "R1.1")
    assert (r11["ircc_status"], r11["ircc_status (label)"]) == ("under_way", "Under way")
    french = client.get("/fr/recommandations/suivi-des-recommandations.csv")
    header = french.content.decode("utf-8-sig").splitlines()[0]
    assert header.count(";") > 10 and "," not in header
