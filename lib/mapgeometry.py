"""Canada's provinces and territories as small SVG paths, and where a latitude and longitude fall.

The outlines come from `geodata/canada-source.svg` (the npm package @svg-maps/canada, after
MapSVG, CC BY 4.0: geodata/README.md). That file is drawn in a Mercator projection; `build()`
turns its points back into latitudes and longitudes, projects them with Statistics Canada's
Lambert conformal conic (the shape Canadians know, and a page-friendly width), simplifies them
and writes `geodata/canada.json`, which `lib.svgmap` draws. `project()` places a community with
the very same projection and frame, so a dot lands where the outlines say it is.
Rebuild after changing the source: `manage.py build_canada_map`.
"""

import json
import math
import re
from functools import cache
from pathlib import Path

GEODATA = Path(__file__).resolve().parent / "geodata"
SOURCE = GEODATA / "canada-source.svg"
BUILT = GEODATA / "canada.json"

# The source's Mercator, measured on its own borders (source units, y down): Alberta's east
# border (110° W) is at x = 278.17 and its west border north of 53.8° N (120° W) at 188.51;
# the 60th parallel (Alberta's north border) is at y = 767.17, the 49th (its south border)
# at 938.02. `build()` checks these borders are still there before trusting them.
SOURCE_X_AT_110W = 278.17
SOURCE_UNITS_PER_DEGREE = (278.17 - 188.51) / 10
SOURCE_Y_AT_60N = 767.17
SOURCE_UNITS_PER_MERCATOR_RADIAN = (938.02 - 767.17) / (
    math.asinh(math.tan(math.radians(60))) - math.asinh(math.tan(math.radians(49)))
)

# Statistics Canada Lambert (EPSG:3347) on a sphere: standard parallels 49° N and 77° N.
_PHI1, _PHI2 = math.radians(49), math.radians(77)
_PHI0, _LAMBDA0 = math.radians(63.390675), math.radians(-91.866667)
_N = math.log(math.cos(_PHI1) / math.cos(_PHI2)) / math.log(
    math.tan(math.pi / 4 + _PHI2 / 2) / math.tan(math.pi / 4 + _PHI1 / 2)
)
_F = math.cos(_PHI1) * math.tan(math.pi / 4 + _PHI1 / 2) ** _N / _N
_RHO0 = _F / math.tan(math.pi / 4 + _PHI0 / 2) ** _N

WIDTH = 1000  # the map's viewBox width; its height follows from Canada's shape
TOLERANCE = 1.0  # simplification, in viewBox units (a 1000-unit map shown 320 px wide: 1/3 px)
SMALLEST_ISLAND = 6.0  # square viewBox units; smaller islands are left out (each province
# keeps its largest piece whatever its size)

# Where each count is written: inside the province, or offshore for the three Maritime
# provinces (too small at 320 px), with a line to them. (latitude, longitude)
LABELS = {
    "YT": (63.5, -135.5),
    "NT": (64.0, -119.0),
    "NU": (66.0, -96.0),
    "BC": (54.5, -124.5),
    "AB": (55.0, -114.8),
    "SK": (55.0, -106.0),
    "MB": (55.0, -97.5),
    "ON": (50.5, -86.5),
    "QC": (52.5, -72.5),
    "NL": (53.5, -62.5),
    "NB": (43.2, -69.0),
    "PE": (48.4, -61.3),
    "NS": (42.5, -62.0),
}
# The point of the province a moved label's line goes to.
LABEL_TARGETS = {"NB": (46.5, -66.4), "PE": (46.4, -63.3), "NS": (45.0, -63.5)}


def lambert(latitude, longitude):
    """Metres-free Lambert coordinates (on a unit sphere), y up."""
    rho = _F / math.tan(math.pi / 4 + math.radians(latitude) / 2) ** _N
    theta = _N * (math.radians(longitude) - _LAMBDA0)
    return rho * math.sin(theta), _RHO0 - rho * math.cos(theta)


def source_to_degrees(x, y):
    """A point of the source SVG as (latitude, longitude): the inverse of its Mercator."""
    longitude = -110 + (x - SOURCE_X_AT_110W) / SOURCE_UNITS_PER_DEGREE
    mercator = math.asinh(math.tan(math.radians(60))) - (
        (y - SOURCE_Y_AT_60N) / SOURCE_UNITS_PER_MERCATOR_RADIAN
    )
    return math.degrees(math.atan(math.sinh(mercator))), longitude


@cache
def geometry():
    """The built map: {"width", "height", "frame", "provinces": {code: path}, "labels"}."""
    return json.loads(BUILT.read_text(encoding="utf-8"))


