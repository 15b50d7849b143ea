"""The whole tracker, to take away: CSV (one file of items with their current status, one of the
full history) and JSON (both together). Both languages in every export; dates ISO 8601.

CSV files start with a byte-order mark so that Excel opens them as UTF-8 and shows French accents.
A CSV is in the language of the page it is downloaded from (docs/open-data.md): its file name and
column names, yes/no, and beside each coded column (codes are stable, for programs) a `…_label`
column with the words a reader sees on the page. The French file is separated by semicolons, as
Excel expects where the decimal mark is a comma (fr-CA); the English one by commas.
"""

import csv
import io

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from recommendations import schedule
from recommendations.models import (
    Actor,
    Horizon,
    Kind,
    Principle,
    Recommendation,
    Source,
    Status,
    StatusUpdate,
)

# Coded columns and the choices that name their codes; each gets a "<column>_label" beside it.
CODED = {
    "kind": Kind,
    "horizon": Horizon,
    "lead_actor": Actor,
    "principle": Principle,
    "ircc_status": Status,
    "wg_status": Status,
    "voice": Source,
    "status": Status,
}

ITEM_COLUMNS = [
    "code",
    "kind",
    "parent",
    "title_en",
    "title_fr",
    "horizon",
    "window_starts",
    "window_ends",
    "lead_actor",
    "principle",
    "priority_rank",
    "ircc_status",
    "ircc_status_date",
    "wg_status",
    "wg_status_date",
    "overdue",
    "stale",
    "voices_disagree",
    "url",
]
HISTORY_COLUMNS = [
    "id",
    "code",
    "voice",
    "status",
    "effective_date",
    "posted_at",
    "author_role",
    "author_organization",
    "note_en",
    "note_fr",
    "evidence_links",
    "corrects",
]


def _iso(value):
    return value.isoformat() if value else ""


def _item_url(item):
    return f"{settings.SITE_URL}{item.get_absolute_url()}"


def item_record(item, today, parents):
    span = schedule.window(item)
    return {
        "code": item.code,
        "kind": item.kind,
        "parent": parents.get(item.parent_id, ""),
        "title_en": item.title_en,
        "title_fr": item.title_fr,
        "horizon": item.horizon,
        "window_starts": _iso(span.starts if span else None),
        "window_ends": _iso(span.ends if span else None),
        "lead_actor": item.actor,
        "principle": item.principle,
        "priority_rank": item.priority_rank,
        "ircc_status": item.ircc_status,
        "ircc_status_date": _iso(item.ircc_status_date),
        "wg_status": item.wg_status,
        "wg_status_date": _iso(item.wg_status_date),
        "overdue": schedule.is_overdue(item, today),
        "stale": schedule.is_stale(item, today),
        "voices_disagree": schedule.voices_disagree(item),
        "url": _item_url(item),
    }


def update_record(update, codes):
    return {
        "id": update.pk,
        "code": codes[update.recommendation_id],
        "voice": update.source,
        "status": update.status,
        "effective_date": _iso(update.effective_date),
        "posted_at": _iso(update.created_at),
        "author_role": update.author_role,
        "author_organization": update.author_organization.name
        if update.author_organization
        else "",
        "note_en": update.note_en,
        "note_fr": update.note_fr,
        "evidence_links": list(update.evidence_links),
        "corrects": update.corrects_id,
    }


def _items():
    items = list(Recommendation.objects.in_report_order())
    return items, {item.pk: item.code for item in items}


def _history():
    return StatusUpdate.objects.select_related("author_organization").order_by(
        "recommendation__order", "source", "effective_date", "created_at", "pk"
    )


def _csv_columns(columns):
    return [
        name
        for column in columns
        for name in ([column, f"{column}_label"] if column in CODED else [column])
    ]


def _csv_header(column):
    """The column's name in the page's language (English: the name itself)."""
    if column.endswith("_label"):
        return _("%(column)s (label)") % {"column": _csv_header(column[: -len("_label")])}
    return pgettext("CSV column", column)


def _labelled(record):
    labelled = {}
    for key, value in record.items():
        labelled[key] = value
        if key in CODED:
            labelled[f"{key}_label"] = str(CODED[key](value).label) if value else ""
    return labelled


def _csv_response(filename, columns, records):
    columns = _csv_columns(columns)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    # Excel in French (fr-CA) separates a list by semicolons, its decimal mark being a comma.
    writer = csv.writer(buffer, delimiter=";" if get_language() == "fr" else ",")
    writer.writerow([_csv_header(column) for column in columns])
    for record in records:
        row = _labelled(record)
        writer.writerow(
            [
                " ".join(row[key]) if isinstance(row[key], list) else _csv_value(row[key])
                for key in columns
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return pgettext("CSV value", "yes") if value else pgettext("CSV value", "no")
    return value


def items_csv_response(today):
    items, codes = _items()
    records = (item_record(item, today, codes) for item in items)
    return _csv_response(_("recommendations-tracker.csv"), ITEM_COLUMNS, records)


def history_csv_response():
    _items_list, codes = _items()
    records = (update_record(update, codes) for update in _history())
    return _csv_response(_("recommendations-status-history.csv"), HISTORY_COLUMNS, records)


def tracker_document(today):
    """The whole tracker as one JSON-ready dict: rules, items, current statuses, full history."""
    items, codes = _items()
    history = {}
    for update in _history():
        history.setdefault(update.recommendation_id, []).append(update_record(update, codes))
    return {
        "report_date": _iso(schedule.REPORT_DATE),
        "generated_at": _iso(timezone.now()),
        "stale_after_months": schedule.stale_months(),
        "horizons": {
            horizon: {"starts": _iso(span.starts), "ends": _iso(span.ends)}
            for horizon, span in schedule.WINDOWS.items()
        },
        "recommendations": [
            {**item_record(item, today, codes), "history": history.get(item.pk, [])}
            for item in items
        ],
    }


def json_response(today):
    response = JsonResponse(tracker_document(today), json_dumps_params={"ensure_ascii": False})
    name = _("recommendations-tracker.json")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
