"""The lexical side of the hybrid search in PostgreSQL full-text search (SPOOR2_DATABASE_URL).

One table holds every generation's chunks (id, language, site and the text BM25 sees) with two
generated `tsvector` columns, one per text search configuration (`dutch`, `english`), each with a
GIN index. A generation is filled in one transaction together with its row in
`lexical_generations`, before the store's pointer names it (ingest), or once by the first instance
that serves a generation without it (an index made before PostgreSQL was configured); so a
reader sees a generation whole or not at all, and an interrupted fill leaves nothing behind.

A query is `plainto_tsquery` of the question with its terms OR-ed; a question that is not Dutch
is also searched with the Dutch configuration (Dutch legal words in English questions), as the
in-memory BM25 does. The best `POOL` matches by `ts_rank` (term frequency, length-normalised)
are scored with Okapi BM25 (the in-memory index's k1 and b), each term weighed by its idf in the
generation (`lexical_terms`): `ts_rank` alone weighs every word alike, so a chunk repeating
"spoor" outranked the one chunk about the loonsanctie asked for, and one card's wording could move
the ranking of the whole development set. The pool was picked by `ts_rank_cd` (cover density)
until 2026-12-02: for an English question, whose Dutch-configuration query holds every word
("i", "will", "be"), its covers cost about 50 us a row, twice `ts_rank`, and with BM25 ranking
the pool the recall is about the same (README, "Lexical search in PostgreSQL"). Only ids and
scores come from PostgreSQL: the chunks themselves are read from the generation's lexical file
(`catalog`).

`ts_rank` reads the `tsvector` of every matching row, so in a large archive the common words
cost the most. As the FTS5 search does, a query whose terms are in more than `BUDGET` chunks
together ranks only the chunks that hold its rarest terms (their chunk counts adding up to at
most `BUDGET`; counted per generation at fill time in `lexical_terms`), still scored with every
term; terms in more than half the chunks are not searched for. When even the rarest term is in
more than `BUDGET` chunks, only the chunks holding it together with its configuration's next
rarest term are ranked. A generation of at most `BUDGET` chunks (the knowledge base alone) is
always ranked whole. Ranking costs 5-15 us per row at 50,000 chunks (more for a question of
many words): `BUDGET` 1,000 keeps a query's search under about 50 ms (README, "Growth").
"""
from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence
from typing import Any

from assistant.database import PostgresPools
from assistant.errors import DatabaseUnavailableError
from assistant.retrieval.bm25 import K1, B, chunk_index_text, idf
from assistant.retrieval.lexical import ChunkCatalog
from assistant.types import Chunk, Hit

log = logging.getLogger(__name__)

NORMALIZATION = 1  # ts_rank: divide by 1 + log(document length)
BUDGET = 1000  # rows a query may rank before it keeps to its rarest terms
POOL = 100  # rows ts_rank picks for BM25 to score
_FILL_LOCK = 0x5B003  # pg_advisory_xact_lock(key, hashtext(generation)): one filler at a time
_SCHEMA = """
CREATE TABLE IF NOT EXISTS lexical_generations(
    generation TEXT PRIMARY KEY, chunk_count INTEGER NOT NULL,
    filled_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS lexical_chunks(
    generation TEXT NOT NULL, id TEXT NOT NULL, language TEXT NOT NULL, site TEXT NOT NULL,
    text TEXT NOT NULL,
    nl tsvector GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, text)) STORED,
    en tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED,
    PRIMARY KEY (generation, id));
CREATE INDEX IF NOT EXISTS lexical_chunks_nl ON lexical_chunks USING gin(nl);
CREATE INDEX IF NOT EXISTS lexical_chunks_en ON lexical_chunks USING gin(en);
CREATE TABLE IF NOT EXISTS lexical_terms(
    generation TEXT NOT NULL, config TEXT NOT NULL, lexeme TEXT NOT NULL, docs INTEGER NOT NULL,
    PRIMARY KEY (generation, config, lexeme));
"""
_COUNT_TERMS = """
INSERT INTO lexical_terms(generation, config, lexeme, docs)
SELECT %(g)s, {name}, word, ndoc FROM ts_stat(
    format('SELECT {column} FROM lexical_chunks WHERE generation = %%L', %(g)s::text))
"""
_QUERY_TERMS = """
SELECT t.config, t.lexeme, coalesce(d.docs, 0) FROM (
    SELECT 'nl' AS config, lexeme FROM unnest(to_tsvector('dutch'::regconfig, %(q)s))
    UNION SELECT 'en', lexeme FROM unnest(to_tsvector('english'::regconfig, %(q)s)) WHERE %(en)s
) t LEFT JOIN lexical_terms d ON d.generation = %(g)s AND d.config = t.config
                                 AND d.lexeme = t.lexeme
"""
# the question's terms OR-ed: plainto_tsquery ANDs them ('a' & 'b'), its text form is rewritten
_QUERY = """replace(plainto_tsquery('{config}', %(q)s)::text, ' & ', ' | ')::tsquery"""
_PRESELECT = f"""ts_rank(nl, nlq, {NORMALIZATION})
               + CASE WHEN %(en)s THEN ts_rank(en, enq, {NORMALIZATION}) ELSE 0 END"""
