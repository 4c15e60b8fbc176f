"""The timeline as a plain-text table for the CLI and chat answers."""
from __future__ import annotations

from assistant.deadlines.dates import day_and_date, short_date
from assistant.deadlines.model import Milestone, Timeline

_TEXT = {
    "nl": {"date": "Datum", "week": "Week", "actor": "Wie", "what": "Mijlpaal", "status": "Status",
           "start": "Eerste ziektedag", "current": "Huidige ziekteweek", "none": "geen",
           "paused": "hersteldagen (tellen niet mee)", "practice": "praktijknorm",
           "passed": "verstreken", "due": "binnenkort", "upcoming": "gepland", "days": "dagen",
           "done": "gedaan"},
    "en": {"date": "Date", "week": "Week", "actor": "Who", "what": "Milestone", "status": "Status",
           "start": "First sick day", "current": "Current sickness week", "none": "none",
           "paused": "fit days (not counted)", "practice": "practice norm",
           "passed": "passed", "due": "due soon", "upcoming": "upcoming", "days": "days",
           "done": "done"},
}


def _status(m: Milestone, t: dict[str, str]) -> str:
    if m.done_on is not None:
        return f"{t['done']} {short_date(m.done_on)}"
    if m.status == "passed":
        return t["passed"]
    return f"{t[m.status]} ({m.days_left} {t['days']})"


def render_table(timeline: Timeline, language: str = "nl") -> str:
    """A fixed-width table of the milestones with a short header and the notes."""
    language = "en" if language == "en" else "nl"
    t = _TEXT[language]
    rows = [(t["date"], t["week"], t["actor"], t["what"], t["status"])]
    for m in timeline.milestones:
        when = day_and_date(m.date, language)
        if m.date_from:
            when = f"{day_and_date(m.date_from, language)} - {when}"
        title = m.title(language) + (f" ({t['practice']})" if m.norm == "practice" else "")
        rows.append((when, str(m.week), m.actor, title, _status(m, t)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"{t['start']}: {day_and_date(timeline.period_start, language)}",
        f"{t['current']}: {timeline.current_week or t['none']}",
    ]
    if timeline.paused_days:
        lines.append(f"{t['paused']}: {timeline.paused_days}")
    lines += timeline.notes(language)
    lines.append("")
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[4])
    return "\n".join(line.rstrip() for line in lines) + "\n"
