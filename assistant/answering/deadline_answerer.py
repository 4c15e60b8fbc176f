"""Deadline questions: read the sick days from the conversation, run the calculator, explain."""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date

from assistant.answering import deadline as dl
from assistant.answering.messages import say
from assistant.errors import DeadlineInputError
from assistant.types import Answer, Citation


class DeadlineAnswerer:
    """Answers "when is X due" with computed dates, or asks for the first sick day."""

    def __init__(self, cite: Callable[[str], Citation | None]):
        self.cite = cite  # doc id -> citation of that knowledge-base article

    def answer(
        self, question: str, previous: Sequence[str], language: str, today: date, trace: dict
    ) -> Answer | None:
        """A deadline or clarify answer, or None when this is not a deadline question."""
        from assistant.deadlines import compute_timeline, parse_dates

        asks = dl.is_deadline_question(question)
        gap = dl.gap_days(question)
        if not asks and gap is None:
            return None
        try:
            parsed = parse_dates(" \n".join([*previous, question]), today)
        except DeadlineInputError as exc:
            return self._clarify(exc.user_message(language), language, trace, "invalid_date")
        keys = dl.asked_keys(question) or (dl.asked_keys(previous[-1]) if previous else [])
        if parsed is None or not parsed.episodes:
            if dl.wants_calculation(question) or (gap is not None and previous):
                return self._clarify(say("clarify_date", language), language, trace, "first_sick_day")
            return None
        episodes, note, before = list(parsed.episodes), "", None
        started = time.perf_counter()
        try:
            if gap is not None:
                if gap >= 28:  # a new period: its first day is needed
                    return self._clarify(say("clarify_date", language), language, trace, "new_period")
                before = compute_timeline(episodes, today=today, **parsed.timeline_kwargs())
                episodes, note = dl.shift_by_gap(episodes, gap, today), _what_if_note(gap, language)
            timeline = compute_timeline(episodes, today=today, **parsed.timeline_kwargs())
        except DeadlineInputError as exc:
            return self._clarify(exc.user_message(language), language, trace, "invalid_input")
        result = dl.describe(timeline, keys, language, today, note=note, before=before)
        trace["timings"]["deadline_ms"] = round((time.perf_counter() - started) * 1000, 2)
        trace["path"] = "deadline"
        trace["deadline"] = {
            "period_start": result.period_start, "milestones": result.milestones, "keys": keys,
            "episodes": [[e.start.isoformat(), e.end.isoformat() if e.end else None] for e in episodes],
        }
        timeline_doc = "en-poortwachter-timeline" if language == "en" else "nl-tijdlijn-poortwachter"
        citation = self.cite(timeline_doc)
        return Answer(result.text, "deadline", language, [citation] if citation else [], 1.0, trace)

    @staticmethod
    def _clarify(text: str, language: str, trace: dict, reason: str) -> Answer:
        trace["path"] = f"clarify:{reason}"
        return Answer(text, "clarify", language, confidence=1.0, trace=trace)


def _what_if_note(gap: int, language: str) -> str:
    if language == "en":
        return (f"If the employee was fit for {gap} days in between, that is less than 4 weeks: the "
                f"periods are added together and the days of recovery do not count. Deadlines still "
                f"ahead move {gap} days later.")
    return (f"Was de werknemer tussendoor {gap} dagen hersteld? Dat is korter dan 4 weken: de periodes "
            f"worden samengeteld en de hersteldagen tellen niet mee. Termijnen die nog komen, schuiven "
            f"{gap} dagen op.")
