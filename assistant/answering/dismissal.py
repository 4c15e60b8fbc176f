"""Dismissal asked with a first sick day known: when the ban on dismissal ends, computed.

"Mag ik haar per 1 februari ontslaan?" two turns after "sinds dinsdag 21 januari 2025 ziek" is
answered with the end of week 104 from that day (art. 7:670 lid 1 BW: the opzegverbod covers the
first two years of illness) and whether the date asked falls before or after it, then the vetted
card on dismissal for that moment. Without a first sick day the card answerer answers as always.
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from assistant.answering.cards import card_answer
from assistant.answering.deadline_assumptions import assumption_text
from assistant.answering.planned import planned_moment
from assistant.deadlines.dates import day_count, long_date
from assistant.errors import DeadlineInputError
from assistant.text import fold
from assistant.texts import text

if TYPE_CHECKING:
    from assistant.answering.cards import CardMatch
    from assistant.retrieval.index import Retrieval
    from assistant.types import Answer
    from assistant.understanding import Turn

# Whether someone may be (or when they can be) dismissed: "mag ik haar per 1 februari ontslaan?",
# "kan mijn werkgever mij ontslaan?", "can I dismiss her in February?". Not resigning ("ontslag
# nemen") and not what follows a dismissal ("krijg ik een transitievergoeding als ...").
_ASKS = re.compile(
    r"\b(mag|mogen|kan|kunnen|wanneer|when|can|may|could)\b(?: [\w-]+){0,7} "
    r"(ontslaan|ontslagen|opzeggen|op te zeggen|dismiss|dismissed|fire|fired"
    r"|let (him|her|me) go|end (his|her|my|the) (contract|employment))\b")
# The two years count differently with pregnancy-related illness (art. 7:670 lid 1 BW), and a
# loonsanctie or voluntary extension moves the end: the card answers those without a date.
_LEADING = re.compile(r"^(in|op|per|on|by)\s+", re.IGNORECASE)  # "Per in februari" reads badly
_PREGNANCY = re.compile(r"\bzwanger\w*|\bpregnan\w*|\bbevalling\w*|\bmaternity\b")

# The card for each asker, language and moment (before or after the end of week 104).
_CARDS = {
    ("werkgever", "nl", False): "nl-faq-zieke-werknemer-ontslaan",
    ("werkgever", "nl", True): "nl-faq-ontslag-na-twee-jaar-ziekte",
    ("werkgever", "en", False): "en-faq-dismiss-sick-employee",
    ("werkgever", "en", True): "en-faq-dismiss-after-two-years",
    ("werknemer", "nl", False): "nl-faq-ontslag-tijdens-ziekte",
    ("werknemer", "nl", True): "nl-faq-ontslag-tijdens-ziekte",
    ("werknemer", "en", False): "en-faq-dismissed-while-sick",
    ("werknemer", "en", True): "en-faq-dismissed-while-sick",
}


def asks_about_dismissal(part: str) -> bool:
    """True when `part` asks whether or when someone may be dismissed."""
    return bool(_ASKS.search(fold(part)))


class DismissalAnswerer:
    """Answers a dismissal question with the computed end of the ban, when the first sick day is
    known; else passes it on."""

    name = "dismissal"

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        part = turn.parts[retrieval.part]
        said = " \n".join([*turn.previous, turn.message])
        if turn.audience is None or not asks_about_dismissal(part) or _PREGNANCY.search(fold(said)):
            return None
        moment = planned_moment(part, turn.today)
        asked = moment.first if moment is not None else None
        # the date asked about is not a sick day ("per 1 februari" is not when she fell ill)
        told = " \n".join([*turn.previous, turn.message.replace(moment.said, " ")]) \
            if moment is not None else said
        end = _end_of_ban(told, turn.today)
        if end is None:
            return None
        start, last_day, assumptions = end
        after = (asked or turn.today) > last_day
        match = retrieval.card_for_asker
        general = {card for (who, language, _), card in _CARDS.items()
                   if who == turn.audience and language == turn.language}
        if match is None or match.card.id in general or not _about_dismissal(match):
            # the card for that moment, unless the matcher's best is a card on a case of dismissal
            # (the exceptions to the ban, a temporary contract, the trial period)
            match = _card(retrieval, part, _CARDS[(turn.audience, turn.language, after)])
        if match is None:
            return None
        values = {"start": long_date(start, turn.language),
                  "end": long_date(last_day, turn.language)}
        if asked is not None:
            key = "asked_after" if after else "asked_before"
            values["asked"] = (long_date(asked, turn.language, weekday=False)
                               if moment.first == moment.last else _LEADING.sub("", moment.words))
        elif after:
            key = "over"
        else:
            key = "until"
            values["left"] = _left((last_day - turn.today).days, turn.language)
        trace = {"path": "dismissal", "card": {"id": match.card.id, "score": round(match.score, 3)},
                 "ban_ends": last_day.isoformat()}
        answer = card_answer(match, retrieval.snapshot.by_doc, turn.language, trace, turn.voice)
        lead = text(f"answer.dismissal.{key}", turn.language, **values)
        assumed = assumption_text(assumptions, start, turn.language, turn.voice)
        answer.text = "\n\n".join(filter(None, (lead, assumed, answer.text)))
        turn.notes.setdefault("cards_answered", []).append(match.card.id)
        return answer


def _end_of_ban(said: str, today: date) -> tuple[date, date, list] | None:
    """(first sick day, last day of week 104, the readings taken) of the sickness period the
    conversation tells, or None when it names no first sick day, the period is not running, a
    loonsanctie or an extension moves the end, or the first sick day is only roughly known ("al
    23 maanden ziek": the end of week 104 may be before or after today). A date without a year
    is read as the deadline answers read it, and the answer says so."""
    from assistant.deadlines import compute_timeline, parse_dates

    try:
        parsed = parse_dates(said, today)
        if parsed is None or not parsed.episodes or parsed.loonsanctie_weeks \
                or parsed.verlenging_tot or any(a.kind != "no_year" for a in parsed.assumptions):
            return None
        timeline = compute_timeline(parsed.episodes, today=today, **parsed.timeline_kwargs())
    except DeadlineInputError:
        return None
    end = timeline.get("einde_wachttijd")
    if timeline.state != "sick" or end is None:
        return None
    return timeline.period_start, end.date, parsed.assumptions


def _about_dismissal(match: CardMatch) -> bool:
    """True for a card asked as a question about dismissal (by any of its phrasings)."""
    return any(asks_about_dismissal(q) for q in match.card.questions)


def _card(retrieval: Retrieval, part: str, card_id: str) -> CardMatch | None:
    """The match of the card `card_id`, ranked on the part's own words."""
    return next((m for m in retrieval.cards_for(part) if m.card.id == card_id), None)


def _left(days: int, language: str) -> str:
    return text("answer.deadline.left_none", language) if days == 0 else text(
        "answer.deadline.left", language, count=day_count(days, language))
