"""The .ics export parses back with a real iCalendar parser; CSV and table carry the dates."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from icalendar import Calendar

from assistant.deadlines import render_table, to_csv, to_ics

from .helpers import d, timeline


def test_ics_has_one_all_day_event_per_milestone_with_basis_and_reminder():
    t = timeline("01-03-2024..", today="01-03-2024")
    cal = Calendar.from_ical(to_ics(t))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(t.milestones)
    assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
    by_summary = {str(e["SUMMARY"]): e for e in events}
    wia = by_summary["WIA-aanvraag indienen"]
    assert wia.decoded("DTSTART") == d("11-12-2025")
    assert wia.decoded("DTEND") == d("12-12-2025")
    assert "art. 64 lid 3 WIA" in str(wia["DESCRIPTION"])
    alarms = list(wia.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(days=-7)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_ics_in_english_and_stable_uids():
    t = timeline("01-03-2024..", today="01-03-2024")
    first = Calendar.from_ical(to_ics(t, language="en"))
    later = Calendar.from_ical(to_ics(timeline("01-03-2024..", today="01-06-2024"), language="en"))
    summaries = {str(e["SUMMARY"]) for e in first.walk("VEVENT")}
    assert "Submit the WIA application" in summaries
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [
        str(e["UID"]) for e in later.walk("VEVENT")]


def test_csv_round_trips():
    t = timeline("01-03-2024..31-05-2024", "20-06-2024..", today="01-07-2024")
    rows = list(csv.DictReader(io.StringIO(to_csv(t))))
    assert len(rows) == len(t.milestones)
    row = next(r for r in rows if r["key"] == "einde_wachttijd")
    assert row["date"] == "2026-03-17" and row["week"] == "104" and row["norm"] == "law"
    eje = next(r for r in rows if r["key"] == "eerstejaarsevaluatie")
    assert eje["date_from"] and eje["title"] == "Eerstejaarsevaluatie (EJE)"
    en = list(csv.DictReader(io.StringIO(to_csv(t, language="en"))))
    assert any(r["title"] == "Submit the WIA application" for r in en)


def test_table_shows_dates_weeks_and_notes():
    t = timeline("01-03-2024..31-05-2024", "20-06-2024..", today="01-07-2024")
    text = render_table(t)
    assert "Eerste ziektedag: vr 01-03-2024" in text
    assert "Huidige ziekteweek: 15" in text
    assert "di 17-03-2026" in text and "praktijknorm" in text
    english = render_table(t, "en")
    assert "Tue 17-03-2026" in english and "First sick day" in english
