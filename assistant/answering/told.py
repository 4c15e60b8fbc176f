"""A new message (not a follow-up) that only tells a situation ("Ik heb in maart zeven weken
thuisgezeten met een gebroken pols, daarna was ik weer helemaal aan het werk.") and matches no
card gets a short question back: what would you like to know? Runs after the cards, so a message
that a card answers ("Ik heb net de brief van UWV over de WIA gekregen.") still gets that card; a
passage retrieved on whatever its words matched would answer a question nobody asked."""
from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.texts import text
from assistant.types import Answer
from assistant.understanding import asks_nothing

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn


class ToldAnswerer:
    """Asks what the user wants to know when a new message asks nothing (kind `clarify`)."""

    name = "told"

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        if retrieval.part or turn.follow_up or len(turn.parts) > 1:
            return None
        if not asks_nothing(turn.message):
            return None
        return Answer(text("answer.told", turn.language, turn.voice), "clarify", turn.language,
                      confidence=1.0, trace={"path": "clarify:told"})
