"""The Poortwachter check: which steps are done, which are due, which are overdue.

A pure function from a computed `Timeline`, the steps the user says are done (with dates) and
today, to one `StepCheck` per step. The deadlines are the timeline's (fact sheet §2):

* probleemanalyse: end of week 6 (Regeling procesgang art. 2);
* plan van aanpak: 14 days after the probleemanalyse when its date is known, else end of week 8
  (Regeling art. 4);
* evaluations: 42 days after the last evaluation, or after the plan van aanpak (a practice norm;
  the law says "periodiek"); up to date when the last one is less than 42 days ago;
* 42e-weeksmelding: first working day after week 42 (art. 38 ZW);
* eerstejaarsevaluatie: end of week 52 (window weeks 46-52 is practice);
* spoor 2: 42 days after the EJE held, or after the end of week 52 (practice norm);
* re-integratieverslag: 13 weeks, WIA-aanvraag: 11 weeks before the end of the wachttijd.

A step is "done" when a date is given (`late` when that date is after the deadline), "overdue"
when today is after the deadline, else "due" with the days left. Steps whose milestone is not on
the timeline (a period that ended before it) are left out.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from assistant.deadlines.check_catalogue import STEP_TEXTS, STEPS
from assistant.deadlines.dates import day_count, short_date
from assistant.deadlines.model import Norm, Timeline
from assistant.deadlines.validate import fail
from assistant.texts import text

CheckStatus = Literal["done", "due", "overdue"]
_SIX_WEEKS = timedelta(days=42)
_TWO_WEEKS = timedelta(days=14)


@dataclass(frozen=True)
class StepCheck:
    """The status of one Poortwachter step on `today`."""

    key: str
    status: CheckStatus
    due: date
    days_left: int
    done_on: date | None
    late: bool
    norm: Norm
    basis: str

    def title(self, language: str = "nl") -> str:
        """The step's name."""
        text = STEP_TEXTS[self.key]
        return text.title_en if language == "en" else text.title_nl

    def rule(self, language: str = "nl") -> str:
        """What the law says and what is practice."""
        text = STEP_TEXTS[self.key]
        return text.rule_en if language == "en" else text.rule_nl

    def action(self, language: str = "nl") -> str:
        """What to do now; empty unless the step is overdue."""
        if self.status != "overdue":
            return ""
        text = STEP_TEXTS[self.key]
        return text.overdue_en if language == "en" else text.overdue_nl

    def label(self, language: str = "nl") -> str:
        """A short status: "gedaan 03-03-2025", "nog te doen (12 dagen)", "te laat (5 dagen)"."""
        def say(key: str) -> str:
            return text(f"deadline.check.{key}", language)

        days = day_count(self.days_left, language)
        if self.status == "done":
            if self.done_on is None:
                return say("done")
            return f"{say('done_late' if self.late else 'done')} {short_date(self.done_on)}"
        if self.status == "overdue":
            return f"{say('overdue')} ({days})"
        return f"{say('due')} ({days})"

    def to_dict(self, language: str = "nl") -> dict[str, Any]:
        """JSON-ready dict in the given language; dates as ISO strings."""
        return {
            "key": self.key, "status": self.status, "due": self.due.isoformat(),
            "days_left": self.days_left,
            "done_on": self.done_on.isoformat() if self.done_on else None, "late": self.late,
            "norm": self.norm, "basis": self.basis, "title": self.title(language),
            "rule": self.rule(language), "action": self.action(language),
            "label": self.label(language),
        }


def check_steps(
    timeline: Timeline,
    done: Mapping[str, date | None],
    *,
    today: date,
    evaluations: Sequence[date] = (),
    undated: Collection[str] = (),
) -> list[StepCheck]:
    """One `StepCheck` per Poortwachter step, in legal order.

    Args:
        timeline: the computed timeline of the case.
        done: step key (see `STEPS`, except "evaluatie") -> the date it was done.
        today: the reference date.
        evaluations: dates of evaluations of the plan van aanpak held so far.
        undated: steps said to be done without a date: "done", with no date and never late.

    Raises:
        DeadlineInputError: an unknown step, or a done date before the first sick day or after
            today (Dutch and English messages).
    """
    done = {k: v for k, v in done.items() if v is not None}
    unknown = sorted((set(done) | set(undated)) - set(STEPS))
    if unknown:
        raise fail("unknown_steps", steps=", ".join(unknown))
    for key, when in [*done.items(), *(("evaluatie", e) for e in evaluations)]:
        _check_done_date(key, when, timeline.period_start, today)
    checks: list[StepCheck] = []
    for key in STEPS:
        due = _due(key, timeline, done, evaluations)
        if due is None:
            continue
        if key in undated and key not in done:
            text = STEP_TEXTS[key]
            checks.append(StepCheck(key=key, status="done", due=due, days_left=(due - today).days,
                                    done_on=None, late=False, norm=text.norm, basis=text.basis))
        elif key == "evaluatie":
            checks.append(_evaluation(due, evaluations, today))
        else:
            checks.append(_step(key, due, done.get(key), today))
    return checks


def _due(key: str, timeline: Timeline, done: Mapping[str, date],
         evaluations: Sequence[date]) -> date | None:
    if key == "plan_van_aanpak" and "probleemanalyse" in done:
        return done["probleemanalyse"] + _TWO_WEEKS
    if key == "evaluatie":
        pva = _due("plan_van_aanpak", timeline, done, evaluations)
        riv = timeline.get("re_integratieverslag")
        if pva is None:
            return None
        base = max(evaluations, default=done.get("plan_van_aanpak", pva))
        nxt = base + _SIX_WEEKS
        # After the RIV deadline the plan is closed with the final evaluation in the report.
        return None if riv is not None and base >= riv.date else nxt
    if key == "spoor2_start":
        eje = timeline.get("eerstejaarsevaluatie")
        base = done.get("eerstejaarsevaluatie") or (eje.date if eje else None)
        return base + _SIX_WEEKS if base is not None else None
    milestone = timeline.get(key)
    return milestone.date if milestone is not None else None


def _step(key: str, due: date, done_on: date | None, today: date) -> StepCheck:
    text = STEP_TEXTS[key]
    days_left = (due - today).days
    if done_on is not None:
        status: CheckStatus = "done"
    else:
        status = "overdue" if days_left < 0 else "due"
    return StepCheck(key=key, status=status, due=due, days_left=days_left, done_on=done_on,
                     late=done_on is not None and done_on > due, norm=text.norm,
                     basis=text.basis)


def _evaluation(due: date, evaluations: Sequence[date], today: date) -> StepCheck:
    """Recurring: done while the last evaluation is under 6 weeks old; `due` is the next one."""
    text = STEP_TEXTS["evaluatie"]
    last = max(evaluations, default=None)
    days_left = (due - today).days
    status: CheckStatus = ("overdue" if days_left < 0 else "done" if last is not None else "due")
    return StepCheck(key="evaluatie", status=status, due=due, days_left=days_left,
                     done_on=last if status == "done" else None, late=False, norm=text.norm,
                     basis=text.basis)


def _check_done_date(key: str, when: date, start: date, today: date) -> None:
    text = STEP_TEXTS.get(key)
    name = (text.title_nl, text.title_en) if text else (key, key)
    if when < start:
        raise fail("step_before_start", name=name, day=when, start=start)
    if when > today:
        raise fail("step_in_future", name=name, day=when)
