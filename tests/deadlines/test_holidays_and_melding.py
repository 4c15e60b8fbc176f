"""The 42e-weeksmelding lands on the first working day after week 42 (ATW holidays skipped)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from assistant.deadlines import Episode, atw_holidays, compute_timeline

from .helpers import d


def melding_for_week42_ending(last_day_of_week_42: str) -> date:
    """The melding date for an illness whose week 42 ends on the given day."""
    first = d(last_day_of_week_42) - timedelta(days=293)
    t = compute_timeline([Episode(first)], today=first)
    assert t.get("ziekmelding_uwv").week == 42
    return t.get("ziekmelding_uwv").date


# last day of week 42 -> expected melding date
MELDING = [
    ("19-12-2024", "20-12-2024"),  # Thursday -> Friday (fact sheet §3.3)
    ("07-03-2025", "10-03-2025"),  # Friday -> Monday
    ("08-03-2025", "10-03-2025"),  # Saturday -> Monday
    ("09-03-2025", "10-03-2025"),  # Sunday -> Monday
    ("24-12-2024", "27-12-2024"),  # Tuesday before Christmas -> Friday after both Kerstdagen
    ("24-12-2025", "29-12-2025"),  # Wednesday before Christmas -> Kerstdagen + weekend -> Monday
    ("31-12-2025", "02-01-2026"),  # New Year's Eve -> Nieuwjaarsdag skipped
    ("17-04-2025", "18-04-2025"),  # Goede Vrijdag is a working day here (earlier is never late)
    ("18-04-2025", "22-04-2025"),  # Friday (Goede Vrijdag) -> weekend, tweede Paasdag -> Tuesday
    ("24-04-2026", "28-04-2026"),  # Friday before Koningsdag on Monday 27-04-2026
    ("04-05-2026", "06-05-2026"),  # Monday before Bevrijdingsdag (Tuesday 5 mei)
    ("13-05-2026", "15-05-2026"),  # Wednesday before Hemelvaartsdag 14-05-2026
    ("22-05-2026", "26-05-2026"),  # Friday before tweede Pinksterdag 25-05-2026
]


@pytest.mark.parametrize(("week_end", "expected"), MELDING)
def test_melding_is_first_working_day_after_week_42(week_end, expected):
    assert melding_for_week42_ending(week_end) == d(expected)


# Art. 3 lid 1 ATW only: Goede Vrijdag is not in the list (see assistant/deadlines/holidays.py).
HOLIDAYS = [
    (2024, {"01-01-2024", "01-04-2024", "27-04-2024", "05-05-2024", "09-05-2024",
            "20-05-2024", "25-12-2024", "26-12-2024"}),
    # Koningsdag 2025: 27 April is a Sunday, so Saturday 26 April.
    (2025, {"01-01-2025", "21-04-2025", "26-04-2025", "05-05-2025", "29-05-2025",
            "09-06-2025", "25-12-2025", "26-12-2025"}),
    # Koninginnedag 2006: 30 April is a Sunday, so Saturday 29 April.
    (2006, {"01-01-2006", "17-04-2006", "29-04-2006", "05-05-2006", "25-05-2006",
            "05-06-2006", "25-12-2006", "26-12-2006"}),
    (2013, {"01-01-2013", "01-04-2013", "30-04-2013", "05-05-2013", "09-05-2013",
            "20-05-2013", "25-12-2013", "26-12-2013"}),
]


@pytest.mark.parametrize(("year", "expected"), HOLIDAYS)
def test_atw_holiday_calendar(year, expected):
    assert atw_holidays(year) == {d(x) for x in expected}


def test_custom_holiday_calendar_is_used():
    first = d("19-12-2024") - timedelta(days=293)
    extra = {d("20-12-2024")}
    t = compute_timeline([Episode(first)], today=first, holidays=lambda y: atw_holidays(y) | extra)
    assert t.get("ziekmelding_uwv").date == d("23-12-2024")
