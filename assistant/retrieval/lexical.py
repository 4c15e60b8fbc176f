"""The lexical side of the hybrid search, and a generation's chunks read from its lexical file.

Two `LexicalIndex`es give the same kind of hits: `BM25Retriever` (in memory, built from every
chunk at start-up; the default for small corpora, exactly today's answers) and
`DiskLexicalIndex` (FTS5 in the generation's SQLite file; start-up reads nothing but the
analyzer's vocabulary). `ChunkCatalog` serves documents, cards and a site's chunks from the same
file, so a snapshot never holds every chunk. See `lexical_file` for the file itself.
"""
from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Protocol

from assistant.retrieval.bm25 import Analyzer, chunk_index_text
from assistant.retrieval.lexical_file import K1, B, LexicalFile, token
from assistant.types import Chunk, Hit

MEMORY_LIMIT = 5000  # `SPOOR2_LEXICAL=auto`: up to this many chunks the index is built in memory
# The disk search scores the chunks of the query's rarest terms while their chunk counts add up
# to at most this (see `LexicalFile.match`): every term of a corpus this size and more.
POSTINGS_BUDGET = 20_000


class LexicalIndex(Protocol):
    """Ranks chunks by the query's words (stems, compound parts)."""

    name: str

    def search(self, query: str, k: int, language: str | None = None) -> list[Hit]:
        """The best `k` chunks, best first (score: higher is better)."""
        ...

    def scores(self, query: str, language: str, ids: Collection[str]) -> dict[str, float]:
        """The score of each chunk of `ids` that shares a term with the query."""
        ...


def query_terms(analyzer: Analyzer, query: str, language: str) -> list[str]:
    """The query's terms; Dutch terms too for other languages (Dutch legal words in English
    questions), as the in-memory BM25 does."""
    terms = set(analyzer.terms(query, language))
    if language != "nl":
        terms |= set(analyzer.terms(query, "nl"))
    return sorted(terms)


class ChunkCatalog:
    """A generation's chunks as one site sees them: `sites` (None: all) plus `extra` chunks."""

    def __init__(self, file: LexicalFile, sites: Collection[str] | None = None,
                 extra: Sequence[Chunk] = ()):
        self.file, self.extra = file, tuple(extra)
        self.sites = None if sites is None else sorted(set(sites))

    def view(self, sites: Collection[str], extra: Sequence[Chunk]) -> ChunkCatalog:
        """The catalog restricted to `sites`, with `extra` chunks added."""
        return ChunkCatalog(self.file, sites, extra)

    def where(self, condition: str = "", params: Sequence = ()) -> tuple[str, list]:
        """`condition` combined with this view's site filter (SQL on `chunks`)."""
        parts, values = ([condition], list(params)) if condition else ([], [])
        if self.sites is not None:
            parts.append(f"site IN ({', '.join('?' * len(self.sites))})")
            values += self.sites
        return " AND ".join(parts), values

    def chunks(self, condition: str = "", params: Sequence = ()) -> Iterator[Chunk]:
        """The chunks this view holds (matching an SQL condition on `chunks`), then the extras."""
        yield from self.file.chunks(*self.where(condition, params))
        if not condition:
            yield from self.extra

    def other_sites(self) -> list[str]:
        """The sites in the file that this view must not see (none for the whole file)."""
        if self.sites is None:
            return []
        return sorted(self.sites_present() - set(self.sites))

    def count(self) -> int:
        """Number of chunks in this view."""
        return self.file.count(*self.where()) + len(self.extra)

    def sites_present(self) -> set[str]:
        """The sites whose chunks the file holds ('' = shared)."""
        return set(self.file.sites)

    def of_kind(self, kind: str) -> list[Chunk]:
        """The chunks of one kind (e.g. "card"), extras included."""
        return [*self.file.chunks(*self.where("kind = ?", [kind])),
                *(c for c in self.extra if c.metadata.get("kind") == kind)]

    def unvetted(self) -> list[Chunk]:
        """Chunks outside the curated knowledge base (a bureau's own documents), extras included."""
        return [*self.file.chunks(*self.where("vetted = 0")), *self.extra]

    def by_id(self, ids: Collection[str]) -> dict[str, Chunk]:
        """The chunks with these ids."""
        wanted = sorted(set(ids))
        found = {c.id: c for c in self.extra if c.id in ids}
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            found |= {c.id: c for c in self.chunks(f"id IN ({', '.join('?' * len(part))})", part)}
        return found

    def document(self, doc_id: str) -> list[Chunk]:
        """A document's chunks in order of position."""
        extra = [c for c in self.extra if (c.metadata.get("doc_id") or c.id) == doc_id]
        return extra or list(self.file.chunks(*self.where("doc_id = ?", [doc_id]),
                                              order="position, rowid"))

    @property
    def by_doc(self) -> DocumentLookup:
        """Documents by id, read on demand."""
        return DocumentLookup(self)


