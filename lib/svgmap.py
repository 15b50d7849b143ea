"""A map of Canada from counts: one pure function, `canada_map()`, from data to SVG markup.

Provinces and territories are shaded by their count in a few steps (the legend says which), the
count written on each, each one a link to the list it counts; the IRCC regions are outlined;
communities are dots sized by their count. No JavaScript, no tiles, nothing from another host.
The same numbers come back as rows for the table every map has beside it (screen readers, print).
Outlines and projection: lib.mapgeometry. Rendered by the template `lib/canada_map.html`.
"""

import math
from dataclasses import dataclass, field

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from lib.mapgeometry import geometry, project

# Light to dark; the first is "none" (static/css/site.css repeats them for the legend).
# Counts are written on white labels, so the text's contrast does not depend on the shade.
SHADES = ("#eef1f4", "#c6dbef", "#7fb2d9", "#3a7fbf", "#0b4f8a")
REGION_LINE = "#1b1b1b"
DOT = "#b35900"
SELECTED_LINE = "#b35900"  # the focus colour (static/css/site.css)
LABEL_FONT = 40  # viewBox units: about 11.5 px when the 1000-unit map is shown 290 px wide


@dataclass
class Area:
    """A province or territory: its code (geometry's), its name, its IRCC region's name and
    code (the outlines), its count and the address of the list it counts."""

    code: str
    name: str
    region: str
    region_code: str
    count: int
    href: str
    selected: bool = False
    description: str = ""  # filled by canada_map(): "Alberta: 12 practices"
    shade: str = ""


@dataclass
class Place:
    """A community: its name (with its province), its count, its coordinates (None if unknown:
    counted in its province, left off the dots)."""

    name: str
    count: int
    latitude: float | None = None
    longitude: float | None = None
    description: str = ""


@dataclass
class Step:
    index: int  # which of SHADES (the legend's swatch: class map-shade-<index>)
    shade: str
    low: int
    high: int


@dataclass
class Map:
    svg: str
    steps: list
    areas: list  # in the table's order: by region, then name
    places: list  # placed or not, most first
    unplaced: list = field(default_factory=list)
    total: int = 0


def steps_for(highest):
    """The legend's steps: "0" then up to four ranges of equal width covering 1..highest."""
    steps = [Step(0, SHADES[0], 0, 0)]
    low = 1
    for index in range(1, 5):
        high = math.ceil(highest * index / 4)
        if high >= low:
            steps.append(Step(index, SHADES[index], low, high))
            low = high + 1
    return steps


def shade_of(count, steps):
    return next(step.shade for step in steps if step.low <= count <= step.high)


def canada_map(areas, places, *, title, describe, id_prefix="map"):
    """A `Map` from `areas` (Area, one per province or territory) and `places` (Place).
    `describe(count)` says a count in words ("12 practices"), in the page's language."""
    built = geometry()
    steps = steps_for(max((a.count for a in areas), default=0))
    for area in areas:
        area.shade = shade_of(area.count, steps)
        area.description = f"{area.name}{_colon()}{describe(area.count)}"
    for place in places:
        place.description = f"{place.name}{_colon()}{describe(place.count)}"
    placed = [p for p in places if p.latitude is not None and p.longitude is not None]
    unplaced = [p for p in places if p not in placed]
    width, height = built["width"], built["height"]
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="canada-map" '
            # A group, not an image: an image's children are hidden from assistive
            # technology, and these are links.
            'role="group" aria-labelledby="{}-title">',
            width,
            height,
            id_prefix,
        ),
        format_html('<title id="{}-title">{}</title>', id_prefix, title),
        _provinces(areas, built, id_prefix),
        _regions(areas, id_prefix, width, height),
        _dots(placed),
        _labels(areas, built),
        mark_safe("</svg>"),  # noqa: S308 - a constant
    ]
    regions_order = {}
    for area in areas:
        regions_order.setdefault(area.region_code, len(regions_order))
    return Map(
        svg=mark_safe("".join(parts)),  # noqa: S308 - every part is escaped above
        steps=steps,
        areas=areas,
        places=sorted(places, key=lambda p: (-p.count, p.name)),
        unplaced=unplaced,
        total=sum(a.count for a in areas),
    )


def _colon():
    # French puts a non-breaking space before the colon (docs/french-style.md).
    return "\u00a0: " if (get_language() or "").startswith("fr") else ": "


