""""Waar sta ik?" / "where do I stand?": the Poortwachter check of the case in the conversation.

The first sick day comes from the conversation as the deadline answerer reads it (`parse_dates`
over the earlier messages and this one); the steps done come from the user's words
(`case_steps.read_steps`). The answer lists each step as done, due (days left) or overdue, with
its legal basis and, when overdue, what to do now.
"""
from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from assistant.answering.case_steps import read_steps
from assistant.answering.deadline import about_a_case, is_deadline_question
from assistant.answering.deadline_assumptions import assumption_text
from assistant.answering.extractive import article_citation
from assistant.answering.told import asked_back
from assistant.deadlines.dates import short_date
from assistant.errors import DeadlineInputError
from assistant.text import fold, words
from assistant.texts import text
from assistant.types import Answer
from assistant.understanding import asks_nothing, is_question, names_a_subject, sentences

if TYPE_CHECKING:
    from assistant.deadlines.check import StepCheck
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

_WHERE = re.compile(
    r"\bwaar\s+sta(?:an)?\s+(?:ik|we|wij)\b|\bhoe\s+staan?\s+(?:we|wij|ik)\s+ervoor\b"
    r"|\bstand\s+van\s+zaken\b|\bwat\s+(?:is|zijn)\s+(?:er\s+)?(?:te\s+laat|verlopen)\b"
    r"|\bwhere\s+do\s+(?:i|we)\s+stand\b|\bwhere\s+are\s+we\b|\bwhat\s+(?:is|are)\s+overdue\b"
    r"|\bpoortwachter[-\s]?check\b",
    re.IGNORECASE,
)
_ICONS = {"done": "✅", "due": "⏳", "overdue": "⚠️"}
def asks_where_we_stand(text: str) -> bool:
    """True for "waar sta ik?", "hoe staan we ervoor?", "where do we stand?" and the like."""
    return bool(_WHERE.search(text))


# "wat komt er nu aan?", "what's the next step for us?": what is due next in the asker's case
# ("wat moet ik nu doen?" is not: after "hij weigert mee te werken" it asks about the refusal)
_SOON = r"(nu|nog|allemaal|binnenkort|straks)"
_NEXT = re.compile(
    rf"\bwat (komt|staat) (er )?({_SOON} )*(aan|op (me|mij|ons) af|(me|mij|ons) te wachten)\b"
    r"|\bwat (is|zijn) (nu |nu de |de )?volgende stap(pen)?\b"
    r"|\bwat (moet|moeten) (ik|we|wij) ((nu )?(allemaal|binnenkort|straks|rond deze tijd"
    r"|de komende (tijd|weken|maanden)) )+(regelen|doen|ondernemen)\b"
    r"|\bwat (moet|moeten) (ik|we|wij) (nu )?(als eerste|eerst) regelen\b"
    r"|\bwhat (do|should|must) (i|we) (arrange|organi[sz]e|sort out) first\b"
    r"|\bwhat('s| is| are) (the |our |my )?next( steps?)?\b|\bwhat comes next\b"
    r"|\bwhat('s| is) coming( up)?\b|\bwhat (do|must|should) (i|we) do next\b"
    r"|\bwhat should (i|we) be doing( (around|right))? now\b"
    r"|\banything (i|we) (need|have|must) to do( (soon|now|next))?\b",
)
# A long story asks more than what comes next: the other answerers read it.
_NEXT_MAX_WORDS = 40


def asks_what_comes_next(message: str) -> bool:
    """True for a short message about a sick case that asks only what comes next ("Mijn
    werknemer is nu 45 weken ziek, wat komt er nu aan?"): the check says what is due when. Not
    when the message names a subject of its own ("wat is de volgende stap in spoor 2?")."""
    if len(words(message)) > _NEXT_MAX_WORDS or not about_a_case(message):
        return False
    folded = fold(message)
    found = _NEXT.search(folded)
    return bool(found) and not names_a_subject(folded[:found.start()] + " " + folded[found.end():])