class DocumentLookup(Mapping):
    """doc_id -> its chunks, read from the catalog on demand."""

    def __init__(self, catalog: ChunkCatalog):
        self.catalog = catalog

    def __getitem__(self, doc_id: str) -> list[Chunk]:
        chunks = self.catalog.document(doc_id)
        if not chunks:
            raise KeyError(doc_id)
        return chunks

    def __iter__(self) -> Iterator[str]:
        where, params = self.catalog.where()
        sql = "SELECT DISTINCT doc_id FROM chunks" + (f" WHERE {where}" if where else "")
        yield from (d for (d,) in self.catalog.file.execute(sql, params))
        yield from dict.fromkeys(c.metadata.get("doc_id") or c.id for c in self.catalog.extra)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class DiskLexicalIndex:
    """FTS5 bm25 over the analyzer's tokens in the generation's file (restricted to a view)."""

    name = "bm25"

    def __init__(self, catalog: ChunkCatalog, analyzer: Analyzer | None = None):
        self.catalog = catalog
        self.analyzer = analyzer or Analyzer(vocabulary=catalog.file.vocabulary())

    def view(self, catalog: ChunkCatalog) -> DiskLexicalIndex:
        """The same index restricted to another view of the file (shares the analyzer)."""
        return DiskLexicalIndex(catalog, self.analyzer)

    def search(self, query: str, k: int, language: str | None = None) -> list[Hit]:
        """The best `k` chunks by FTS5 bm25 (the view's extras scored alike)."""
        terms = query_terms(self.analyzer, query, language or "nl")
        tokens = [token(t) for t in terms]
        others = self.catalog.other_sites()
        found = self.catalog.file.match(
            tokens, k, exclude=f"site IN ({', '.join('?' * len(others))})" if others else "",
            params=others, budget=POSTINGS_BUDGET)
        if self.catalog.extra:
            found += self._extra_scores(terms, self.catalog.extra)
            found.sort(key=lambda item: -item[1])
        return [Hit(chunk, score, self.name) for chunk, score in found[:k]]

    def scores(self, query: str, language: str, ids: Collection[str]) -> dict[str, float]:
        """Scores of the chunks `ids` for the query."""
        terms = query_terms(self.analyzer, query, language)
        wanted = [i for i in ids if i not in {c.id for c in self.catalog.extra}]
        marks = ", ".join("?" * len(wanted))
        found = self.catalog.file.match([token(t) for t in terms], len(wanted),
                                        only=f"id IN ({marks})", params=wanted) if wanted else []
        extra = self._extra_scores(terms, [c for c in self.catalog.extra if c.id in ids])
        return {c.id: s for c, s in [*found, *extra]}

    def _extra_scores(self, terms: Sequence[str],
                      chunks: Sequence[Chunk]) -> list[tuple[Chunk, float]]:
        """FTS5's bm25 for chunks outside the file, with the file's statistics."""
        file = self.catalog.file
        counts = file.document_counts([token(t) for t in terms])
        n = file.chunk_count
        scored = []
        for chunk in chunks:
            chunk_terms = self.analyzer.terms(chunk_index_text(chunk),
                                              chunk.metadata.get("language") or "nl")
            norm = K1 * (1 - B + B * len(chunk_terms) / file.average_length)
            score = 0.0
            for term in terms:
                tf = chunk_terms.count(term)
                if tf:
                    df = counts.get(token(term), 0)
                    idf = max(math.log((n - df + 0.5) / (df + 0.5)), 1e-6)
                    score += idf * tf * (K1 + 1) / (tf + norm)
            if score > 0:
                scored.append((chunk, score))
        return scored
