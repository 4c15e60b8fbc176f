"""What the deadline answer says about the readings it took: a range, a missing year, "tot",
a loonsanctie without its length.

The dates come from `assistant.deadlines.parse.Assumption`; the wording is in the text catalogue
(`answer.assumed.*`), in Dutch ("u" for werkgevers, "je" for werknemers) and English.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from assistant.deadlines.dates import long_date
from assistant.texts import text

if TYPE_CHECKING:
    from assistant.deadlines.parse import Assumption


def assumption_text(assumptions: Sequence[Assumption], first_sick_day: date, language: str,
                    voice: str = "u") -> str:
    """One paragraph naming each assumption and how to correct it ("" when there are none)."""
    seen: set[tuple[str, date]] = set()
    parts: list[str] = []
    sanction = ""
    for a in assumptions:
        if (a.kind, a.day) in seen:
            continue
        seen.add((a.kind, a.day))
        if a.kind == "sanction":  # says itself how to correct it (the weeks, not a date)
            sanction = _say("sanction", language, voice, phrase=a.phrase)
            continue
        parts.append(_range(a, first_sick_day, language) if a.kind == "range" else
                     _no_year(a, language) if a.kind == "no_year" else _until(a, language, voice))
    closing = [_say("closing", language, voice)] if parts else []
    return " ".join([*parts, *closing, *([sanction] if sanction else [])])


def _say(key: str, language: str, voice: str | None = None, **values: object) -> str:
    return text(f"answer.assumed.{key}", language, voice, **values)


def _d(day: date, language: str) -> str:
    return long_date(day, language, weekday=False)


def _range(a: Assumption, first_sick_day: date, language: str) -> str:
    role = _say("as_first_day" if a.day == first_sick_day else "as_sick_day", language)
    return _say("range", language, day=_d(a.day, language), role=role, phrase=a.phrase,
                latest=_d(a.latest or a.day, language))


def _no_year(a: Assumption, language: str) -> str:
    when = _d(a.day, language)
    if a.latest is not None:  # a period: name the year(s) only, "tot" is explained apart
        years = sorted({a.day.year, a.latest.year})
        when = "/".join(str(y) for y in years)
    return _say("no_year", language, phrase=a.phrase, when=when)


def _until(a: Assumption, language: str, voice: str) -> str:
    """Plain "tot": the last day of a sick or fit period, the first day after a leave."""
    when = _d(a.day, language)
    key = {"leave": "until_leave", "fit": "until_fit"}.get(a.role, "until_sick")
    return _say(key, language, voice, phrase=a.phrase, when=when)
