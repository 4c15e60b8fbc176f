"""Deadline questions: read the sick days from the conversation, run the calculator, explain."""
from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from assistant.answering import deadline as dl
from assistant.answering.deadline_assumptions import assumption_text
from assistant.answering.extractive import article_citation
from assistant.answering.planned import asks_if_in_time, planned_moment
from assistant.deadlines.topics import asked_keys
from assistant.errors import DeadlineInputError
from assistant.text import fold
from assistant.texts import text
from assistant.types import Answer
from assistant.understanding import last_answer, sentences

if TYPE_CHECKING:
    from datetime import date

    from assistant.answering.planned import Planned
    from assistant.deadlines import Episode, ParsedSickness, Timeline
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn


class DeadlineAnswerer:
    """Answers "when is X due" with computed dates, or asks for the first sick day."""

    name = "deadline"

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        """A deadline or clarify answer, or None when this part is not a deadline question."""
        from assistant.deadlines import parse_dates

        part, language, trace = retrieval.part, turn.language, {}
        answers_eje = not part and _asked_for_eje(turn)  # "de EJE was op 3 november"
        gap = dl.gap_days(turn.parts[part])
        if not (_asks_for_deadlines(turn, part) or answers_eje) and gap is None:
            return None
        if gap is not None and _WAITING_DAY.search(fold(turn.parts[part])) \
                and not _asks_for_deadlines(turn, part):
            # "ze was twee weken beter en is nu weer ziek. mag ik die wachtdag nog een keer
            # inhouden?": the rule on counting periods together answers it, without a first sick day
            return None
        if gap is None and _asks_only_whether_it_restarts(turn, part):
            # "... twee weken later weer ziek. Wanneer begint die telling nou wel opnieuw?": the
            # counting rule (four weeks, whatever the cause), not a timeline from a guessed date
            return None
        still = _still_open_keys(turn, part)
        if gap is None and dl.asks_a_sum(turn.message) and not still:
            # "ziek sinds april ... wat moeten we hem in het tweede ziektejaar minimaal betalen?
            # Hoe bereken ik dat?": a sum of money, not a date, even with a first sick day ("moet
            # ik hem nog doorbetalen?" after one asks whether the pay has ended: a date)
            return None
        if gap is None and _asks_about_the_term(turn):
            return None
        if part and turn.notes.get("deadline_answered"):  # the first part's timeline covers it
            return Answer("", "deadline", language, confidence=1.0,
                          trace={"path": "deadline", "covered": True})
        try:
            parsed = parse_dates(" \n".join([*turn.previous, turn.message]), turn.today)
        except DeadlineInputError as exc:
            return self._clarify(exc.user_message(language), language, trace, "invalid_date")
        keys = _asked_keys(turn, answers_eje, still)
        if parsed is None or not parsed.episodes:
            return self._without_dates(turn, part, gap, keys, trace)
        turn.notes["deadline_answered"] = True
        started = time.perf_counter()
        if gap is not None and gap >= 28:  # a new period: its first day is needed
            return self._clarify(text("answer.clarify_date", language, turn.voice), language,
                                 trace, "new_period")
        try:
            episodes, timeline, before, note = _timelines(parsed, gap, turn.today, language)
        except DeadlineInputError as exc:
            return self._clarify(exc.user_message(language), language, trace, "invalid_input")
        assumed = assumption_text(parsed.assumptions, timeline.period_start, language, turn.voice)
        result = dl.describe(timeline, keys, language, turn.today, note=note, before=before,
                             voice=turn.voice, assumed=assumed, verdict=bool(still),
                             planned=turn.notes.get("planned"))
        trace["deadline_ms"] = round((time.perf_counter() - started) * 1000, 2)
        trace["path"] = "deadline"
        trace["deadline"] = _deadline_trace(result, keys, episodes, parsed)
        timeline_doc = ("en-poortwachter-timeline" if language == "en"
                        else "nl-tijdlijn-poortwachter")
        citation = article_citation(retrieval.snapshot.by_doc, timeline_doc, 1)
        return Answer(result.text, "deadline", language, [citation] if citation else [], 1.0, trace)

    def _without_dates(self, turn: Turn, part: int, gap: int | None, keys: list[str],
                       trace: dict) -> Answer | None:
        """No sick day in the conversation: ask for it when a calculation is wanted, else None
        (and note that a later answer may ask for it)."""
        language = turn.language
        wants = dl.wants_calculation(turn.parts[part]) or (
            not part and dl.wants_calculation(turn.message))
        if wants or (gap is not None and turn.previous):
            return self._clarify(text("answer.clarify_date", language, turn.voice), language,
                                 trace, "first_sick_day")
        # "wanneer moet ik dat doen, hij is ziek": a later answer asks for the date
        if (keys or dl.asks_all_deadlines(turn.message)) and dl.about_own_dates(turn.message):
            turn.notes["ask_first_sick_day"] = True
        return None

    @staticmethod
    def _clarify(text: str, language: str, trace: dict, reason: str) -> Answer:
        trace["path"] = f"clarify:{reason}"
        return Answer(text, "clarify", language, confidence=1.0, trace=trace)


