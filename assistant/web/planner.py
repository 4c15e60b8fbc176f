"""Deadline planner helpers shared by the API and the UI: inputs, table, picture, downloads."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import Any

from assistant.errors import DeadlineInputError

STATUS_COLOURS = {"passed": "#6b7280", "due": "#d97706", "upcoming": "#2563eb"}
STATUS_LABELS = {
    "nl": {"passed": "voorbij", "due": "binnenkort", "upcoming": "komt nog"},
    "en": {"passed": "passed", "due": "due soon", "upcoming": "upcoming"},
}
ACTORS_EN = {"werkgever": "employer", "werknemer": "employee", "bedrijfsarts": "company doctor"}
_DATE = r"(\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4})"


def parse_date(text: str, field_nl: str, field_en: str) -> date:
    """A date from YYYY-MM-DD or DD-MM-YYYY; raises `DeadlineInputError` naming the field."""
    raw = text.strip()
    try:
        if re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", raw):
            d, m, y = (int(p) for p in raw.split("-"))
            return date(y, m, d)
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise DeadlineInputError(
            f"invalid date {raw!r}",
            nl=f"{field_nl}: '{raw}' is geen geldige datum. Gebruik JJJJ-MM-DD.",
            en=f"{field_en}: '{raw}' is not a valid date. Use YYYY-MM-DD.",
        ) from None


def parse_episode_lines(text: str) -> list[tuple[date, date | None]]:
    """Episodes from lines like `2026-01-05 tot 2026-01-20` (end optional)."""
    episodes: list[tuple[date, date | None]] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        found = re.findall(_DATE, line)
        if not 1 <= len(found) <= 2:
            raise DeadlineInputError(
                f"bad episode line {line!r}",
                nl=f"Ziekteperiode '{line.strip()}' niet begrepen. Schrijf per regel: begin tot "
                "einde, bv. 2026-01-05 tot 2026-01-20.",
                en=f"Could not read sickness period '{line.strip()}'. Write one per line: start "
                "to end, e.g. 2026-01-05 to 2026-01-20.",
            )
        start = parse_date(found[0], "Ziekteperiode", "Sickness period")
        end = parse_date(found[1], "Ziekteperiode", "Sickness period") if len(found) > 1 else None
        episodes.append((start, end))
    return episodes


def make_episodes(first_sick_day: date | None, extra: Iterable[tuple[date, date | None]]) -> list:
    """`Episode`s: earlier periods plus the current one starting on `first_sick_day`."""
    from assistant.deadlines import Episode

    episodes = [Episode(start, end) for start, end in extra]
    if first_sick_day is not None and all(e.start != first_sick_day for e in episodes):
        episodes.append(Episode(first_sick_day, None))
    if not episodes:
        raise DeadlineInputError(
            "no first sick day",
            nl="Vul de eerste ziektedag in.",
            en="Please enter the first sick day.",
        )
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


def export(timeline: Any, fmt: str, language: str) -> tuple[bytes, str, str]:
    """(content, media type, file name) for an .ics or .csv download."""
    from assistant.deadlines import to_csv, to_ics

    if fmt == "ics":
        data = to_ics(timeline, language=language)
        return _bytes(data), "text/calendar; charset=utf-8", "spoor2-termijnen.ics"
    data = to_csv(timeline, language=language)
    return _bytes(data), "text/csv; charset=utf-8", "spoor2-termijnen.csv"


def _bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _nl_date(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def table_headers(language: str) -> list[str]:
    """Column names of the timeline table."""
    if language == "en":
        return ["Date", "Week", "Who", "What", "Status", "Basis"]
    return ["Datum", "Week", "Wie", "Wat", "Status", "Grondslag"]


def table_rows(timeline: Any, language: str) -> list[list[str]]:
    """One row per milestone, in the user's language."""
    labels = STATUS_LABELS["en" if language == "en" else "nl"]
    rows = []
    for m in timeline.milestones:
        when = _nl_date(m.date)
        if m.date_from and m.date_from != m.date:
            when = f"{_nl_date(m.date_from)} – {when}"
        actor = ACTORS_EN.get(m.actor, m.actor) if language == "en" else m.actor
        status = labels.get(m.status, m.status)
        if m.status != "passed" and m.days_left >= 0:
            status += f" ({m.days_left} {'days' if language == 'en' else 'dagen'})"
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

    lanes: list[float] = []
    placed = []
    for m in sorted(milestones, key=lambda m: m.date):
        label = m.title(language)
        short = label if len(label) <= 30 else label[:29] + "…"
        x0 = min(x(m.date), right - 6.2 * len(short))
        placed.append((m, short, label, x0, _lane(lanes, x0, x0 + 6.2 * len(short))))
    axis_y = 30 + 18 * len(lanes)
    height = axis_y + 70
    today_label = "Today" if language == "en" else "Vandaag"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="spoor2-timeline" width="100%" aria-label="{escape(_aria(language))}" '
        'font-family="system-ui, sans-serif" font-size="11">',
        f'<line x1="{left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#9ca3af" '
        'stroke-width="2"/>',
    ]
    for m, short, label, x0, lane in placed:
        colour = STATUS_COLOURS.get(m.status, "#2563eb")
        cx, ty = x(m.date), 24 + 18 * lane
        if m.date_from and m.date_from < m.date:
            parts.append(f'<line x1="{x(m.date_from):.1f}" y1="{axis_y}" x2="{cx:.1f}" '
                         f'y2="{axis_y}" stroke="{colour}" stroke-width="6" opacity="0.5"/>')
        parts.append(
            f'<g class="milestone status-{escape(m.status)}" data-key="{escape(m.key)}">'
            f'<title>{escape(label)} – {_nl_date(m.date)} (week {m.week})</title>'
            f'<line x1="{cx:.1f}" y1="{ty + 3}" x2="{cx:.1f}" y2="{axis_y - 6}" stroke="{colour}" '
            'stroke-dasharray="2 2"/>'
            f'<circle cx="{cx:.1f}" cy="{axis_y}" r="6" fill="{colour}"/>'
            f'<text x="{x0:.1f}" y="{ty}" fill="#111827">{escape(short)}</text></g>'
        )
    tx = x(timeline.today)
    parts.append(
        f'<g class="today"><line x1="{tx:.1f}" y1="10" x2="{tx:.1f}" y2="{axis_y + 16}" '
        f'stroke="#dc2626" stroke-width="2"/><text x="{min(tx + 4, right - 60):.1f}" '
        f'y="{axis_y + 28}" fill="#dc2626" font-weight="bold">{today_label} '
        f'{_nl_date(timeline.today)}</text></g>'
    )
    parts.append(_legend(language, axis_y + 52))
    parts.append("</svg>")
    return "".join(parts)


def _aria(language: str) -> str:
    if language == "en":
        return "Timeline of the sickness period with today marked"
    return "Tijdlijn van de ziekteperiode met vandaag gemarkeerd"


def _legend(language: str, y: int) -> str:
    labels = STATUS_LABELS["en" if language == "en" else "nl"]
    out, x0 = [], 20
    for status, colour in STATUS_COLOURS.items():
        out.append(f'<circle cx="{x0 + 6}" cy="{y - 4}" r="5" fill="{colour}"/>'
                   f'<text x="{x0 + 16}" y="{y}">{escape(labels[status])}</text>')
        x0 += 110
    return '<g class="legend">' + "".join(out) + "</g>"
