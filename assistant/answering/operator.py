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

_OPERATOR = re.compile(
    r"\bjullie\b|\bbij u\b|\buw (bureau|organisatie|bedrijf|diensten|tarieven|prijzen|pakketten|aanpak|werkwijze)"
    r"|\bwat (rekent|vraagt) u\b|\bhoe werkt u\b|\bbieden jullie|\byour (agency|company|bureau|firm|services|prices"
    r"|rates|fees|packages|approach)\b|\byou (offer|charge|provide)\b|\bdo you (offer|provide|charge|have)\b"
)


@lru_cache(maxsize=8)
def _names(snapshot: Snapshot) -> frozenset[str]:
    """Words of ingested documents' titles that the knowledge base never uses: bureau names."""
    vetted = {w for c in snapshot.chunks if is_vetted(c.metadata) for w in words(f"{c.metadata.get('title', '')} {c.text}")}
    names = set()
    for chunk in snapshot.chunks:
        if not is_vetted(chunk.metadata):
            title = f"{chunk.metadata.get('title', '')} {chunk.metadata.get('source', '').rsplit('/', 1)[-1]}"
            names |= {w for w in words(title.replace("-", " ").replace("_", " ")) if len(w) >= 5 and w not in vetted}
    return frozenset(names)


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
        documents = [f.hit.chunk for f in retrieval.all_fused if not is_vetted(f.hit.chunk.metadata)]
        if named:
            documents = [c for c in documents if _named(" ".join(named), c.metadata)] or documents
        if not documents:
            return None
        text, citations = self.extractive.compose(retrieval.query, documents[:3], turn.language)
        if not text:
            return None
        return Answer(text, "extractive", turn.language, citations, confidence(retrieval),
                      {"path": "operator", "named": sorted(named)})