_WAITING_DAY = re.compile(r"\bwachtdag\w*|\bwaiting days?\b")
# "De directeur wil weten wanneer het verslag klaar moet zijn": a question told as a statement
_INDIRECT = re.compile(r"\b(wil|willen|wilde|wou) (graag |nu |ook )?weten\b"
                       r"|\bvra\w* (me|mij|zich|ons|hij|zij) af\b|\bwants? to know\b|\bwonder")


# A benefit before the two years because recovery is out of sight: the vervroegde IVA, whose
# application closes at week 68 (art. 23 lid 6 WIA), long before the usual WIA application.
_EARLY_IVA = re.compile(
    r"vervroegd\w*|verkorte wachttijd|eerder (een |de |mijn |zijn |haar )?(wia-?)?uitkering"
    r"|(nooit|niet) meer (beter|herstel|op te knappen)|herstel (zit )?er (\w+ )?niet in"
    r"|geen (uitzicht|kans|perspectief) op (herstel|beterschap)"
    r"|genezing .{0,20}(niet|geen)|niet (meer )?(te )?genezen|ongeneeslijk|terminaal"
    r"|niet .{0,20}(volle |hele )?(twee|2) jaar .{0,25}wachten|incurable|terminal(ly)? ill"
    r"|(not|n't) (have to )?wait (for )?(the )?(full |whole )?two years"
    r"|\bearly (iva|benefit)|never (get|getting) better|no (prospect|chance) of recovery"
    r"|(won'?t|will not|is not going to|isn'?t going to) (ever )?(get better|recover)"
)


def _asks_for_deadlines(turn: Turn, part: int) -> bool:
    """True when this part asks for a deadline. The first part speaks for the whole message
    ("ziek sinds ... Tellen we samen? Geef de termijnen."), unless a later part asks for the dates
    itself: then the first part's own question gets its own answer ("Hoe lang duurt spoor 2
    gemiddeld, en tot wanneer mag het doorlopen?")."""
    if _asks_what_recovery_is(turn.parts[part]):
        return False
    if _part_asks(turn, part) or _next_milestone(turn, part) or _still_open_keys(turn, part):
        return True
    if part:
        return False
    if any(_part_asks(turn, later) for later in range(1, len(turn.parts))):
        # its own question, unless sick periods with a recovery between them make it one about
        # counting them together, which the timeline answers ("hersteld vanaf 1 juni, opnieuw
        # ziek op 30 juni. Tellen we samen? Geef de nieuwe termijnen.")
        return _several_periods(turn)
    if turn.story and turn.context:
        return any(_INDIRECT.search(fold(s)) and dl.is_deadline_question(s)
                   for s in sentences(turn.context))
    return dl.is_deadline_question(turn.message)


