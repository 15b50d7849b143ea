"""Charts drawn on the server as SVG markup: pure functions from data to a string.

No script, no style attribute (the CSP forbids inline styles): shapes carry classes, and each
page's stylesheet colours them. Every text is given by the caller, already translated, so the
same drawing serves both languages (and a briefing document). ElementTree builds the markup, so
every text is escaped. Each chart is an image (role="img") named by its <title> and <desc>; the
page puts the same figures in a table beside it.
"""

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from django.utils.safestring import mark_safe

SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Bar:
    """One row of a timeline: a bar from `start` to `end` (None: to the timeline's end, drawn
    as "nothing reported yet")."""

    label: str  # short, left of the row ("R1.1")
    note: str  # beside the label: what the colour says, in words
    start: datetime.date
    end: datetime.date | None
    kind: str  # class suffix: the bar is drawn with class "chart-<kind>"
    title: str  # the bar's tooltip
    mark: datetime.date | None = None  # a diamond on the row (a second opinion that differs)
    mark_title: str = ""
    flagged: bool = False  # an exclamation mark before the bar (overdue)


@dataclass(frozen=True)
class Band:
    """A group of rows under a heading, with its window shaded behind them."""

    label: str
    window: tuple | None  # (start, end) dates, or None
    bars: list = field(default_factory=list)


# Timeline geometry, in user units. The drawing is meant to be shown at its own size (its page
# lets it scroll sideways on a phone), so its 12-unit text stays 12 pixels high.
TL_WIDTH = 680
TL_FLAG_X = 40  # between the label and the note, so a long note never runs into it
TL_NOTE_X = 50
TL_PLOT = (262, 670)
TL_TOP = 30
TL_ROW = 22
TL_BAR = 12
TL_HEADER = 22
TL_GAP = 6


def _svg(width, height, title, desc, id_prefix, css_class):
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "focusable": "false",
            "class": css_class,
        },
    )
    ET.SubElement(svg, "title", {"id": f"{id_prefix}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{id_prefix}-desc"}).text = desc
    return svg


def _text(parent, x, y, text, css_class, anchor=None):
    attrs = {"x": _n(x), "y": _n(y), "class": css_class}
    if anchor:
        attrs["text-anchor"] = anchor
    ET.SubElement(parent, "text", attrs).text = text


def _n(value):
    """A coordinate, short: 12 rather than 12.0, at most one decimal."""
    value = round(value, 1)
    return str(int(value)) if value == int(value) else str(value)


def _markup(svg):
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308 (ElementTree escapes)


def timeline(bands, *, start, end, end_label, title, desc, id_prefix):
    """Rows of bars on a time axis from `start` to `end` (a vertical line labelled `end_label`
    at `end`: "Today"), grouped in bands, with a line at the start of each year."""
    span = max(1, (end - start).days)
    left, right = TL_PLOT

    def x(day):
        day = min(max(day, start), end)
        return left + (day - start).days / span * (right - left)

    rows = sum(len(band.bars) for band in bands)
    height = TL_TOP + len(bands) * (TL_HEADER + TL_GAP) + rows * TL_ROW + TL_GAP
    svg = _svg(TL_WIDTH, height, title, desc, id_prefix, "chart-timeline")

    axis = ET.SubElement(svg, "g", {"class": "chart-axis"})
    for year in range(start.year + 1, end.year + 1):
        year_x = x(datetime.date(year, 1, 1))
        ET.SubElement(
            axis,
            "line",
            {
                "x1": _n(year_x),
                "x2": _n(year_x),
                "y1": "16",
                "y2": str(height),
                "class": "chart-grid",
            },
        )
        _text(axis, year_x, 12, str(year), "chart-small", "middle")

    y = TL_TOP
    for band in bands:
        _text(svg, 0, y + 15, band.label, "chart-label chart-band-label")
        y += TL_HEADER
        band_height = len(band.bars) * TL_ROW
        if band.window and band_height:
            window_start, window_end = band.window
            ET.SubElement(
                svg,
                "rect",
                {
                    "x": _n(x(window_start)),
                    "y": str(y),
                    "width": _n(max(1, x(window_end) - x(window_start))),
                    "height": str(band_height),
                    "class": "chart-window",
                },
            )
        for bar in band.bars:
            _row(svg, bar, y, x, end)
            y += TL_ROW
        y += TL_GAP

    today_x = x(end)
    ET.SubElement(
        svg,
        "line",
        {
            "x1": _n(today_x),
            "x2": _n(today_x),
            "y1": "16",
            "y2": str(height),
            "class": "chart-today",
        },
    )
    _text(svg, today_x - 4, 26, end_label, "chart-small chart-today-label", "end")
    return _markup(svg)


