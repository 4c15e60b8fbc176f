"""A moment a step is planned for, and the question whether that is in time.

"HR wil het evaluatiegesprek over het eerste jaar eind april plannen. Is dat niet aan de late
kant?" and "She'll sort it out in the second half of January. Is that okay with us?" tell when a
step will be done and ask whether that is in time: the deadline answer compares the moment with
the step's last day. A moment is read forward (the next "eind april" from today), as a range of
days: "eind april" is 21 to 30 April, "in the second half of January" 16 to 31 January.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from assistant.deadlines.dateparse import find_dates
from assistant.errors import DeadlineInputError
from assistant.text import fold

_MONTHS = {
    "januari": 1, "january": 1, "februari": 2, "february": 2, "maart": 3, "march": 3, "april": 4,
    "mei": 5, "may": 5, "juni": 6, "june": 6, "juli": 7, "july": 7, "augustus": 8, "august": 8,
    "september": 9, "oktober": 10, "october": 10, "november": 11, "december": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# (first day, last day) of the part of a month a word names
_PARTS = (
    (r"begin|early|(?:the )?(?:start|beginning) of"
     r"|(?:de |the )?(?:eerste helft|first half) (?:van|of)", (1, 15)),
    (r"half|halverwege|midden|medio|mid|(?:the )?middle of", (11, 20)),
    (r"(?:de |the )?(?:tweede helft|second half|latter half) (?:van|of)", (16, 31)),
    (r"eind|einde|(?:the )?end of|late|laat in|eind van", (21, 31)),
)
_MONTH_PART = re.compile(
    r"\b(?:(?P<part>" + "|".join(f"(?:{p})" for p, _ in _PARTS) + r")\s+)?(?:in\s+)?"
    rf"(?<!\d )(?<!\d)(?P<month>{_MONTH})\b(?!\s+\d)")
_SINCE = re.compile(r"\b(sinds|sedert|vanaf|since|from|vorig\w*|last|afgelopen|past)\s*$")
# "after New Year", "na de jaarwisseling", "after the holidays" (said in November or December)
_NEW_YEAR = re.compile(
    r"\b(na|after) (de |the )?(jaarwisseling|nieuwjaar|oud en nieuw|new year'?s?|kerst\w*"
    r"|christmas|feestdagen|holidays)\b|\b(begin |early |in )?(volgend jaar|next year)\b")
# "op 20 januari", "on 12 January 2027": a planned day (not "sinds 3 maart")
_ON = re.compile(r"\b(op|per|rond|tegen|voor|na|ingaande|on|by|around|after|before|as of)\s*$")

# "op 3 maart ziek geworden": when the sickness began
_SICK_AFTER = re.compile(r"\W*(\w+\W+){0,3}?(ziek\w*|uitgevallen|sick|ill|off)\b")

# Whether what the message plans is in time: "Is dat niet aan de late kant?", "Is that okay
# with us?", "Can this wait until after New Year?", "kan dat dan nog?"
_IN_TIME = re.compile(
    r"\b(is|zou|would|will) (dat|dit|het|that|this|it) (\w+ ){0,3}?(ok|oke|oké|okay|goed|prima"
    r"|genoeg|op tijd|(vroeg|snel) genoeg|te laat|laat|in time|(early|soon) enough|fine|alright"
    r"|all right|too late|late)\b|\baan de (late|laate) kant\b"
    r"|\b(kan|mag) (dat|dit|het) (\w+ ){0,2}wachten\b"
    r"|\bcan (this|that|it|she|he|we|they) (\w+ ){0,2}wait\b|\b(is|are) (we|they|she|he) (still )?"
    r"in time\b|\bmag dat (zo|dan|pas)\b")


@dataclass(frozen=True)
class Planned:
    """The days a planned moment may fall on, how the answer names it, and the words that named
    it in the message."""

    first: date
    last: date
    words: str
    said: str = ""


def asks_if_in_time(text: str) -> bool:
    """True when the message asks whether what it plans is in time."""
    return bool(_IN_TIME.search(fold(text)))


def planned_moment(text: str, today: date) -> Planned | None:
    """The next moment `text` names from `today` on, or None."""
    folded = fold(text)
    found: list[tuple[int, Planned]] = []
    for m in _MONTH_PART.finditer(folded):
        if _SINCE.search(folded[:m.start()]) or _SICK_AFTER.match(folded[m.end():]):
            continue  # "sinds maart", "in maart ziek geworden": when the sickness began
        first, last = _days_of(m.group("part"), _MONTHS[m.group("month")], today)
        # "eind april 2027": the year it was read as
        said = text[m.start():m.end()].strip()
        found.append((m.start(), Planned(first, last, f"{said} {first.year}", said)))
    for m in _NEW_YEAR.finditer(folded):
        if m.group(1) and m.group(3) in ("kerst", "christmas", "feestdagen", "holidays") \
                and today.month not in (11, 12):
            continue  # "after the holidays" in spring: the summer, not the turn of the year
        first = date(today.year + 1, 1, 1)
        last = date(today.year + 1, 1, 31) if m.group(1) else date(today.year + 1, 12, 31)
        said = text[m.start():m.end()].strip()
        found.append((m.start(), Planned(first, last, said, said)))
    try:
        mentions = find_dates(text, today)
    except DeadlineInputError:
        mentions = []
    for m in mentions:
        if m.latest is None and _ON.search(fold(text[:m.start])) \
                and not _SICK_AFTER.match(fold(text[m.end:])):
            day = m.value if m.has_year else _forward(m.value, today)
            said = text[m.start:m.end].strip()
            found.append((m.start, Planned(day, day, said, said)))
    # the most precise moment named ("after the holidays, in the second half of January")
    future = [(at, p) for at, p in found if p.last >= today]
    return min(future, key=lambda f: ((f[1].last - f[1].first).days, f[0]))[1] if future else None


def _days_of(part: str | None, month: int, today: date) -> tuple[date, date]:
    """The first and last day of (the named part of) the next `month` from `today`."""
    year = today.year if month >= today.month else today.year + 1
    end = calendar.monthrange(year, month)[1]
    first, last = 1, end
    if part:
        for pattern, days in _PARTS:
            if re.fullmatch(pattern, part):
                first, last = days[0], min(days[1], end)
                break
    if date(year, month, last) < today:
        return _days_of(part, month, date(today.year + 1, 1, 1))
    return date(year, month, first), date(year, month, last)


def _forward(day: date, today: date) -> date:
    """A date without a year, read forward: the next one from `today`."""
    if day >= today:
        return day
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
