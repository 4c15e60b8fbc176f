"""Counting sick days over a chain of episodes: the gap days between episodes do not count."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.deadlines.model import Episode

MAX_GAP_DAYS = 27  # gaps of fewer than 28 days (4 weeks) are samengeteld (art. 7:629 lid 10 BW)


def gap_days(before: Episode, after: Episode) -> int:
    """Number of days without illness between two episodes (`before` must be closed)."""
    assert before.end is not None
    return (after.start - before.end).days - 1


def last_chain(episodes: Sequence[Episode]) -> tuple[Episode, ...]:
    """The episodes of the latest period: the last run of episodes with gaps under 28 days."""
    start = 0
    for i in range(1, len(episodes)):
        if gap_days(episodes[i - 1], episodes[i]) > MAX_GAP_DAYS:
            start = i
    return tuple(episodes[start:])


@dataclass(frozen=True)
class SickCalendar:
    """Maps sick-day numbers to calendar dates and back for one period.

    Beyond the end of the last episode the illness is assumed to continue without a break
    (a projection), so `date_of_day` is defined for every n >= 1.
    """

    episodes: tuple[Episode, ...]

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
        return self.episodes[-1].start + timedelta(days=n - 1)

    def day_of_date(self, day: date, *, project: bool = True) -> int:
        """Sick days up to and including `day` (0 before the start).

        Inside a gap this is the count before the gap (the clock pauses). With `project` the
        days after a closed last episode count as sick days; without it the clock stops there.
        """
        total = 0
        for i, ep in enumerate(self.episodes):
            if day < ep.start:
                return total
            last = i == len(self.episodes) - 1
            end = ep.end
            if end is None or (last and project):
                return total + (day - ep.start).days + 1
            if day <= end:
                return total + (day - ep.start).days + 1
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
        """Gap days inside the period."""
        return sum(gap_days(a, b) for a, b in zip(self.episodes, self.episodes[1:]))
