"""The tracker's briefing, as PDF and Word: what an officer reads in them, in both languages."""

import datetime
import io

import docx
import pypdf
import pytest
import time_machine

from recommendations import schedule, summary, tasks
from recommendations.models import Recommendation, Source, Status
from tests.recommendations.conftest import post

pytestmark = pytest.mark.django_db

PDF = "/en/recommendations/briefing.pdf"
DOCX = "/en/recommendations/briefing.docx"
PDF_FR = "/fr/recommandations/note-d-information.pdf"
DOCX_FR = "/fr/recommandations/note-d-information.docx"
TODAY = datetime.date(2024, 6, 15)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2024, 6, 15, 16, tzinfo=datetime.UTC), tick=False):
        yield


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    # Lines, with runs of spaces made one ordinary space (pypdf spaces table cells out).
    lines = (line for page in reader.pages for line in page.extract_text().splitlines())
    return "\n".join(" ".join(line.split()) for line in lines)


def docx_document(response):
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    return docx.Document(io.BytesIO(response.content))


def paragraphs(document):
    return [paragraph.text for paragraph in document.paragraphs]


def tracker_figures(**filters):
    """The tracker's own figures (recommendations.summary) for the items the filters select."""
    items = list(Recommendation.objects.in_report_order())
    for item in items:
        item.overdue = schedule.is_overdue(item, TODAY)
    if "horizon" in filters:
        items = [item for item in items if item.horizon == filters["horizon"]]
    return summary.summarise(items, TODAY)


@pytest.fixture
def history(item):
    r11 = item("R1.1")
    post(r11, status=Status.PLANNED, day=datetime.date(2021, 12, 1), note_en="First plan.")
    post(r11, status=Status.UNDER_WAY, day=datetime.date(2022, 3, 1), note_en="Drafting began.")
    post(r11, status=Status.UNDER_WAY, day=datetime.date(2023, 3, 1), note_en="Draft shared.",
         note_fr="", evidence_links=["https://example.org/draft-definition"])  # fmt: skip
    post(r11, source=Source.WORKING_GROUP, status=Status.STALLED, day=datetime.date(2023, 9, 1),
         note_en="Nothing since.", note_fr="Rien depuis les commentaires.")  # fmt: skip
    return r11


def test_the_pdf_has_a_title_page_then_the_trackers_figures(client, history):
    text = pdf_text(client.get(PDF))
    figures = tracker_figures()
    assert "Recommendations tracker: briefing" in text
    assert "June 15, 2024" in text
    assert "Items in this briefing: 27 of 27." in text
    assert "No filter: every item of the tracker." in text
    assert f"{figures['overdue']} Overdue" in text
    assert f"{figures['disagree']} IRCC and the working group disagree" in text
    assert f"{figures['stale']} No recent update (stale)" in text
    for table in figures["tables"]:
        for row in table.rows.values():
            assert " ".join([str(row["label"]), *map(str, row["cells"])]) in text
        assert "Total " + " ".join(map(str, table.totals)) in text


def test_an_items_section_has_its_text_both_voices_evidence_and_last_three_updates(client, history):
    text = pdf_text(client.get(PDF))
    section = text[text.index("R1.1 " + history.title[:20]) :]
    section = section[: section.index("/en/recommendations/R1.1/")]
    assert history.text.split()[0] in section
    assert "IRCC's latest status\nStatus: Under way (March 1, 2023)\nDraft shared." in section
    assert "https://example.org/draft-definition" in section
    assert "Working group's assessment\nStatus: Stalled (September 1, 2023)" in section
    assert "IRCC and the working group disagree" in section
    # The last three updates, newest first; the current ones' notes are not repeated; the
    # first plan is left to the item's page.
    latest = section[section.index("Latest updates") :]
    assert latest.index("September 1, 2023, Working group: Stalled") < latest.index(
        "March 1, 2023, IRCC: Under way"
    )
    assert "Nothing since." not in latest and "Draft shared." not in latest
    assert "March 1, 2022, IRCC: Under way Drafting began." in latest
    assert "First plan." not in section
    assert "1 earlier update on the item's page." in section


def test_the_word_file_says_the_same_with_the_filters_in_words(client, history):
    document = docx_document(client.get(DOCX, {"horizon": "now", "overdue": "on"}))
    lines = paragraphs(document)
    items = [i for i in Recommendation.objects.all() if i.horizon == "now"]
    overdue_now = [i for i in items if schedule.is_overdue(i, TODAY)]
    assert document.core_properties.language == "en-CA"
    assert "Horizon: Now" in lines
    assert "Overdue only" in lines
    assert f"Items in this briefing: {len(overdue_now)} of 27." in lines
    assert f"{len(overdue_now)} Overdue" in lines
    assert any(line.startswith("R1.1 ") for line in lines)
    assert "Status: Stalled (September 1, 2023)" in lines
    assert "September 1, 2023, Working group: Stalled" in lines
    assert "March 1, 2022, IRCC: Under way Drafting began." in lines
    assert not any(line.startswith("R2.2 ") for line in lines), "R2.2 is a Next item"
    ircc_table = document.tables[0]
    header = [cell.text for cell in ircc_table.rows[0].cells]
    assert header == ["Status", "Now", "Next", "Later", "No horizon", "Total"]
    total = [cell.text for cell in ircc_table.rows[-1].cells]
    assert total == ["Total", str(len(overdue_now)), "0", "0", "0", str(len(overdue_now))]
    assert any("https://example.org/draft-definition" in p._p.xml for p in document.paragraphs)