def _still_open_keys(turn: Turn, part: int) -> list[str]:
    """The steps a message asks about whether they can still be done or are late, once a first
    sick day was told before it ("ziek sinds maandag 7 april 2025" ... "kan ik die nog
    aanvragen?"): the dates of that case answer it, with what has passed. The step is the one
    the question names, else the sick pay ("moet ik haar in januari nog salaris betalen?"), else
    the last one the answer before named ("... moet u haar als langdurig zieke melden bij UWV."
    "Tot hoelang heb ik daarvoor nog de tijd?"). So does a question how a step it names stands in
    the case or whether it is still of use ("En de uwv-melding, hoe zit het daarmee bij ons?",
    "Heeft dat voor mij nog zin?"). Empty: not such a question."""
    from assistant.deadlines import parse_dates

    question = turn.parts[part]
    # "Moet dat nu al?": whether a step the question does not name is due yet
    due_yet = dl.asks_if_due_yet(question) and not asked_keys(question)
    still = dl.asks_if_still_open(question) or due_yet
    planned = planned_moment(turn.message, turn.today) if asks_if_in_time(question) else None
    bound = dl.asks_how_long_pay_binds(question, last_answer(turn.history))
    if not (turn.previous and (still or planned or bound or dl.asks_about_a_named_step(question))):
        return []
    if planned is not None:
        keys = _planned_step(turn, planned)
    else:
        pay_runs_on = dl.asks_if_pay_runs_on(question) or bound
        named = _named_in_answer(turn) if due_yet else _last_named_in_answer(turn)
        keys = asked_keys(question) or (["einde_wachttijd"] if pay_runs_on
                                        else named if still else [])
        if not keys or not dl.points_back_or_names(question, keys):
            return []
        if dl.asks_if_late_with_a_cost(question) and not set(keys) <= _LATENESS_STATED:
            return []  # "nog geen plan van aanpak gemaakt. is dat een probleem?": its card
    try:
        parsed = parse_dates(" \n".join(turn.previous), turn.today)
    except DeadlineInputError:
        return []
    if not (keys and parsed is not None and parsed.episodes):
        return []
    if planned is not None:
        turn.notes["planned"] = planned
    elif due_yet:
        keys = _first_still_open(keys, parsed, turn.today)
    return keys


def _first_still_open(keys: list[str], parsed: ParsedSickness, today: date) -> list[str]:
    """The first of `keys` whose last day has not passed ("Moet dat nu al?" asks about a step
    still ahead), or [] when all have."""
    from assistant.deadlines import compute_timeline

    try:
        timeline = compute_timeline(parsed.episodes, today=today, **parsed.timeline_kwargs())
    except DeadlineInputError:
        return []
    open_steps = [k for k in keys if (m := timeline.get(k)) is not None and m.status != "passed"]
    return open_steps[:1]


def _planned_step(turn: Turn, planned: Planned) -> list[str]:
    """The step a moment is planned for: the one the message names ("het evaluatiegesprek over
    het eerste jaar eind april"), else the one both the answer before and the user's message
    before it named, else the one either named. UWV's WIA letter stands for the application it
    asks for ("The UWV letter reached me. Can this wait until after New Year?")."""
    def steps(keys: list[str]) -> list[str]:
        keys = ["wia_aanvraag" if k == "wia_brief_uwv" else k for k in keys]
        return [k for k in dict.fromkeys(keys) if k in dl.STEPS_TO_TAKE]

    own = steps(asked_keys(turn.message.replace(planned.said, " ")))  # "early December" is no IVA
    answered, told = steps(_last_named_in_answer(turn)), steps(asked_keys(turn.previous[-1]))
    both = [k for k in answered if k in told]
    return (own or both or answered or told)[:1]


def _named_in_answer(turn: Turn) -> list[str]:
    """The steps the answer before named, in the order it named them ("Moet dat nu al?" after
    "... schakelt u de bedrijfsarts in voor een probleemanalyse. Daarna stelt u een plan van
    aanpak op." is about the probleemanalyse, the first of them still ahead)."""
    named = [k for said in sentences(last_answer(turn.history)) for k in asked_keys(said)]
    return list(dict.fromkeys(named))


def _last_named_in_answer(turn: Turn) -> list[str]:
    """The steps of the last sentence of the answer before that names any."""
    return next((keys for said in reversed(sentences(last_answer(turn.history)))
                 if (keys := asked_keys(said))), [])


# The steps whose computed line says what being late costs (a fine, longer pay, a closed window)
_LATENESS_STATED = {"ziekmelding_uwv", "wia_aanvraag", "vervroegde_iva"}


