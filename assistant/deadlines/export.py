"""Calendar (.ics) and CSV export of a timeline."""
from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from assistant.deadlines.model import Milestone, Timeline
from assistant.deadlines.validate import fail
from assistant.texts import text, texts_for

DEFAULT_ALARM_DAYS = (14, 2)
MAX_ALARMS = 5
MAX_ALARM_DAYS = 365

CSV_COLUMNS = ["key", "date", "date_from", "week", "actor", "title", "description", "basis", "norm",
               "status", "days_left"]


def check_alarm_days(days: Sequence[int] | None) -> tuple[int, ...]:
    """Validated reminder offsets (days before each milestone), largest first, no duplicates.

    Raises:
        DeadlineInputError: more than `MAX_ALARMS` values, or one outside 0-365.
    """
    if days is None:
        return DEFAULT_ALARM_DAYS
    values = sorted({int(n) for n in days}, reverse=True)
    if len(values) > MAX_ALARMS or any(not 0 <= n <= MAX_ALARM_DAYS for n in values):
        raise fail("alarm_days", most=MAX_ALARMS, days=MAX_ALARM_DAYS)
    return tuple(values)


def parse_alarm_days(text: str | None) -> tuple[int, ...]:
    """Reminder offsets from "14,2" or "14 2"; empty text means the default (14 and 2)."""
    parts = (text or "").replace(",", " ").replace(";", " ").split()
    if not parts:
        return DEFAULT_ALARM_DAYS
    if not all(p.isdigit() for p in parts):
        raise fail("alarm_list", text=text)
    return check_alarm_days([int(p) for p in parts])


def _uid(timeline: Timeline, m: Milestone) -> str:
    # The case is its first sick day: the same case exported again keeps every event's UID, so a
    # calendar updates the events instead of adding copies.
    seed = f"{timeline.period_start.isoformat()}|{m.key}"
    return hashlib.sha1(seed.encode()).hexdigest()[:20] + "@spoor2-assistent"


def _description(timeline: Timeline, m: Milestone, language: str) -> str:
    labels = texts_for("deadline.calendar.", language)
    lines = [m.description(language), ""]
    if m.date_from:
        lines.append(f"{labels['window']}: {m.date_from.isoformat()} - {m.date.isoformat()}")
    lines += [
        f"{labels['basis']}: {m.basis} ({labels[m.norm]})",
        f"{labels['actor']}: {m.actor}",
        f"{labels['period']}: {timeline.period_start.isoformat()}",
        "",
        labels["calc"],
    ]
    return "\n".join(lines)


def to_ics(timeline: Timeline, *, language: str = "nl",
           alarm_days: Sequence[int] | None = None) -> str:
    """An iCalendar file: one all-day event per milestone with a stable UID per case+milestone,
    and a reminder (VALARM) `alarm_days` days before it (default 14 and 2; empty: none)."""
    alarms = check_alarm_days(alarm_days)
    cal = Calendar()
    cal.add("prodid", "-//Spoor 2 Assistent//Poortwachter deadlines//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = text("deadline.calendar.name", language)
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
        for n in alarms:
            event.add_component(_alarm(n, m, language))
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")


def _alarm(days: int, m: Milestone, language: str) -> Alarm:
    when = (text("deadline.calendar.reminder_1", language) if days == 1
            else text("deadline.calendar.reminder", language, n=days))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-days))
    alarm.add("description", f"{when}: {m.title(language)}" if days else m.title(language))
    return alarm


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
