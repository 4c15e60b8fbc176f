"""Lexical retrieval: BM25 with Dutch/English stemming, stopwords and compound splitting."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from assistant.text import Decompounder, base_terms, stem, words
from assistant.types import Chunk, Hit


def compound_vocabulary(text: str) -> set[str]:
    """The words of `text` that the compound splitter may use as parts."""
    return {w.replace("-", "") for w in words(text) if len(w) >= 4}


class Analyzer:
    """Turns text into index terms; learns a compound vocabulary from the corpus."""

    def __init__(self, corpus: Sequence[str] = (), vocabulary: set[str] | None = None):
        vocab = set(vocabulary or ())
        for text in corpus:
            vocab |= compound_vocabulary(text)
        self.decompounder = Decompounder(vocab)

    def terms(self, text: str, language: str) -> list[str]:
        """Index terms for `text`: stems of words, word parts and compound parts."""
        terms = base_terms(text, language)
        if language == "nl":
            for word in words(text):
                joined = word.replace("-", "").replace("'", "")
                if len(joined) >= 9:
                    terms.extend(stem(p, "nl") for p in self.decompounder.split(joined))
        return terms


def chunk_index_text(chunk: Chunk) -> str:
    """What BM25 sees of a chunk: title and section (twice: they name the topic), questions, text."""
    meta = chunk.metadata
    head = f"{meta.get('title', '')} {meta.get('section', '')}"
    return f"{head} {head} {meta.get('questions', '')} {chunk.text}"


K1, B = 1.2, 0.75  # Okapi BM25's term-frequency saturation and length normalisation


def idf(chunks: int, holding: int) -> float:
    """BM25's inverse document frequency of a term that `holding` of `chunks` chunks hold."""
    return math.log(1 + (chunks - holding + 0.5) / (holding + 0.5))


class BM25Retriever:
    """Okapi BM25 over all chunks, kept in memory (the corpus is small)."""

    name = "bm25"

    def __init__(self, chunks: Sequence[Chunk], k1: float = K1, b: float = B):
        texts = [chunk_index_text(c) for c in chunks]
        self.analyzer = Analyzer(texts)
        self.chunks = list(chunks)
        self.k1, self.b = k1, b
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self.lengths: list[int] = []
        for i, (chunk, text) in enumerate(zip(self.chunks, texts)):
            counts = Counter(self.analyzer.terms(text, chunk.metadata.get("language") or "nl"))
            self.lengths.append(sum(counts.values()))
            for term, tf in counts.items():
                self.postings[term].append((i, tf))
        n = max(len(self.chunks), 1)
        self.avg_len = (sum(self.lengths) / n) or 1.0
        self.idf = {t: idf(n, len(p)) for t, p in self.postings.items()}

    def scores(self, query: str, language: str = "nl",
               ids: Collection[str] | None = None) -> dict[str, float]:
        """BM25 score per chunk id for the query (only chunks sharing a term; of `ids` if given)."""
        return {self.chunks[i].id: s for i, s in self._scores(query, language).items()
                if ids is None or self.chunks[i].id in ids}

    def _scores(self, query: str, language: str) -> dict[int, float]:
        """BM25 score per chunk index for the query (only chunks sharing a term)."""
        terms = set(self.analyzer.terms(query, language))
        if language != "nl":  # Dutch legal terms appear in English questions too
            terms |= set(self.analyzer.terms(query, "nl"))
        scores: dict[int, float] = defaultdict(float)
        for term in terms:
            weight = self.idf.get(term)
            if weight is None:
                continue
            for i, tf in self.postings[term]:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg_len)
                scores[i] += weight * tf * (self.k1 + 1) / (tf + norm)
        return scores

    def search(self, query: str, k: int, language: str | None = None) -> list[Hit]:
        """The best `k` chunks by BM25."""
        scores = self._scores(query, language or "nl")
        best = sorted(scores.items(), key=lambda item: -item[1])[:k]
        return [Hit(self.chunks[i], score, self.name) for i, score in best]
