"""The remarks a timeline carries when zwangerschaps- or bevallingsverlof is given (WAZO).

Kept apart from the engine: these are texts, the counting itself is in `sickdays`.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from assistant.deadlines.dates import short_date
from assistant.deadlines.model import Episode, Leave
from assistant.deadlines.sickdays import gap_days, leave_days_between

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
        nl.append(
            f"Zwangerschaps- en bevallingsverlof {short_date(lv.start)} t/m "
            f"{short_date(lv.end)}: deze "
            f"{days} dagen tellen niet mee voor de wachttijd (art. 23 lid 5 WIA) en niet als "
            "onderbreking van 4 weken. Ziekte vlak vóór en na het verlof wordt samengeteld "
            "(art. 7:629 lid 10 BW, art. 23 lid 3 WIA), tenzij de ziekte na het verlof "
            "redelijkerwijs niet uit dezelfde oorzaak voortkomt: dan begint een nieuwe periode van "
            "104 weken (laat het verlof dan weg uit de berekening).")
        en.append(
            f"Pregnancy and maternity leave {lv.start.isoformat()} to {lv.end.isoformat()}: these "
            f"{days} days do not count toward the waiting period (art. 23(5) WIA) nor as part of "
            "a 4-week break. Illness right before and after the leave is added up (art. 7:629(10) "
            "BW, art. 23(3) WIA) unless the illness after the leave cannot reasonably come from "
            "the same cause: then a new 104-week period starts (leave the leave out of the "
            "calculation).")
        around = _around(counted, lv)
        if around is None:
            continue
        before, after = around
        fit = gap_days(before, after, leave)
        joined = before in chain and after in chain
        if fit > 0 and joined:
            nl.append(
                f"Tussen de ziekte en het verlof zaten {fit} dagen zonder ziekte. De wet telt "
                "ziekte samen die direct aan het verlof voorafgaat en erop aansluit; of een korte "
                "onderbreking eromheen dat verandert, is niet uitgemaakt. De rekenhulp telt samen "
                "(minder dan 4 weken zonder ziekte), wat de vroegste data geeft; leg twijfel voor "
                "aan de bedrijfsarts of UWV.")
            en.append(
                f"There were {fit} days without illness between the illness and the leave. The "
                "law adds up illness directly before and after the leave; whether a short break "
                "around it changes that is not settled. The calculator adds up (under 4 weeks "
                "without illness), which gives the earliest dates; check with the company doctor "
                "or UWV if in doubt.")
        elif not joined:
            nl.append(
                f"Rond het verlof zaten {fit} dagen zonder ziekte (4 weken of meer): de ziekte na "
                "het verlof is een nieuwe periode van 104 weken.")
            en.append(
                f"Around the leave there were {fit} days without illness (4 weeks or more): the "
                "illness after the leave is a new 104-week period.")
    if nl:
        nl.append(
            "Ziekte door de zwangerschap vóór het verlof telt niet mee voor de twee jaar van het "
            "opzegverbod bij ziekte (art. 7:670 lid 1 BW); die termijn berekent de rekenhulp niet.")
        en.append(
            "Pregnancy-related illness before the leave does not count toward the two years of "
            "the ban on dismissal during illness (art. 7:670(1) BW); the calculator does not "
            "compute that term.")
    return nl, en


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
