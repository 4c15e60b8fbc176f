"""Questions about the operator's own documents: a bureau's services, phases, prices, way of working.

Asked as "bij jullie" / "your prices" (from the widget on the bureau's site) or naming the bureau,
they are answered from the documents the bureau ingested, not from a generic card.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.answering.claims import is_vetted
from assistant.answering.extractive import ExtractiveAnswerer
from assistant.answering.refusals import confidence
from assistant.text import fold, words
from assistant.types import Answer

if TYPE_CHECKING:
    from assistant.retrieval.index import Retrieval, Snapshot
    from assistant.understanding import Turn

_PRICE_QUESTION = re.compile(r"\bkost|\bprijs|\bprijzen|\btarie|\bpakket|\bbetaa?l|\bcost|\bprice|\bcharge|\bfee|\brate|\bpackage|\bpay")
_AMOUNT = re.compile(r"(€|\beur\b|\beuro)\s?\d", re.I)
_OPERATOR = re.compile(
    r"\bjullie\b|\bbij u\b|\buw (bureau|organisatie|bedrijf|diensten|tarieven|prijzen|pakketten|aanpak|werkwijze)"
    r"|\bwat (rekent|vraagt) u\b|\bhoe werkt u\b|\bbieden jullie|\byour (agency|company|bureau|firm|services|prices"
    r"|rates|fees|packages|approach)\b|\byou (offer|charge|provide)\b|\bdo you (offer|provide|charge|have)\b"
)


@lru_cache(maxsize=8)
def _names(snapshot: Snapshot) -> frozenset[str]:
    """Words of ingested documents' titles that the knowledge base never uses: bureau names."""
    names = set()
    for chunk in snapshot.catalog.unvetted():
        title = f"{chunk.metadata.get('title', '')} {chunk.metadata.get('source', '').rsplit('/', 1)[-1]}"
        names |= {w for w in words(title.replace("-", " ").replace("_", " ")) if len(w) >= 5}
    return frozenset(names - snapshot.catalog.file.vetted_words(names))


def _named(text: str, chunk_meta: dict) -> bool:
    title = fold(f"{chunk_meta.get('title', '')} {chunk_meta.get('source', '')}")
    return any(w in title for w in words(text) if len(w) >= 5)


class OperatorAnswerer:
    """Answers questions about the bureau from its own ingested documents."""

    name = "operator"

    def __init__(self, extractive: ExtractiveAnswerer):
        self.extractive = extractive

    def answer(self, turn: Turn, retrieval: Retrieval) -> Answer | None:
        named = set(words(turn.message)) & _names(retrieval.snapshot)
        if not named and not _OPERATOR.search(fold(turn.message)):
            return None
        documents = self._rank(retrieval, named)
        if not documents:
            return None
        text, citations = self.extractive.compose(retrieval.query, documents[:3], turn.language)
        if not text:
            return None
        return Answer(text, "extractive", turn.language, citations, confidence(retrieval),
                      {"path": "operator", "named": sorted(named)})

    @staticmethod
    def _rank(retrieval: Retrieval, named: set[str]):
        """The bureau's passages for the question: lexical match, dense rank, and for a question
        about money, the passages that state amounts."""
        snapshot = retrieval.snapshot
        chunks = snapshot.catalog.unvetted()
        lexical = snapshot.lexical.scores(retrieval.query, retrieval.language or "nl",
                                          {c.id for c in chunks})
        dense = {f.hit.chunk.id: 1 / (rank + 1) for rank, f in enumerate(retrieval.all_fused)}
        money = bool(_PRICE_QUESTION.search(fold(retrieval.query)))
        scored = []
        for i, chunk in enumerate(chunks):
            if is_vetted(chunk.metadata) or (named and not _named(" ".join(named), chunk.metadata)):
                continue
            score = lexical.get(chunk.id, 0.0) + 5 * dense.get(chunk.id, 0.0)
            if money:  # a price table before a paragraph that names one price in passing
                score += 5 * min(len(_AMOUNT.findall(chunk.text)), 4)
            if score > 0:
                scored.append((score, i, chunk))
        return [chunk for _, _, chunk in sorted(scored, key=lambda t: (-t[0], t[1]))]