class CheckAnswerer:
    """Answers "where do I stand?" with the Poortwachter check of the conversation's case."""

    name = "check"

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        """The check, a question for the first sick day, or None when not asked or when the
        conversation is not about a sick employee (this answerer runs before the scope guard)."""
        from assistant.deadlines import compute_timeline, parse_dates
        from assistant.deadlines.check import check_steps

        if retrieval.part:
            return None
        told = not (asks_where_we_stand(turn.message) or asks_what_comes_next(turn.message))
        if told and not _tells_a_case(turn):
            return None
        language, today, trace = turn.language, turn.today, {"path": "check"}
        messages = [*turn.previous, turn.message]
        started = time.perf_counter()
        try:
            parsed = parse_dates(" \n".join(messages), today)
            steps = read_steps(messages, today)
            if told and (parsed is None or not parsed.episodes):
                return None
            if parsed is None or not parsed.episodes:
                if not steps.mentioned() and not about_a_case(" ".join(messages)):
                    return None  # "waar sta ik met ..." about something else: the scope guard
                trace["path"] = "clarify:first_sick_day"
                ask = text("answer.clarify_date", language, turn.voice)
                return Answer(ask, "clarify", language, confidence=1.0, trace=trace)
            kwargs = parsed.timeline_kwargs()
            kwargs["probleemanalyse"] = (steps.done.get("probleemanalyse")
                                         or kwargs["probleemanalyse"])
            kwargs["eje"] = steps.done.get("eerstejaarsevaluatie") or kwargs["eje"]
            timeline = compute_timeline(parsed.episodes, today=today, **kwargs)
            checks = check_steps(timeline, steps.done, today=today,
                                 evaluations=steps.evaluations, undated=steps.undated)
        except DeadlineInputError as exc:
            trace["path"] = "clarify:invalid_input"
            return Answer(exc.user_message(language), "clarify", language, confidence=1.0,
                          trace=trace)
        trace["check_ms"] = round((time.perf_counter() - started) * 1000, 2)
        trace["check"] = {"period_start": timeline.period_start.isoformat(),
                          "steps": {c.key: c.status for c in checks},
                          "done": {k: v.isoformat() for k, v in steps.done.items()},
                          "undated": sorted(steps.undated), "not_done": sorted(steps.not_done)}
        doc = "en-poortwachter-timeline" if language == "en" else "nl-tijdlijn-poortwachter"
        citation = article_citation(retrieval.snapshot.by_doc, doc, 1)
        body = render(timeline.period_start, timeline.current_week, today, checks, language,
                      turn.voice, employee=turn.audience == "werknemer",
                      assumed=assumption_text(parsed.assumptions, timeline.period_start,
                                              language, turn.voice),
                      steps_told=steps.mentioned())
        if told:
            trace["told"] = True  # a case told without a question: its check is the answer
        # The deadline answerer must not answer this message a second time.
        turn.notes["deadline_answered"] = True
        return Answer(body, "deadline", language, [citation] if citation else [], 1.0, trace)


# The employee's own step: the rest are the employer's to set going.
_EMPLOYEE_STEPS = ("wia_aanvraag",)


# A longer message without a question mark more likely asks indirectly ("... en ik vraag me af
# of spoor 2 al moet"): the other answerers read it.
_TOLD_MAX_WORDS = 40


def _tells_a_case(turn: Turn) -> bool:
    """True for a short message that tells of a sick case and asks nothing ("Ik ben sinds half
    september ziek met een hernia."), first in its conversation, after messages that only told,
    or after the told answerer asked what the user wants to know and offered to compute the
    deadlines from the first sick day: where the case stands is the useful answer, not a
    refusal of medical advice nobody asked for, nor the same question back."""
    only_told = all(asks_nothing(said) for said in turn.previous) or asked_back(turn.history)
    return (only_told and "?" not in turn.message and about_a_case(turn.message)
            and len(words(turn.message)) <= _TOLD_MAX_WORDS
            and not any(is_question(s) for s in sentences(turn.message))
            and not is_deadline_question(turn.message))  # "ziek sinds 15 okt wnnr moet ik ..."


def render(start, week, today, checks: list[StepCheck], language: str, voice: str = "u", *,
           employee: bool = False, assumed: str = "", steps_told: bool = True) -> str:
    """The check as Markdown: one line per step, then how to correct it. For an employee an
    overdue step of the employer's says whose it is and whom to ask, not what to do; when the
    user told nothing about the steps, the head says that a past term is late only if the step
    was not taken."""
    def t(key: str, **values: object) -> str:
        return text(f"answer.check.{key}", language, voice, **values)

    head = t("head", start=short_date(start), week=t("week", n=week) if week else "",
             today=short_date(today))
    if not steps_told:
        head += " " + t("steps_unknown")
    lines = [head, ""]
    if assumed:
        lines[-1:-1] = ["", assumed]
    for c in checks:
        line = (f"- {_ICONS[c.status]} **{c.title(language)}**: {c.label(language)}; "
                f"{t('due')} {short_date(c.due)} ({t(c.norm)}: {c.basis}).")
        if c.status == "overdue":
            line += " " + (t("employers_step") if employee and c.key not in _EMPLOYEE_STEPS
                           else c.action(language))
        lines.append(line)
    lines += ["", t("tail")]
    return "\n".join(lines)
