"""A practice on one printed page: the practice sheet (PDF), for a meeting or for a partner
without web access (docs/catalogue.md#practice-sheet).

Each text is cut to its share of the page and ends with the page's address when cut; the rest is
on the web page. Like the page, a practice whose lessons were shared anonymously shows no
organization and no contact: the sheet is public, whoever downloads it.
"""

import html

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib import documents, markdown
from practices import catalogue
from practices.models import PromisingPractice
from practices.views import text_in

# Characters of plain text each part may take, so that the whole fits one letter-size page.
# (Measured with every part at its longest, a contact and 30 resources: tests/practices.)
LIMITS = {"summary": 300, "description": 1000, "outcomes": 500, "lessons": 500}
# What is left of those limits when the page still overflows (a title of three lines, a long
# address): tried in turn until the sheet fits one page.
SHARES = (1, 0.75, 0.5, 0.25)
# Resources listed by name; the rest are counted, with the page's address.
MAX_RESOURCES = 10
# A resource's title (up to 200 characters) and address (up to 500) printed in full pushed ten
# resources onto a second and third page: each gets one line of its column for its title and
# one for its address (the link itself keeps the whole address).
RESOURCE_TITLE = 50
RESOURCE_ADDRESS = 48


def plain(text):
    """Markdown as the plain text a reader sees (no markup, paragraphs kept)."""
    return html.unescape(strip_tags(str(markdown.render(text)))).strip()


def cut(text, limit):
    """(text, was_cut): at most `limit` characters, cut between words, with an ellipsis."""
    if len(text) <= limit:
        return text, False
    head = text[: limit - 1]
    if " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:.") + "…", True


def shown_address(address):
    """An address as printed: cut to one line of the resources' column."""
    if len(address) <= RESOURCE_ADDRESS:
        return address
    return address[: RESOURCE_ADDRESS - 1] + "…"


def content(practice, resources=(), share=1):
    """What the sheet shows, in the current language (the page's). `resources` are
    (title, address) pairs (public_resources()); `share`: of each text's limit (SHARES)."""
    language = get_language()
    texts = {name: text_in(practice, name, language) for name in LIMITS}
    anonymous = practice.lessons_anonymous
    url = settings.SITE_URL + practice.get_absolute_url()
    parts = []
    for name, heading in (
        ("description", _("How it works")),
        ("outcomes", _("Outcomes")),
        ("lessons", _("What did not work")),
    ):
        text, was_cut = cut(plain(texts[name]["text"]), round(LIMITS[name] * share))
        if text:
            parts.append(
                {"heading": heading, "text": text, "lang": texts[name]["lang"], "cut": was_cut}
            )
    summary, summary_cut = cut(texts["summary"]["text"], round(LIMITS["summary"] * share))
    title = text_in(practice, "title", language)
    where = [practice.province.name, practice.region.name]
    if practice.community:
        where.insert(0, practice.community.name)
    resources = list(resources)
    return {
        "language": language,
        "title": title["text"],
        "title_lang": title["lang"],
        "organization": _("Shared anonymously") if anonymous else practice.lead_organization.name,
        "where": ", ".join(where),
        "summary": summary,
        "summary_lang": texts["summary"]["lang"],
        "summary_cut": summary_cut,
        "parts": parts,
        "contact": None if anonymous else _contact(practice, language),
        "resources": [
            {
                "title": cut(title, RESOURCE_TITLE)[0],
                "address": address,
                "shown": shown_address(address) if address else "",
            }
            for title, address in resources[:MAX_RESOURCES]
        ],
        "more_resources": len(resources) - MAX_RESOURCES if len(resources) > MAX_RESOURCES else 0,
        "shortened": summary_cut or any(part["cut"] for part in parts),
        "url": url,
        "portal": str(settings.PORTAL_NAME),
    }


def _contact(practice, language):
    if not (practice.contact_name or practice.contact_email or practice.contact_phone):
        return None
    role = text_in(practice, "contact_role", language)["text"]
    return {
        "name": ", ".join(part for part in (practice.contact_name, role) if part),
        "organization": practice.lead_organization.name,
        "phone": practice.contact_phone,
        "email": practice.contact_email,
    }


def public_resources(practice):
    """(title, address) of the resources everyone sees (links, files scanned clean), in order:
    the sheet is public, whoever downloads it."""
    return [
        (
            resource.title,
            resource.href if "://" in resource.href else settings.SITE_URL + resource.href,
        )
        for resource in catalogue.practice_resources(practice, None)
    ]


def pdf(data, max_pages=None):
    return documents.pdf_from_html(render_to_string("practices/sheet.html", data), max_pages)


def one_page_pdf(practice, resources=()):
    """The sheet's PDF on one page: its texts cut shorter (SHARES) while it does not fit."""
    for share in SHARES[:-1]:
        body = pdf(content(practice, resources, share), max_pages=1)
        if body is not None:
            return body
    return pdf(content(practice, resources, SHARES[-1]))


def practice_sheet(request, pk):
    """The sheet of a published practice, in the page's language."""
    practice = get_object_or_404(
        PromisingPractice.objects.published().select_related(
            "lead_organization", "province", "region", "community"
        ),
        pk=pk,
    )
    response = HttpResponse(
        one_page_pdf(practice, public_resources(practice)), content_type="application/pdf"
    )
    title = text_in(practice, "title", get_language())["text"]
    name = _("practice-sheet-%(pk)s-%(title)s.pdf") % {
        "pk": practice.pk,
        "title": slugify(title)[:60],
    }
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