def _asks_only_whether_it_restarts(turn: Turn, part: int) -> bool:
    """True when this part asks whether or when the two years start again, names no step in them,
    and the conversation gives no dated sick periods to count together."""
    from assistant.answering.scope import asks_whether_it_restarts

    question = sentences(turn.parts[part])[-1]
    # "de telling van de twee jaar" names the two years themselves, no step in them
    return (asks_whether_it_restarts(question) and set(asked_keys(question)) <= {"einde_wachttijd"}
            and not _several_periods(turn))


def _several_periods(turn: Turn) -> bool:
    """True when the conversation gives more than one sick period (or a recovery gap)."""
    from assistant.deadlines import parse_dates

    if dl.gap_days(turn.message) is not None:
        return True
    try:
        parsed = parse_dates(" \n".join([*turn.previous, turn.message]), turn.today)
    except DeadlineInputError:
        return True  # the deadline answer explains what is wrong with the dates
    return parsed is not None and len(parsed.episodes) > 1


def _part_asks(turn: Turn, part: int) -> bool:
    """True when this part's own question asks for a date; in a long story its last sentence,
    not a date word in the telling ("lichte taken op termijn", "zijn AOW-datum valt na de
    wachttijd. Mag spoor 2 achterwege blijven?")."""
    if turn.story and turn.context:
        return dl.is_deadline_question(sentences(turn.parts[part])[-1])
    return dl.is_deadline_question(turn.parts[part])


_WHEN_RECOVERED = re.compile(
    r"\b(wanneer|when) (ben|is|zijn|word|wordt|am|are|do|does) (\w+ ){0,4}"
    r"(hersteld|beter|recovered|better|fit)\b")


def _asks_what_recovery_is(part: str) -> bool:
    """True for "Wanneer ben je eigenlijk officieel hersteld?": what counts as recovery (the card
    on partial work says it), not a date, unless it names a step of the timeline."""
    question = sentences(part)[-1]
    return bool(_WHEN_RECOVERED.search(fold(question))) and not asked_keys(question)


def _next_milestone(turn: Turn, part: int) -> list[str]:
    """The milestones a follow-up names after a deadline question ("wanneer moet de
    probleemanalyse er zijn?" ... "en het plan van aanpak?"), or the one after the milestone asked
    before ("en daarna?"): the same question about them."""
    if not (turn.follow_up and turn.previous and dl.is_deadline_question(turn.previous[-1])):
        return []
    if turn.next_step:
        return [turn.next_step]
    # "en als we met z'n tweeën willen dat de WIA later komt?" names a milestone in a case of its
    # own: not the same question about it
    return [] if _WHAT_IF.match(fold(turn.parts[part])) else asked_keys(turn.parts[part])


# A follow-up that supposes a case: "en als ...", "wat als ...", "stel dat ...", "and if ..."
_WHAT_IF = re.compile(r"\s*((en|maar|and|but) )?(wat |what )?(als|stel( dat)?|indien|if|suppose)\b")


# "Schuift die termijn daardoor niet op?", "zitten we dan vast aan die einddatum?": whether a term
# moves or holds, not when it falls
_MOVES = re.compile(
    r"\b(schuift|verschuift|op ?schuiven|verschuiven|opgeschoven|verschoven|vast (\w+ ){0,2}aan"
    r"|gebonden aan|(loopt|telt) (\w+ ){0,2}door|stil ?(gezet|staan|zetten)|shift\w*|moves?|moved"
    r"|postponed?|stuck (with|to)|bound (by|to)|(stop|pause)s? the (clock|count))\b")


def _asks_about_the_term(turn: Turn) -> bool:
    """True for a follow-up that asks whether a term moves or holds ("hij werkt weer drie
    ochtenden. Schuift die termijn daardoor niet op?"), or supposes a case without naming a step
    ("en stel dat het herstel toch tegenvalt, zitten we dan vast aan die einddatum?"): the card on
    that case answers it, not the dates of the question before again. One that gives a date or a
    time back at work is answered with the dates it gives."""
    if not turn.follow_up or _gives_dates(turn):
        return False
    supposes = any(_WHAT_IF.match(fold(p)) for p in turn.parts) and not asked_keys(turn.message)
    return bool(_MOVES.search(fold(turn.message))) or supposes