def _provinces(areas, built, id_prefix):
    rows = []
    # The selected province last, so that no neighbour covers its outline.
    for area in sorted(areas, key=lambda a: a.selected):
        path = built["provinces"].get(area.code)
        if not path:
            continue
        rows.append(
            format_html(
                # Colours on the link, not the path: the region outlines reuse the path
                # (<use>) with colours of their own, which the path's would override.
                '<a href="{}" aria-label="{}"{} fill="{}" stroke="{}" stroke-width="{}">'
                '<path id="{}-{}" d="{}"><title>{}</title></path></a>',
                area.href,
                area.description,
                mark_safe(' aria-current="true"') if area.selected else "",
                area.shade,
                SELECTED_LINE if area.selected else "#fff",
                8 if area.selected else 2,
                id_prefix,
                area.code,
                path,
                area.description,
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - rows are format_html's


def _regions(areas, id_prefix, width, height):
    """Each IRCC region's outline: its provinces' edges drawn thick, masked to outside the
    region, so only the edges it shares with another region or the sea remain."""
    regions = {}
    for area in areas:
        regions.setdefault(area.region_code, []).append(area.code)
    masks, lines = [], []
    for code, members in regions.items():
        uses = format_html_join(
            "", '<use href="#{}-{}" fill="#000"/>', ((id_prefix, m) for m in members)
        )
        masks.append(
            format_html(
                '<mask id="{}-out-{}" maskUnits="userSpaceOnUse" x="0" y="0" width="{}" '
                'height="{}"><rect width="{}" height="{}" fill="#fff"/>{}</mask>',
                id_prefix,
                code,
                width,
                height,
                width,
                height,
                uses,
            )
        )
        lines.append(
            format_html(
                '<g mask="url(#{}-out-{})" fill="none" stroke="{}" stroke-width="7">{}</g>',
                id_prefix,
                code,
                REGION_LINE,
                format_html_join(
                    "", '<use href="#{}-{}" fill="none"/>', ((id_prefix, m) for m in members)
                ),
            )
        )
    return format_html(
        '<defs>{}</defs><g class="canada-map-regions" aria-hidden="true">{}</g>',
        mark_safe("".join(masks)),  # noqa: S308 - format_html's
        mark_safe("".join(lines)),  # noqa: S308 - format_html's
    )


def _dots(placed):
    if not placed:
        return ""
    highest = max(p.count for p in placed) or 1
    dots = []
    for place in sorted(placed, key=lambda p: -p.count):  # small dots drawn over big ones
        x, y = project(place.latitude, place.longitude)
        radius = 7 + 13 * math.sqrt(place.count / highest)
        dots.append(
            format_html(
                '<circle cx="{}" cy="{}" r="{}"><title>{}</title></circle>',
                round(x),
                round(y),
                round(radius, 1),
                place.description,
            )
        )
    return format_html(
        '<g class="canada-map-dots" fill="{}" fill-opacity=".85" stroke="#fff" '
        'stroke-width="2">{}</g>',
        DOT,
        mark_safe("".join(dots)),  # noqa: S308 - format_html's
    )


def _labels(areas, built):
    """The count on each province: a white label, dark text; a line to the Maritimes'."""
    labels = []
    for area in areas:
        anchor = built["labels"].get(area.code)
        if not anchor:
            continue
        text = str(area.count)
        half = (len(text) * 0.62 * LABEL_FONT + 18) / 2
        line = ""
        if "to" in anchor:
            line = format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#1b1b1b" stroke-width="2"/>',
                anchor["x"],
                anchor["y"],
                *anchor["to"],
            )
        labels.append(
            format_html(
                '{}<rect x="{}" y="{}" width="{}" height="{}" rx="10" fill="#fff" '
                'stroke="#1b1b1b" stroke-width="2"/><text x="{}" y="{}">{}</text>',
                line,
                round(anchor["x"] - half),
                round(anchor["y"] - LABEL_FONT * 0.75),
                round(2 * half),
                round(LABEL_FONT * 1.4),
                anchor["x"],
                round(anchor["y"] + LABEL_FONT * 0.35),
                text,
            )
        )
    return format_html(
        '<g class="canada-map-counts" aria-hidden="true" pointer-events="none" font-size="{}" '
        'font-weight="bold" text-anchor="middle" fill="#1b1b1b">{}</g>',
        LABEL_FONT,
        mark_safe("".join(labels)),  # noqa: S308 - format_html's
    )