# Okapi BM25 of rows (id, nl, en) with the query's terms (config, lexeme, idf): a term's count in
# a row is the number of its positions, a row's length its number of distinct lexemes (so the
# average length is the sum of `lexical_terms.docs` over the chunks). Only the query's lexemes
# are unnested (marked with weight A and filtered: `unnest` of a whole tsvector costs about 0.5 ms
# a row at 50,000 chunks, which put 100 ms on the search's p95).
_TERMS = """terms AS (SELECT * FROM unnest(%(configs)s::text[], %(lexemes)s::text[],
                                      %(idfs)s::float8[]) AS t(config, lexeme, idf))"""
_BM25 = f"""
SELECT r.id, sum(terms.idf * w.tf * {K1 + 1} / (w.tf + {K1} * (1 - {B} + {B} * w.length
               / CASE w.config WHEN 'nl' THEN %(nl_avg)s ELSE %(en_avg)s END))) AS score
FROM {{rows}} r CROSS JOIN LATERAL (
    SELECT 'nl' AS config, u.lexeme, cardinality(u.positions) AS tf, length(r.nl) AS length
    FROM unnest(ts_filter(setweight(r.nl, 'A', %(nl_lexemes)s::text[]), %(marked)s)) u
    UNION ALL
    SELECT 'en', u.lexeme, cardinality(u.positions), length(r.en)
    FROM unnest(ts_filter(setweight(r.en, 'A', %(en_lexemes)s::text[]), %(marked)s)) u
    WHERE %(en)s
) w JOIN terms ON terms.config = w.config AND terms.lexeme = w.lexeme
GROUP BY r.id"""
_RANK = f"""
WITH q AS (SELECT {_QUERY.format(config='dutch')} AS nlq, {_QUERY.format(config='english')} AS enq),
{_TERMS},
pool AS MATERIALIZED (
    SELECT id, nl, en FROM lexical_chunks, q WHERE {{generation}} AND {{match}} {{filter}}
    ORDER BY {_PRESELECT} DESC, id LIMIT %(pool)s)
{_BM25.format(rows="pool")}
ORDER BY score DESC, r.id LIMIT %(k)s
"""
# A search matches on the GIN indexes alone and checks the generation on the rows they give
# (written so that no index serves it): else PostgreSQL ANDs them with a scan of the generation's
# whole primary-key range, every row of it (6-10 ms at 50,000 chunks), though the table holds one
# or two generations. Scoring given ids (`only`) does use the primary key.
_GENERATION_RECHECKED = "(generation || '') = %(g)s"
_GENERATION = "generation = %(g)s"
_MATCH_ALL = "(nl @@ nlq OR (%(en)s AND en @@ enq))"
_MATCH_RARE = "(nl @@ %(nl_rare)s::tsquery OR en @@ %(en_rare)s::tsquery)"
_RANK_TEXTS = f"""
WITH {_TERMS},
texts AS (SELECT n AS id, to_tsvector('dutch'::regconfig, text) AS nl,
                 to_tsvector('english'::regconfig, text) AS en
          FROM unnest(%(texts)s::text[]) WITH ORDINALITY AS t(text, n))
{_BM25.format(rows="texts")}
"""
_LENGTHS = """SELECT config, sum(docs) FROM lexical_terms WHERE generation = %s GROUP BY config"""


