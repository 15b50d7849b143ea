"""Server-drawn SVG charts: geometry only; the templates add the title, the description and
the table with the same numbers (no script, no style attribute, readable at 320 px and in print).
"""

from priorities.consensus import SCALE

BAR_WIDTH, BAR_GAP, LEFT, BASELINE, MAX_HEIGHT = 30, 10, 12, 84, 64


def distribution(result, prefix):
    """Bars of the answers per point (1 to 5) of an ItemResult, the middle half shaded."""
    counts = list(result.distribution) or [0] * len(SCALE)
    top = max(counts) or 1
    bars = []
    for index, (point, count) in enumerate(zip(SCALE, counts, strict=True)):
        height = round(MAX_HEIGHT * count / top)
        x = LEFT + index * (BAR_WIDTH + BAR_GAP)
        bars.append(
            {
                "point": point,
                "count": count,
                "x": x,
                "y": BASELINE - height,
                "height": height,
                "text_x": x + BAR_WIDTH // 2,
                "count_y": BASELINE - height - 4,
                "middle": result.q1 is not None and result.q1 <= point <= result.q3,
            }
        )
    return {
        "id": prefix,
        "width": LEFT * 2 + len(SCALE) * BAR_WIDTH + (len(SCALE) - 1) * BAR_GAP,
        "height": BASELINE + 20,
        "baseline": BASELINE,
        "bar_width": BAR_WIDTH,
        "label_y": BASELINE + 15,
        "bars": bars,
        "result": result,
    }


ROW, LABEL_WIDTH, PLOT_WIDTH = 24, 48, 250


def _x(value):
    return LABEL_WIDTH + round(PLOT_WIDTH * value / len(SCALE), 1)


def results_chart(rows):
    """One row per ranked item: the final median as a bar, the middle half as a line."""
    lines = []
    for index, row in enumerate(rows):
        final = row.final
        y = 8 + index * ROW
        lines.append(
            {
                "code": row.recommendation.code,
                "y": y,
                "text_y": y + 12,
                "bar_width": _x(final.median) - LABEL_WIDTH,
                "whisker_y": y + 8,
                "q1_x": _x(final.q1),
                "q3_x": _x(final.q3),
                "consensus": final.consensus,
            }
        )
    ticks = [{"point": p, "x": _x(p)} for p in SCALE]
    height = 8 + len(rows) * ROW + 18
    return {
        "width": LABEL_WIDTH + PLOT_WIDTH + 12,
        "height": height,
        "label_x": LABEL_WIDTH - 6,
        "plot_x": LABEL_WIDTH,
        "axis_y": height - 18,
        "tick_y": height - 4,
        "lines": lines,
        "ticks": ticks,
    }
