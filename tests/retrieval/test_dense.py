"""The dense search reads its hits' chunks from the generation's lexical file."""
from __future__ import annotations

import pytest

from assistant.retrieval.dense import DenseRetriever
from assistant.retrieval.index import Snapshot
from assistant.store import ChromaStore


def test_dense_hits_from_the_lexical_file_are_the_stores_own(kb_settings, embedder):
    store = ChromaStore.open(kb_settings)
    snapshot = Snapshot.load(store, embedder, kb_settings.data_dir / "cache", lexical="disk")
    from_store = DenseRetriever(embedder, store, generation=store.generation)
    for question in ("Wanneer moet het tweede spoor starten?", "Who pays my wages when I am sick?",
                     "Wat kost een loonsanctie de werkgever?"):
        from_file = snapshot.dense.search(question, 10)
        expected = from_store.search(question, 10)
        assert len(from_file) == 10
        assert [(h.chunk.id, h.chunk.text, h.chunk.metadata) for h in from_file] == \
            [(h.chunk.id, h.chunk.text, h.chunk.metadata) for h in expected]
        assert [h.score for h in from_file] == pytest.approx([h.score for h in expected])


class _KnowsNothing:
    def by_id(self, ids):
        return {}


def test_a_chunk_missing_from_the_lexical_file_is_read_from_the_store(kb_settings, embedder):
    store = ChromaStore.open(kb_settings)
    partial = DenseRetriever(embedder, store, generation=store.generation, chunks=_KnowsNothing())
    from_store = DenseRetriever(embedder, store, generation=store.generation)
    question = "Wanneer moet spoor 2 starten?"
    hits = partial.search(question, 5)
    assert [h.chunk.id for h in hits] == [h.chunk.id for h in from_store.search(question, 5)]
    assert all(h.chunk.text for h in hits)
