"""A small SVG line chart written by hand (no plotting library): panels side by side, one line
per series, a dashed target line, ticks on both axes. Used by `benchmarks.growth --plot`."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
WIDTH, HEIGHT = 260, 210  # one panel
LEFT, RIGHT, TOP, BOTTOM = 46, 10, 26, 36  # margins inside a panel


@dataclass(frozen=True)
class Panel:
    """One chart: a title, series of (x, y) points by name, and an optional target line."""

    title: str
    series: dict[str, Sequence[tuple[float, float]]]
    target: float | None = None


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About `count` round tick values covering [low, high]."""
    span = (high - low) or abs(high) or 1.0
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = (low // step) * step
    ticks, value = [], start
    while value <= high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _label(value: float) -> str:
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def _panel(panel: Panel, x0: float, names: Sequence[str]) -> list[str]:
    points = [p for s in panel.series.values() for p in s]
    xs = [x for x, _ in points] or [0.0, 1.0]
    ys = [y for _, y in points] + ([panel.target] if panel.target is not None else [])
    xticks = nice_ticks(0, max(xs))
    yticks = nice_ticks(0, max(ys or [1.0]) * 1.05)
    xmax, ymax = xticks[-1] or 1.0, yticks[-1] or 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def sx(x: float) -> float:
        return round(x0 + LEFT + x / xmax * plot_w, 1)

    def sy(y: float) -> float:
        return round(TOP + plot_h - y / ymax * plot_h, 1)

    out = [f'<text x="{x0 + WIDTH / 2}" y="16" text-anchor="middle" font-weight="bold">'
           f'{escape(panel.title)}</text>',
           f'<rect x="{x0 + LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" '
           'stroke="#999"/>']
    for t in yticks:
        out.append(f'<line x1="{x0 + LEFT}" x2="{x0 + LEFT + plot_w}" y1="{sy(t)}" y2="{sy(t)}" '
                   'stroke="#eee"/>')
        out.append(f'<text x="{x0 + LEFT - 4}" y="{sy(t) + 4}" text-anchor="end">'
                   f'{_label(t)}</text>')
    for t in xticks:
        out.append(f'<text x="{sx(t)}" y="{TOP + plot_h + 14}" text-anchor="middle">'
                   f'{_label(t)}</text>')
    out.append(f'<text x="{x0 + LEFT + plot_w / 2}" y="{HEIGHT - 6}" text-anchor="middle">'
               'chunks</text>')
    if panel.target is not None:
        out.append(f'<line x1="{x0 + LEFT}" x2="{x0 + LEFT + plot_w}" y1="{sy(panel.target)}" '
                   f'y2="{sy(panel.target)}" stroke="#c00" stroke-dasharray="4 3"/>')
    for name, series in panel.series.items():
        colour = COLOURS[list(names).index(name) % len(COLOURS)]
        path = " ".join(f"{sx(x)},{sy(y)}" for x, y in sorted(series))
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{sx(x)}" cy="{sy(y)}" r="3" fill="{colour}"/>' for x, y in series]
    return out


def line_chart(panels: Sequence[Panel], caption: str = "") -> str:
    """The SVG document: the panels in a row, a legend of the series names under them."""
    names = list(dict.fromkeys(n for p in panels for n in p.series))
    width, height = WIDTH * len(panels), HEIGHT + 24 + (16 if caption else 0)
    body = []
    for i, panel in enumerate(panels):
        body += _panel(panel, i * WIDTH, names)
    x = LEFT
    for i, name in enumerate(names):
        colour = COLOURS[i % len(COLOURS)]
        body.append(f'<line x1="{x}" x2="{x + 18}" y1="{HEIGHT + 10}" y2="{HEIGHT + 10}" '
                    f'stroke="{colour}" stroke-width="2"/>')
        body.append(f'<text x="{x + 22}" y="{HEIGHT + 14}">{escape(name)}</text>')
        x += 30 + 7 * len(name)
    body.append(f'<line x1="{x}" x2="{x + 18}" y1="{HEIGHT + 10}" y2="{HEIGHT + 10}" '
                'stroke="#c00" stroke-dasharray="4 3"/>')
    body.append(f'<text x="{x + 22}" y="{HEIGHT + 14}">target</text>')
    if caption:
        body.append(f'<text x="{LEFT}" y="{HEIGHT + 32}" fill="#555">{escape(caption)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">\n'
            f'<rect width="{width}" height="{height}" fill="white"/>\n'
            + "\n".join(body) + "\n</svg>\n")
