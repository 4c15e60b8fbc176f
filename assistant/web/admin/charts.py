"""Charts for the console as inline SVG made on the server, each inside a figure with a caption and
its numbers as a table (the text alternative). No script; the SVG scales to the page width."""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH = 640
BAR_WIDTH = 480  # narrower: its labels stay readable when a phone scales the chart down
BAR = "#1d4ed8"  # 6.7:1 on white (WCAG 1.4.11 asks 3:1 for graphics)
AXIS = "#4b5563"
FONT = 'font-family="system-ui, sans-serif" font-size="14"'


def _svg(ident: str, title: str, desc: str, height: int, content: str, width: int = WIDTH) -> str:
    return (f'<svg role="img" aria-labelledby="{ident}-t {ident}-d" viewBox="0 0 {width} {height}" '
            f'width="100%" style="max-width:{width}px;height:auto" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-t">{escape(title)}</title>'
            f'<desc id="{ident}-d">{escape(desc)}</desc>'
            f"{content}</svg>")


def scroll_box(label: str) -> str:
    """The opening tag of a box that scrolls sideways on a narrow screen (focusable and named, so
    a keyboard user can scroll it too); close it with `</div>`."""
    return f'<div class="wrap" role="region" tabindex="0" aria-label="{escape(label)}">'


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], summary: str) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(
        (f'<th scope="row">{escape(str(r[0]))}</th>' if i == 0 else f"<td>{escape(str(c))}</td>")
        for i, c in enumerate(r)) + "</tr>" for r in rows)
    return (f"<details><summary>{escape(summary)}</summary>{scroll_box(summary)}<table>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>")


def figure(ident: str, caption: str, svg: str, table: str) -> str:
    """A chart with its caption and its table."""
    return (f'<figure id="{ident}" class="chart" style="margin:1.5rem 0">'
            f'<figcaption style="font-weight:600">{escape(caption)}</figcaption>'
            f"{svg}{table}</figure>")


def column_chart(ident: str, caption: str, points: Sequence[tuple[str, int]], *,
                 desc: str, headers: tuple[str, str], summary: str) -> str:
    """Vertical bars, one per (label, value) in order: questions per day."""
    height, top, bottom, left = 220, 24, 34, 8
    plot_h, plot_w = height - top - bottom, WIDTH - 2 * left
    peak = max((v for _, v in points), default=0) or 1
    step = plot_w / max(len(points), 1)
    gap = min(2.0, step * 0.2)
    bars = []
    for i, (label, value) in enumerate(points):
        h = plot_h * value / peak
        x, y = left + i * step + gap / 2, top + plot_h - h
        bars.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" '
                    f'width="{max(step - gap, 0.5):.1f}" height="{h:.1f}" fill="{BAR}">'
                    f"<title>{escape(label)}: {value}</title></rect>")
    base = top + plot_h
    axis = (f'<line x1="{left}" y1="{base}" x2="{WIDTH - left}" y2="{base}" stroke="{AXIS}"/>'
            f'<text x="{left}" y="16" {FONT} fill="{AXIS}">max {peak if points else 0}</text>')
    if points:
        low = height - 10
        axis += (f'<text x="{left}" y="{low}" {FONT} fill="{AXIS}">{escape(points[0][0])}</text>'
                 f'<text x="{WIDTH - left}" y="{low}" {FONT} fill="{AXIS}" text-anchor="end">'
                 f"{escape(points[-1][0])}</text>")
    svg = _svg(ident, caption, desc, height, axis + "".join(bars))
    return figure(ident, caption, svg, _table(headers, points, summary))


def bar_chart(ident: str, caption: str, items: Sequence[tuple[str, int, str]], *,
              desc: str, headers: Sequence[str], summary: str,
              colors: Sequence[str] = ()) -> str:
    """Horizontal bars, one per (label, value, shown value): share per kind, thumbs."""
    row, label_w = 34, 170
    height = max(len(items), 1) * row + 8
    peak = max((v for _, v, _ in items), default=0) or 1
    span = BAR_WIDTH - label_w - 80
    parts = []
    for i, (label, value, shown) in enumerate(items):
        y = 4 + i * row
        w = span * value / peak
        color = colors[i % len(colors)] if colors else BAR
        parts.append(
            f'<text x="0" y="{y + 21}" {FONT} fill="#1f2937">{escape(label[:22])}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 6}" width="{max(w, 1):.1f}" '
            f'height="{row - 12}" '
            f'fill="{color}"><title>{escape(label)}: {escape(shown)}</title></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 21}" {FONT} fill="#1f2937">'
            f"{escape(shown)}</text>")
    svg = _svg(ident, caption, desc, height, "".join(parts), BAR_WIDTH)
    rows = [(label, shown) for label, _, shown in items]
    return figure(ident, caption, svg, _table(headers, rows, summary))
