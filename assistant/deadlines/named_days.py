"""Named days people date things by: Koningsdag, Kerst, Pasen, Nieuwjaarsdag (Dutch and English).

Only days with one fixed rule are known; "de dag na Koningsdag 2025" is Koningsdag + 1 day.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from assistant.deadlines.holidays import royal_day


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _after_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


NAMED_DAYS: dict[str, Callable[[int], date]] = {
    "nieuwjaarsdag": _fixed(1, 1), "nieuwjaar": _fixed(1, 1), "new year's day": _fixed(1, 1),
    "new years day": _fixed(1, 1),
    "goede vrijdag": _after_easter(-2), "good friday": _after_easter(-2),
    "eerste paasdag": _after_easter(0), "paaszondag": _after_easter(0), "pasen": _after_easter(0),
    "easter sunday": _after_easter(0), "easter": _after_easter(0),
    "tweede paasdag": _after_easter(1), "paasmaandag": _after_easter(1),
    "easter monday": _after_easter(1),
    "koningsdag": royal_day, "koninginnedag": royal_day, "king's day": royal_day,
    "kings day": royal_day, "kingsday": royal_day,
    "bevrijdingsdag": _fixed(5, 5), "liberation day": _fixed(5, 5),
    "hemelvaartsdag": _after_easter(39), "hemelvaart": _after_easter(39),
    "ascension day": _after_easter(39),
    "eerste pinksterdag": _after_easter(49), "pinksteren": _after_easter(49),
    "whit sunday": _after_easter(49), "pentecost": _after_easter(49),
    "tweede pinksterdag": _after_easter(50), "pinkstermaandag": _after_easter(50),
    "whit monday": _after_easter(50),
    "kerstavond": _fixed(12, 24), "christmas eve": _fixed(12, 24),
    "eerste kerstdag": _fixed(12, 25), "kerstmis": _fixed(12, 25), "kerst": _fixed(12, 25),
    "christmas day": _fixed(12, 25), "christmas": _fixed(12, 25),
    "tweede kerstdag": _fixed(12, 26), "boxing day": _fixed(12, 26),
    "oudejaarsdag": _fixed(12, 31), "oudjaar": _fixed(12, 31), "new year's eve": _fixed(12, 31),
}
NAMES_PATTERN = "|".join(
    sorted((n.replace(" ", r"\s+").replace("'", "[’']?") for n in NAMED_DAYS), key=len,
           reverse=True))


def named_day(name: str, year: int) -> date:
    """The date of the named day (any spacing or apostrophe) in `year`."""
    key = " ".join(name.lower().replace("’", "'").split())
    rule = NAMED_DAYS.get(key) or NAMED_DAYS[key.replace("'", "")]
    return rule(year)


def last_named_day(name: str, today: date) -> date:
    """The most recent occurrence of the named day that is not after `today`."""
    day = named_day(name, today.year)
    return day if day <= today else named_day(name, today.year - 1)
