"""Dutch holidays of the Algemene termijnenwet (art. 3) and working-day arithmetic.

Art. 3 lid 1 ATW: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, eerste en
tweede Kerstdag, the day the King's (until 2013 the Queen's) birthday is celebrated, and 5 mei.
Goede Vrijdag is deliberately NOT skipped. Art. 3 lid 2 ATW equates it with these days only
"voor de toepassing van deze wet", and art. 4 sub a says the ATW does not govern terms of more
than twelve weeks, such as the 42-week term; the "eerste werkdag" rule is UWV's. Goede Vrijdag is
a normal working day at many employers, and treating it as one gives the earlier date, which is
never too late (text of BWBR0002448 in the statengeneraal/laws-markdown mirror).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

HolidayCalendar = Callable[[int], set[date]]


def _royal_day(year: int) -> date:
    """Koningsdag (from 2014) or Koninginnedag (until 2013), moved when it falls on a Sunday."""
    if year >= 2014:
        day = date(year, 4, 27)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    day = date(year, 4, 30)
    return day - timedelta(days=1) if day.weekday() == 6 else day


def royal_day(year: int) -> date:
    """The date Koningsdag (Koninginnedag until 2013) was or is celebrated in `year`."""
    return _royal_day(year)


@lru_cache(maxsize=256)
def _atw(year: int) -> frozenset[date]:
    easter_sunday = easter(year)
    return frozenset(
        {
            date(year, 1, 1),
            easter_sunday + timedelta(days=1),  # tweede Paasdag
            _royal_day(year),
            date(year, 5, 5),
            easter_sunday + timedelta(days=39),  # Hemelvaartsdag
            easter_sunday + timedelta(days=50),  # tweede Pinksterdag
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def atw_holidays(year: int) -> set[date]:
    """The algemeen erkende feestdagen of art. 3 lid 1 Algemene termijnenwet in `year`."""
    return set(_atw(year))


def is_working_day(day: date, holidays: HolidayCalendar = atw_holidays) -> bool:
    """True unless `day` is a Saturday, Sunday or holiday."""
    return day.weekday() < 5 and day not in holidays(day.year)


def first_working_day_after(day: date, holidays: HolidayCalendar = atw_holidays) -> date:
    """The first working day strictly after `day`."""
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate, holidays):
        candidate += timedelta(days=1)
    return candidate