def _gives_dates(turn: Turn) -> bool:
    from assistant.deadlines import parse_dates

    if dl.gap_days(turn.message) is not None:
        return True
    try:
        return parse_dates(turn.message, turn.today) is not None
    except DeadlineInputError:
        return True


def _asked_keys(turn: Turn, answers_eje: bool, still: list[str]) -> list[str]:
    """The milestones asked for in the message (`still`: those asked whether they are still
    open); else spoor 2 after an EJE answer; else those of the previous message when this one
    follows up on it."""
    asked = list(still) or [k for part in turn.parts if dl.is_deadline_question(part)
                            for k in asked_keys(part)]
    if not asked and dl.is_deadline_question(turn.message):
        asked = asked_keys(turn.message)
    if not asked:
        asked = [k for part in range(len(turn.parts)) for k in _next_milestone(turn, part)]
    named = bool(asked)  # the message names its milestone itself
    if not asked and not answers_eje and turn.previous and turn.follow_up:
        asked = asked_keys(turn.previous[-1])
    if _about_early_iva(turn, asked, named):
        # "er bestaat iets waarmee je eerder een uitkering krijgt als je nooit meer beter wordt
        # ... tot wanneer kan ik dat aanvragen?", or "tot wanneer kan dat?" after an answer on
        # the vervroegde IVA: the early IVA's own last day comes first
        asked.insert(0, "vervroegde_iva")
    if asked:
        return list(dict.fromkeys(asked))
    return ["spoor2_start"] if answers_eje else []


def _about_early_iva(turn: Turn, asked: list[str], named: bool) -> bool:
    """True when the question is about applying for a benefit before the two years are over;
    a follow-up that names no milestone of its own ("tot wanneer kan dat?") is about the early
    IVA when the answer before it was."""
    if "vervroegde_iva" in asked:
        return False
    said = fold(last_answer(turn.history)) if turn.follow_up and not named else ""
    if re.search(r"vervroegde iva|early iva", said):
        return True
    # the question before, or the earlier one followed up ("terug naar die IVA waar ik eerst ...")
    referred = turn.previous_question if turn.follow_up else ""
    told = fold(" ".join([*turn.previous[-1:], referred, turn.message]))
    return bool({"wia_aanvraag", "einde_wachttijd"} & set(asked)) and bool(_EARLY_IVA.search(told))


def _timelines(parsed: ParsedSickness, gap: int | None, today: date,
               language: str) -> tuple[list[Episode], Timeline, Timeline | None, str]:
    """(episodes, timeline, timeline before, note): with a gap of under 28 days the what-if
    timeline after it, compared with the one before."""
    from assistant.deadlines import compute_timeline

    episodes, note, before = list(parsed.episodes), "", None
    if gap is not None:
        before = compute_timeline(episodes, today=today, **parsed.timeline_kwargs())
        episodes = dl.shift_by_gap(episodes, gap, today)
        note = text("answer.what_if_gap", language, gap=gap)
    timeline = compute_timeline(episodes, today=today, **parsed.timeline_kwargs())
    return episodes, timeline, before, note


def _deadline_trace(result: dl.DeadlineResult, keys: list[str], episodes: list[Episode],
                    parsed: ParsedSickness) -> dict[str, Any]:
    """What the trace records of a computed answer: dates and kinds, never the message."""
    return {
        "period_start": result.period_start, "milestones": result.milestones, "keys": keys,
        "episodes": [[e.start.isoformat(), e.end.isoformat() if e.end else None]
                     for e in episodes],
        "leave": [[v.start.isoformat(), v.end.isoformat()] for v in parsed.leave],
        "assumptions": [a.kind for a in parsed.assumptions],
    }


def _asked_for_eje(turn: Turn) -> bool:
    """True when the assistant's last message asked whether the eerstejaarsevaluatie was held."""
    said = last_answer(turn.history)
    return any(text("answer.ask_eje", language, voice) in said
               for language, voice in (("nl", "u"), ("nl", "je"), ("en", "u")))
