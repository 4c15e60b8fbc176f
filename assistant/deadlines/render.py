"""The timeline as a plain-text table for the CLI and chat answers."""
from __future__ import annotations

from assistant.deadlines.dates import day_and_date, short_date
from assistant.deadlines.model import Milestone, Timeline
from assistant.texts import text


def _status(m: Milestone, language: str) -> str:
    if m.done_on is not None:
        return f"{text('deadline.status.done', language)} {short_date(m.done_on)}"
    status = text(f"deadline.status.{m.status}", language)
    if m.status == "passed":
        return status
    return f"{status} ({m.days_left} {text('deadline.days', language)})"


def render_table(timeline: Timeline, language: str = "nl") -> str:
    """A fixed-width table of the milestones with a short header and the notes."""
    def t(key: str) -> str:
        return text(f"deadline.table.{key}", language)

    rows = [(t("date"), t("week"), t("actor"), t("what"), t("status"))]
    for m in timeline.milestones:
        when = day_and_date(m.date, language)
        if m.date_from:
            when = f"{day_and_date(m.date_from, language)} - {when}"
        title = m.title(language) + (f" ({t('practice')})" if m.norm == "practice" else "")
        rows.append((when, str(m.week), m.actor, title, _status(m, language)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [
        f"{t('start')}: {day_and_date(timeline.period_start, language)}",
        f"{t('current')}: {timeline.current_week or t('none')}",
    ]
    if timeline.paused_days:
        lines.append(f"{t('paused')}: {timeline.paused_days}")
    lines += timeline.notes(language)
    lines.append("")
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[4])
    return "\n".join(line.rstrip() for line in lines) + "\n"
