"""The tracker's briefing: what the tracker page shows (its filters applied), as a PDF or a Word
file an IRCC officer takes into a meeting (docs/tracker.md#briefing).

content() gathers everything in the current language as plain strings and numbers, in two
queries; pdf() and docx() turn it into bytes with lib.documents. The counts come from
summary.summarise(), the tracker's own figures, so the briefing and the page cannot differ.
A finished file is cached until the tracker changes (models.tracker_version()) or the day does;
a long one is made by a Celery task (tasks.build_briefing) while the person waits on a page that
refreshes itself (briefing_views).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from lib import documents
from recommendations import schedule, summary
from recommendations.models import (
    Actor,
    Horizon,
    Kind,
    Recommendation,
    Source,
    Status,
    StatusUpdate,
)
from recommendations.views import (
    TrackerFilters,
    _annotate,  # the flags TrackerFilters.match reads
)

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
LAST_UPDATES = 3
CACHE_SECONDS = 24 * 3600


def query_string(wanted):
    """The filters as a URL's query ("?horizon=now&overdue=on"), from valid values only, so no
    tampered parameter is echoed; "" without filters."""
    query = QueryDict(mutable=True)
    query.update({k: "on" if v is True else v for k, v in wanted.items() if k != "view"})
    return f"?{query.urlencode()}" if query else ""


def build_content(wanted, today):
    """content() for the tracker's valid filters `wanted`, loading the items (two queries)."""
    items = _annotate(list(Recommendation.objects.in_report_order()), today)
    matching = [item for item in items if TrackerFilters.match(item, wanted)]
    return content(items, matching, filters_in_words(TrackerFilters(), wanted), today)


def filters_in_words(form, wanted):
    """The tracker's valid filters as a reader says them: ["Horizon: Now", "Overdue only"]."""
    words = []
    for name, value in wanted.items():
        if name == "view":
            continue
        field = form.fields[name]
        if value is True:
            words.append(str(field.label))
        else:
            choice = dict(field.choices).get(value, value)
            words.append(_("%(filter)s: %(value)s") % {"filter": field.label, "value": choice})
    return words


def content(all_items, matching, filter_words, today):
    """Everything the briefing says, in the current language. `all_items` and `matching` are the
    tracker's items (annotated by the view), `matching` those its filters select."""
    statuses = {value: str(label) for value, label in Status.choices}
    figures = summary.summarise(matching, today)
    updates = _updates_by_item(matching)
    return {
        "language": get_language(),
        "title": _("Recommendations tracker: briefing"),
        "date": date_format(today, "DATE_FORMAT"),
        "date_iso": today.isoformat(),
        "filters": filter_words,
        "shown": _("Items in this briefing: %(counter)s of %(total)s.")
        % {"counter": len(matching), "total": len(all_items)},
        "empty": not matching,
        "summary": {
            "columns": [str(column) for column in figures["columns"]],
            "tables": [
                {
                    "caption": _("Status by horizon, according to: %(voice)s") % {"voice": t.label},
                    "rows": [[str(r["label"]), *r["cells"]] for r in t.rows.values()],
                    "totals": t.totals,
                }
                for t in figures["tables"]
            ],
            "counts": [
                (figures["overdue"], _("Overdue")),
                (figures["disagree"], _("IRCC and the working group disagree")),
                (figures["stale"], _("No recent update (stale)")),
            ],
        },
        "items": [_item(item, updates.get(item.pk, []), statuses, today) for item in matching],
        "source_line": _("From the tracker at %(url)s, on %(date)s.")
        % {"url": _site(_tracker_path()), "date": date_format(today, "DATE_FORMAT")},
    }


def _tracker_path():
    return reverse("recommendation_list")


def _site(path):
    return f"{settings.SITE_URL}{path}"


def _updates_by_item(items):
    """Every status update of these items, newest first, grouped by item (one query)."""
    grouped = {}
    queryset = StatusUpdate.objects.filter(recommendation__in=[item.pk for item in items])
    for update in queryset.order_by("-effective_date", "-created_at", "-pk"):
        grouped.setdefault(update.recommendation_id, []).append(update)
    return grouped


def _note(update):
    """The note in the current language, else in the other one."""
    language = get_language()
    other = next(code for code, _name in settings.LANGUAGES if code != language)
    return getattr(update, f"note_{language}", "") or getattr(update, f"note_{other}", "")


def _voice(label, update, statuses):
    if update is None:
        return {"label": label, "status": _("No update yet"), "date": "", "note": "", "links": []}
    return {
        "label": label,
        "status": statuses[update.status],
        "date": date_format(update.effective_date, "DATE_FORMAT"),
        "note": _note(update),
        "links": list(update.evidence_links),
    }


