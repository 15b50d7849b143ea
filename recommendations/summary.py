"""The tracker's figures: horizon × status counts per voice, and the server-drawn bar chart.

Pure functions of the items already loaded by the view: no queries here.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from recommendations import schedule
from recommendations.models import Horizon, Source, Status

NO_UPDATE = "none"
NO_HORIZON = ""
STATUS_ROWS = [*Status.values, NO_UPDATE]
HORIZON_COLUMNS = [*Horizon.values, NO_HORIZON]
HORIZON_LABELS = {**dict(Horizon.choices), NO_HORIZON: _("No horizon")}
STATUS_LABELS = {**dict(Status.choices), NO_UPDATE: _("No update yet")}


@dataclass
class Table:
    source: str
    label: str
    # rows[status] = [count per horizon column..., total]
    rows: dict = field(default_factory=dict)
    totals: list = field(default_factory=list)


def count_table(items, source):
    counts = {(s, h): 0 for s in STATUS_ROWS for h in HORIZON_COLUMNS}
    for item in items:
        counts[(item.current_status(source) or NO_UPDATE, item.horizon or NO_HORIZON)] += 1
    table = Table(source=source, label=Source(source).label)
    for status in STATUS_ROWS:
        cells = [counts[(status, h)] for h in HORIZON_COLUMNS]
        table.rows[status] = {"label": STATUS_LABELS[status], "cells": [*cells, sum(cells)]}
    columns = [sum(counts[(s, h)] for s in STATUS_ROWS) for h in HORIZON_COLUMNS]
    table.totals = [*columns, sum(columns)]
    return table


def summarise(items, today):
    """Everything the summary section shows, for `items` annotated by the view."""
    return {
        "tables": [count_table(items, Source.IRCC), count_table(items, Source.WORKING_GROUP)],
        "columns": [HORIZON_LABELS[h] for h in HORIZON_COLUMNS],
        "total": len(items),
        "overdue": sum(1 for item in items if schedule.is_overdue(item, today)),
        "stale": sum(1 for item in items if schedule.is_stale(item, today)),
        "disagree": sum(1 for item in items if schedule.voices_disagree(item)),
        "chart": chart(items),
    }


# Chart geometry, in SVG user units; the SVG scales to its container. Each bar's label sits on
# its own line above the bar, so no label is clipped, and the drawing is about a phone's width:
# on a 320-pixel screen its text stays near its drawn size (13 units) instead of shrinking by half.
BAR_AREA = 300
BAR_HEIGHT = 24
LABEL_HEIGHT = 18
BAR_GAP = 10
TOP = 4


def chart(items):
    """Stacked bars, one per horizon and voice, segments by status. Only items with a horizon."""
    dated = [item for item in items if item.horizon]
    scale = BAR_AREA / max(1, max((_count(dated, h) for h in Horizon.values), default=1))
    bars = []
    for h_index, horizon in enumerate(Horizon.values):
        for s_index, source in enumerate(Source.values):
            row = h_index * len(Source.values) + s_index
            y = TOP + row * (LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP) + h_index * BAR_GAP + LABEL_HEIGHT
            x = 0
            segments = []
            for status in STATUS_ROWS:
                count = sum(
                    1
                    for item in dated
                    if item.horizon == horizon
                    and (item.current_status(source) or NO_UPDATE) == status
                )
                if not count:
                    continue
                width = count * scale
                segments.append(
                    {
                        "status": status,
                        "label": STATUS_LABELS[status],
                        "count": count,
                        "x": round(x, 1),
                        "width": round(width, 1),
                        "text_x": round(x + width / 2, 1),
                        "show_count": width >= 18,
                    }
                )
                x += width
            bars.append(
                {
                    "horizon": HORIZON_LABELS[horizon],
                    "source": Source(source).label,
                    "y": y,
                    "label_y": y - 5,
                    "text_y": y + BAR_HEIGHT / 2 + 5,
                    "segments": segments,
                }
            )
    height = (
        TOP * 2 + len(bars) * (LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP) + len(Horizon.values) * BAR_GAP
    )
    legend = [{"status": s, "label": STATUS_LABELS[s]} for s in STATUS_ROWS]
    return {
        "bars": bars,
        "width": BAR_AREA + 2,
        "height": height,
        "bar_height": BAR_HEIGHT,
        "legend": legend,
    }


def _count(items, horizon):
    return sum(1 for item in items if item.horizon == horizon)
