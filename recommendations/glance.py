"""The tracker at a glance: the timeline of the items and the history of IRCC's statuses.

Figures from the items the view has loaded and annotated (overdue, disagree) and from one list
of IRCC's status updates; drawing by lib.svgcharts. No queries here.
"""

import datetime
from collections import Counter, defaultdict

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lib import svgcharts
from recommendations import schedule, summary
from recommendations.models import Horizon

# The timeline's bands: the three horizons, then the overarching and main recommendations,
# which have none (their bars start at the report's date).
BANDS = [*Horizon.values, summary.NO_HORIZON]


def quarter_ends(start, today):
    """The last day of each calendar quarter from the one holding `start` until `today`, then
    `today` itself when it is not a quarter's last day (the current quarter so far)."""
    ends = []
    year, quarter = start.year, (start.month - 1) // 3 + 1
    while True:
        end = schedule.add_months(datetime.date(year, quarter * 3, 1), 1) - datetime.timedelta(1)
        if end > today:
            break
        ends.append(end)
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    if not ends or ends[-1] != today:
        ends.append(today)
    return ends


def statuses_at(items, updates, days):
    """How many of `items` were in each IRCC status at the end of each of `days`.

    `updates`: (item id, status, effective date, id, corrects id) of IRCC's updates, in the order
    schedule.current_updates ranks them: by effective date, then posting time, then id (the
    query sorts them, so no posting time is read). An item's status on a day is its last update
    dated on or before that day, leaving out the entries a correction replaced; so the last day,
    today, gives the tracker's current counts.
    """
    corrected = {row[4] for row in updates if row[4]}
    history = defaultdict(list)
    for item_id, status, effective, pk, _corrects in updates:
        if pk not in corrected:
            history[item_id].append((effective, status))
    counts = [Counter() for _day in days]
    for item in items:
        entries = history.get(item.pk, ())
        index, status = 0, summary.NO_UPDATE
        for column, day in enumerate(days):
            while index < len(entries) and entries[index][0] <= day:
                status = entries[index][1]
                index += 1
            counts[column][status] += 1
    return counts


def quarter_label(day, today):
    if day == today:
        return _("Today")
    return _("Q%(quarter)s %(year)s") % {"quarter": (day.month - 1) // 3 + 1, "year": day.year}


def history(items, updates, today):
    days = quarter_ends(schedule.REPORT_DATE, today)
    counts = statuses_at(items, updates, days)
    series = [(status, str(summary.STATUS_LABELS[status])) for status in summary.STATUS_ROWS]
    rows = [
        (quarter_label(day, today), dict(count)) for day, count in zip(days, counts, strict=True)
    ]
    svg = svgcharts.stacked_bars(
        rows,
        series,
        title=_(
            "How many items were in each status at the end of each quarter, as IRCC reports it"
        ),
        desc=_("From the report's date to today; the table that follows gives the same figures."),
        id_prefix="history",
        count_title=_("%(label)s: %(count)s"),
    )
    return {
        "svg": svg,
        "series": series,
        "rows": [
            {
                "label": label,
                "day": day,
                "cells": [count.get(key, 0) for key, _label in series],
                "total": sum(count.values()),
            }
            for (label, count), day in zip(rows, days, strict=True)
        ],
    }


def timeline(items, today):
    """Each item a bar from its horizon's start (the report's date without one) to its latest
    status date, coloured by IRCC's status; a diamond at the working group's date where the
    voices disagree; overdue items flagged."""
    statuses = {key: str(label) for key, label in summary.STATUS_LABELS.items()}
    overdue_word = _("overdue")
    bands = []
    for horizon in BANDS:
        span = schedule.WINDOWS.get(horizon)
        bars = []
        for item in (i for i in items if (i.horizon or summary.NO_HORIZON) == horizon):
            ircc = item.ircc_status or summary.NO_UPDATE
            note = statuses[ircc]
            if item.overdue:
                note = _("%(status)s, %(overdue)s") % {"status": note, "overdue": overdue_word}
            bars.append(
                svgcharts.Bar(
                    label=item.code,
                    note=note,
                    start=span.starts if span else schedule.REPORT_DATE,
                    end=schedule.last_update_date(item),
                    kind=ircc,
                    title=_("%(code)s, IRCC: %(status)s") % {"code": item.code, "status": note},
                    mark=item.wg_status_date if item.disagree else None,
                    mark_title=_("%(code)s, working group: %(status)s")
                    % {"code": item.code, "status": statuses.get(item.wg_status, "")},
                    flagged=item.overdue,
                )
            )
        if bars:
            label = str(summary.HORIZON_LABELS[horizon])
            if span:
                label = _("%(horizon)s: %(starts)s to %(ends)s") % {
                    "horizon": label,
                    "starts": date_format(span.starts, "YEAR_MONTH_FORMAT"),
                    "ends": date_format(span.ends, "YEAR_MONTH_FORMAT"),
                }
            bands.append(svgcharts.Band(label, (span.starts, span.ends) if span else None, bars))
    svg = svgcharts.timeline(
        bands,
        start=schedule.REPORT_DATE,
        end=today,
        end_label=_("Today"),
        title=_("Timeline of the recommendations from the report's date to today"),
        desc=_(
            "Each item is a bar from the start of its horizon to its latest status, coloured by "
            "IRCC's status; a diamond marks the working group's assessment where it differs; an "
            "exclamation mark flags an overdue item. The table that follows gives the same facts."
        ),
        id_prefix="timeline",
    )
    return {"svg": svg, "bands": bands}
