"""Calendar (.ics) and CSV export of a timeline."""
from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from assistant.deadlines.model import Milestone, Timeline

_NORM = {"nl": {"law": "wettelijke termijn", "practice": "praktijknorm"},
         "en": {"law": "statutory deadline", "practice": "practice norm"}}
_LABELS = {
    "nl": {"basis": "Grondslag", "window": "Venster", "actor": "Wie", "period": "Eerste ziektedag",
           "reminder": "Over 7 dagen", "calc": "Berekend door Spoor 2 Assistent; controleer bij "
           "twijfel met je bedrijfsarts, arbodienst of UWV."},
    "en": {"basis": "Legal basis", "window": "Window", "actor": "Who", "period": "First sick day",
           "reminder": "In 7 days", "calc": "Computed by Spoor 2 Assistent; when in doubt, check "
           "with your bedrijfsarts, arbodienst or UWV."},
}
CSV_COLUMNS = ["key", "date", "date_from", "week", "actor", "title", "description", "basis", "norm",
               "status", "days_left"]


def _uid(timeline: Timeline, m: Milestone) -> str:
    seed = f"{timeline.period_start.isoformat()}|{m.key}"
    return hashlib.sha1(seed.encode()).hexdigest()[:20] + "@spoor2-assistent"


def _description(timeline: Timeline, m: Milestone, language: str) -> str:
    labels = _LABELS[language]
    lines = [m.description(language), ""]
    if m.date_from:
        lines.append(f"{labels['window']}: {m.date_from.isoformat()} - {m.date.isoformat()}")
    lines += [
        f"{labels['basis']}: {m.basis} ({_NORM[language][m.norm]})",
        f"{labels['actor']}: {m.actor}",
        f"{labels['period']}: {timeline.period_start.isoformat()}",
        "",
        labels["calc"],
    ]
    return "\n".join(lines)


def to_ics(timeline: Timeline, *, language: str = "nl") -> str:
    """An iCalendar file: one all-day event per milestone, with a reminder 7 days before."""
    language = "en" if language == "en" else "nl"
    cal = Calendar()
    cal.add("prodid", "-//Spoor 2 Assistent//Poortwachter deadlines//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = "Poortwachter-termijnen" if language == "nl" else "Poortwachter deadlines"
    cal.add("x-wr-calname", f"{name} {timeline.period_start.isoformat()}")
    stamp = datetime.combine(timeline.today, time(0, 0), tzinfo=UTC)
    for m in timeline.milestones:
        event = Event()
        event.add("uid", _uid(timeline, m))
        event.add("dtstamp", stamp)
        event.add("dtstart", m.date)
        event.add("dtend", m.date + timedelta(days=1))
        event.add("summary", m.title(language))
        event.add("description", _description(timeline, m, language))
        event.add("categories", ["Poortwachter"])
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-7))
        alarm.add("description", f"{_LABELS[language]['reminder']}: {m.title(language)}")
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def to_csv(timeline: Timeline, *, language: str = "nl") -> str:
    """CSV with one row per milestone (header: key,date,date_from,week,actor,title,...)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in timeline.milestones:
        writer.writerow([
            m.key, m.date.isoformat(), m.date_from.isoformat() if m.date_from else "", m.week,
            m.actor, m.title(language), m.description(language), m.basis, m.norm, m.status,
            m.days_left,
        ])
    return buf.getvalue()
