"""The catalogue: the list of published practices (filters, search, counts) and a practice page."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lib.language import set_alternate_urls
from practices import catalogue
from practices.models import TEXT_FIELDS, GlossaryEntry, PromisingPractice
from workinggroup import roles

MAX_PAGE = 10_000
SLUGS = ("slug_en", "slug_fr")


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
    query = catalogue.Query(
        filters=read_filters(request, facets),
        text=read_query(request),
        sort=request.GET.get("sort", ""),
    )
    results = catalogue.find(query)
    counts = results.counts  # first: without a keyword, the counts give the total too
    pages = results.pages()
    number = read_page(request, pages)
    page = results.page(number)
    context = {
        "filter_groups": filter_groups(facets, counts, query.filters),
        "filtered": bool(query.filters),
        "chips": filter_chips(request, facets, query.filters),
        "query": query.text,
        # The sort chosen ("" for the default), and the order the results are shown in.
        "sort": query.sort if query.sort in catalogue.SORTS else "",
        "sorted_by": shown_order(query),
        "total": results.total,
        "total_shown": number_format(results.total, force_grouping=True),  # as the counts
        "cards": [card(p, facets, page.highlights.get(p.pk)) for p in page.practices],
        "page": number,
        "pages": pages,
        "page_range": page_window(number, pages),
        "max_query_length": catalogue.MAX_QUERY_LENGTH,
        "unsearchable": results.unsearchable,
        "similar": results.similar,
        # The map: the province counts beside the filters, the results per community.
        "province_counts": counts["province"],
        "community_counts": results.by_community,
    }
    return render(request, "practices/practice_list.html", context)


def shown_order(query):
    """The order the results are in: relevance needs a keyword (without one: newest)."""
    if query.sorted_by == "relevance" and not query.text:
        return "newest"
    return query.sorted_by


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
            {
                "param": facet.param,
                "label": facet.label,
                "anything": facet.anything,
                "options": options,
                "active": chosen,
            }
        )
    return list(groups.items())


def filter_chips(request, facets, selection):
    """The active filters as [{label, value, url}]: each url is this search without it."""
    chips = []
    for facet in facets:
        chosen = selection.get(facet.param)
        if chosen is None:
            continue
        rest = request.GET.copy()
        rest.pop(facet.param, None)
        rest.pop("page", None)
        query = rest.urlencode()
        chips.append(
            {
                "label": facet.label,
                "value": chosen.label,
                "url": reverse("practice_list") + (f"?{query}" if query else ""),
            }
        )
    return chips


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
    if len(text) > catalogue.MAX_QUERY_LENGTH:
        messages.info(
            request,
            _("Your search was longer than %(limit)d characters: only the start was used.")
            % {"limit": catalogue.MAX_QUERY_LENGTH},
        )
        text = text[: catalogue.MAX_QUERY_LENGTH]
    return text


def read_page(request, pages):
    """The page number asked for, or the nearest there is (with a message saying so)."""
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
    return page


def page_window(page, pages, around=2):
    shown = {1, pages, *range(max(1, page - around), min(pages, page + around) + 1)}
    return sorted(shown)


def card(practice, facets, passages):
    language = get_language()
    # Its title and summary in the page's language when it has them (even if its body is not
    # translated yet: the practice page says which parts are shown in the other language).
    has_card = getattr(practice, f"title_{language}") and getattr(practice, f"summary_{language}")
    lang = language if has_card else other(language)
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


def search_help(request):
    """How the search reads a keyword, and the glossary of settlement terms it applies."""
    entries = GlossaryEntry.objects.order_by("phrase_en" if get_language() == "en" else "phrase_fr")
    return render(request, "practices/search_help.html", {"entries": list(entries)})


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
    editor = roles.has_role(request.user, roles.EDITOR, roles.ADMINISTRATOR)
    names_hidden = anonymous and not editor
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
        "related": catalogue.related_practices(practice),
        "resources": catalogue.practice_resources(practice, request.user, may_review=editor),
        "date_modified": practice.updated_at,
    }
    short_url = settings.SITE_URL + reverse("practice_short", kwargs={"pk": practice.pk})
    author = settings.PORTAL_NAME if names_hidden else practice.lead_organization.name
    context["short_url"] = short_url
    context["citation"] = citation(practice, texts["title"]["text"], author, short_url)
    return render(request, "practices/practice_detail.html", context)


def practice_short(request, pk):
    """The short address cited and shared: it leads to the practice's page, whatever its title."""
    practice = get_object_or_404(PromisingPractice.objects.published().only("pk", *SLUGS), pk=pk)
    return redirect(practice.get_absolute_url())


def citation(practice, title, author, short_url):
    """A citation in the page's language, with today's date as the retrieval date."""
    year = practice.published_at.year if practice.published_at else ""
    return _("%(author)s (%(year)s). %(title)s. %(portal)s. Retrieved %(date)s, from %(url)s") % {
        "author": author,
        "year": year,
        "title": title,
        "portal": settings.PORTAL_NAME,
        "date": date_format(timezone.localdate(), "DATE_FORMAT"),
        "url": short_url,
    }


def text_in(practice, name, language):
    """The text in the page's language, else in the other one, and the language it is in."""
    for code in (language, other(language)):
        value = getattr(practice, f"{name}_{code}")
        if value:
            return {"text": value, "lang": code}
    return {"text": "", "lang": language}
