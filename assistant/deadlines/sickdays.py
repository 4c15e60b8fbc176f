"""Counting sick days over a chain of episodes: the gap days between episodes do not count.

Zwangerschaps- and bevallingsverlof (`Leave`) is neither sickness nor recovery: its days pause
the clock (art. 23 lid 5 WIA) and are left out of the 4-week break (art. 7:629 lid 10 BW).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.deadlines.model import Episode, Leave

MAX_GAP_DAYS = 27  # gaps of fewer than 28 days (4 weeks) are samengeteld (art. 7:629 lid 10 BW)
_DAY = timedelta(days=1)


def leave_days_between(first: date, last: date, leave: Sequence[Leave] = ()) -> int:
    """Leave days from `first` to `last`, both inclusive (0 when last < first)."""
    total = 0
    for lv in leave:
        lo, hi = max(first, lv.start), min(last, lv.end)
        if hi >= lo:
            total += (hi - lo).days + 1
    return total


def add_counted_days(day: date, n: int, leave: Sequence[Leave] = ()) -> date:
    """The date `n` days after `day`, not counting leave days after `day`."""
    result = day + timedelta(days=n)
    for lv in sorted(leave, key=lambda v: v.start):
        if day < lv.start <= result:
            result += timedelta(days=(lv.end - lv.start).days + 1)
    return result


def split_by_leave(episodes: Sequence[Episode], leave: Sequence[Leave]) -> tuple[Episode, ...]:
    """The episodes without their leave days: an episode running into a leave is split around it.

    An open episode that reaches a leave goes on after it (still sick after the verlof); a
    part that lies wholly inside a leave disappears.
    """
    out: list[Episode] = []
    for ep in episodes:
        pieces: list[tuple[date, date | None]] = [(ep.start, ep.end)]
        for lv in sorted(leave, key=lambda v: v.start):
            kept: list[tuple[date, date | None]] = []
            for start, end in pieces:
                if (end is not None and end < lv.start) or start > lv.end:
                    kept.append((start, end))
                    continue
                if start < lv.start:
                    kept.append((start, lv.start - _DAY))
                if end is None or end > lv.end:
                    kept.append((lv.end + _DAY, end))
            pieces = kept
        out.extend(Episode(start, end) for start, end in pieces)
    return tuple(out)


def gap_days(before: Episode, after: Episode, leave: Sequence[Leave] = ()) -> int:
    """Days without illness and without leave between two episodes (`before` must be closed)."""
    assert before.end is not None
    between = leave_days_between(before.end + _DAY, after.start - _DAY, leave)
    return (after.start - before.end).days - 1 - between


def last_chain(episodes: Sequence[Episode], leave: Sequence[Leave] = ()) -> tuple[Episode, ...]:
    """The episodes of the latest period: the last run of episodes with gaps under 28 days."""
    start = 0
    for i in range(1, len(episodes)):
        if gap_days(episodes[i - 1], episodes[i], leave) > MAX_GAP_DAYS:
            start = i
    return tuple(episodes[start:])


@dataclass(frozen=True)
class SickCalendar:
    """Maps sick-day numbers to calendar dates and back for one period.

    Beyond the end of the last episode the illness is assumed to continue without a break
    (a projection, skipping leave days), so `date_of_day` is defined for every n >= 1.
    """

    episodes: tuple[Episode, ...]
    leave: tuple[Leave, ...] = ()

    @property
    def start(self) -> date:
        """Dag 1 of the period."""
        return self.episodes[0].start

    def date_of_day(self, n: int) -> date:
        """The calendar date of sick day `n` (1-based)."""
        for ep in self.episodes[:-1]:
            assert ep.end is not None
            length = (ep.end - ep.start).days + 1
            if n <= length:
                return ep.start + timedelta(days=n - 1)
            n -= length
        last = self.episodes[-1]
        if last.end is not None and n > (last.end - last.start).days + 1:
            return add_counted_days(last.end, n - (last.end - last.start).days - 1, self.leave)
        return last.start + timedelta(days=n - 1)

    def day_of_date(self, day: date, *, project: bool = True) -> int:
        """Sick days up to and including `day` (0 before the start).

        Inside a gap this is the count before the gap (the clock pauses). With `project` the
        days after a closed last episode count as sick days (leave days excepted); without it
        the clock stops there.
        """
        total = 0
        for i, ep in enumerate(self.episodes):
            if day < ep.start:
                return total
            last = i == len(self.episodes) - 1
            end = ep.end
            if end is None or day <= end:
                return total + (day - ep.start).days + 1
            if last and project:
                length = (end - ep.start).days + 1
                return (total + length + (day - end).days
                        - leave_days_between(end + _DAY, day, self.leave))
            total += (end - ep.start).days + 1
        return total

    def week_of(self, day: date, *, project: bool = True) -> int | None:
        """The sickness week in which `day` falls (paused week inside a gap); None before dag 1."""
        n = self.day_of_date(day, project=project)
        return None if n == 0 else (n - 1) // 7 + 1

    def week_start(self, week: int) -> date:
        """First day of sickness week `week`."""
        return self.date_of_day(7 * week - 6)

    def week_end(self, week: int) -> date:
        """Last day of sickness week `week` ("uiterlijk in week N")."""
        return self.date_of_day(7 * week)

    @property
    def paused_days(self) -> int:
        """Gap days inside the period (days of leave are not gap days)."""
        return sum(gap_days(a, b, self.leave) for a, b in zip(self.episodes, self.episodes[1:]))

    @property
    def leave_days(self) -> int:
        """Leave days between the episodes of the period."""
        return sum(leave_days_between(a.end + _DAY, b.start - _DAY, self.leave)
                   for a, b in zip(self.episodes, self.episodes[1:]) if a.end is not None)
