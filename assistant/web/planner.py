"""Deadline planner helpers shared by the API and the UI: inputs, table, picture, downloads."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import Any

from assistant.deadlines.dateparse import parse_field_date
from assistant.deadlines.dates import day_count, short_date
from assistant.deadlines.validate import fail
from assistant.texts import pair, text

STATUS_COLOURS = {"passed": "#6b7280", "due": "#d97706", "upcoming": "#2563eb"}
NEXT_COLOUR = "#7c2d12"
_CHAR_WIDTH = 7.0
_DATE = r"(\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4})"


def parse_episode_lines(text: str) -> list[tuple[date, date | None]]:
    """Episodes from lines like `2026-01-05 tot 2026-01-20` (end optional)."""
    episodes: list[tuple[date, date | None]] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        found = re.findall(_DATE, line)
        if not 1 <= len(found) <= 2:
            raise fail("episode_line", line=line.strip())
        start, *rest = (parse_field_date(f, *pair("ui.field_period")) for f in found)
        end = rest[0] if rest else None
        episodes.append((start, end))
    return episodes


def make_episodes(first_sick_day: date | None, extra: Iterable[tuple[date, date | None]]) -> list:
    """`Episode`s: earlier periods plus the current one starting on `first_sick_day`."""
    from assistant.deadlines import Episode

    episodes = [Episode(start, end) for start, end in extra]
    if first_sick_day is not None and all(e.start != first_sick_day for e in episodes):
        episodes.append(Episode(first_sick_day, None))
    if not episodes:
        raise fail("enter_first_sick_day")
    return sorted(episodes, key=lambda e: e.start)


def compute(
    episodes: Sequence[Any], *, today: date, eje: date | None = None,
    probleemanalyse: date | None = None, loonsanctie_weeks: int | None = None,
    verlenging_tot: date | None = None, leave: Iterable[tuple[date, date]] = (),
) -> Any:
    """The timeline from the deadline calculator; `leave`: (first, last) day of each WAZO leave."""
    from assistant.deadlines import Leave, compute_timeline

    return compute_timeline(
        list(episodes), today=today, probleemanalyse=probleemanalyse, eje=eje,
        loonsanctie_weeks=loonsanctie_weeks or None, verlenging_tot=verlenging_tot,
        leave=[Leave(start, end) for start, end in leave],
    )


def check(timeline: Any, steps: dict[str, date | None], evaluations: Sequence[date],
          today: date) -> list[Any]:
    """The Poortwachter check of the steps done (empty steps: every step due or overdue)."""
    from assistant.deadlines.check import check_steps

    return check_steps(timeline, steps, today=today, evaluations=list(evaluations))


def costs(timeline: Any, today: date, monthly_wage: float | None, language: str) -> dict:
    """The cost view as a JSON-ready dict, with the Markdown lines in the user's language."""
    from assistant.deadlines.costs import cost_view

    return cost_view(timeline, today=today, monthly_wage=monthly_wage).to_dict(language)


def export(timeline: Any, fmt: str, language: str, *, alarm_days: Sequence[int] | None = None,
           checks: Sequence[Any] = (), made_on: date | None = None) -> tuple[bytes, str, str]:
    """(content, media type, file name) for an .ics, .csv or .pdf download."""
    from assistant.deadlines import to_csv, to_ics

    if fmt == "ics":
        data = to_ics(timeline, language=language, alarm_days=alarm_days)
        return _bytes(data), "text/calendar; charset=utf-8", "spoor2-termijnen.ics"
    if fmt == "pdf":
        from assistant.deadlines.pdf import to_pdf

        data = to_pdf(timeline, checks=checks, made_on=made_on or timeline.today,
                      language=language)
        return data, "application/pdf", "spoor2-termijnen.pdf"
    data = to_csv(timeline, language=language)
    return _bytes(data), "text/csv; charset=utf-8", "spoor2-termijnen.csv"


def _bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


def table_headers(language: str) -> list[str]:
    """Column names of the timeline table."""
    return [text(f"deadline.planner.{k}", language)
            for k in ("date", "week", "who", "what", "status", "basis")]


