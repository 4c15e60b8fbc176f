"""Reciprocal rank fusion of dense and BM25 hits, preferring the asker's language and audience."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.types import Hit, speaks_to

RRF_K = 60


@dataclass(frozen=True)
class FusedHit:
    """A fused hit with the per-retriever scores and ranks that produced it."""

    hit: Hit
    dense: float = 0.0
    bm25: float = 0.0
    dense_rank: int | None = None
    bm25_rank: int | None = None


def preference(hit: Hit, language: str | None, audience: str | None) -> float:
    """Weight for language and audience fit: other-language and other-audience chunks sink."""
    meta = hit.chunk.metadata
    weight = 1.0
    if language and meta.get("language") and meta["language"] != language:
        weight *= 0.35
    if not speaks_to(meta.get("audience"), audience):
        weight *= 0.8
    return weight


def fuse(
    dense: Sequence[Hit],
    lexical: Sequence[Hit],
    *,
    k: int,
    language: str | None = None,
    audience: str | None = None,
    dense_weight: float = 1.0,
    bm25_weight: float = 1.0,
    cards: Sequence[Hit] = (),
    cards_weight: float = 1.0,
) -> list[FusedHit]:
    """Reciprocal rank fusion with preferences; one entry per distinct passage, best first.

    `cards`: answer cards ranked by the card matcher; they reorder the passages the two
    retrievers found and never add one."""
    table: dict[str, dict] = {}
    for weight, name, hits in ((dense_weight, "dense", dense), (bm25_weight, "bm25", lexical),
                               (cards_weight, "cards", cards)):
        for rank, hit in enumerate(hits, start=1):
            key = hit.chunk.metadata.get("content_hash") or hit.chunk.id
            if name == "cards" and key not in table:  # reorders what the retrievers found
                continue
            entry = table.setdefault(key, {"hit": hit, "rrf": 0.0})
            if f"{name}_rank" in entry:  # same passage twice (e.g. copied file): keep the best
                continue
            entry["rrf"] += weight / (RRF_K + rank)
            entry[f"{name}_rank"] = rank
            entry[name] = hit.score
    fused = []
    for entry in table.values():
        hit: Hit = entry["hit"]
        score = entry["rrf"] * preference(hit, language, audience)
        fused.append(FusedHit(
            hit=Hit(hit.chunk, score, "hybrid"),
            dense=entry.get("dense", 0.0), bm25=entry.get("bm25", 0.0),
            dense_rank=entry.get("dense_rank"), bm25_rank=entry.get("bm25_rank"),
        ))
    fused.sort(key=lambda f: -f.hit.score)
    return fused[:k]
