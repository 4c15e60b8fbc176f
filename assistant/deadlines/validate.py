"""Input checks for the deadline calculator; every error has a Dutch and an English message
from the text catalogue (`deadline.error.*` in `assistant/texts/deadlines.py`)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from assistant.deadlines.model import Episode, Leave
from assistant.deadlines.wording import both
from assistant.errors import DeadlineInputError

REGIME_START = date(2004, 1, 1)  # the 104-week loondoorbetaling applies to sickness from 2004
MAX_FUTURE_DAYS = 365
MAX_LOONSANCTIE_WEEKS = 52
MAX_LEAVE_DAYS = 365  # WAZO leave is about 16 weeks; longer extensions exist, a year does not
LATEST_DATE = date(2199, 12, 31)  # far enough for any real case, far from date.max overflow


def fail(key: str, **values: object) -> DeadlineInputError:
    """A DeadlineInputError with the text `deadline.error.<key>` in both languages (the English
    one is also the operator's message); values as in `wording.both`."""
    nl, en = both(f"deadline.error.{key}", **values)
    return DeadlineInputError(en, nl=nl, en=en)


def check_episodes(episodes: Sequence[Episode], today: date) -> tuple[Episode, ...]:
    """Validated episodes in the given (chronological) order."""
    if not episodes:
        raise fail("no_first_day")
    for i, ep in enumerate(episodes):
        if ep.end is not None and ep.end < ep.start:
            raise fail("episode_reversed", n=i + 1, end=ep.end, start=ep.start)
        for day in (ep.start, ep.end):
            if day is not None and day < REGIME_START:
                raise fail("before_2004", day=day)
    for i in range(1, len(episodes)):
        prev, cur = episodes[i - 1], episodes[i]
        if prev.end is None:
            raise fail("open_episode", n=i)
        if cur.start <= prev.end:
            raise fail("episodes_overlap", n=i, next=i + 1, end=prev.end, start=cur.start)
    latest = episodes[-1].start
    if latest > today + timedelta(days=MAX_FUTURE_DAYS):
        raise fail("sick_day_future", day=latest)
    return tuple(episodes)


def check_in_range(dates: dict[tuple[str, str], date | None]) -> None:
    """Every given date (keyed by its Dutch and English name) lies before 2200."""
    for name, day in dates.items():
        if day is not None and day > LATEST_DATE:
            raise fail("too_far", name=name, day=day)


def check_date_after(name: tuple[str, str], day: date | None, start: date) -> None:
    """A date such as the EJE (`name` in Dutch and English) must not lie before the first sick
    day of the period."""
    if day is None:
        return
    if day < start:
        raise fail("before_first_sick_day", name=name, day=day, start=start)


def check_extensions(loonsanctie_weeks: int | None, verlenging_tot: date | None,
                     end_of_wachttijd: date) -> None:
    """Loonsanctie 1-52 weeks; verlenging after the normal end; not both at once."""
    if loonsanctie_weeks is not None and verlenging_tot is not None:
        raise fail("sanction_and_extension")
    if loonsanctie_weeks is not None and not 1 <= loonsanctie_weeks <= MAX_LOONSANCTIE_WEEKS:
        raise fail("sanction_weeks", weeks=loonsanctie_weeks)
    if verlenging_tot is not None and verlenging_tot <= end_of_wachttijd:
        raise fail("extension_too_early", day=verlenging_tot, end=end_of_wachttijd)


def check_leave(leave: Sequence[Leave]) -> tuple[Leave, ...]:
    """Validated zwangerschaps-/bevallingsverlof, sorted by start; periods may not overlap."""
    for i, lv in enumerate(leave):
        if lv.end < lv.start:
            raise fail("leave_reversed", n=i + 1, end=lv.end, start=lv.start)
        if lv.start < REGIME_START or lv.end > LATEST_DATE:
            raise fail("leave_years", start=lv.start, end=lv.end)
        if (lv.end - lv.start).days + 1 > MAX_LEAVE_DAYS:
            raise fail("leave_too_long", start=lv.start, end=lv.end)
    ordered = tuple(sorted(leave, key=lambda v: v.start))
    for a, b in zip(ordered, ordered[1:]):
        if b.start <= a.end:
            raise fail("leave_overlap", start=a.start, end=a.end, start2=b.start, end2=b.end)
    return ordered


def no_sick_days_left() -> DeadlineInputError:
    """Every sick day given falls inside the leave."""
    return fail("all_leave")
