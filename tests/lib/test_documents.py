"""lib.documents: PDF and Word bytes from data, fetching nothing."""

import io
import socket

import docx
import pypdf
import pytest
from weasyprint.urls import URLFetchingError

from lib import documents


@pytest.fixture
def connections(monkeypatch):
    """Every connection attempted, refused (WeasyPrint would swallow an exception: it is the
    list the test checks)."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.mark.parametrize(
    "url", ["https://example.org/x.png", "file:///etc/passwd", "data:text/css,p{}"]
)
def test_the_fetcher_refuses_every_url(url):
    with pytest.raises(URLFetchingError):
        documents.NoFetching().fetch(url)


def test_a_pdf_with_outside_images_and_stylesheets_is_made_without_fetching_them(connections):
    html = (
        '<html lang="fr"><head><link rel="stylesheet" href="https://cdn.example.org/a.css">'
        '<link rel="stylesheet" href="file:///etc/passwd"></head><body>'
        '<h1>Étape suivante : « été »</h1><img src="http://example.org/tracker.png" alt="">'
        '<p><a href="https://example.org/">Un lien</a></p></body></html>'
    )
    reader = pypdf.PdfReader(io.BytesIO(documents.pdf_from_html(html)))
    text = reader.pages[0].extract_text()
    assert "Étape suivante : « été »" in text
    assert "Un lien" in text
    assert connections == []
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fr", "a screen reader reads it in French"
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog, "tagged PDF"


def test_a_word_file_has_its_language_headings_tables_and_links():
    document = documents.new_docx("fr", "Titre")
    document.add_heading("Titre", level=0)
    documents.add_paragraph(document, "suivi", bold_prefix="Statut : ")
    documents.add_link(document.add_paragraph(), "https://example.org/preuve", "Preuve")
    documents.add_table(document, ["Statut", "Total"], [["En cours", 3]])
    reread = docx.Document(io.BytesIO(documents.docx_bytes(document)))
    assert reread.core_properties.language == "fr-CA"
    assert reread.core_properties.title == "Titre"
    assert [p.text for p in reread.paragraphs][:3] == ["Titre", "Statut : suivi", "Preuve"]
    assert reread.paragraphs[1].runs[0].bold
    assert "https://example.org/preuve" in {r.target_ref for r in reread.part.rels.values()}
    assert [[c.text for c in row.cells] for row in reread.tables[0].rows] == [
        ["Statut", "Total"],
        ["En cours", "3"],
    ]
