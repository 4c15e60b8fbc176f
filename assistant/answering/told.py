"""A new message (not a follow-up) that only tells a situation ("Ik heb in maart zeven weken
thuisgezeten met een gebroken pols, daarna was ik weer helemaal aan het werk.") and matches no
card gets a short question back: what would you like to know? Runs after the cards, so a message
that a card answers ("Ik heb net de brief van UWV over de WIA gekregen.") still gets that card; a
passage retrieved on whatever its words matched would answer a question nobody asked."""
from __future__ import annotations

from collections.abc import Sequence
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
        if retrieval.part or turn.follow_up or len(turn.parts) > 1 or asked_back(turn.history):
            return None  # (asked once in a conversation, not again)
        if not asks_nothing(turn.message):
            return None
        return Answer(text("answer.told", turn.language, turn.voice), "clarify", turn.language,
                      confidence=1.0, trace={"path": "clarify:told"})


def asked_back(history: Sequence[dict]) -> bool:
    """True when an earlier answer of the conversation was this question back, which offered to
    compute the deadlines from the first sick day."""
    asked = {text("answer.told", language, voice)
             for language, voice in (("nl", "u"), ("nl", "je"), ("en", "u"))}
    return any(h.get("role") == "assistant" and h.get("content", "").strip() in asked
               for h in history)
