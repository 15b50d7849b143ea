"""Documents to take away: PDF from HTML (WeasyPrint) and Word files (python-docx).

Pure functions from data to bytes; the apps assemble the content (recommendations.briefing,
practices.sheet). A document never fetches anything: the PDF's stylesheet is inline in its
template, and the fetcher below refuses every URL, so a link or image in user text cannot make
the server call another host (or read a local file). The PDFs embed Debian's DejaVu Sans
(fonts-dejavu-core, named in templates/documents/_style.html); a Word file embeds no font and keeps
Word's default, which every reader has.
"""

import io

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetchingError

LINK_COLOUR = RGBColor(0x1A, 0x4F, 0x8B)


class NoFetching(URLFetcher):
    """Refuses every URL (http, file, data...): documents are self-contained."""

    def fetch(self, url, headers=None):
        raise URLFetchingError(f"Documents fetch nothing: {url[:80]}")


def pdf_from_html(html, max_pages=None):
    """The PDF of a self-contained HTML page (its CSS inline), as bytes. Tagged (headings,
    lists, tables, the language of the page's <html lang>) for screen readers. None when it
    takes more than `max_pages` pages (laid out once, not written)."""
    document = HTML(string=html, url_fetcher=NoFetching()).render(pdf_tags=True)
    if max_pages is not None and len(document.pages) > max_pages:
        return None
    return document.write_pdf(pdf_tags=True)


# --- Word -------------------------------------------------------------------------------------


def new_docx(language, title):
    """An empty Word document in `language` ("en" or "fr"), titled (file properties) `title`."""
    document = Document()
    document.core_properties.title = title
    document.core_properties.language = f"{language}-CA"
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    # Spell-checking and hyphenation in the document's language.
    run_properties = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), f"{language}-CA")
    run_properties.append(lang)
    return document


def add_paragraph(document, text, style=None, bold_prefix=""):
    """A paragraph, optionally starting with a bold label ("Status: ")."""
    paragraph = document.add_paragraph(style=style)
    if bold_prefix:
        paragraph.add_run(bold_prefix).bold = True
    if text:
        paragraph.add_run(text)
    return paragraph


def add_link(paragraph, url, text=None):
    """A clickable link at the end of `paragraph` (python-docx has no call for it)."""
    part = paragraph.part
    r_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(LINK_COLOUR))
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([colour, underline])
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text or url
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)
    return paragraph


def add_table(document, header, rows, first_column_header=True):
    """A grid table: `header` (a list of cells) then `rows`; the header row repeats on each page."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.text = str(text)
            if first_column_header and index == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return table


def page_break(document):
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def docx_bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