def test_the_briefing_is_in_french_from_the_french_page(client, history):
    response = client.get(PDF_FR, {"horizon": "now"})
    text = pdf_text(response)
    assert (
        'filename="note-information-suivi-recommandations-2024-06-15.pdf"'
        in response["Content-Disposition"]
    )
    # (pdf_text makes every space an ordinary one.)
    assert "Suivi des recommandations : note" in text
    assert "15 juin 2024" in text
    assert "Horizon : Maintenant" in text
    assert "Rien depuis les commentaires." in text
    # A note not yet translated is shown in English rather than left out.
    assert "Draft shared." in text
    document = docx_document(client.get(DOCX_FR))
    assert document.core_properties.language == "fr-CA"
    assert "Aucun filtre\u00a0: tous les éléments du suivi." in paragraphs(document)


def test_filters_that_select_nothing_give_a_briefing_that_says_so(client, history):
    query = {"horizon": "later", "status": Status.IMPLEMENTED}
    text = pdf_text(client.get(PDF, query))
    assert "Items in this briefing: 0 of 27." in text
    assert "No item matches these filters." in text
    lines = paragraphs(docx_document(client.get(DOCX, query)))
    assert "No item matches these filters." in lines
    assert "Horizon: Later" in lines


@pytest.mark.parametrize(
    "url", ["/de/recommendations/briefing.pdf", "/es/recommandations/note-d-information.docx"]
)
def test_a_language_the_portal_does_not_have_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_the_briefing_is_cached_until_the_tracker_changes(
    client, history, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_assert_num_queries(2):  # the items, their updates
        first = client.get(DOCX)
    with django_assert_num_queries(0):
        assert client.get(DOCX).content == first.content
    with django_capture_on_commit_callbacks(execute=True):
        post(history, status=Status.IMPLEMENTED, note_en="Definition published.",
             evidence_links=["https://example.org/def"], day=datetime.date(2024, 6, 1))  # fmt: skip
    assert "Definition published." in paragraphs(docx_document(client.get(DOCX)))


def test_the_tracker_links_to_the_briefing_with_its_valid_filters(client):
    query = {"horizon": "now", "overdue": "on", "view": "board", "actor": "nobody", "x": "<b>"}
    page = client.get("/en/recommendations/", query).content.decode()
    assert 'href="/en/recommendations/briefing.pdf?horizon=now&amp;overdue=on"' in page
    assert 'href="/en/recommendations/briefing.docx?horizon=now&amp;overdue=on"' in page
    page = client.get("/fr/recommandations/").content.decode()
    assert 'href="/fr/recommandations/note-d-information.pdf"' in page


def test_a_briefing_not_ready_within_a_second_has_a_page_that_refreshes_until_it_is(
    client, history, monkeypatch
):
    queued = []
    monkeypatch.setattr("recommendations.briefing_views.WAIT_SECONDS", 0.1)
    monkeypatch.setattr(
        "recommendations.tasks.build_briefing.delay", lambda *args: queued.append(args)
    )
    waiting = client.get(PDF, {"horizon": "now", "x": "1"})
    assert waiting.status_code == 202
    page = waiting.content.decode()
    assert "Your briefing is being prepared" in page
    assert (
        '<meta http-equiv="refresh" content="3; url=/en/recommendations/briefing.pdf?horizon=now">'
        in page
    )
    client.get(PDF, {"horizon": "now"})
    assert len(queued) == 1, "queued once while it is being made"
    tasks.build_briefing(*queued[0])  # as a worker would
    text = pdf_text(client.get(PDF, {"horizon": "now"}))
    assert "Horizon: Now" in text


def test_the_waiting_page_is_in_french_from_the_french_page(client, monkeypatch):
    monkeypatch.setattr("recommendations.briefing_views.WAIT_SECONDS", 0)
    monkeypatch.setattr("recommendations.tasks.build_briefing.delay", lambda *args: None)
    page = client.get(DOCX_FR, {"overdue": "on"}).content.decode()
    assert "Votre note d’information est en préparation" in page
    assert 'url=/fr/recommandations/note-d-information.docx?overdue=on"' in page
    assert "Relancer le téléchargement (Word)" in page
