"""A data dir that cannot be written: a clear error, and nothing half-written is ever served.

We run as root, so chmod would not stop us; the tests use `chattr +i` (immutable, root too) and a
data dir below a regular file instead.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from .checks import assert_json_error
from .corpus import HEADER, write_corpus
from .procs import ROOT, child_env, ingest_command

EXTRA = HEADER.format(id="nl-extra", title="Extra artikel", language="nl") + """# Extra artikel

## Wat staat hier?
Dit artikel is nieuw en mag pas na een geslaagde ingest in de index staan.
"""


def _chattr(flag: str, path: Path) -> bool:
    done = subprocess.run(["chattr", "-R", flag, str(path)], capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def immutable():
    """Make a folder immutable for the test (skips where chattr does not work); undone after."""
    locked: list[Path] = []

    def lock(path: Path) -> None:
        if not _chattr("+i", path):
            pytest.skip("chattr +i is not available on this file system")
        locked.append(path)

    yield lock
    for path in locked:
        _chattr("-i", path)


def test_ingest_into_a_read_only_store_fails_clearly_and_the_old_index_keeps_serving(
    tmp_path, embedder, immutable
):
    from assistant.config import Settings
    from assistant.engine import Assistant
    from assistant.store import ChromaIndexWriter, ChromaStore
    from ingest.indexer import Indexer

    corpus = write_corpus(tmp_path / "knowledge")
    settings = Settings.from_env({}, data_dir=tmp_path / "data", knowledge_dir=corpus)
    Indexer(settings, embedder).run([corpus])
    assistant = Assistant(embedder, ChromaStore.open(settings), refresh_seconds=0)
    serving, count = assistant.generation, assistant.store.count()
    before = assistant.ask("Wie betaalt het re-integratiebureau in spoor 2?")
    (corpus / "nl" / "nl-extra.md").write_text(EXTRA, encoding="utf-8")

    immutable(settings.chroma_dir)
    run = subprocess.run(ingest_command(settings.data_dir, corpus), cwd=ROOT, env=child_env(),
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("ingest: ") and str(settings.chroma_dir) in last, run.stderr
    assert "Traceback" not in run.stderr
    after = assistant.ask("Wie betaalt het re-integratiebureau in spoor 2?")
    assert (after.kind, after.text) == (before.kind, before.text)

    subprocess.run(["chattr", "-R", "-i", str(settings.chroma_dir)], check=True)
    reopened = ChromaStore.open(settings)
    assert (reopened.generation, reopened.count()) == (serving, count)
    assert ChromaIndexWriter(settings).generations() == [serving]
    assert not any(c.metadata.get("doc_id") == "nl-extra" for c in reopened.all_chunks())


@pytest.mark.server
def test_app_on_a_data_dir_that_cannot_be_created_answers_503_with_a_clear_message(
    tmp_path, serve
):
    from assistant import build_assistant
    from assistant.config import Settings
    from assistant.web import AssistantHolder

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data dir should be")

    settings = Settings.from_env({}, data_dir=blocker / "data")
    holder = AssistantHolder(lambda: build_assistant(settings))
    server = serve(holder=holder)
    deadline = time.monotonic() + 60
    while holder.status == "starting":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    res = httpx.post(server.url + "/api/chat", json={"message": "Wat is spoor 2?"}, timeout=30)
    error = assert_json_error(res, 503)
    assert "beheerder" in error["message"] and res.headers.get("retry-after")
    health = httpx.get(server.url + "/api/health", headers={"Accept-Language": "en"}, timeout=30)
    assert health.status_code == 503 and health.json()["ready"] is False
    assert "operator" in health.json()["message"]
    assert not (blocker / "data").exists() and blocker.is_file()


def test_ingest_into_a_data_dir_below_a_file_names_the_problem_without_a_traceback(tmp_path):
    corpus = write_corpus(tmp_path / "knowledge")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    run = subprocess.run(ingest_command(blocker / "data", corpus), cwd=ROOT, env=child_env(),
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert str(blocker / "data") in run.stderr.strip().splitlines()[-1]
