"""The catalogue: the list of published practices (filters, search, counts) and a practice page."""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib.language import set_alternate_urls
from practices import catalogue, search
from practices.models import TEXT_FIELDS, PromisingPractice
from practices.queries import as_cards, related_practices
from workinggroup import roles

PAGE_SIZE = 20
MAX_PAGE = 10_000
SORTS = ("relevance", "newest", "adapted")


@dataclass
class Card:
    """A result as the list shows it: the practice, its language, its matching passage."""

    practice: object
    lang: str  # the language its title and summary are shown in
    themes: list
    passage: str | None = None
    passage_lang: str | None = None


def practice_list(request):
    facets = catalogue.current_facets()
    selection = read_filters(request, facets)
    text = read_query(request)
    sort = request.GET.get("sort")
    if sort not in SORTS:
        sort = "relevance" if text else "newest"
    conditions = [choice.condition for choice in selection.values()]
    published = PromisingPractice.objects.published()

    if text:
        # The keyword's own candidates: what another choice of a chosen filter would give is
        # counted among them (exact below CANDIDATES matches).
        everywhere = search.candidate_rows(published, text) if selection else []
        if selection and len(everywhere) < search.CANDIDATES:
            # They are all its matches: those the filters keep are the results, no query.
            rows = catalogue.kept(everywhere, selection)
        else:
            within = catalogue.within(published, selection)
            rows = search.candidate_rows(within, text, bool(selection))
        counts, total = catalogue.search_counts(facets, selection, text, rows, everywhere)
        results = search.among([row[0] for row in rows])
        results = search.by_relevance(results, text) if sort == "relevance" else results
    else:
        counts, total = catalogue.facet_counts(facets, selection)
        results = published.filter(*conditions)
    if sort == "newest":
        results = results.newest_first()
    elif sort == "adapted":
        # Matches the partial index practice_pub_most_adapted.
        results = results.order_by("-adaptation_count", "-published_at", "-id")

    page, pages = read_page(request, total)
    practices = list(as_cards(results)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    passages = search.headlines([p.pk for p in practices], text) if text else {}
    context = {
        "filter_groups": filter_groups(facets, counts, selection),
        "filtered": bool(selection),
        "query": text,
        "sort": sort,
        "total": total,
        "bounded": bool(text) and total >= search.CANDIDATES,
        "candidates": search.CANDIDATES,
        "cards": [card(p, facets, passages.get(p.pk)) for p in practices],
        "page": page,
        "pages": pages,
        "page_range": page_window(page, pages),
        "max_query_length": search.MAX_QUERY_LENGTH,
        "similar": search.similar_titles(published.for_cards(), text) if text and not total else [],
    }
    return render(request, "practices/practice_list.html", context)


def filter_groups(facets, counts, selection):
    """The filter form's fieldsets: [(legend, [facet with its options and counts])]."""
    groups = {}
    for facet in facets:
        chosen = selection.get(facet.param)
        found = counts[facet.param]
        # The options' HTML built here, not in the template: some 80 options on every list
        # page cost several milliseconds as a template loop.
        options = mark_safe(  # noqa: S308 - every value and text escaped
            "".join(
                f'<option value="{escape(c.value)}"'
                f"{' selected' if chosen is not None and chosen.value == c.value else ''}>"
                f"{escape(f'{c.label} ({number(found.get(c.value, 0))})')}</option>\n        "
                for c in facet.choices
            )
        )
        groups.setdefault(facet.group, []).append(
            {"param": facet.param, "label": facet.label, "options": options, "active": chosen}
        )
    return list(groups.items())


def number(value):
    return number_format(value, force_grouping=True)


def read_filters(request, facets):
    """The valid filters of the query string; a message for each value we do not know."""
    selection = {}
    for facet in facets:
        value = request.GET.get(facet.param, "").strip()
        if not value:
            continue
        choice = facet.choice(value)
        if choice is None:
            messages.warning(
                request,
                _("“%(value)s” is not a choice for %(filter)s: that filter was left out.")
                % {"value": value[:50], "filter": facet.label},
            )
            continue
        selection[facet.param] = choice
    return selection


def read_query(request):
    text = " ".join(request.GET.get("q", "").split())
    if len(text) > search.MAX_QUERY_LENGTH:
        messages.info(
            request,
            _("Your search was longer than %(limit)d characters: only the start was used.")
            % {"limit": search.MAX_QUERY_LENGTH},
        )
        text = text[: search.MAX_QUERY_LENGTH]
    return text


def read_page(request, total):
    pages = max(1, -(-total // PAGE_SIZE))
    raw = request.GET.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        page = 0
    if not 1 <= page <= min(pages, MAX_PAGE):
        if raw != "1":
            messages.info(
                request,
                _("There is no page %(page)s: here is page %(shown)d of %(pages)d.")
                % {"page": raw[:20], "shown": min(max(page, 1), pages), "pages": pages},
            )
        page = min(max(page, 1), pages)
    return page, pages


def page_window(page, pages, around=2):
    shown = {1, pages, *range(max(1, page - around), min(pages, page + around) + 1)}
    return sorted(shown)


def card(practice, facets, passages):
    language = get_language()
    lang = language if getattr(practice, f"has_{language}") else other(language)
    themes = [
        c.label
        for c in next(f for f in facets if f.param == "theme").choices
        if practice.theme_bits & (1 << c.bit)
    ]
    result = Card(practice, lang, themes)
    if passages:
        for code in (language, other(language)):
            if passages.get(code):
                result.passage, result.passage_lang = passages[code], code
                break
    return result


def other(language):
    return "fr" if language == "en" else "en"


def practice_detail(request, pk, slug):
    practice = get_object_or_404(
        PromisingPractice.objects.published().select_related(
            "lead_organization", "province", "region", "community"
        ),
        pk=pk,
    )
    if slug != practice.slug:
        return redirect(practice.get_absolute_url(), permanent=True)
    set_alternate_urls(request, practice)
    language = get_language()
    texts = {name: text_in(practice, name, language) for name in (*TEXT_FIELDS, "contact_role")}
    # Lessons shared anonymously: the public sees no organization and no contact; editors do.
    anonymous = practice.lessons_anonymous
    names_hidden = anonymous and not roles.has_role(request.user, roles.EDITOR, roles.ADMINISTRATOR)
    has_contact = practice.contact_name or practice.contact_email or practice.contact_phone
    if names_hidden:
        texts["contact_role"] = {"text": "", "lang": language}
    context = {
        "practice": practice,
        "texts": texts,
        "fallback": sorted({t["lang"] for t in texts.values() if t["lang"] != language}),
        "names_hidden": names_hidden,
        "names_hidden_note": anonymous and not names_hidden,
        "show_contact": bool(has_contact) and not names_hidden,
        "partners": [] if names_hidden else list(practice.partner_organizations.all()),
        "themes": list(practice.themes.all()),
        "client_groups": list(practice.client_groups.all()),
        "related": related_practices(practice),
        "date_modified": practice.updated_at,
    }
    return render(request, "practices/practice_detail.html", context)


def text_in(practice, name, language):
    """The text in the page's language, else in the other one, and the language it is in."""
    for code in (language, other(language)):
        value = getattr(practice, f"{name}_{code}")
        if value:
            return {"text": value, "lang": code}
    return {"text": "", "lang": language}
