"""The remarks a timeline carries when zwangerschaps- or bevallingsverlof is given (WAZO).

Kept apart from the engine: which notes apply; their wording is in the text catalogue
(`deadline.note.*`), the counting itself is in `sickdays`.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from assistant.deadlines.model import Episode, Leave
from assistant.deadlines.sickdays import gap_days, leave_days_between
from assistant.deadlines.wording import both

_DAY = timedelta(days=1)


def leave_notes(counted: Sequence[Episode], chain: Sequence[Episode],
                leave: Sequence[Leave]) -> tuple[list[str], list[str]]:
    """Dutch and English notes on how each leave near the illness was counted."""
    nl: list[str] = []
    en: list[str] = []
    first = counted[0].start if counted else None
    for lv in leave:
        if first is None or lv.end < first:
            continue
        days = (lv.end - lv.start).days + 1
        _add(nl, en, both("deadline.note.leave", start=lv.start, end=lv.end, days=days))
        around = _around(counted, lv)
        if around is None:
            continue
        before, after = around
        fit = gap_days(before, after, leave)
        joined = before in chain and after in chain
        if fit > 0 and joined:
            _add(nl, en, both("deadline.note.leave_short_gap", fit=fit))
        elif not joined:
            _add(nl, en, both("deadline.note.leave_new_period", fit=fit))
    if nl:
        _add(nl, en, both("deadline.note.leave_dismissal"))
    return nl, en


def _add(nl: list[str], en: list[str], note: tuple[str, str]) -> None:
    nl.append(note[0])
    en.append(note[1])


def _around(episodes: Sequence[Episode], lv: Leave) -> tuple[Episode, Episode] | None:
    """The episodes right before and right after the leave, when there are both."""
    before = [e for e in episodes if e.end is not None and e.end < lv.start]
    after = [e for e in episodes if e.start > lv.end]
    if not before or not after:
        return None
    a, b = before[-1], after[0]
    if leave_days_between(a.end + _DAY, b.start - _DAY, (lv,)) == 0:
        return None
    return a, b
