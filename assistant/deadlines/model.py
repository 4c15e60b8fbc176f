"""Plain data of the deadline calculator: episodes in, a timeline of milestones out."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Actor = Literal["werkgever", "werknemer", "bedrijfsarts", "UWV"]
Norm = Literal["law", "practice"]
Status = Literal["passed", "due", "upcoming"]
State = Literal["not_started", "sick", "recovered", "ended"]

DUE_WITHIN_DAYS = 14


@dataclass(frozen=True)
class Episode:
    """One uninterrupted spell of sickness: `start` is the first sick day, `end` the last one.

    `end` is inclusive (the last day of illness, so "hersteld op 1 juni" means end = 31 May);
    None means the employee is still sick.
    """

    start: date
    end: date | None = None


@dataclass(frozen=True)
class Leave:
    """Zwangerschaps- and bevallingsverlof (WAZO benefit), `start` to `end` inclusive.

    Leave days are neither sick days nor days of recovery: they do not count toward the
    wachttijd (art. 23 lid 5 WIA) nor toward the 4-week break (art. 7:629 lid 10 BW).
    """

    start: date
    end: date


@dataclass(frozen=True)
class Milestone:
    """One deadline or moment on the timeline; `date` is the "uiterlijk" date."""

    key: str
    date: date
    date_from: date | None
    week: int
    actor: Actor
    title_nl: str
    title_en: str
    description_nl: str
    description_en: str
    basis: str
    norm: Norm
    status: Status
    days_left: int
    done_on: date | None = None

    def title(self, language: str = "nl") -> str:
        """The title in the given language."""
        return self.title_en if language == "en" else self.title_nl

    def description(self, language: str = "nl") -> str:
        """The description in the given language."""
        return self.description_en if language == "en" else self.description_nl

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; dates as ISO strings."""
        return {
            "key": self.key,
            "date": self.date.isoformat(),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "week": self.week,
            "actor": self.actor,
            "title_nl": self.title_nl,
            "title_en": self.title_en,
            "description_nl": self.description_nl,
            "description_en": self.description_en,
            "basis": self.basis,
            "norm": self.norm,
            "status": self.status,
            "days_left": self.days_left,
            "done_on": self.done_on.isoformat() if self.done_on else None,
        }


@dataclass(frozen=True)
class Timeline:
    """The computed timeline for the sickness period that contains the last episode.

    `leave` is the zwangerschaps-/bevallingsverlof given; `leave_days` the leave days inside the
    period (they pause the clock like the gap days in `paused_days`, which they are not part of).
    `state`: "sick" (the period is running), "recovered" (the last episode is closed less than
    28 days ago, so a new illness would still be added to this period; later dates are the
    earliest possible), "ended" (recovered for 28 days or more: the period is over and only
    milestones up to the last sick day are listed) or "not_started" (first sick day after today).
    """

    milestones: list[Milestone]
    period_start: date
    current_week: int | None
    today: date
    episodes: tuple[Episode, ...]
    period_episodes: tuple[Episode, ...]
    state: State
    sick_days: int
    paused_days: int
    leave: tuple[Leave, ...] = ()
    leave_days: int = 0
    notes_nl: list[str] = field(default_factory=list)
    notes_en: list[str] = field(default_factory=list)

    def get(self, key: str) -> Milestone | None:
        """The milestone with this key, or None."""
        return next((m for m in self.milestones if m.key == key), None)

    def notes(self, language: str = "nl") -> list[str]:
        """Remarks about the period (recovery, extensions) in the given language."""
        return self.notes_en if language == "en" else self.notes_nl

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: milestones, current_week, period_start, state and the inputs."""

        def ep(e: Episode) -> dict[str, str | None]:
            return {"start": e.start.isoformat(), "end": e.end.isoformat() if e.end else None}

        return {
            "milestones": [m.to_dict() for m in self.milestones],
            "current_week": self.current_week,
            "period_start": self.period_start.isoformat(),
            "today": self.today.isoformat(),
            "state": self.state,
            "sick_days": self.sick_days,
            "paused_days": self.paused_days,
            "episodes": [ep(e) for e in self.episodes],
            "period_episodes": [ep(e) for e in self.period_episodes],
            "leave": [{"start": v.start.isoformat(), "end": v.end.isoformat()}
                      for v in self.leave],
            "leave_days": self.leave_days,
            "notes_nl": list(self.notes_nl),
            "notes_en": list(self.notes_en),
        }