def table_rows(timeline: Any, language: str) -> list[list[str]]:
    """One row per milestone, in the user's language."""
    rows = []
    for m in timeline.milestones:
        when = short_date(m.date)
        if m.date_from and m.date_from != m.date:
            when = f"{short_date(m.date_from)} – {when}"
        actor = text(f"deadline.actor.{m.actor}", language)
        status = text(f"deadline.status.{m.status}", language)
        if m.status != "passed" and m.days_left >= 0:
            status += f" ({day_count(m.days_left, language)})"
        rows.append([when, str(m.week), actor, m.title(language), status, m.basis])
    return rows


def table_html(timeline: Any, language: str) -> str:
    """The timeline as an accessible HTML table (every cell escaped)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table_headers(language))
    body = []
    for m, row in zip(timeline.milestones, table_rows(timeline, language), strict=True):
        colour = STATUS_COLOURS.get(m.status, "#2563eb")
        cells = [escape(c) for c in row]
        cells[4] = f'<span class="dot" style="background:{colour}"></span>{cells[4]}'
        body.append(f'<tr class="status-{escape(m.status)}" data-key="{escape(m.key)}">'
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<table class="timeline-table"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


CHECK_COLOURS = {"done": "#15803d", "due": "#2563eb", "overdue": "#b91c1c"}


def check_headers(language: str) -> list[str]:
    """Column names of the Poortwachter check table."""
    return [text(f"deadline.planner.{k}", language)
            for k in ("check_step", "check_due", "status", "check_rule", "basis", "check_action")]


def check_html(checks: Sequence[Any], language: str) -> str:
    """The Poortwachter check as an accessible HTML table (every cell escaped); "" when empty."""
    if not checks:
        return ""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in check_headers(language))
    body = []
    for c in checks:
        colour = CHECK_COLOURS[c.status]
        status = (f'<span class="dot" style="background:{colour}"></span>'
                  f'<strong>{escape(c.label(language))}</strong>')
        cells = [f'<th scope="row">{escape(c.title(language))}</th>',
                 f"<td>{short_date(c.due)}</td>", f"<td>{status}</td>",
                 f"<td>{escape(c.rule(language))}</td>",
                 f"<td>{escape(c.basis)}</td>", f"<td>{escape(c.action(language))}</td>"]
        body.append(f'<tr class="check-{escape(c.status)}" data-key="{escape(c.key)}">'
                    + "".join(cells) + "</tr>")
    caption = text("deadline.planner.check_caption", language)
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{caption}">'
            f'<table class="check-table"><caption>{caption}</caption><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(body)}</tbody></table></div>')


def _lane(lanes: list[float], x0: float, x1: float) -> int:
    for i, end in enumerate(lanes):
        if x0 > end + 6:
            lanes[i] = x1
            return i
    lanes.append(x1)
    return len(lanes) - 1


def timeline_svg(timeline: Any, language: str) -> str:
    """A horizontal timeline as inline SVG: today marked, milestones coloured by status."""
    milestones = list(timeline.milestones)
    if not milestones:
        return ""
    width, left, right = 1000, 20, 980
    start = min([timeline.period_start] + [m.date_from or m.date for m in milestones])
    end = max([m.date for m in milestones] + [timeline.today])
    span = max((end - start).days, 1)

    def x(day: date) -> float:
        return left + (right - left) * max(0, (day - start).days) / span

    placed, lane_count = _place_labels(milestones, x, right, language)
    axis_y = 30 + 18 * lane_count
    height = axis_y + 70
    upcoming = [m for m in milestones if m.date >= timeline.today]
    nxt = min(upcoming, key=lambda m: m.date).key if upcoming else None
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="spoor2-timeline" width="100%" aria-label="{escape(_aria(language))}" '
        'font-family="system-ui, sans-serif" font-size="11">',
        f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#9ca3af" '
        'stroke-width="2"/>',
    ]
    parts += [_milestone_svg(*spot, x, axis_y, is_next=spot[0].key == nxt) for spot in placed]
    tx = x(timeline.today)
    parts.append(
        f'<g class="today"><line x1="{tx:.1f}" y1="10" x2="{tx:.1f}" y2="{axis_y + 16}" '
        f'stroke="#dc2626" stroke-width="2"/><text x="{min(tx + 4, right - 60):.1f}" '
        f'y="{axis_y + 28}" fill="#dc2626" font-weight="bold">'
        f'{text("deadline.planner.today", language)} {short_date(timeline.today)}</text></g>'
    )
    parts.append(_legend(language, axis_y + 52))
    parts.append("</svg>")
    return "".join(parts)


def _place_labels(milestones: Sequence[Any], x, right: int,
                  language: str) -> tuple[list[tuple[Any, str, str, float, int]], int]:
    """Each milestone with its (shortened) label, the label's x and its lane; and the number of
    lanes, so labels in one lane never overlap."""
    lanes: list[float] = []
    placed = []
    for m in sorted(milestones, key=lambda m: m.date):
        label = m.title(language)
        short = label if len(label) <= 30 else label[:29] + "…"
        # A generous width per character (bold, capitals) so labels in one lane never touch.
        label_w = _CHAR_WIDTH * len(short)
        x0 = min(x(m.date), right - label_w)
        placed.append((m, short, label, x0, _lane(lanes, x0, x0 + label_w)))
    return placed, len(lanes)


def _milestone_svg(m: Any, short: str, label: str, x0: float, lane: int, x, axis_y: int, *,
                   is_next: bool) -> str:
    """One milestone: its dot on the axis (ringed when next), its window and its label."""
    past = m.status == "passed"
    colour = NEXT_COLOUR if is_next else STATUS_COLOURS.get(m.status, "#2563eb")
    cx, ty = x(m.date), 24 + 18 * lane
    extra = " next" if is_next else " past" if past else ""
    text_style = (' font-weight="bold"' if is_next else "") + (
        ' fill="#4b5563"' if past else ' fill="#111827"')
    window = ""
    if m.date_from and m.date_from < m.date:
        window = (f'<line x1="{x(m.date_from):.1f}" y1="{axis_y}" x2="{cx:.1f}" '
                  f'y2="{axis_y}" stroke="{colour}" stroke-width="6" opacity="0.5"/>')
    ring = (f'<circle cx="{cx:.1f}" cy="{axis_y}" r="10" fill="none" stroke="{colour}" '
            'stroke-width="2"/>') if is_next else ""
    return (
        f'{window}<g class="milestone status-{escape(m.status)}{extra}" data-key="{escape(m.key)}">'
        f'<title>{escape(label)} – {short_date(m.date)} (week {m.week})</title>'
        f'<line x1="{cx:.1f}" y1="{ty + 3}" x2="{cx:.1f}" y2="{axis_y - 6}" stroke="{colour}" '
        'stroke-dasharray="2 2"/>'
        f'<circle cx="{cx:.1f}" cy="{axis_y}" r="6" fill="{colour}"/>{ring}'
        f'<text x="{x0:.1f}" y="{ty}"{text_style}>{escape(short)}</text></g>'
    )


def _aria(language: str) -> str:
    return text("deadline.planner.aria", language)


def _legend(language: str, y: int) -> str:
    out, x0 = [], 20
    for status, colour in STATUS_COLOURS.items():
        label = escape(text(f"deadline.status.{status}", language))
        out.append(f'<circle cx="{x0 + 6}" cy="{y - 4}" r="5" fill="{colour}"/>'
                   f'<text x="{x0 + 16}" y="{y}">{label}</text>')
        x0 += 110
    nxt = text("deadline.planner.next_step", language)
    out.append(f'<circle cx="{x0 + 6}" cy="{y - 4}" r="5" fill="{NEXT_COLOUR}"/>'
               f'<circle cx="{x0 + 6}" cy="{y - 4}" r="8" fill="none" stroke="{NEXT_COLOUR}" '
               f'stroke-width="2"/><text x="{x0 + 20}" y="{y}">{nxt}</text>')
    return '<g class="legend">' + "".join(out) + "</g>"
