"""The lexical search runs beside the query encoder, and the hits are the same as one after the
other."""
from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from assistant.retrieval import index
from assistant.retrieval.index import Retrieval

QUESTIONS = [
    ("Wanneer moet het re-integratieverslag klaar zijn?", "nl"),
    ("Wie betaalt het re-integratiebureau bij spoor 2?", "nl"),
    ("What happens in week 42 of sick leave?", "en"),
]


class RecordingLexical:
    """The real lexical index, noting on which thread and when each search ran."""

    def __init__(self, inner):
        self.inner, self.name, self.calls = inner, inner.name, []

    def search(self, query, k, language=None):
        started = time.perf_counter()
        hits = self.inner.search(query, k, language)
        self.calls.append((threading.get_ident(), started, time.perf_counter()))
        return hits

    def scores(self, query, language, ids):
        return self.inner.scores(query, language, ids)


class RecordingEmbedder:
    """The real embedder, noting when each query encoding ran."""

    def __init__(self, inner):
        self.inner, self.name, self.calls = inner, inner.name, []

    def embed_query(self, text):
        started = time.perf_counter()
        vector = self.inner.embed_query(text)
        self.calls.append((started, time.perf_counter()))
        return vector

    def __getattr__(self, name):
        return getattr(self.inner, name)


@pytest.fixture
def overlap():
    default = index.OVERLAP
    yield
    index.OVERLAP = default


def _run(assistant, question, language):
    lexical = RecordingLexical(assistant.snapshot.lexical)
    embedder = RecordingEmbedder(assistant.embedder)
    snapshot = dataclasses.replace(assistant.snapshot, lexical=lexical)
    cache = getattr(assistant.embedder, "_cache", None)
    if cache is not None:
        cache.clear()  # a new question: the encoder runs
    retrieval = Retrieval(snapshot, embedder, question, language, None)
    card = retrieval.card  # what the card answerer asks first: the vector, then the ranks
    fused = [(f.hit.chunk.id, round(f.hit.score, 9)) for f in retrieval.all_fused]
    return card and card.card.id, fused, lexical.calls, embedder.calls


def test_lexical_search_overlaps_the_encoder_with_identical_hits(kb_assistant, overlap):
    # by default the lexical search runs after the encoder, on the answer's own thread (running
    # them at once measured no faster on 2 CPUs, with FTS5 slower; README, Performance)
    _, _, lexical, _ = _run(kb_assistant, *QUESTIONS[0])
    assert index.OVERLAP is False and lexical[0][0] == threading.get_ident()
    for question, language in QUESTIONS:
        index.OVERLAP = False
        card_seq, fused_seq, lexical_seq, _ = _run(kb_assistant, question, language)
        index.OVERLAP = True
        card, fused, lexical, encoded = _run(kb_assistant, question, language)
        assert (card, fused) == (card_seq, fused_seq) and fused
        assert lexical_seq[0][0] == threading.get_ident()  # after the encoder, on this thread
        (thread, lexical_start, _), (_, encode_end) = lexical[0], encoded[0]
        assert thread != threading.get_ident() and lexical_start < encode_end  # beside it
        assert len(lexical) == 1  # searched once for the card match and the passages
