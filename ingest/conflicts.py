"""Passages of ingested documents that state a known-wrong legal claim (reported at ingest)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from assistant.answering.claims import contradicted, is_vetted
from assistant.answering.extractive import sentences
from assistant.types import Chunk


def conflicts(chunks: Sequence[Chunk]) -> Iterator[tuple[str, str, str]]:
    """(claim id, sentence, the vetted truth) for each wrong claim in documents outside the
    curated knowledge base (the knowledge base itself is guarded by its consistency tests)."""
    seen: set[str] = set()
    for chunk in chunks:
        if is_vetted(chunk.metadata):
            continue
        language = chunk.metadata.get("language") or "nl"
        for sentence in sentences(chunk.text):
            claim = contradicted(sentence)
            if claim is not None and sentence not in seen:
                seen.add(sentence)
                yield claim.id, sentence, claim.truth(language)
