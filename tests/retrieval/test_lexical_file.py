"""The lexical file on its own: FTS5 over our analyzer's tokens ranks like the in-memory BM25."""
from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.retrieval.bm25 import BM25Retriever
from assistant.retrieval.index import lexical_index
from assistant.retrieval.lexical import ChunkCatalog, DiskLexicalIndex, query_terms
from assistant.retrieval.lexical_file import LexicalFile, token, write_lexical_file
from assistant.types import Chunk

CORPUS = [
    Chunk("sanctie", "Het UWV legt een loonsanctie op als de re-integratie tekortschiet; die duurt "
          "maximaal 52 weken.", {"doc_id": "loonsanctie", "title": "Loonsanctie", "language": "nl",
                                  "kind": "article"}),
    Chunk("spoor", "In het tweede spoor zoekt de werknemer werk bij een andere werkgever.",
          {"doc_id": "spoor2", "title": "Tweede spoor", "language": "nl", "kind": "article"}),
    Chunk("analyse", "De bedrijfsarts maakt de probleemanalyse uiterlijk in week zes.",
          {"doc_id": "probleemanalyse", "title": "Probleemanalyse", "language": "nl",
           "kind": "article", "position": 0}),
    Chunk("analyse-2", "Daarna volgt het plan van aanpak, samen met de werknemer.",
          {"doc_id": "probleemanalyse", "title": "Probleemanalyse", "language": "nl",
           "kind": "article", "position": 1}),
    Chunk("wages", "The employer keeps paying wages for two years of sick leave.",
          {"doc_id": "wages", "title": "Sick pay", "language": "en", "kind": "article"}),
    Chunk("acme", "Bij Acme kost het spoor-2-traject 2.950 euro, inclusief het eindgesprek.",
          {"doc_id": "acme-prijzen", "title": "Acme prijzen", "language": "nl", "kind": "document",
           "site": "acme", "trusted": False}),
    Chunk("reïntegratie", "Reïntegratie na ziekte: één gesprek per maand met de casemanager.",
          {"doc_id": "gesprekken", "title": "Gesprekken", "language": "nl", "kind": "article"}),
]
QUESTIONS = [
    ("hoe lang duurt een loonsanctie", "nl"), ("werk bij een andere werkgever", "nl"),
    ("wanneer is de probleemanalyse klaar", "nl"), ("who pays wages when I am sick", "en"),
    ("één gesprek reïntegratie", "nl"), ("wat kost een traject", "nl"),
]


def _disk(tmp_path):
    path = write_lexical_file(tmp_path / "g1.sqlite", "g1", [CORPUS[:3], CORPUS[3:]])
    return DiskLexicalIndex(ChunkCatalog(LexicalFile(path)))


def test_the_disk_index_ranks_like_the_in_memory_bm25(tmp_path):
    disk, memory = _disk(tmp_path), BM25Retriever(CORPUS)
    for question, language in QUESTIONS:
        on_disk = [h.chunk.id for h in disk.search(question, 3, language)]
        in_memory = [h.chunk.id for h in memory.search(question, 3, language)]
        assert on_disk[0] == in_memory[0], question
        assert set(on_disk) == set(in_memory), question


def test_terms_with_accents_are_one_token_each_and_are_found(tmp_path):
    assert token("loonsanctie") == "loonsanctie"
    assert token("één").startswith("_") and token("één") != token("een")
    hits = _disk(tmp_path).search("één gesprek per maand", 2)
    assert hits[0].chunk.id == "reïntegratie" and hits[0].score > 0


def test_a_site_view_sees_its_own_chunks_and_its_extras_never_another_sites(tmp_path):
    disk = _disk(tmp_path)
    assert "acme" in [h.chunk.id for h in disk.search("wat kost het traject bij Acme", 5)]
    shared = disk.view(disk.catalog.view({""}, ()))
    assert "acme" not in [h.chunk.id for h in shared.search("wat kost het traject bij Acme", 5)]
    extra = Chunk("site-other-packages-nl", "Het basispakket kost 1.500 euro per traject.",
                  {"doc_id": "site-other-packages-nl", "language": "nl", "site": "other"})
    other = disk.view(disk.catalog.view({"", "other"}, [extra]))
    found = [h.chunk.id for h in other.search("wat kost het basispakket", 5)]
    assert found[0] == "site-other-packages-nl" and "acme" not in found
    assert other.catalog.document("site-other-packages-nl") == [extra]
    assert set(other.scores("basispakket traject", "nl", {"site-other-packages-nl", "spoor"})) \
        == {"site-other-packages-nl"}


def test_documents_and_cards_are_read_by_id_and_kind_in_order(tmp_path):
    catalog = _disk(tmp_path).catalog
    assert [c.id for c in catalog.document("probleemanalyse")] == ["analyse", "analyse-2"]
    assert catalog.by_doc.get("nope") is None and "spoor2" in catalog.by_doc
    assert [c.id for c in catalog.unvetted()] == ["acme"]
    assert catalog.count() == len(CORPUS) and catalog.sites_present() == {"", "acme"}
    assert catalog.file.vetted_words({"probleemanalyse", "acmeprijzen"}) == {"probleemanalyse"}


def test_auto_keeps_small_embedded_indexes_in_memory_and_uses_the_disk_with_a_server(tmp_path):
    catalog = _disk(tmp_path).catalog
    assert isinstance(lexical_index(catalog, "auto"), BM25Retriever)
    assert isinstance(lexical_index(catalog, "auto", server=True), DiskLexicalIndex)
    assert isinstance(lexical_index(catalog, "disk"), DiskLexicalIndex)
    with pytest.raises(ConfigError, match="SPOOR2_LEXICAL"):
        Settings.from_env({"SPOOR2_LEXICAL": "fts"})


def _tokens(disk: DiskLexicalIndex, query: str) -> list[str]:
    return [token(t) for t in query_terms(disk.analyzer, query, "nl")]


def test_a_budgeted_search_scores_its_candidates_with_fts5s_own_bm25(tmp_path):
    disk = _disk(tmp_path)
    file = disk.catalog.file
    tokens = _tokens(disk, "loonsanctie werknemer werkgever tweede spoor week")
    assert len(file.document_counts(tokens)) >= 3
    exact = {c.id: s for c, s in file.match(tokens, 5)}
    budgeted = file.match(tokens, 5, budget=1)  # FTS5 ranks the rarest token's chunks only
    assert budgeted and len(budgeted) < len(exact)
    for chunk, score in budgeted:  # ... which are scored again with every token
        assert score == pytest.approx(exact[chunk.id], rel=1e-9)
    assert [s for _, s in budgeted] == sorted((s for _, s in budgeted), reverse=True)


def test_a_file_without_stored_tokens_still_answers_a_budgeted_search(tmp_path):
    import sqlite3

    path = write_lexical_file(tmp_path / "g1.sqlite", "g1", [CORPUS])
    with sqlite3.connect(path) as db:  # a file written before the tokens were stored
        db.execute("DROP TABLE tokens")
    file = LexicalFile(path)
    tokens = _tokens(DiskLexicalIndex(ChunkCatalog(file)), "loonsanctie werknemer spoor")
    assert not file.has_tokens
    assert [c.id for c, _ in file.match(tokens, 3, budget=1)] == \
        [c.id for c, _ in file.match(tokens, 3)]