def _row(svg, bar, y, x, end):
    group = ET.SubElement(svg, "g", {"class": "chart-row"})
    text_y = y + TL_ROW / 2 + 4
    _text(group, 0, text_y, bar.label, "chart-small chart-code")
    _text(group, TL_NOTE_X, text_y, bar.note, "chart-small")
    if bar.flagged:
        ET.SubElement(
            group,
            "circle",
            {"cx": str(TL_FLAG_X), "cy": _n(y + TL_ROW / 2), "r": "6", "class": "chart-flag"},
        )
        _text(group, TL_FLAG_X, text_y - 0.5, "!", "chart-small chart-flag-text", "middle")
    bar_end = bar.end or end
    x1, x2 = sorted((x(bar.start), x(bar_end)))
    rect = ET.SubElement(
        group,
        "rect",
        {
            "x": _n(x1),
            "y": _n(y + (TL_ROW - TL_BAR) / 2),
            "width": _n(max(3, x2 - x1)),
            "height": str(TL_BAR),
            "class": f"chart-bar chart-{bar.kind}",
        },
    )
    ET.SubElement(rect, "title").text = bar.title
    if bar.mark:
        cx, cy, r = x(bar.mark), y + TL_ROW / 2, 7
        diamond = ET.SubElement(
            group,
            "polygon",
            {
                "points": " ".join(
                    f"{_n(px)},{_n(py)}"
                    for px, py in ((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy))
                ),
                "class": "chart-mark",
            },
        )
        ET.SubElement(diamond, "title").text = bar.mark_title


# Stacked bars geometry: about a phone's width, drawn to scale with the page (like the tracker's
# summary chart), so no sideways scrolling is needed.
SB_WIDTH = 300
SB_LABEL = 84
SB_ROW = 20
SB_BAR = 15
SB_TOP = 4


def stacked_bars(rows, series, *, title, desc, id_prefix, count_title):
    """One horizontal bar per row, cut into segments per series.

    `rows`: [(label, {series key: count})]; `series`: [(key, label)] in drawing order;
    `count_title`: a format string with %(label)s and %(count)s for each segment's tooltip.
    """
    most = max([sum(counts.values()) for _label, counts in rows] + [1])
    scale = (SB_WIDTH - SB_LABEL - 2) / most
    height = SB_TOP * 2 + len(rows) * SB_ROW
    svg = _svg(SB_WIDTH, height, title, desc, id_prefix, "chart-stacked")
    for index, (label, counts) in enumerate(rows):
        y = SB_TOP + index * SB_ROW
        _text(svg, 0, y + SB_BAR - 3, label, "chart-small")
        x = SB_LABEL
        for key, series_label in series:
            count = counts.get(key, 0)
            if not count:
                continue
            width = count * scale
            rect = ET.SubElement(
                svg,
                "rect",
                {
                    "x": _n(x),
                    "y": str(y),
                    "width": _n(width),
                    "height": str(SB_BAR),
                    "class": f"chart-segment chart-{key}",
                },
            )
            ET.SubElement(rect, "title").text = count_title % {
                "label": series_label,
                "count": count,
            }
            if width >= 14:
                _text(
                    svg,
                    x + width / 2,
                    y + SB_BAR - 3,
                    str(count),
                    f"chart-small chart-count chart-count-{key}",
                    "middle",
                )
            x += width
    return _markup(svg)