def project(latitude, longitude, frame=None):
    """Where a latitude and longitude fall on the built map, in its viewBox units."""
    frame = frame or geometry()["frame"]
    x, y = lambert(latitude, longitude)
    return (x - frame["x"]) * frame["scale"], (frame["y"] - y) * frame["scale"]


# --- Building canada.json from the source ------------------------------------------------


def source_rings(text):
    """{province code: [ring, ...]}, each ring a list of (x, y) in source units. The source
    writes each province as relative moves and lines ("m dx,dy dx,dy ... z") only."""
    found = re.findall(r'id="(\w\w)"[^>]*?\sd="([^"]*)"', text, flags=re.S)
    if len(found) != 13:
        raise ValueError(
            f"Expected 13 provinces and territories in the source, found {len(found)}."
        )
    provinces = {}
    for code, data in found:
        rings, ring, x, y, start = [], None, 0.0, 0.0, (0.0, 0.0)
        for part in re.findall(r"[a-zA-Z]|-?[\d.]+(?:e-?\d+)?,-?[\d.]+(?:e-?\d+)?", data):
            if part in "mM":
                if part == "M":
                    raise ValueError("The source uses absolute moves: the reader needs updating.")
                ring = None
                continue
            if part in "zZ":
                x, y = start
                ring = None
                continue
            if part.isalpha():
                raise ValueError(f"The source uses the path command {part!r}: not read here.")
            dx, dy = (float(n) for n in part.split(","))
            x, y = x + dx, y + dy
            if ring is None:
                ring, start = [], (x, y)
                rings.append(ring)
            ring.append((x, y))
        provinces[code.upper()] = rings
    return provinces


def check_source_projection(provinces):
    """The borders the Mercator constants were measured on must still be where they were."""
    alberta = [point for ring in provinces["AB"] for point in ring]
    measured = {
        "Alberta's east border (110° W)": (max(x for x, _y in alberta), SOURCE_X_AT_110W),
        "Alberta's north border (60° N)": (min(y for _x, y in alberta), SOURCE_Y_AT_60N),
    }
    for name, (found, expected) in measured.items():
        if abs(found - expected) > 0.5:
            raise ValueError(
                f"{name} moved in the source ({found:.2f}, was {expected:.2f}): its projection "
                "changed; measure it again (lib/mapgeometry.py) before rebuilding."
            )


def simplify(points, tolerance):
    """Douglas-Peucker on a closed ring (its first point kept)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = points[index]
            if length:
                d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                d = math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(ring):
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def path_data(rings):
    """Rings of whole numbers as compact SVG path data: an absolute move, relative lines."""
    parts = []
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        (x0, y0), steps = points[0], []
        for (xa, ya), (xb, yb) in zip(points, points[1:], strict=False):
            steps.append(f"{xb - xa} {yb - ya}")
        parts.append(f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z")
    return "".join(parts)


def build(source_text):
    """The content of canada.json from the source SVG's text."""
    provinces = source_rings(source_text)
    check_source_projection(provinces)
    lambert_rings = {
        code: [[lambert(*source_to_degrees(x, y)) for x, y in ring] for ring in rings]
        for code, rings in provinces.items()
    }
    xs = [x for rings in lambert_rings.values() for ring in rings for x, _y in ring]
    ys = [y for rings in lambert_rings.values() for ring in rings for _x, y in ring]
    scale = (WIDTH - 4) / (max(xs) - min(xs))
    frame = {"x": min(xs) - 2 / scale, "y": max(ys) + 2 / scale, "scale": scale}
    height = math.ceil((max(ys) - min(ys)) * scale + 4)
    paths = {}
    for code, rings in sorted(lambert_rings.items()):
        placed = [
            [((x - frame["x"]) * scale, (frame["y"] - y) * scale) for x, y in ring]
            for ring in rings
        ]
        largest = max(placed, key=area)
        kept = [
            simplify(ring, TOLERANCE)
            for ring in placed
            if ring is largest or area(ring) >= SMALLEST_ISLAND
        ]
        paths[code] = path_data([ring for ring in kept if len(ring) >= 3])
    labels = {}
    for code, (latitude, longitude) in LABELS.items():
        x, y = project(latitude, longitude, frame)
        label = {"x": round(x), "y": round(y)}
        if code in LABEL_TARGETS:
            tx, ty = project(*LABEL_TARGETS[code], frame)
            label["to"] = [round(tx), round(ty)]
        labels[code] = label
    return {
        "source": "@svg-maps/canada 2.0.0 (MapSVG), CC BY 4.0; see geodata/README.md",
        "width": WIDTH,
        "height": height,
        "frame": frame,
        "provinces": paths,
        "labels": labels,
    }
