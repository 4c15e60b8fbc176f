"""A visitor who asks for a person ("kan ik iemand spreken?") gets a short reply that offers an
adviser, not a retrieved passage. Runs first, on the message's first part; the web layer then
offers the handoff form (`assistant.web.handoff`)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.text import fold
from assistant.texts import text
from assistant.types import Answer

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

_SOMEONE_NL = (r"(iemand|een mens|een persoon|een medewerker|een adviseur|een consulent"
               r"|een echte? (mens|persoon)|een (re-?integratie)?adviseur|jullie adviseur"
               r"|uw adviseur|een van jullie)")
_SOMEONE_EN = (r"(someone|somebody|a (real |live )?(person|human|adviser|advisor|consultant|agent)"
               r"|an (adviser|advisor|agent)|a member of (your )?staff"
               r"|one of your (advisers|advisors|staff|people)|a real human)")
_ASKS_FOR_A_PERSON = re.compile(
    rf"\b{_SOMEONE_NL}\b.{{0,25}}\b(spreken|bellen|praten|chatten|te spreken)\b"
    rf"|\b(spreken|praten|bellen|chatten|contact( opnemen)?)\s+met\s+{_SOMEONE_NL}\b"
    r"|\bik wil (graag )?(een mens|een echte? (mens|persoon)|een adviseur)\b"
    r"|\b(doorverbonden|doorverbinden|teruggebeld|terugbellen)\b"
    r"|\b(bel|neem) (me|mij)\b.{0,20}\b(terug|op)\b"
    rf"|\b(talk|speak|chat)\s+(to|with)\s+{_SOMEONE_EN}\b"
    r"|\b(call me( back)?|contact me|get in touch with (someone|somebody|an? advis[eo]r))\b"
    r"|\b(i want|i'd like|i would like) (a (real )?(human|person)|an advis[eo]r)\b"
)


def asks_for_a_person(text: str) -> bool:
    """True when the message asks to talk to a person, not about one."""
    return bool(_ASKS_FOR_A_PERSON.search(fold(text)))


class PersonAnswerer:
    """Answers "can I talk to someone?" with an offer of an adviser (kind `handoff`)."""

    name = "person"

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        if retrieval.part or not asks_for_a_person(turn.parts[0]):
            return None
        return Answer(text("answer.person", turn.language, turn.voice), "handoff", turn.language,
                      confidence=1.0, trace={"path": "person"})
