"""Small SVG charts written by hand, for reports that must open anywhere without a network.

Why not matplotlib (installable from PyPI): a server needs a CJK font installed for it to
draw Chinese department names, and it brings numpy and Pillow for a few bar charts. SVG
text is drawn by the reader's browser with the reader's fonts, stays sharp when zoomed or
printed, and is a few kilobytes inline in the HTML page (no CDN, no script).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

#: A palette that stays distinguishable in grey print and for common colour blindness.
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")

WIDTH = 680
LABEL_WIDTH = 120
VALUE_WIDTH = 70
BAR_HEIGHT = 18
ROW_GAP = 10
TOP = 34


@dataclass(frozen=True)
class Series:
    """One coloured part of each bar: a name for the legend and a value per category."""

    name: str
    values: Sequence[float]
    color: str = PALETTE[0]


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def horizontal_bars(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    value_label: Callable[[float], str] = _number,
    maximum: float | None = None,
) -> str:
    """A horizontal bar chart, one bar per category, the series stacked within it.

    ``maximum`` fixes the scale (1.0 for rates); otherwise the longest bar fills the width.
    """
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    scale_max = maximum or max(totals, default=0) or 1
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP + len(categories) * (BAR_HEIGHT + ROW_GAP) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    parts.extend(_legend(series))
    for index, category in enumerate(categories):
        y = TOP + index * (BAR_HEIGHT + ROW_GAP)
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" text-anchor="end">'
            f"{escape(category)}</text>"
        )
        x = float(LABEL_WIDTH)
        for part in series:
            value = part.values[index]
            width = plot * value / scale_max if value > 0 else 0.0
            if width > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}"'
                    f' fill="{part.color}"><title>{escape(part.name)}: '
                    f"{escape(value_label(value))}</title></rect>"
                )
            x += width
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y + BAR_HEIGHT - 5}">'
            f"{escape(value_label(totals[index]))}</text>"
        )
    if not categories:
        parts.append(f'<text x="{LABEL_WIDTH}" y="{TOP + 12}" fill="#888">无数据 (no data)</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend(series: Sequence[Series]) -> list[str]:
    if len(series) < 2:
        return []
    parts, x = [], float(LABEL_WIDTH)
    for part in series:
        parts.append(f'<rect x="{x:.1f}" y="8" width="12" height="12" fill="{part.color}"/>')
        parts.append(f'<text x="{x + 16:.1f}" y="18">{escape(part.name)}</text>')
        x += 30 + 12 * len(part.name)
    return parts


def shade(value: float, maximum: float) -> str:
    """A background colour from white to blue for a heat-map table cell."""
    share = 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum))
    red = round(255 - share * (255 - 78))
    green = round(255 - share * (255 - 121))
    blue = round(255 - share * (255 - 167))
    return f"#{red:02x}{green:02x}{blue:02x}"
