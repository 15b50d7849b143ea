"""When each recommendation is due, and whether it is overdue or stale: the rules, in one place.

The report (PeaceGeeks, Settlement 3.0 final recommendations) is dated August 2021; its horizons
are counted from that date. "Now": work starts within 6 months. "Next": 6 months to 2 years.
"Later": from 2 years up to IRCC's next national call for proposals (CFP 2024, whose application
period opened on November 14, 2023).

An item is overdue once its window has closed and work has not started: some voice (IRCC or the
working group) reports it as not started, planned or stalled, or nobody has reported at all.
An item is stale when its latest status is older than RECOMMENDATIONS_STALE_MONTHS (default 6),
unless every voice reports it closed (implemented, will not be, no longer applicable).
"""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

REPORT_DATE = datetime.date(2021, 8, 1)
# IRCC's next national call for proposals after the report: CFP 2024 opened on this date.
NEXT_NATIONAL_CFP = datetime.date(2023, 11, 14)

NOW, NEXT, LATER = "now", "next", "later"
IRCC, WORKING_GROUP = "ircc", "wg"

NOT_STARTED = "not_started"
PLANNED = "planned"
UNDER_WAY = "under_way"
STALLED = "stalled"
IMPLEMENTED = "implemented"
WILL_NOT = "will_not"
NO_LONGER_APPLICABLE = "no_longer_applicable"

# A window has closed "without the status it should have reached" when a voice reports one of
# these: work has not started (or has stopped).
NOT_ON_TRACK = frozenset({NOT_STARTED, PLANNED, STALLED})
# Nothing more to report: these never go stale.
CLOSED = frozenset({IMPLEMENTED, WILL_NOT, NO_LONGER_APPLICABLE})


def add_months(day, months):
    """`day` plus `months` calendar months, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Window:
    horizon: str
    starts: datetime.date
    ends: datetime.date
    # One line, for every place a horizon appears: after "Now: " (French writes it from a
    # lower-case letter, as after any colon) or alone, capitalised by the template.
    summary: str


WINDOWS = {
    NOW: Window(
        NOW,
        REPORT_DATE,
        add_months(REPORT_DATE, 6),
        _("Work starts within 6 months of the report."),
    ),
    NEXT: Window(
        NEXT,
        add_months(REPORT_DATE, 6),
        add_months(REPORT_DATE, 24),
        _("Medium term: 6 months to 2 years after the report."),
    ),
    LATER: Window(
        LATER,
        add_months(REPORT_DATE, 24),
        NEXT_NATIONAL_CFP,
        _("Longer term: from 2 years after the report to IRCC's next national call for proposals."),
    ),
}


def window(item):
    """The item's horizon window, or None for the overarching and main recommendations."""
    return WINDOWS.get(item.horizon or "")


def stale_months():
    return getattr(settings, "RECOMMENDATIONS_STALE_MONTHS", 6)


def reported_statuses(item):
    """The current status of each voice that has reported, e.g. {"ircc": "under_way"}."""
    statuses = {IRCC: item.ircc_status, WORKING_GROUP: item.wg_status}
    return {source: status for source, status in statuses.items() if status}


def is_overdue(item, today):
    span = window(item)
    if span is None or today <= span.ends:
        return False
    statuses = reported_statuses(item).values()
    return not statuses or any(status in NOT_ON_TRACK for status in statuses)


def overdue_q(today):
    """is_overdue() as a query, for Recommendation.objects.overdue(today)."""
    closed_horizons = [h for h, span in WINDOWS.items() if today > span.ends]
    silent = Q(ircc_status="") & Q(wg_status="")
    behind = Q(ircc_status__in=NOT_ON_TRACK) | Q(wg_status__in=NOT_ON_TRACK)
    return Q(horizon__in=closed_horizons) & (silent | behind)


def last_update_date(item):
    dates = [d for d in (item.ircc_status_date, item.wg_status_date) if d]
    return max(dates) if dates else None


def stale_since(item):
    """The day from which the item counts as stale (reports never updated count from the report)."""
    return add_months(last_update_date(item) or REPORT_DATE, stale_months())


def is_stale(item, today):
    statuses = reported_statuses(item).values()
    if statuses and all(status in CLOSED for status in statuses):
        return False
    return today >= stale_since(item)


def voices_disagree(item):
    """Both voices have reported, and they report different statuses."""
    return bool(item.ircc_status and item.wg_status and item.ircc_status != item.wg_status)


def current_updates(updates):
    """The current update per source from an iterable of StatusUpdate: the latest by effective
    date (then by posting time) among those no later entry corrects."""
    updates = list(updates)
    corrected = {u.corrects_id for u in updates if u.corrects_id}
    current = {}
    for update in updates:
        if update.pk in corrected:
            continue
        best = current.get(update.source)
        key = (update.effective_date, update.created_at, update.pk)
        if best is None or key > (best.effective_date, best.created_at, best.pk):
            current[update.source] = update
    return current
