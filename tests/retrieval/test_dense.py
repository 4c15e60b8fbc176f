"""Dense retrieval reads chunk texts from the snapshot's lexical file, not from Chroma."""
from __future__ import annotations

from assistant.retrieval.dense import DenseRetriever

QUESTIONS = ["Wanneer moet spoor 2 starten?", "Wie betaalt het re-integratiebureau?",
             "What happens if the employee refuses to cooperate?"]


def _seen(hits):
    return [(h.chunk.id, h.chunk.text, h.chunk.metadata, round(h.score, 6)) for h in hits]


def test_hits_read_from_the_lexical_file_equal_the_stores_own_hits(kb_assistant, embedder):
    snapshot = kb_assistant.snapshot
    assert snapshot.dense.chunks is not None
    for question in QUESTIONS:
        vector = embedder.embed_query(question)
        hits = snapshot.dense.search(question, 25, embedding=vector)
        stored = kb_assistant.store.query(vector, 25, None, snapshot.generation)
        assert len(hits) == 25
        assert _seen(hits) == _seen(stored)


def test_a_chunk_missing_from_the_lookup_falls_back_to_the_store(kb_assistant, embedder):
    snapshot = kb_assistant.snapshot
    partial = DenseRetriever(embedder, kb_assistant.store, generation=snapshot.generation,
                             chunks=lambda ids: {})  # a lookup that knows nothing
    vector = embedder.embed_query(QUESTIONS[0])
    hits = partial.search(QUESTIONS[0], 5, embedding=vector)
    assert _seen(hits) == _seen(kb_assistant.store.query(vector, 5, None, snapshot.generation))
    assert all(h.chunk.text for h in hits)