def postgres_lexical(settings: Any, pools: PostgresPools | None = None
                     ) -> PostgresLexicalStore | None:
    """The full-text store of `SPOOR2_DATABASE_URL` when the lexical search runs there
    (`SPOOR2_LEXICAL=postgres`, or `auto` with a database URL), over `pools` (the instance's;
    default: its own); else None."""
    url = settings.database_url.get_secret_value()
    if not url or settings.lexical not in ("auto", "postgres"):
        return None
    return PostgresLexicalStore.connect(url, pools)


def _clean(text: str) -> str:
    return text.replace("\x00", " ")  # PostgreSQL text holds no NUL


def _count_terms(conn: Any, generation: str) -> None:
    """Write how many of `generation`'s chunks hold each lexeme, per configuration."""
    conn.execute("DELETE FROM lexical_terms WHERE generation = %s", (generation,))
    for name, column in (("'nl'", "nl"), ("'en'", "en")):
        conn.execute(_COUNT_TERMS.format(name=name, column=column), {"g": generation})


class PostgresLexicalStore:
    """Every generation's full-text rows in one PostgreSQL database, over the instance's
    connection pool for its URL."""

    def __init__(self, url: str, pools: PostgresPools, *, own: bool = False):
        self.url, self.pools, self._own = url, pools, own
        self._ready = False
        self._counts: dict[str, tuple[int, dict[str, float]]] = {}  # see `_stats`

    @classmethod
    def connect(cls, url: str, pools: PostgresPools | None = None) -> PostgresLexicalStore:
        """A store of `url` over `pools` (default: its own, closed by `close()`)."""
        if pools is None:
            return cls(url, PostgresPools(), own=True)
        return cls(url, pools)

    def _run(self, work: Any) -> Any:
        """`work(conn)` on a pooled connection (schema made on first use); psycopg's errors as
        `DatabaseUnavailableError`."""
        import psycopg

        try:
            with self.pools.get(self.url).connection() as conn:
                if not self._ready:
                    with conn.transaction():
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_FILL_LOCK,))
                        conn.execute(_SCHEMA.encode())
                    self._ready = True
                return work(conn)
        except psycopg.Error as exc:
            first = (str(exc).strip().splitlines() or [""])[0]
            raise DatabaseUnavailableError(
                f"PostgreSQL full-text search (SPOOR2_DATABASE_URL) failed "
                f"({type(exc).__name__}: {first}); check that the server runs") from None

    def has(self, generation: str) -> bool:
        """True when `generation` was filled completely."""
        return self._run(lambda conn: conn.execute(
            "SELECT 1 FROM lexical_generations WHERE generation = %s", (generation,)
        ).fetchone() is not None)

    def fill(self, generation: str, chunks: Iterable[Chunk]) -> bool:
        """Store `generation`'s chunks in one transaction (nothing when it is there already);
        True when this call filled it."""
        def work(conn: Any) -> bool:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                             (_FILL_LOCK, generation))
                if conn.execute("SELECT 1 FROM lexical_generations WHERE generation = %s",
                                (generation,)).fetchone():
                    return False
                conn.execute("DELETE FROM lexical_chunks WHERE generation = %s", (generation,))
                count = 0
                with conn.cursor().copy("COPY lexical_chunks (generation, id, language, site, "
                                        "text) FROM STDIN") as copy:
                    for chunk in chunks:
                        meta = chunk.metadata
                        copy.write_row((generation, chunk.id, meta.get("language") or "nl",
                                        str(meta.get("site") or ""),
                                        _clean(chunk_index_text(chunk))))
                        count += 1
                _count_terms(conn, generation)
                conn.execute("INSERT INTO lexical_generations(generation, chunk_count) "
                             "VALUES (%s, %s)", (generation, count))
                log.info("PostgreSQL full-text search: %d chunks of %s", count, generation)
                return True

        return self._run(work)

    def remove(self, keep: Collection[str]) -> None:
        """Delete every generation but `keep`."""
        def work(conn: Any) -> None:
            with conn.transaction():
                conn.execute("DELETE FROM lexical_generations WHERE generation <> ALL(%s)",
                             (list(keep),))
                conn.execute("DELETE FROM lexical_chunks WHERE generation <> ALL(%s)",
                             (list(keep),))
                conn.execute("DELETE FROM lexical_terms WHERE generation <> ALL(%s)",
                             (list(keep),))

        self._run(work)

    def rank(self, generation: str, query: str, language: str, k: int, *,
             exclude_sites: Sequence[str] = (), only: Sequence[str] | None = None
             ) -> list[tuple[str, float]]:
        """(id, BM25 score) of the best `k` chunks of `generation` for `query`, best first."""
        filters, params = [], {"q": query, "en": language != "nl", "g": generation, "k": k,
                               "pool": max(POOL, k)}
        if exclude_sites:
            filters.append("AND site <> ALL(%(sites)s)")
            params["sites"] = list(exclude_sites)
        if only is not None:
            filters.append("AND id = ANY(%(ids)s)")
            params["ids"] = list(only)

        def work(conn: Any) -> list[tuple[str, float]]:
            counts = self._weigh(conn, generation, params)
            match = _MATCH_ALL
            if only is None:
                rare = self._rarest(counts, self._stats(conn, generation)[0])
                if rare is not None:
                    match = _MATCH_RARE
                    params["nl_rare"], params["en_rare"] = rare
            where = _GENERATION if only is not None else _GENERATION_RECHECKED
            sql = _RANK.format(generation=where,
                               match=match, filter=" ".join(filters))
            return [(i, float(s)) for i, s in conn.execute(sql, params)]

        return self._run(work)

    def _weigh(self, conn: Any, generation: str, params: dict) -> list[tuple[str, str, int]]:
        """The query's terms (config, lexeme, chunks holding it in `generation`); their BM25
        weights and the generation's average lengths go into `params`."""
        total, averages = self._stats(conn, generation)
        counts = [(c, w, int(d)) for c, w, d in conn.execute(_QUERY_TERMS, params).fetchall()]
        params.update(configs=[c for c, _, _ in counts], lexemes=[w for _, w, _ in counts],
                      nl_lexemes=[w for c, w, _ in counts if c == "nl"], marked=["a"],
                      en_lexemes=[w for c, w, _ in counts if c == "en"],
                      idfs=[idf(total, docs) for _, _, docs in counts],
                      nl_avg=averages.get("nl", 1.0), en_avg=averages.get("en", 1.0))
        return counts

    @staticmethod
    def _rarest(counts: list[tuple[str, str, int]], total: int) -> tuple[str, str] | None:
        """OR-queries (Dutch, English) of the query's rarest terms when all of them together
        are in more than `BUDGET` chunks; None when the query may rank every match."""
        if total <= BUDGET:  # ranking every chunk costs no more than the budget
            return None
        if sum(docs for _, _, docs in counts) <= BUDGET:
            return None
        usable = [row for row in sorted(counts, key=lambda row: (row[2], row[1]))
                  if row[2] and row[2] <= total / 2]
        chosen: dict[str, list[str]] = {"nl": [], "en": []}
        joiner = " | "
        spent = 0
        for config, lexeme, docs in usable:
            if spent and spent + docs > BUDGET:
                break
            chosen[config].append(lexeme)
            spent += docs
        if spent > BUDGET:  # even the rarest term is in too many chunks ("sanction" in an
            # English question: 7,000 of 50,000): the chunks holding it and its configuration's
            # next rarest term together
            config = usable[0][0]
            pair = [lexeme for c, lexeme, _ in usable if c == config][:2]
            if len(pair) == 2:
                chosen = {"nl": [], "en": []} | {config: pair}
                joiner = " & "
        return tuple(joiner.join("'" + w.replace("\\", "\\\\").replace("'", "''") + "'"
                                 for w in chosen[c]) for c in ("nl", "en"))

    def _stats(self, conn: Any, generation: str) -> tuple[int, dict[str, float]]:
        """`generation`'s chunk count and average length per configuration (a generation never
        changes, so they are read once)."""
        if generation not in self._counts:
            row = conn.execute("SELECT chunk_count FROM lexical_generations WHERE generation = %s",
                               (generation,)).fetchone()
            total = int(row[0]) if row else 0
            lengths = dict(conn.execute(_LENGTHS, (generation,)).fetchall())
            if total and not lengths:  # filled before the terms were counted (2026-12-01)
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                                 (_FILL_LOCK, generation))
                    if not conn.execute(_LENGTHS, (generation,)).fetchone():  # nor another's
                        _count_terms(conn, generation)
                lengths = dict(conn.execute(_LENGTHS, (generation,)).fetchall())
            lengths = {c: float(n) / max(total, 1) for c, n in lengths.items()}
            self._counts[generation] = (total, lengths)
        return self._counts[generation]

    def rank_texts(self, generation: str, query: str, language: str, texts: Sequence[str]
                   ) -> list[float]:
        """The BM25 score of each text (chunks outside the table, e.g. a site's packages),
        weighed with `generation`'s term counts."""
        if not texts:
            return []
        params = {"q": query, "en": language != "nl", "g": generation,
                  "texts": [_clean(t) for t in texts]}

        def work(conn: Any) -> list[float]:
            self._weigh(conn, generation, params)
            scores = dict(conn.execute(_RANK_TEXTS, params).fetchall())
            return [float(scores.get(n, 0.0)) for n in range(1, len(texts) + 1)]

        return self._run(work)

    def close(self) -> None:
        """Close the connections when the pools are the store's own (else the instance closes
        them at shutdown)."""
        if self._own:
            self.pools.close()


