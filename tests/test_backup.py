"""`spoor2 backup` / `spoor2 restore`: a round trip on a real index, bad backups, live writers."""
from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.config import Settings
from assistant.web.feedback import FeedbackStore

from .web.corpus import write_corpus

QUESTION = "Wanneer moet spoor 2 starten?"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, embedder) -> Path:
    """A data dir with a real index of the web tests' tiny corpus (ingested once)."""
    from ingest.indexer import Indexer

    root = tmp_path_factory.mktemp("backup-src")
    corpus = write_corpus(root / "knowledge")
    settings = Settings.from_env({}, data_dir=root / "data", knowledge_dir=corpus)
    Indexer(settings, embedder).run([corpus])
    return root


@pytest.fixture
def settings(indexed, tmp_path, monkeypatch) -> Settings:
    """A fresh copy of the indexed data dir; the CLI runs in tmp_path (no stray .env)."""
    shutil.copytree(indexed, tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    for name in ("SPOOR2_DATA_DIR", "SPOOR2_CHROMA_HOST", "SPOOR2_EMBEDDING_MODEL"):
        monkeypatch.delenv(name, raising=False)
    return Settings.from_env({}, data_dir=tmp_path / "site" / "data",
                             knowledge_dir=tmp_path / "site" / "knowledge")


def ask(settings: Settings, embedder, refresh_seconds: float = 10.0):
    from assistant.engine import Assistant
    from assistant.store import ChromaStore

    return Assistant(embedder, ChromaStore.open(settings), refresh_seconds=refresh_seconds)


def seen(answer) -> tuple[str, str, list[tuple[str, str]]]:
    return answer.kind, answer.text, [(c.title, c.source) for c in answer.citations]


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pointer(settings: Settings) -> tuple[str, list[str]]:
    from assistant.store import ChromaIndexWriter

    writer = ChromaIndexWriter(settings)
    return writer.pointer().get("active", ""), writer.generations()


def test_round_trip_brings_back_the_same_answer_and_the_feedback(settings, embedder, capsys,
                                                                 tmp_path):
    original = ask(settings, embedder).ask(QUESTION)
    assert original.citations
    store = FeedbackStore(settings.feedback_db)
    store.add("down", comment="te vaag", question=QUESTION, language="nl")
    store.add("up", question=QUESTION, language="nl")
    rows = store.all()

    code, out, err = cli(capsys, "backup", "--data-dir", str(settings.data_dir),
                         str(tmp_path / "bk"))
    assert code == 0, err
    assert "feedback.sqlite3" in out and "chunks" in out
    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    assert manifest["model"] == settings.embedding_model and manifest["generation"]
    assert all(len(f["sha256"]) == 64 for f in manifest["files"])

    shutil.rmtree(settings.data_dir)  # the disk is lost: restore on a new machine
    moved = settings.replace(data_dir=tmp_path / "new-machine" / "data")
    code, out, err = cli(capsys, "restore", "--data-dir", str(moved.data_dir),
                         str(tmp_path / "bk"))
    assert code == 0, err
    assert seen(ask(moved, embedder).ask(QUESTION)) == seen(original)
    assert FeedbackStore(moved.feedback_db).all() == rows


def test_a_running_assistant_switches_to_the_restored_index(settings, embedder, capsys,
                                                            tmp_path):
    from ingest.indexer import Indexer

    running = ask(settings, embedder, refresh_seconds=0)
    original = running.ask(QUESTION)
    FeedbackStore(settings.feedback_db).add("up", question=QUESTION)
    kept = FeedbackStore(settings.feedback_db).all()
    assert cli(capsys, "backup", "--data-dir", str(settings.data_dir), str(tmp_path / "bk"))[0] == 0
    FeedbackStore(settings.feedback_db).add("down", comment="na de backup")
    # Someone rebuilds the index without the documents that answered the question.
    knowledge = settings.knowledge_dir
    for path in [p for p in knowledge.rglob("*.md") if "kosten" not in p.name]:
        path.unlink()
    Indexer(settings, embedder).run([knowledge], rebuild=True)
    assert seen(running.ask(QUESTION)) != seen(original)

    code, out, err = cli(capsys, "restore", "--data-dir", str(settings.data_dir),
                         str(tmp_path / "bk"))
    assert code == 0, err
    assert "now active" in out
    assert seen(running.ask(QUESTION)) == seen(original)  # the same object, no restart
    assert FeedbackStore(settings.feedback_db).all() == kept  # the backup's rows, no later ones


def test_a_tampered_backup_is_refused_and_changes_nothing(settings, embedder, capsys, tmp_path):
    FeedbackStore(settings.feedback_db).add("up", question=QUESTION)
    backup = tmp_path / "bk"
    assert cli(capsys, "backup", "--data-dir", str(settings.data_dir), str(backup))[0] == 0
    FeedbackStore(settings.feedback_db).add("down", comment="na de backup")
    before = (pointer(settings), FeedbackStore(settings.feedback_db).all())

    damaged = backup / "sqlite" / "feedback.sqlite3"
    data = bytearray(damaged.read_bytes())
    data[-10] ^= 0xFF
    damaged.write_bytes(bytes(data))
    code, out, err = cli(capsys, "restore", "--data-dir", str(settings.data_dir), str(backup))
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "sqlite/feedback.sqlite3" in err and "damaged" in err and "nothing was restored" in err
    assert (pointer(settings), FeedbackStore(settings.feedback_db).all()) == before


def test_a_backup_for_another_model_names_the_setting(settings, capsys, tmp_path):
    backup = tmp_path / "bk"
    assert cli(capsys, "backup", "--data-dir", str(settings.data_dir), str(backup))[0] == 0
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["index"]["embedding_model"] = "some-other-model"
    (backup / "manifest.json").write_text(json.dumps(manifest))
    before = pointer(settings)
    code, _, err = cli(capsys, "restore", "--data-dir", str(settings.data_dir), str(backup))
    assert code == 1 and err.count("\n") == 1
    assert "SPOOR2_EMBEDDING_MODEL='some-other-model'" in err and settings.embedding_model in err
    assert pointer(settings) == before


@pytest.mark.parametrize("make, says", [
    (lambda p: None, "no backup folder"),
    (lambda p: p.mkdir(), "not a spoor2 backup"),
    (lambda p: (p.mkdir(), (p / "manifest.json").write_text("{not json")), "cannot be read"),
    (lambda p: (p.mkdir(), (p / "manifest.json").write_text(json.dumps(
        {"format": "spoor2-backup", "format_version": 1,
         "files": [{"path": "../../etc/passwd", "sha256": "0"}]}))), "unsafe path"),
])
def test_bad_backup_folders_get_one_clear_line(settings, capsys, tmp_path, make, says):
    make(tmp_path / "bk")
    code, _, err = cli(capsys, "restore", "--data-dir", str(settings.data_dir),
                       str(tmp_path / "bk"))
    assert code == 1 and says in err and err.count("\n") == 1 and "Traceback" not in err


def test_backup_refuses_a_folder_that_is_not_empty_and_a_missing_data_dir(settings, capsys,
                                                                        tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("keep me")
    code, _, err = cli(capsys, "backup", "--data-dir", str(settings.data_dir),
                       str(tmp_path / "full"))
    assert code == 1 and "not an empty folder" in err
    assert (tmp_path / "full" / "x").read_text() == "keep me"
    code, _, err = cli(capsys, "backup", "--data-dir", str(tmp_path / "nowhere"),
                       str(tmp_path / "bk"))
    assert code == 1 and "no data dir" in err and not (tmp_path / "bk").exists()


def test_backup_while_a_writer_writes_is_a_consistent_copy(settings, tmp_path):
    from assistant.backup import create_backup

    db = settings.data_dir / "questions.sqlite3"  # any *.sqlite3 of the data dir is included
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE q (batch INTEGER, n INTEGER, pad TEXT)")
    stop = threading.Event()

    def write() -> None:
        conn = sqlite3.connect(db, timeout=30)
        batch = 0
        while not stop.is_set():
            batch += 1
            with conn:  # one transaction: 50 rows of a batch, all or none
                conn.executemany("INSERT INTO q VALUES (?, ?, ?)",
                                 [(batch, i, "x" * 2000) for i in range(50)])
        conn.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        for i in range(3):
            create_backup(settings, tmp_path / f"bk{i}")
    finally:
        stop.set()
        writer.join()
    rows = 0
    for i in range(3):
        copy = sqlite3.connect(tmp_path / f"bk{i}" / "sqlite" / "questions.sqlite3")
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sizes = {n for _, n in copy.execute("SELECT batch, COUNT(*) FROM q GROUP BY batch")}
        assert sizes <= {50}  # no half-written batch
        rows += copy.execute("SELECT COUNT(*) FROM q").fetchone()[0]
        copy.close()
    assert rows > 0  # the writer was writing while the copies were made


@pytest.mark.server
def test_a_chroma_server_backup_restores_onto_a_new_server_and_into_the_embedded_store(
        tmp_path, embedder):
    from assistant.backup import create_backup, restore_backup
    from ingest.indexer import Indexer

    from .reliability.procs import ChromaServer

    corpus = write_corpus(tmp_path / "knowledge")
    old = ChromaServer(tmp_path / "chroma-old").start()
    try:
        remote = Settings.from_env({}, data_dir=tmp_path / "data", knowledge_dir=corpus,
                                   chroma_host="127.0.0.1", chroma_port=old.port)
        assert Indexer(remote, embedder).run([corpus]).built
        original = ask(remote, embedder).ask(QUESTION)
        FeedbackStore(remote.feedback_db).add("up", question=QUESTION)
        manifest = create_backup(remote, tmp_path / "bk")
    finally:
        old.kill()  # the old server and its disk are gone
    assert manifest["index"]["server_mode"] and manifest["index"]["chunk_count"] > 0

    new = ChromaServer(tmp_path / "chroma-new").start()
    try:
        moved = remote.replace(data_dir=tmp_path / "data-new", chroma_port=new.port)
        done = restore_backup(moved, tmp_path / "bk")
        assert done["chunks"] == manifest["index"]["chunk_count"]
        assert seen(ask(moved, embedder).ask(QUESTION)) == seen(original)
        assert len(FeedbackStore(moved.feedback_db).all()) == 1
    finally:
        new.kill()
    embedded = Settings.from_env({}, data_dir=tmp_path / "data-embedded", knowledge_dir=corpus)
    restore_backup(embedded, tmp_path / "bk")
    assert seen(ask(embedded, embedder).ask(QUESTION)) == seen(original)
