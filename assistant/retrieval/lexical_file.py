"""One SQLite file per index generation: the chunks (text + metadata) and an FTS5 lexical index.

`<data_dir>/lexical/<generation>.sqlite` is written beside the Chroma generation (by ingest, or
once from the store when an instance finds it missing) under a temporary name and renamed when
complete, so a reader never sees half a file. It lets an instance serve without reading every
chunk: documents by id, answer cards by kind and a site's chunks come from SQL, and the lexical
search is FTS5 `bm25()` over the tokens of our own analyzer (`assistant.retrieval.bm25`), stored
space-joined, so stemming and compound splitting stay exactly as in the in-memory index.
"""
from __future__ import annotations

import json
import logging
import math
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path

from assistant.answering.claims import is_vetted
from assistant.retrieval.bm25 import Analyzer, chunk_index_text, compound_vocabulary
from assistant.text import words
from assistant.types import Chunk

log = logging.getLogger(__name__)

K1, B = 1.2, 0.75  # FTS5's bm25() constants
CANDIDATES = 100  # rows a budgeted search scores again with every token
FORMAT = 2  # 2: the `tokens` table (exact bm25 of a budgeted search's candidates)
_PLAIN = re.compile(r"[a-z0-9]+")
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE chunks(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, doc_id TEXT, kind TEXT, site TEXT,
                    vetted INTEGER, position INTEGER, text TEXT, metadata TEXT);
