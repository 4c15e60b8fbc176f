"""Input checks for the deadline calculator; every error has a Dutch and an English message."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from assistant.deadlines.dates import short_date
from assistant.deadlines.model import Episode, Leave
from assistant.errors import DeadlineInputError

REGIME_START = date(2004, 1, 1)  # the 104-week loondoorbetaling applies to sickness from 2004
MAX_FUTURE_DAYS = 365
MAX_LOONSANCTIE_WEEKS = 52
MAX_LEAVE_DAYS = 365  # WAZO leave is about 16 weeks; longer extensions exist, a year does not
LATEST_DATE = date(2199, 12, 31)  # far enough for any real case, far from date.max overflow


def fail(en: str, nl: str) -> DeadlineInputError:
    """A DeadlineInputError with both user messages (the English one is also the operator text)."""
    return DeadlineInputError(en, nl=nl, en=en)


def check_episodes(episodes: Sequence[Episode], today: date) -> tuple[Episode, ...]:
    """Validated episodes in the given (chronological) order."""
    if not episodes:
        raise fail(
            "No first sick day given. Give the first day of sickness (eerste ziektedag).",
            "Geen eerste ziektedag opgegeven. Vul de eerste ziektedag in.",
        )
    for i, ep in enumerate(episodes):
        if ep.end is not None and ep.end < ep.start:
            raise fail(
                f"Episode {i + 1} ends ({ep.end.isoformat()}) before it starts "
                f"({ep.start.isoformat()}). The end date must be the last sick day.",
                f"Ziekteperiode {i + 1} eindigt ({short_date(ep.end)}) vóór het begin "
                f"({short_date(ep.start)}). De einddatum is de laatste ziektedag.",
            )
        for day in (ep.start, ep.end):
            if day is not None and day < REGIME_START:
                raise fail(
                    f"{day.isoformat()} is before 2004. The calculator only covers sickness under "
                    "the 104-week rules (from 1 January 2004).",
                    f"{short_date(day)} ligt vóór 2004. De rekenhulp rekent alleen met de regels "
                    f"van "
                    "104 weken loondoorbetaling (ziekte vanaf 1 januari 2004).",
                )
    for i in range(1, len(episodes)):
        prev, cur = episodes[i - 1], episodes[i]
        if prev.end is None:
            raise fail(
                f"Episode {i} has no end date but is followed by another episode. Only the last "
                "episode may be open (still sick).",
                f"Ziekteperiode {i} heeft geen einddatum maar er volgt nog een periode. Alleen de "
                "laatste periode mag open zijn (nog ziek).",
            )
        if cur.start <= prev.end:
            raise fail(
                f"Episodes {i} and {i + 1} overlap or are not in date order "
                f"({prev.end.isoformat()} / {cur.start.isoformat()}). List them oldest first, "
                "without overlap.",
                f"Ziekteperiodes {i} en {i + 1} overlappen of staan niet op volgorde "
                f"({short_date(prev.end)} / {short_date(cur.start)}). Zet ze op volgorde, oudste "
                f"eerst, "
                "zonder overlap.",
            )
    latest = episodes[-1].start
    if latest > today + timedelta(days=MAX_FUTURE_DAYS):
        raise fail(
            f"The sick day {latest.isoformat()} is more than a year in the future. Check the year.",
            f"De ziektedag {short_date(latest)} ligt meer dan een jaar in de toekomst. "
            f"Controleer het "
            "jaartal.",
        )
    return tuple(episodes)


def check_in_range(dates: dict[tuple[str, str], date | None]) -> None:
    """Every given date (keyed by its English and Dutch name) lies before 2200."""
    for (name_en, name_nl), day in dates.items():
        if day is not None and day > LATEST_DATE:
            raise fail(
                f"The {name_en} date {day.isoformat()} is too far in the future. Check the year.",
                f"De datum {name_nl} ({short_date(day)}) ligt te ver in de toekomst. Controleer "
                f"het "
                "jaartal.",
            )


def check_date_after(name_en: str, name_nl: str, day: date | None, start: date) -> None:
    """A date such as the EJE must not lie before the first sick day of the period."""
    if day is None:
        return
    if day < start:
        raise fail(
            f"The {name_en} date {day.isoformat()} is before the first sick day "
            f"{start.isoformat()} of this period.",
            f"De datum van de {name_nl} ({short_date(day)}) ligt vóór de eerste ziektedag "
            f"({short_date(start)}) van deze periode.",
        )


def check_extensions(loonsanctie_weeks: int | None, verlenging_tot: date | None,
                     end_of_wachttijd: date) -> None:
    """Loonsanctie 1-52 weeks; verlenging after the normal end; not both at once."""
    if loonsanctie_weeks is not None and verlenging_tot is not None:
        raise fail(
            "Give either a loonsanctie or a voluntary extension (verlenging), not both: the "
            "calculator cannot combine them.",
            "Geef een loonsanctie óf een vrijwillige verlenging op, niet allebei: de rekenhulp kan "
            "die niet combineren.",
        )
    if loonsanctie_weeks is not None and not 1 <= loonsanctie_weeks <= MAX_LOONSANCTIE_WEEKS:
        raise fail(
            f"A loonsanctie lasts 1 to 52 weeks (art. 25 lid 9 WIA), not {loonsanctie_weeks}.",
            f"Een loonsanctie duurt 1 tot en met 52 weken (art. 25 lid 9 WIA), niet "
            f"{loonsanctie_weeks}.",
        )
    if verlenging_tot is not None and verlenging_tot <= end_of_wachttijd:
        raise fail(
            f"The extension date {verlenging_tot.isoformat()} must be after the end of the "
            f"waiting period ({end_of_wachttijd.isoformat()}).",
            f"De datum van de verlenging ({short_date(verlenging_tot)}) moet na het einde van de "
            f"wachttijd ({short_date(end_of_wachttijd)}) liggen.",
        )


def check_leave(leave: Sequence[Leave]) -> tuple[Leave, ...]:
    """Validated zwangerschaps-/bevallingsverlof, sorted by start; periods may not overlap."""
    for i, lv in enumerate(leave):
        if lv.end < lv.start:
            raise fail(
                f"The leave {i + 1} ends ({lv.end.isoformat()}) before it starts "
                f"({lv.start.isoformat()}). Give the first and the last day of the leave.",
                f"Het verlof {i + 1} eindigt ({short_date(lv.end)}) vóór het begin "
                f"({short_date(lv.start)}). Geef de eerste en de laatste dag van het verlof.",
            )
        if lv.start < REGIME_START or lv.end > LATEST_DATE:
            raise fail(
                f"The leave {lv.start.isoformat()} - {lv.end.isoformat()} lies outside the years "
                "the calculator covers (2004-2199). Check the year.",
                f"Het verlof {short_date(lv.start)} - {short_date(lv.end)} ligt buiten de jaren "
                f"waarmee "
                "de rekenhulp rekent (2004-2199). Controleer het jaartal.",
            )
        if (lv.end - lv.start).days + 1 > MAX_LEAVE_DAYS:
            raise fail(
                f"The leave {lv.start.isoformat()} - {lv.end.isoformat()} lasts more than a year. "
                "Give only the zwangerschaps- and bevallingsverlof (usually about 16 weeks).",
                f"Het verlof {short_date(lv.start)} - {short_date(lv.end)} duurt langer dan een "
                f"jaar. "
                "Geef alleen het zwangerschaps- en bevallingsverlof (meestal ongeveer 16 weken).",
            )
    ordered = tuple(sorted(leave, key=lambda v: v.start))
    for a, b in zip(ordered, ordered[1:]):
        if b.start <= a.end:
            raise fail(
                f"Two leave periods overlap ({a.start.isoformat()} - {a.end.isoformat()} and "
                f"{b.start.isoformat()} - {b.end.isoformat()}). Give each leave once.",
                f"Twee verlofperiodes overlappen ({short_date(a.start)} - {short_date(a.end)} en "
                f"{short_date(b.start)} - {short_date(b.end)}). Geef elk verlof één keer.",
            )
    return ordered


def no_sick_days_left() -> DeadlineInputError:
    """Every sick day given falls inside the leave."""
    return fail(
        "All the sick days given fall within the zwangerschaps-/bevallingsverlof, and leave days "
        "do not count as sick days. Check the dates of the illness and of the leave.",
        "Alle opgegeven ziektedagen vallen in het zwangerschaps- of bevallingsverlof, en "
        "verlofdagen tellen niet als ziektedagen. Controleer de data van de ziekte en van het "
        "verlof.",
    )