def _item(item, updates, statuses, today):
    current = schedule.current_updates(updates)
    span = schedule.window(item)
    flags = []
    if item.overdue:
        flags.append(_("Overdue"))
    if item.disagree:
        flags.append(_("IRCC and the working group disagree"))
    if item.stale:
        flags.append(_("No recent update (stale)"))
    facts = [str(Kind(item.kind).label), str(Actor(item.actor).label)]
    if span:
        facts.insert(
            1,
            _("%(horizon)s: %(starts)s to %(ends)s")
            % {
                "horizon": Horizon(item.horizon).label,
                "starts": date_format(span.starts, "DATE_FORMAT"),
                "ends": date_format(span.ends, "DATE_FORMAT"),
            },
        )
    return {
        "code": item.code,
        "title": item.title,
        "facts": " · ".join(facts),
        "flags": flags,
        "text": item.text,
        "voices": [
            _voice(_("IRCC's latest status"), current.get(Source.IRCC), statuses),
            _voice(_("Working group's assessment"), current.get(Source.WORKING_GROUP), statuses),
        ],
        "updates": [
            {
                "heading": _("%(date)s, %(voice)s: %(status)s")
                % {
                    "date": date_format(update.effective_date, "DATE_FORMAT"),
                    "voice": Source(update.source).label,
                    "status": statuses[update.status],
                },
                # A voice's current update is told in full just above: not twice.
                "note": "" if update in current.values() else _note(update),
            }
            for update in updates[:LAST_UPDATES]
        ],
        "more_updates": ngettext(
            "%(count)s earlier update on the item's page.",
            "%(count)s earlier updates on the item's page.",
            max(0, len(updates) - LAST_UPDATES),
        )
        % {"count": len(updates) - LAST_UPDATES}
        if len(updates) > LAST_UPDATES
        else "",
        "url": _site(item.get_absolute_url()),
    }


# --- Files --------------------------------------------------------------------------------------


def file_name(fmt, today):
    return _("recommendations-briefing-%(date)s.%(format)s") % {
        "date": today.isoformat(),
        "format": fmt,
    }


def pdf(data):
    return documents.pdf_from_html(render_to_string("recommendations/briefing.html", data))


def docx(data):
    document = documents.new_docx(data["language"], data["title"])
    document.add_heading(data["title"], level=0)
    documents.add_paragraph(document, data["date"])
    _docx_filters(document, data)
    documents.add_paragraph(document, data["source_line"])
    if data["empty"]:
        documents.add_paragraph(document, _("No item matches these filters."))
        return documents.docx_bytes(document)
    documents.page_break(document)
    document.add_heading(_("Where things stand"), level=1)
    for number, label in data["summary"]["counts"]:
        documents.add_paragraph(document, label, style="List Bullet", bold_prefix=f"{number} ")
    for table in data["summary"]["tables"]:
        documents.add_paragraph(document, table["caption"], bold_prefix="")
        documents.add_table(
            document,
            [_("Status"), *data["summary"]["columns"], _("Total")],
            [*table["rows"], [_("Total"), *table["totals"]]],
        )
    for item in data["items"]:
        _docx_item(document, item)
    return documents.docx_bytes(document)


def _docx_filters(document, data):
    documents.add_paragraph(document, data["shown"])
    if data["filters"]:
        documents.add_paragraph(document, "", bold_prefix=_("Filters applied:"))
        for words in data["filters"]:
            documents.add_paragraph(document, words, style="List Bullet")
    else:
        documents.add_paragraph(document, _("No filter: every item of the tracker."))


def _docx_item(document, item):
    document.add_heading(f"{item['code']} {item['title']}", level=1)
    documents.add_paragraph(document, item["facts"])
    if item["flags"]:
        documents.add_paragraph(document, "", bold_prefix=" · ".join(item["flags"]))
    documents.add_paragraph(document, item["text"])
    for voice in item["voices"]:
        document.add_heading(voice["label"], level=2)
        status = f"{voice['status']} ({voice['date']})" if voice["date"] else voice["status"]
        documents.add_paragraph(document, status, bold_prefix=_("Status:") + " ")
        if voice["note"]:
            documents.add_paragraph(document, voice["note"])
        for link in voice["links"]:
            documents.add_link(document.add_paragraph(style="List Bullet"), link)
    if item["updates"]:
        document.add_heading(_("Latest updates"), level=2)
        for update in item["updates"]:
            heading = f"{update['heading']} " if update["note"] else update["heading"]
            documents.add_paragraph(document, update["note"], "List Bullet", heading)
        if item["more_updates"]:
            documents.add_paragraph(document, item["more_updates"])
    documents.add_link(document.add_paragraph(), item["url"])


RENDERERS = {"pdf": pdf, "docx": docx}


def cache_key(fmt, wanted, today, version):
    """Where a file is kept: per tracker version, language, format, day and filters."""
    filters = "&".join(f"{k}={v}" for k, v in sorted(wanted.items()) if k != "view")
    digest = hashlib.sha256(filters.encode()).hexdigest()[:16]
    return f"briefing:{version}:{get_language()}:{fmt}:{today.isoformat()}:{digest}"


def build_file(key, fmt, wanted, today):
    """Make the file (in the current language) and keep it under `key`; returns its bytes."""
    body = RENDERERS[fmt](build_content(wanted, today))
    cache.set(key, body, CACHE_SECONDS)
    return body
