"""The .ics export parses back with a real iCalendar parser; CSV and table carry the dates."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from icalendar import Calendar

from assistant.deadlines import render_table, to_csv, to_ics
from assistant.deadlines.export import parse_alarm_days
from assistant.errors import DeadlineInputError

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
    assert [a.decoded("TRIGGER") for a in alarms] == [timedelta(days=-14), timedelta(days=-2)]
    assert all(str(a["ACTION"]) == "DISPLAY" for a in alarms)
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


def test_ics_reminders_are_configurable_and_each_event_has_them():
    t = timeline("01-03-2024..", today="01-03-2024")
    cal = Calendar.from_ical(to_ics(t, alarm_days=[30, 7, 1]))
    for event in cal.walk("VEVENT"):
        triggers = [a.decoded("TRIGGER") for a in event.walk("VALARM")]
        assert triggers == [timedelta(days=-30), timedelta(days=-7), timedelta(days=-1)]
    none = Calendar.from_ical(to_ics(t, alarm_days=[]))
    assert not list(none.walk("VALARM"))


def test_two_exports_of_the_same_case_give_the_same_uids_and_another_case_other_uids():
    first = Calendar.from_ical(to_ics(timeline("01-03-2024..", today="01-03-2024")))
    again = Calendar.from_ical(to_ics(timeline("01-03-2024..", today="15-09-2024"),
                                      alarm_days=[3]))
    other = Calendar.from_ical(to_ics(timeline("04-03-2024..", today="15-09-2024")))
    uids = {str(e["SUMMARY"]): str(e["UID"]) for e in first.walk("VEVENT")}
    assert uids == {str(e["SUMMARY"]): str(e["UID"]) for e in again.walk("VEVENT")}
    assert not set(uids.values()) & {str(e["UID"]) for e in other.walk("VEVENT")}


@pytest.mark.parametrize("text,expected", [
    ("", (14, 2)), ("14,2", (14, 2)), ("2 14", (14, 2)), ("7", (7,)), ("0", (0,)),
])
def test_alarm_days_are_read_from_text(text, expected):
    assert parse_alarm_days(text) == expected


@pytest.mark.parametrize("text", ["-1", "400", "abc", "1,2,3,4,5,6", "2.5"])
def test_bad_alarm_days_get_a_bilingual_message(text):
    with pytest.raises(DeadlineInputError) as err:
        parse_alarm_days(text)
    assert "Herinneringen" in err.value.user_message("nl")
    assert "Reminders" in err.value.user_message("en")
