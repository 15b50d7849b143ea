"""lib.svgcharts: the drawings read back with ElementTree, as a browser or a document would."""

import datetime
import xml.etree.ElementTree as ET

from lib import svgcharts

NS = {"svg": svgcharts.SVG_NS}
START, END = datetime.date(2021, 8, 1), datetime.date(2024, 6, 15)


def parse(markup):
    return ET.fromstring(str(markup))  # noqa: S314 (our own drawing)


def classes(element):
    return element.get("class", "").split()


def texts(svg):
    return [t.text for t in svg.iter(f"{{{svgcharts.SVG_NS}}}text")]


def shapes(svg, tag, css_class):
    return [e for e in svg.iter(f"{{{svgcharts.SVG_NS}}}{tag}") if css_class in classes(e)]


def bar(label, start, end, kind="planned", **extra):
    return svgcharts.Bar(
        label=label, note=f"{kind} note", start=start, end=end, kind=kind, title=label, **extra
    )


def draw_timeline(bands):
    return parse(
        svgcharts.timeline(
            bands,
            start=START,
            end=END,
            end_label="Today",
            title="A timeline",
            desc="Same facts in the table.",
            id_prefix="tl",
        )
    )


def test_a_timeline_is_a_named_image_with_one_bar_per_row_and_its_words():
    bands = [
        svgcharts.Band(
            "Now",
            (START, datetime.date(2022, 2, 1)),
            [bar("R1.1", START, datetime.date(2022, 1, 1))],
        ),
        svgcharts.Band(
            "Next",
            (datetime.date(2022, 2, 1), datetime.date(2023, 8, 1)),
            [bar("R1.3", datetime.date(2022, 2, 1), None, kind="none"), bar("R2.2", START, END)],
        ),
    ]
    svg = draw_timeline(bands)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "tl-title tl-desc"
    assert svg.find("svg:title", NS).get("id") == "tl-title"
    assert svg.find("svg:title", NS).text == "A timeline"
    assert svg.find("svg:desc", NS).text == "Same facts in the table."
    bars = shapes(svg, "rect", "chart-bar")
    assert len(bars) == 3
    assert [classes(b)[1] for b in bars] == ["chart-planned", "chart-none", "chart-planned"]
    words = texts(svg)
    for word in ["Now", "Next", "R1.1", "R1.3", "R2.2", "planned note", "none note", "Today"]:
        assert word in words
    # A year line for each new year on the axis: 2022, 2023, 2024.
    assert [w for w in words if w.isdigit()] == ["2022", "2023", "2024"]
    assert len(shapes(svg, "rect", "chart-window")) == 2


def test_bars_run_from_their_start_to_their_end_on_the_time_axis():
    left, right = svgcharts.TL_PLOT
    svg = draw_timeline(
        [
            svgcharts.Band(
                "All",
                None,
                [
                    bar("whole", START, END),
                    bar("unreported", START, None, kind="none"),
                    bar("half", START, START + (END - START) / 2),
                ],
            )
        ]
    )
    whole, unreported, half = shapes(svg, "rect", "chart-bar")
    assert float(whole.get("x")) == left
    assert float(whole.get("width")) == right - left
    assert float(unreported.get("width")) == right - left  # nothing reported: up to today
    assert abs(float(half.get("width")) - (right - left) / 2) <= 0.5
    today = shapes(svg, "line", "chart-today")[0]
    assert float(today.get("x1")) == right


def test_marks_and_flags_only_where_asked_and_every_text_is_escaped():
    svg = draw_timeline(
        [
            svgcharts.Band(
                "<Now> & then",
                None,
                [
                    bar("R1", START, END, mark=datetime.date(2023, 1, 1), mark_title="WG: stalled"),
                    bar("R2", START, END, flagged=True),
                    bar("R3", START, END),
                ],
            )
        ]
    )
    marks = shapes(svg, "polygon", "chart-mark")
    assert len(marks) == 1
    assert marks[0].find("svg:title", NS).text == "WG: stalled"
    assert len(shapes(svg, "circle", "chart-flag")) == 1
    assert "<Now> & then" in texts(svg)  # parsed back: it was escaped in the markup


def test_stacked_bars_write_each_count_and_scale_segments_to_the_largest_row():
    rows = [("Q3 2021", {"none": 4}), ("Today", {"planned": 1, "none": 2, "implemented": 1})]
    series = [("planned", "Planned"), ("implemented", "Implemented"), ("none", "No update")]
    svg = parse(
        svgcharts.stacked_bars(
            rows,
            series,
            title="History",
            desc="Table",
            id_prefix="h",
            count_title="%(label)s: %(count)s",
        )
    )
    assert svg.get("aria-labelledby") == "h-title h-desc"
    segments = shapes(svg, "rect", "chart-segment")
    assert [s.find("svg:title", NS).text for s in segments] == [
        "No update: 4",
        "Planned: 1",
        "Implemented: 1",
        "No update: 2",
    ]
    full = svgcharts.SB_WIDTH - svgcharts.SB_LABEL - 2
    assert float(segments[0].get("width")) == full
    assert sum(float(s.get("width")) for s in segments[1:]) == full
    counts = [
        t.text for t in svg.iter(f"{{{svgcharts.SVG_NS}}}text") if "chart-count" in classes(t)
    ]
    assert counts == ["4", "1", "1", "2"]
    assert "Q3 2021" in texts(svg) and "Today" in texts(svg)
