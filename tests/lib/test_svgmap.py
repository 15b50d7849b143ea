"""The map of Canada: its geometry, its projection and the SVG it draws (lib.svgmap)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from lib import mapgeometry
from lib.svgmap import Area, Place, canada_map
from workinggroup.reference_data import COMMUNITIES, PROVINCES

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def english():
    """The descriptions follow the active language; an earlier test may have left French."""
    with translation.override("en"):
        yield


def rings_of(path):
    """The rings of a built path ("M x y l dx dy ... z") as absolute points."""
    rings = []
    for ring in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", path):
        x, y = int(ring[0]), int(ring[1])
        points = [(x, y)]
        numbers = [int(n) for n in re.findall(r"-?\d+", ring[2])]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def inside(point, rings):
    """Even-odd rule over every ring of a province."""
    x, y = point
    crossings = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def distance_to(point, rings):
    x, y = point
    best = float("inf")
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            dx, dy = x2 - x1, y2 - y1
            t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / ((dx * dx + dy * dy) or 1)))
            best = min(best, ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5)
    return best


def test_every_shipped_community_falls_in_its_own_province():
    """The coordinates and the projection agree with the outlines: each community is inside
    its province, or on its coast within two map units (a third of a pixel at 320 px) where the
    simplified outline cuts a corner (Fort Smith sits on the 60th parallel)."""
    provinces = {code: rings_of(p) for code, p in mapgeometry.geometry()["provinces"].items()}
    for row in COMMUNITIES:
        point = mapgeometry.project(row["lat"], row["lon"])
        rings = provinces[row["province"]]
        assert inside(point, rings) or distance_to(point, rings) <= 2, row["name"]
        others = [c for c in provinces if c != row["province"] and inside(point, provinces[c])]
        assert not others or distance_to(point, rings) <= 2, (row["name"], others)


def test_known_cities_land_in_the_right_province_and_not_in_the_next():
    provinces = {code: rings_of(p) for code, p in mapgeometry.geometry()["provinces"].items()}
    for (latitude, longitude), code in [
        ((45.42, -75.70), "ON"),  # Ottawa
        ((45.40, -71.89), "QC"),  # Sherbrooke
        ((45.08, -64.50), "NS"),  # Kentville
        ((47.56, -52.71), "NL"),  # St. John's, the map's eastern edge
        ((49.28, -123.12), "BC"),
        ((53.55, -113.49), "AB"),
    ]:
        point = mapgeometry.project(latitude, longitude)
        assert [c for c in provinces if inside(point, provinces[c])] == [code]


def test_the_built_map_is_what_the_source_builds_and_stays_small():
    """canada.json is up to date with its source (build_canada_map), has all 13, and the
    outlines leave room under the 40 KB the whole map may weigh."""
    built = mapgeometry.build(mapgeometry.SOURCE.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(built)) == mapgeometry.geometry()
    assert sorted(built["provinces"]) == sorted(p["code"] for p in PROVINCES)
    assert sum(len(p) for p in built["provinces"].values()) < 20_000


def test_a_source_in_another_projection_is_refused():
    """Alberta moved: the Mercator measured on its borders no longer holds."""
    source = mapgeometry.SOURCE.read_text(encoding="utf-8")
    moved = source.replace("m 278.17,938.02051", "m 290.17,938.02051")
    assert moved != source
    with pytest.raises(ValueError, match="projection"):
        mapgeometry.build(moved)


def areas(counts):
    regions = {p["code"]: p["region"] for p in PROVINCES}
    return [
        Area(code, f"Name of {code}", regions[code], regions[code], n, f"/list/?province={code}")
        for code, n in counts.items()
    ]


def describe(n):
    return f"{n} practices"


def parse(svg):
    return ET.fromstring(str(svg))  # noqa: S314 - markup we just drew


def test_the_svg_says_each_count_in_its_text_its_link_and_its_table_rows():
    counts = {p["code"]: index * 3 for index, p in enumerate(PROVINCES)}
    drawn = canada_map(areas(counts), [], title="Practices", describe=describe)
    root = parse(drawn.svg)
    assert root.get("aria-labelledby") == "map-title"
    assert root.find(f"{SVG}title").text == "Practices"
    links = root.findall(f"{SVG}a")
    assert {a.get("href"): a.get("aria-label") for a in links} == {
        f"/list/?province={c}": f"Name of {c}: {n} practices" for c, n in counts.items()
    }
    written = [t.text for t in root.iter(f"{SVG}text")]
    assert sorted(written) == sorted(str(n) for n in counts.values())
    assert {a.code: a.count for a in drawn.areas} == counts
    assert drawn.total == sum(counts.values())
    assert len(str(drawn.svg).encode()) <= 40_000


def test_shades_follow_the_legend_steps():
    counts = dict.fromkeys((p["code"] for p in PROVINCES), 0) | {"NB": 1, "ON": 40, "QC": 21}
    drawn = canada_map(areas(counts), [], title="t", describe=describe)
    assert [(s.low, s.high) for s in drawn.steps] == [(0, 0), (1, 10), (11, 20), (21, 30), (31, 40)]
    fills = {a.get("href")[-2:]: a.get("fill") for a in parse(drawn.svg).findall(f"{SVG}a")}
    shades = [s.shade for s in drawn.steps]
    assert (fills["NU"], fills["NB"], fills["QC"], fills["ON"]) == (
        shades[0],
        shades[1],
        shades[3],
        shades[4],
    )


def test_a_community_without_coordinates_is_left_off_the_dots_but_counted():
    counts = dict.fromkeys((p["code"] for p in PROVINCES), 0) | {"BC": 3}
    places = [Place("Smithers, BC", 2, 54.78, -127.17), Place("Nowhere, BC", 1)]
    drawn = canada_map(areas(counts), places, title="t", describe=describe)
    titles = [c.find(f"{SVG}title").text for c in parse(drawn.svg).iter(f"{SVG}circle")]
    assert titles == ["Smithers, BC: 2 practices"]
    assert [p.name for p in drawn.unplaced] == ["Nowhere, BC"]
    assert [(p.name, p.count) for p in drawn.places] == [("Smithers, BC", 2), ("Nowhere, BC", 1)]


def test_french_names_take_a_non_breaking_space_before_the_colon():
    counts = dict.fromkeys((p["code"] for p in PROVINCES), 1)
    with translation.override("fr"):
        drawn = canada_map(areas(counts), [], title="t", describe=describe)
    assert drawn.areas[0].description == f"Name of {drawn.areas[0].code}\u00a0: 1 practices"