CREATE TABLE vocabulary(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE vetted_words(word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE tokens(rowid INTEGER PRIMARY KEY, tokens TEXT);
CREATE VIRTUAL TABLE terms USING fts5(
    tokens, content='', tokenize="unicode61 remove_diacritics 0 tokenchars '_'");
CREATE VIRTUAL TABLE term_docs USING fts5vocab(terms, 'row');
"""
_INDEXES = """
CREATE INDEX chunks_doc ON chunks(doc_id, position);
CREATE INDEX chunks_kind ON chunks(kind);
CREATE INDEX chunks_site ON chunks(site);
"""


def token(term: str) -> str:
    """An analyzer term as one FTS5 token: plain ASCII terms as they are, others hex-encoded
    (so the FTS5 tokenizer never splits or folds a term our analyzer made)."""
    return term if _PLAIN.fullmatch(term) else "_" + term.encode().hex()


def lexical_path(directory: Path, generation: str) -> Path:
    """Where generation `generation`'s lexical file lives."""
    return directory / f"{generation}.sqlite"


class LexicalFileWriter:
    """Writes one generation's file: `add()` chunks, then `finish()` (or `discard()`)."""

    def __init__(self, path: Path, generation: str):
        self.path, self.generation = path, generation
        self.partial = path.with_name(path.name + ".part")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.partial.unlink(missing_ok=True)
        self._db = sqlite3.connect(self.partial)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._vocabulary: set[str] = set()
        self._vetted: set[str] = set()

    def add(self, chunks: Iterable[Chunk]) -> None:
        """Store chunks (their tokens are computed at `finish`, once the vocabulary is known)."""
        rows = []
        for chunk in chunks:
            meta = chunk.metadata
            self._vocabulary |= compound_vocabulary(chunk_index_text(chunk))
            vetted = is_vetted(meta)
            if vetted:
                title_and_text = f"{meta.get('title', '')} {chunk.text}"
                self._vetted |= {w for w in words(title_and_text) if len(w) >= 5}
            rows.append((chunk.id, meta.get("doc_id") or chunk.id, meta.get("kind") or "",
                         str(meta.get("site") or ""), int(vetted),
                         int(meta.get("position") or 0), chunk.text,
                         json.dumps(meta, ensure_ascii=False)))
        self._db.executemany(
            "INSERT OR REPLACE INTO chunks(id, doc_id, kind, site, vetted, position, text,"
            " metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def finish(self) -> Path:
        """Index the tokens, then move the file into place atomically; returns its path."""
        analyzer = Analyzer(vocabulary=self._vocabulary)
        total = count = 0
        rows = self._db.execute("SELECT rowid, text, metadata FROM chunks").fetchall()
        batch = []
        for rowid, text, meta_json in rows:
            chunk = Chunk("", text, json.loads(meta_json))
            terms = analyzer.terms(chunk_index_text(chunk), chunk.metadata.get("language") or "nl")
            total += len(terms)
            count += 1
            batch.append((rowid, " ".join(token(t) for t in terms)))
            if len(batch) >= 1000:
                self._insert(batch)
                batch = []
        self._insert(batch)
        self._db.executemany("INSERT INTO vocabulary VALUES (?)", ((w,) for w in self._vocabulary))
        self._db.executemany("INSERT INTO vetted_words VALUES (?)", ((w,) for w in self._vetted))
        self._db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", str(FORMAT)), ("generation", self.generation), ("chunks", str(count)),
            ("average_length", str(total / count if count else 1.0)),
        ])
        self._db.executescript(_INDEXES)
        self._db.commit()
        self._db.close()
        os.replace(self.partial, self.path)
        log.info("lexical index %s: %d chunks", self.path.name, count)
        return self.path

    def _insert(self, batch: list[tuple[int, str]]) -> None:
        self._db.executemany("INSERT INTO terms(rowid, tokens) VALUES (?, ?)", batch)
        self._db.executemany("INSERT INTO tokens(rowid, tokens) VALUES (?, ?)", batch)

    def discard(self) -> None:
        """Drop the unfinished file."""
        try:
            self._db.close()
        finally:
            self.partial.unlink(missing_ok=True)


def write_lexical_file(path: Path, generation: str, pages: Iterable[Sequence[Chunk]]) -> Path:
    """Write generation `generation`'s file from pages of its chunks."""
    writer = LexicalFileWriter(path, generation)
    try:
        for page in pages:
            writer.add(page)
        return writer.finish()
    except BaseException:
        writer.discard()
        raise


def remove_lexical_files(directory: Path, keep: set[str]) -> list[str]:
    """Delete the files (finished or partial) of generations not in `keep`."""
    if not directory.is_dir():
        return []
    removed = []
    for path in directory.iterdir():
        name = path.name.removesuffix(".part").removesuffix(".sqlite")
        if path.name.endswith((".sqlite", ".sqlite.part")) and name not in keep:
            path.unlink(missing_ok=True)
            removed.append(name)
    return removed


def _chunk(row: Sequence) -> Chunk:
    return Chunk(row[0], row[1], json.loads(row[2]))


class LexicalFile:
    """Read-only access to one generation's file; safe to share between threads."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()
        self._counts: dict[str, int] = {}
        meta = dict(self.execute("SELECT key, value FROM meta").fetchall())
        self.generation = meta.get("generation", "")
        self.chunk_count = int(meta.get("chunks", 0))
        self.average_length = float(meta.get("average_length", 1.0))

    def execute(self, sql: str, params: Sequence = ()) -> sqlite3.Cursor:
        """Run a read query on this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("PRAGMA cache_size = -16384")  # 16 MB: the hot FTS pages stay
            self._local.db = db
        return db.execute(sql, params)

    @cached_property
    def sites(self) -> frozenset[str]:
        """The sites whose chunks the file holds ('' = shared); the file never changes."""
        return frozenset(s for (s,) in self.execute("SELECT DISTINCT site FROM chunks"))

    def vocabulary(self) -> set[str]:
        """The compound vocabulary the analyzer learnt from this generation's chunks."""
        return {w for (w,) in self.execute("SELECT word FROM vocabulary")}

    def vetted_words(self, candidates: Iterable[str]) -> set[str]:
        """Those of `candidates` that the curated knowledge base uses."""
        wanted = sorted(set(candidates))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            found |= {w for (w,) in self.execute(
                f"SELECT word FROM vetted_words WHERE word IN ({_marks(part)})", part)}
        return found

    def chunks(self, where: str = "", params: Sequence = (),
               order: str = "rowid") -> Iterator[Chunk]:
        """Chunks matching an SQL condition on `chunks` (all of them without one), in order."""
        sql = "SELECT id, text, metadata FROM chunks" + (f" WHERE {where}" if where else "")
        for row in self.execute(f"{sql} ORDER BY {order}", params):
            yield _chunk(row)

    def count(self, where: str = "", params: Sequence = ()) -> int:
        """Number of chunks matching an SQL condition."""
        sql = "SELECT count(*) FROM chunks" + (f" WHERE {where}" if where else "")
        return int(self.execute(sql, params).fetchone()[0])

    def match(self, tokens: Sequence[str], k: int, *, only: str = "", exclude: str = "",
              params: Sequence = (), budget: int | None = None) -> list[tuple[Chunk, float]]:
        """The best `k` chunks holding any of `tokens`, by FTS5 bm25 (higher is better).

        `only` / `exclude` are SQL conditions on `chunks` (with `params`, in that order) that
        keep or drop rows. Ranking runs on the FTS table alone; only the top `k` rows are read.
        Tokens in more than half the chunks are left out: FTS5 gives them no weight (idf
        clamped to 1e-6), they would only make every chunk a match to score.

        FTS5 scores every chunk that holds any query token, so the common words of a large
        archive, which weigh least, cost the most. With `budget`, when the tokens' chunk counts
        add up to more than `budget`, FTS5 ranks only the chunks of the rarest tokens (counts
        adding up to at most `budget`; the rarest one always), and the best `CANDIDATES` of
        those are scored again with every token (`bm25`, FTS5's formula on the stored tokens).
        """
        counts = self.document_counts(tokens)
        tokens = sorted((t for t in tokens if 0 < counts.get(t, 0) <= self.chunk_count / 2),
                        key=lambda t: (counts[t], t))
        if not tokens or k <= 0:
            return []
        rare = tokens
        if budget is not None and self.has_tokens:
            total = 0
            for kept, t in enumerate(tokens):
                total += counts[t]
                if kept and total > budget:
                    rare = tokens[:kept]
                    break
        ranked = self._rank(rare, max(k, CANDIDATES) if rare != tokens else k,
                            only, exclude, params)
        if rare != tokens:
            ranked = self._rescore([r for r, _ in ranked], tokens, counts)[:k]
        if not ranked:
            return []
        rows = {row[0]: row[1:] for row in self.execute(
            "SELECT rowid, id, text, metadata FROM chunks"
            f" WHERE rowid IN ({_marks(ranked)})", [r for r, _ in ranked])}
        return [(_chunk(rows[r]), float(score)) for r, score in ranked]

    def _rank(self, tokens: Sequence[str], k: int, only: str, exclude: str,
              params: Sequence) -> list[tuple[int, float]]:
        """(rowid, FTS5 bm25) of the best `k` rows holding any of `tokens`."""
        query = " OR ".join(f'"{t}"' for t in tokens)
        sql = "SELECT rowid, -bm25(terms) AS score FROM terms WHERE terms MATCH ?"
        if only:
            sql += f" AND rowid IN (SELECT rowid FROM chunks WHERE {only})"
        if exclude:
            sql += f" AND rowid NOT IN (SELECT rowid FROM chunks WHERE {exclude})"
        return self.execute(sql + " ORDER BY score DESC, rowid LIMIT ?",
                            [query, *params, k]).fetchall()

    def _rescore(self, rowids: Sequence[int], tokens: Sequence[str],
                 counts: dict[str, int]) -> list[tuple[int, float]]:
        """(rowid, bm25 over every token) of `rowids`, best first."""
        if not rowids:
            return []
        stored = self.execute(f"SELECT rowid, tokens FROM tokens WHERE rowid IN ({_marks(rowids)})",
                              list(rowids)).fetchall()
        scored = [(rowid, bm25(text.split(), tokens, counts, self.chunk_count,
                               self.average_length)) for rowid, text in stored]
        return sorted(scored, key=lambda item: (-item[1], item[0]))

    @cached_property
    def has_tokens(self) -> bool:
        """True when the file stores each chunk's tokens (format 2 and later)."""
        return self.execute("SELECT 1 FROM sqlite_master WHERE name = 'tokens'").fetchone() \
            is not None

    def document_counts(self, tokens: Sequence[str]) -> dict[str, int]:
        """How many chunks hold each token (for scoring chunks outside the file alike)."""
        missing = [t for t in dict.fromkeys(tokens) if t not in self._counts]
        if missing:  # fts5vocab walks a token's whole list; the file never changes: keep them
            found = dict(self.execute(
                f"SELECT term, doc FROM term_docs WHERE term IN ({_marks(missing)})", missing))
            if len(self._counts) > 200_000:
                self._counts.clear()
            self._counts.update({t: found.get(t, 0) for t in missing})
        return {t: self._counts[t] for t in tokens if self._counts[t]}


def bm25(chunk_tokens: list[str], tokens: Iterable[str], counts: dict[str, int], n: int,
         average_length: float) -> float:
    """FTS5's bm25() (as a positive score) of a chunk with `chunk_tokens` for the query
    `tokens`, given each token's chunk count, the number of chunks and their average length."""
    norm = K1 * (1 - B + B * len(chunk_tokens) / (average_length or 1.0))
    score = 0.0
    for t in tokens:
        tf = chunk_tokens.count(t)
        if tf:
            df = counts.get(t, 0)
            idf = max(math.log((n - df + 0.5) / (df + 0.5)), 1e-6)
            score += idf * tf * (K1 + 1) / (tf + norm)
    return score


def _marks(values: Sequence) -> str:
    return ", ".join("?" * len(values))