class PostgresLexicalIndex:
    """A `LexicalIndex` over one generation's rows in PostgreSQL (restricted to a view)."""

    name = "bm25"  # the lexical side of the fusion, whatever ranks it

    def __init__(self, store: PostgresLexicalStore, generation: str, catalog: ChunkCatalog):
        self.store, self.generation, self.catalog = store, generation, catalog

    def view(self, catalog: ChunkCatalog) -> PostgresLexicalIndex:
        """The same index restricted to another view of the generation."""
        return PostgresLexicalIndex(self.store, self.generation, catalog)

    def search(self, query: str, k: int, language: str | None = None) -> list[Hit]:
        """The best `k` chunks by BM25 (the view's extras scored alike)."""
        language = language or "nl"
        ranked = self.store.rank(self.generation, query, language, k,
                                 exclude_sites=self.catalog.other_sites())
        chunks = self.catalog.by_id([i for i, _ in ranked])
        found = [(chunks[i], score) for i, score in ranked if i in chunks]
        if self.catalog.extra:
            found += self._extra(query, language, self.catalog.extra)
            found.sort(key=lambda item: -item[1])
        return [Hit(chunk, score, self.name) for chunk, score in found[:k]]

    def scores(self, query: str, language: str, ids: Collection[str]) -> dict[str, float]:
        """Scores of the chunks `ids` that match the query."""
        extra_ids = {c.id for c in self.catalog.extra}
        wanted = [i for i in ids if i not in extra_ids]
        found = dict(self.store.rank(self.generation, query, language, len(wanted),
                                     only=wanted)) if wanted else {}
        extra = self._extra(query, language, [c for c in self.catalog.extra if c.id in ids])
        return found | {c.id: s for c, s in extra}

    def _extra(self, query: str, language: str,
               chunks: Sequence[Chunk]) -> list[tuple[Chunk, float]]:
        scores = self.store.rank_texts(self.generation, query, language,
                                       [chunk_index_text(c) for c in chunks])
        return [(c, s) for c, s in zip(chunks, scores, strict=True) if s > 0]
