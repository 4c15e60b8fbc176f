"""Reciprocal rank fusion on its own: agreement wins, duplicates merge, other languages sink."""
from __future__ import annotations

from assistant.retrieval.hybrid import RRF_K, fuse, preference
from assistant.types import Chunk, Hit


def _hit(cid: str, score: float = 1.0, language: str = "nl", audience: str = "beide",
         content_hash: str | None = None) -> Hit:
    meta = {"language": language, "audience": audience}
    if content_hash:
        meta["content_hash"] = content_hash
    return Hit(Chunk(cid, f"text {cid}", meta), score)


def test_a_passage_both_retrievers_rank_beats_one_ranked_first_by_only_one():
    dense = [_hit("only-dense"), _hit("both")]
    lexical = [_hit("only-bm25"), _hit("both")]
    fused = fuse(dense, lexical, k=3)
    assert fused[0].hit.chunk.id == "both"
    assert fused[0].dense_rank == 2 and fused[0].bm25_rank == 2
    assert abs(fused[0].hit.score - 2 / (RRF_K + 2)) < 1e-12


def test_the_same_passage_twice_counts_once():
    dense = [_hit("a", content_hash="h"), _hit("a-copy", content_hash="h"), _hit("b")]
    fused = fuse(dense, [], k=5)
    assert [f.hit.chunk.id for f in fused] == ["a", "b"]


def test_other_language_passages_sink_below_the_askers_language():
    dense = [_hit("english", language="en"), _hit("dutch")]
    fused = fuse(dense, [], k=2, language="nl")
    assert [f.hit.chunk.id for f in fused] == ["dutch", "english"]


def test_audience_is_a_softer_preference_than_language():
    assert preference(_hit("x", audience="werknemer"), "nl", "werkgever") == 0.8
    assert preference(_hit("x", language="en"), "nl", None) == 0.35
    assert preference(_hit("x", audience="beide"), "nl", "werkgever") == 1.0


def test_weights_shift_the_balance_and_k_cuts_the_list():
    dense, lexical = [_hit("d")], [_hit("l")]
    assert fuse(dense, lexical, k=2, bm25_weight=2.0)[0].hit.chunk.id == "l"
    assert fuse(dense, lexical, k=2, dense_weight=2.0)[0].hit.chunk.id == "d"
    assert len(fuse(dense, lexical, k=1)) == 1


def test_the_card_the_matcher_is_sure_of_lifts_its_passage_but_adds_none():
    """A card's chunk embeds its phrasings and answer together, so the dense retriever can rank an
    article above it; the card matcher's choice is the third voice that lifts it."""
    dense = [_hit("article"), _hit("card")]
    lexical = [_hit("article"), _hit("card")]
    assert fuse(dense, lexical, k=2)[0].hit.chunk.id == "article"
    assert fuse(dense, lexical, k=2, cards=[_hit("card")])[0].hit.chunk.id == "card"
    unweighted = fuse(dense, lexical, k=2, cards=[_hit("card")], cards_weight=0.0)
    assert unweighted[0].hit.chunk.id == "article"
    found_by_neither = fuse(dense, lexical, k=5, cards=[_hit("other-card")])
    assert [f.hit.chunk.id for f in found_by_neither] == ["article", "card"]
