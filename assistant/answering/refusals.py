"""The polite ends of the pipeline: declining out-of-scope messages, and "I don't know"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answering.base import Thresholds
from assistant.answering.scope import Scope, ScopeGuard, names_another_topic
from assistant.embedders import Embedder
from assistant.text import fold
from assistant.texts import text
from assistant.types import Answer
from assistant.understanding import POINTS_AT_AN_ANSWER, is_question, sentences

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

# A message this close (cosine) to one of the cards' phrasings asks what that card answers: the
# phrasings are in-scope questions written as users ask them ("42e weeksmelding", "rol arboarts",
# "PvA week 8"), which the classifier declined as small talk or off topic. Chosen above every
# out-of-scope message of the training and stress sets (at most 0.968, a request to fetch someone's
# medical file); the held-out set's closest is 0.929.
NEAR_PHRASING = 0.98
# A message the classifier took for small talk that asks something a card answers this well
# (its score at least this many times the card threshold) is that card's question: "mag ik op
# vakantie?", "ik heb burnout, wat nu?" got a greeting. Chosen above every small-talk message of
# the training set (the closest, "hallo, ik heb een vraag", scores 1.02 times the threshold).
SMALL_TALK_CARD = 1.05
_WHAT_NOW = re.compile(r"\b(wat nu|what now)\W*$")  # "ik heb burnout wat nu": a question without its mark


# A message the classifier declines with a refusal probability (all refusal labels together) below
# this is answered when the knowledge base matches it strongly (see `ScopeAnswerer`).
SURE_DECLINE = 0.85
# ... and a follow-up in a conversation below this: "ok en moet ik hem eerst waarschuwen of kan ik
# het deze maand gewoon al inhouden" (0.94, read as a request for a document) followed a question
# about suspending pay; every out-of-scope follow-up of the dev and probe sets scores 0.999 or more.
FOLLOW_UP_SURE_DECLINE = 0.97


class ScopeAnswerer:
    """Declines injections, medical advice, other legal areas, requests for someone's data or for
    documents, and other topics; answers greetings. Runs once per message (on its first part).

    The classifier's doubt is settled by the knowledge base: a message it declines with a refusal
    probability (all refusal labels together) below `sure`, just above the cross-validated
    threshold, is answered when it matches a card or passage strongly.
    """

    name = "scope"

    def __init__(self, guard: ScopeGuard, embedder: Embedder, thresholds: Thresholds,
                 sure: float = SURE_DECLINE):
        self.guard, self.embedder, self.thresholds, self.sure = guard, embedder, thresholds, sure

    def embeds(self, turn: Turn) -> list[str]:
        """The texts `verdict` will likely encode."""
        return [] if "scope" in turn.notes else self.guard.embeds(turn.message, _previous(turn))

    def verdict(self, turn: Turn) -> Scope:
        """The guard's verdict on the whole message (kept in `turn.notes["scope"]`)."""
        if "scope" not in turn.notes:
            # The guard reads a story both whole and as what it asks (its question sentences).
            turn.notes["scope"] = self.guard.classify(turn.message, self.embedder.embed_query, _previous(turn),
                                                      in_conversation=bool(turn.previous))
        return turn.notes["scope"]

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        if retrieval.part:
            return None
        scope = self.verdict(turn)
        if not scope.declined:
            return None
        sure = max(self.sure, FOLLOW_UP_SURE_DECLINE) if turn.follow_up else self.sure
        if scope.rule.startswith("model") and (
                (scope.refusal < sure and self._answerable(retrieval)) or _asks_a_card(retrieval)
                or (_asks_about_our_answer(turn) and self._answerable(retrieval))
                or (scope.label == "chitchat" and self._asks_what_a_card_answers(turn, retrieval))):
            turn.notes["scope"] = Scope("in_scope", 1 - scope.refusal, "model+knowledge")
            return None
        trace = {"scope": scope.label, "scope_probability": round(scope.probability, 3),
                 "scope_rule": scope.rule, "path": f"refusal:{scope.label}"}
        return Answer(text(f"answer.{scope.refusal_key(turn.message)}", turn.language, turn.voice), "refusal", turn.language,
                      confidence=scope.probability, trace=trace)

    def _asks_what_a_card_answers(self, turn: Turn, retrieval: Retrieval) -> bool:
        """True when the message asks something and a card matches it well above the threshold."""
        card = retrieval.card
        asks = any(is_question(s) for s in sentences(turn.message)) or bool(_WHAT_NOW.search(fold(turn.message)))
        return card is not None and asks and retrieval.confidence(card) >= SMALL_TALK_CARD * self.thresholds.card

    def _answerable(self, retrieval: Retrieval) -> bool:
        card = retrieval.card
        return (card is not None and retrieval.confidence(card) >= self.thresholds.card) or \
            retrieval.top_dense >= self.thresholds.unknown_dense


def _asks_about_our_answer(turn: Turn) -> bool:
    """True for a follow-up about what an earlier answer said ("wat je eerst zei over evalueren
    van dat plan, hoe vaak moet dat?"), naming no topic we decline: the classifier read the
    pointer and the chat around it ("mijn voorganger deed het 1x in de 3 maanden") as a request
    for a document; what it asks about is ours."""
    return turn.follow_up and bool(POINTS_AT_AN_ANSWER.search(turn.message)) \
        and not names_another_topic(turn.message)


def _previous(turn: Turn) -> str:
    """The question a follow-up points back to ("" for a new question)."""
    return turn.previous_question if turn.follow_up else ""


def _asks_a_card(retrieval: Retrieval) -> bool:
    """True when the message is (nearly) one of the cards' own phrasings."""
    return max((m.dense for m in retrieval.cards[:3]), default=0.0) >= NEAR_PHRASING


class DontKnowAnswerer:
    """The last answerer: an honest "I don't know" that points to the experts, or, when retrieval
    finds nothing near a message the scope guard was unsure about, a polite out-of-scope reply."""

    name = "dont_know"

    def __init__(self, thresholds: Thresholds):
        self.thresholds = thresholds

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        t = self.thresholds
        weak = retrieval.top_dense < t.unknown_dense and retrieval.top_bm25 < t.unknown_bm25
        scope: Scope | None = turn.notes.get("scope")
        if weak and not retrieval.part and scope is not None and scope.probability < 0.6:
            return Answer(text("answer.out_of_scope", turn.language, turn.voice), "refusal", turn.language,
                          confidence=0.6, trace={"path": "refusal:out_of_scope"})
        return Answer(text("answer.dont_know", turn.language, turn.voice), "refusal", turn.language,
                      confidence=confidence(retrieval), trace={"path": "dont_know"})


def confidence(retrieval: Retrieval) -> float:
    """A rough 0..1 confidence from the strongest dense and BM25 scores."""
    return round(min(1.0, max(retrieval.top_dense, retrieval.top_bm25 / 20)), 3)


def strong_enough(retrieval: Retrieval, thresholds: Thresholds) -> bool:
    """True when retrieval found something close enough to answer from."""
    return bool(retrieval.fused) and (
        retrieval.top_dense >= thresholds.answer_dense or retrieval.top_bm25 >= thresholds.answer_bm25)
