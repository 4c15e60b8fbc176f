"""PostgreSQL full-text search as the lexical side of the hybrid search, on a real server."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import psycopg
import pytest

from assistant.config import Settings
from assistant.engine import Assistant
from assistant.evaluation import load_items
from assistant.retrieval.bm25 import chunk_index_text
from assistant.retrieval.lexical_postgres import PostgresLexicalIndex, PostgresLexicalStore
from assistant.store import ChromaIndexWriter, ChromaStore
from assistant.types import Chunk
from tests.retrieval.test_lexical_dev_set import recall

DEV = Path(__file__).resolve().parents[2] / "knowledge" / "eval" / "dev.yaml"
DOCS = {
    "spoor2": ("nl", "", "Spoor 2 is het zoeken naar passend werk bij een andere werkgever."),
    "wia": ("nl", "", "Na bijna twee jaar ziekte vraagt de werknemer een WIA-uitkering aan."),
    "track": ("en", "", "Track 2 means looking for suitable work with another employer."),
    "bureau": ("nl", "bureau-a", "Ons bureau begeleidt het zoeken naar passend werk."),
}


def _chunks() -> list[Chunk]:
    return [Chunk(id=key, text=text, metadata={
        "source": f"knowledge/{key}.md", "title": key, "section": "", "language": language,
        "kind": "article", "doc_id": key, **({"site": site} if site else {})})
        for key, (language, site, text) in DOCS.items()]


@pytest.fixture
def full_text(database_url):
    """The full-text store of a new database (its pool closed after the test)."""
    store = PostgresLexicalStore.connect(database_url)
    yield store
    store.close()


def _rows(url: str, generation: str) -> int:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM lexical_chunks WHERE generation = %s",
                            (generation,)).fetchone()[0]


def _build(settings: Settings, embedder, full_text: PostgresLexicalStore) -> str:
    writer = ChromaIndexWriter(settings, full_text=full_text)
    previous = writer.pointer().get("active", "")
    writer.begin()
    chunks = _chunks()
    vectors = embedder.embed_documents([c.text for c in chunks])
    writer.add(chunks, vectors)
    return writer.commit(len(chunks), len(vectors[0]), previous)


def test_ingest_fills_postgres_and_an_answer_searches_it(tmp_path, embedder, database_url,
                                                         full_text):
    settings = Settings(data_dir=tmp_path / "data", database_url=database_url)
    first = _build(settings, embedder, full_text)
    assert full_text.has(first) and _rows(database_url, first) == len(DOCS)
    assistant = Assistant(embedder, ChromaStore.open(settings), full_text=full_text,
                          lexical="auto", cache_dir=tmp_path / "cache")
    assert isinstance(assistant.snapshot.lexical, PostgresLexicalIndex)
    lexical = assistant._for_site(assistant.snapshot, None).lexical  # a request without a site
    assert isinstance(lexical, PostgresLexicalIndex)
    # Dutch stemming: "zoekt ... werkgevers" finds "zoeken ... werkgever"; terms are OR-ed
    hits = lexical.search("Wie zoekt passend werk bij andere werkgevers?", 5, "nl")
    assert hits and hits[0].chunk.id == "spoor2"
    assert "bureau" not in {h.chunk.id for h in hits}  # a site's own chunk: not without a site
    site = assistant._for_site(assistant.snapshot, "bureau-a").lexical
    assert "bureau" in {h.chunk.id for h in site.search("passend werk zoeken", 5, "nl")}
    # an English question uses the English configuration ("looking" ~ "looks")
    assert lexical.search("who looks for suitable work", 5, "en")[0].chunk.id == "track"
    scores = lexical.scores("passend werk", "nl", ["spoor2", "wia"])
    assert set(scores) == {"spoor2"} and scores["spoor2"] > 0
    # a second and third ingest: the new generation fills, generations older than the
    # previous one go (as their Chroma collections and lexical files do)
    second = _build(settings, embedder, full_text)
    third = _build(settings, embedder, full_text)
    assert full_text.has(second) and full_text.has(third)
    assert not full_text.has(first) and _rows(database_url, first) == 0


def test_an_interrupted_fill_leaves_no_generation(database_url, full_text):
    assert full_text.fill("g1", _chunks())

    def broken():
        yield from _chunks()[:2]
        raise OSError("disk gone")

    with pytest.raises(OSError):
        full_text.fill("g2", broken())
    assert not full_text.has("g2") and _rows(database_url, "g2") == 0
    assert full_text.has("g1") and not full_text.fill("g1", _chunks())  # filled once
    assert full_text.rank("g1", "passend werk", "nl", 3)[0][0] in {"spoor2", "bureau"}


@pytest.fixture(scope="module")
def items():
    return [i for i in load_items(DEV) if i.get("type", "answer") == "answer" and i.get("expected")]


def top_documents(assistant: Assistant, items: list[dict], mode: str) -> list[list[str]]:
    """The documents of the top 5 hits of each dev item."""
    tops = []
    for item in items:
        turn = assistant.understand(item["question"], item.get("history"), item.get("audience"),
                                    item.get("page_language") or item.get("language"),
                                    date(2025, 11, 23))
        tops.append([h.chunk.metadata.get("doc_id") for h in assistant.retrieve(turn, k=5,
                                                                                mode=mode)])
    return tops


@pytest.mark.parametrize("mode", ["bm25", "hybrid"])
def test_postgres_finds_the_documents_fts5_finds_on_the_dev_set(kb_settings, embedder, items,
                                                                 full_text, mode):
    """Recall of PostgreSQL full-text search beside FTS5 and the in-memory BM25 (README), and
    how often PostgreSQL's first document is among FTS5's first five."""
    cache = kb_settings.data_dir / "cache"
    found, tops = {}, {}
    for lexical in ("memory", "disk", "postgres"):
        assistant = Assistant(embedder, ChromaStore.open(kb_settings), lexical=lexical,
                              full_text=full_text if lexical == "postgres" else None,
                              cache_dir=cache)
        found[lexical] = recall(assistant, items, mode)[0]
        tops[lexical] = top_documents(assistant, items, mode)
    agree = sum(bool(p) and p[0] in d for d, p in zip(tops["disk"], tops["postgres"], strict=True))
    agree /= len(items)
    print(f"\n{mode} over {len(items)} dev items: "
          + ", ".join(f"{name} {scores}" for name, scores in found.items())
          + f"; PostgreSQL's first document in FTS5's first five: {agree:.3f}")
    # PostgreSQL's Snowball stems are not our analyzer's (no compounds split), so alone it ranks
    # differently (it did worse before it weighed terms by their idf); fused, hardly.
    tolerance = {"bm25": 0.05, "hybrid": 0.02}[mode]
    for key in ("recall@1", "recall@5"):
        assert found["postgres"][key] >= found["disk"][key] - tolerance, (key, found)
    assert agree >= {"bm25": 0.80, "hybrid": 0.85}[mode], agree


def test_a_rare_word_of_the_question_outweighs_a_common_one_repeated(full_text):
    # "spoor" is in every chunk but one; the one chunk about the loonsanctie is what is asked for
    texts = {"tracks": "Spoor 1 of spoor 2? Het spoor kiest de werkgever met de bedrijfsarts.",
             **{f"s{n}": f"Spoor {n} in het re-integratieplan." for n in range(4)},
             "sanction": "Een loonsanctie van het UWV verlengt de loondoorbetaling."}
    full_text.fill("g1", [Chunk(id=key, text=text, metadata={
        "source": f"knowledge/{key}.md", "title": key, "language": "nl", "kind": "article",
        "doc_id": key}) for key, text in texts.items()])
    ranked = full_text.rank("g1", "spoor en loonsanctie", "nl", 3)
    assert ranked[0][0] == "sanction", ranked


def test_a_text_outside_the_table_is_scored_as_the_same_chunk_in_it(full_text):
    # a site's own chunks (its packages) are ranked beside the generation's: same scale
    chunks = _chunks()
    full_text.fill("g1", chunks)
    question = "passend werk en een WIA-uitkering"
    ranked = dict(full_text.rank("g1", question, "nl", 5))
    texts = [chunk_index_text(c) for c in chunks]
    scores = full_text.rank_texts("g1", question, "nl", [*texts, "Iets heel anders."])
    assert scores[-1] == 0.0
    assert scores[:-1] == pytest.approx([ranked.get(c.id, 0.0) for c in chunks])


def test_a_generation_filled_before_its_terms_were_counted_counts_them_once(full_text,
                                                                           database_url):
    full_text.fill("g1", _chunks())
    question = "passend werk en een WIA-uitkering"
    ranked = full_text.rank("g1", question, "nl", 5)
    with psycopg.connect(database_url) as conn:  # as an instance of 2026-11-30 left it
        conn.execute("DELETE FROM lexical_terms")
    fresh = PostgresLexicalStore.connect(database_url)  # a new instance
    try:
        again = fresh.rank("g1", question, "nl", 5)
        assert [i for i, _ in again] == [i for i, _ in ranked]
        assert [s for _, s in again] == pytest.approx([s for _, s in ranked])
    finally:
        fresh.close()
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM lexical_terms").fetchone()[0] > 0


def test_a_query_over_budget_ranks_the_chunks_of_its_rarest_terms(full_text, monkeypatch):
    from assistant.retrieval import lexical_postgres

    full_text.fill("g1", _chunks())
    question = "passend werk en een WIA-uitkering"
    everything = dict(full_text.rank("g1", question, "nl", 5))
    assert {"spoor2", "bureau", "wia"} <= set(everything)
    monkeypatch.setattr(lexical_postgres, "BUDGET", 1)  # as if every term were in many chunks
    rarest = dict(full_text.rank("g1", question, "nl", 5))
    assert list(rarest) == ["wia"]  # only the chunk of the rarest term ...
    assert rarest["wia"] == pytest.approx(everything["wia"])  # ... scored with every term alike


def test_a_generation_no_larger_than_the_budget_ranks_every_match(full_text, monkeypatch):
    # the knowledge base alone (about 600 chunks) is ranked as it is without a budget
    from assistant.retrieval import lexical_postgres

    chunks = _chunks()
    full_text.fill("g1", chunks)
    question = "passend werk en een WIA-uitkering"
    everything = full_text.rank("g1", question, "nl", 5)
    monkeypatch.setattr(lexical_postgres, "BUDGET", len(chunks))  # the terms add up to more
    assert full_text.rank("g1", question, "nl", 5) == everything
    monkeypatch.setattr(lexical_postgres, "BUDGET", len(chunks) - 1)
    assert full_text.rank("g1", question, "nl", 5) != everything


def test_a_rarest_term_over_budget_on_its_own_ranks_the_chunks_holding_it_with_the_next(
        full_text, monkeypatch):
    from assistant.retrieval import lexical_postgres

    texts = {"a": "Passend werk zoeken bij een andere werkgever.", "b": "Passend werk vinden.",
             "c": "Een passend aanbod van het bureau.", "d": "Werk en inkomen na ziekte.",
             **{f"x{n}": f"Loonsanctie van het UWV, geval {n}." for n in range(4)}}
    full_text.fill("g1", [Chunk(id=key, text=text, metadata={
        "source": f"knowledge/{key}.md", "title": key, "language": "nl", "kind": "article",
        "doc_id": key}) for key, text in texts.items()])
    assert set(dict(full_text.rank("g1", "passend werk", "nl", 5))) == {"a", "b", "c", "d"}
    monkeypatch.setattr(lexical_postgres, "BUDGET", 2)  # each term is in 3 of the 8 chunks
    assert set(dict(full_text.rank("g1", "passend werk", "nl", 5))) == {"a", "b"}


def test_postgres_lexical_without_a_database_url_says_what_to_set(tmp_path, embedder):
    from assistant.errors import ConfigError
    from assistant.retrieval.lexical_postgres import postgres_lexical

    settings = Settings(data_dir=tmp_path / "data", lexical="postgres")
    assert postgres_lexical(settings) is None
    writer = ChromaIndexWriter(settings)
    writer.begin()
    chunks = _chunks()
    vectors = embedder.embed_documents([c.text for c in chunks])
    writer.add(chunks, vectors)
    writer.commit(len(chunks), len(vectors[0]), "")
    with pytest.raises(ConfigError, match="SPOOR2_DATABASE_URL"):
        Assistant(embedder, ChromaStore.open(settings), lexical="postgres", full_text=None)
