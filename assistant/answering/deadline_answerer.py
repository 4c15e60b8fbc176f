"""Deadline questions: read the sick days from the conversation, run the calculator, explain."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from assistant.answering import deadline as dl
from assistant.answering.deadline_assumptions import assumption_text
from assistant.answering.extractive import article_citation
from assistant.errors import DeadlineInputError
from assistant.texts import text
from assistant.types import Answer

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn


class DeadlineAnswerer:
    """Answers "when is X due" with computed dates, or asks for the first sick day."""

    name = "deadline"

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        """A deadline or clarify answer, or None when this part is not a deadline question."""
        from assistant.deadlines import compute_timeline, parse_dates

        question, previous = turn.parts[retrieval.part], list(turn.previous)
        language, today, voice, trace = turn.language, turn.today, turn.voice, {}
        # the first part speaks for the whole message: "ziek sinds ... Tellen we samen? Geef de termijnen."
        asks = dl.is_deadline_question(question) or (not retrieval.part and dl.is_deadline_question(turn.message))
        answers_eje = not retrieval.part and _asked_for_eje(turn)  # "de EJE was op 3 november"
        asks = asks or answers_eje
        gap = dl.gap_days(question)
        if not asks and gap is None:
            return None
        if retrieval.part and turn.notes.get("deadline_answered"):  # the first part's timeline covers it
            return Answer("", "deadline", language, confidence=1.0, trace={"path": "deadline", "covered": True})
        try:
            parsed = parse_dates(" \n".join([*previous, turn.message]), today)
        except DeadlineInputError as exc:
            return self._clarify(exc.user_message(language), language, trace, "invalid_date")
        asked = [k for part in turn.parts for k in dl.asked_keys(part) if dl.is_deadline_question(part)] \
            or (dl.asked_keys(turn.message) if dl.is_deadline_question(turn.message) else [])
        keys = list(dict.fromkeys(asked)) or (["spoor2_start"] if answers_eje else []) \
            or (dl.asked_keys(previous[-1]) if previous and turn.follow_up else [])
        if parsed is None or not parsed.episodes:
            wants = dl.wants_calculation(question) or (not retrieval.part and dl.wants_calculation(turn.message))
            if wants or (gap is not None and previous):
                return self._clarify(text("answer.clarify_date", language, voice), language, trace, "first_sick_day")
            if keys and dl.about_a_case(turn.message):  # "wanneer moet ik dat doen, hij is ziek": ask the date
                turn.notes["ask_first_sick_day"] = True
            return None
        turn.notes["deadline_answered"] = True
        episodes, note, before = list(parsed.episodes), "", None
        started = time.perf_counter()
        try:
            if gap is not None:
                if gap >= 28:  # a new period: its first day is needed
                    return self._clarify(text("answer.clarify_date", language, voice), language, trace, "new_period")
                before = compute_timeline(episodes, today=today, **parsed.timeline_kwargs())
                episodes, note = dl.shift_by_gap(episodes, gap, today), text("answer.what_if_gap", language, gap=gap)
            timeline = compute_timeline(episodes, today=today, **parsed.timeline_kwargs())
        except DeadlineInputError as exc:
            return self._clarify(exc.user_message(language), language, trace, "invalid_input")
        assumed = assumption_text(parsed.assumptions, timeline.period_start, language, voice)
        result = dl.describe(timeline, keys, language, today, note=note, before=before, voice=voice,
                             assumed=assumed)
        trace["deadline_ms"] = round((time.perf_counter() - started) * 1000, 2)
        trace["path"] = "deadline"
        trace["deadline"] = {
            "period_start": result.period_start, "milestones": result.milestones, "keys": keys,
            "episodes": [[e.start.isoformat(), e.end.isoformat() if e.end else None] for e in episodes],
            "leave": [[v.start.isoformat(), v.end.isoformat()] for v in parsed.leave],
            "assumptions": [a.kind for a in parsed.assumptions],
        }
        timeline_doc = "en-poortwachter-timeline" if language == "en" else "nl-tijdlijn-poortwachter"
        citation = article_citation(retrieval.snapshot.by_doc, timeline_doc, 1)
        return Answer(result.text, "deadline", language, [citation] if citation else [], 1.0, trace)

    @staticmethod
    def _clarify(text: str, language: str, trace: dict, reason: str) -> Answer:
        trace["path"] = f"clarify:{reason}"
        return Answer(text, "clarify", language, confidence=1.0, trace=trace)


def _asked_for_eje(turn: Turn) -> bool:
    """True when the assistant's last message asked whether the eerstejaarsevaluatie was held."""
    said = next((h["content"] for h in reversed(turn.history) if h.get("role") == "assistant"), "")
    return any(text("answer.ask_eje", language, voice) in said for language, voice in (("nl", "u"), ("nl", "je"), ("en", "u")))
