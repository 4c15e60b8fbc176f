"""An ingest killed (SIGKILL) while embedding: the old index serves on, the next run completes."""
from __future__ import annotations

import queue
import signal
import subprocess
import threading
import time

import pytest

from .corpus import write_big_corpus, write_corpus
from .procs import ROOT, child_env, ingest_command

pytestmark = pytest.mark.server


def _lines(proc: subprocess.Popen) -> queue.Queue:
    out: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in proc.stderr:
            out.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return out


def _wait_for(lines: queue.Queue, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in lines.get(timeout=0.5):
                return
        except queue.Empty:
            pass
    raise TimeoutError(f"{text!r} not seen in {timeout} s")


def test_ingest_killed_while_embedding_leaves_the_serving_index_and_the_next_run_completes(
    tmp_path, embedder
):
    from assistant.config import Settings
    from assistant.engine import Assistant
    from assistant.store import ChromaIndexWriter, ChromaStore
    from ingest.indexer import Indexer

    small = write_corpus(tmp_path / "knowledge")
    settings = Settings.from_env({}, data_dir=tmp_path / "data", knowledge_dir=small)
    Indexer(settings, embedder).run([small])
    assistant = Assistant(embedder, ChromaStore.open(settings), refresh_seconds=0)
    serving = assistant.generation
    before = assistant.ask("Wie betaalt het re-integratiebureau in spoor 2?")
    assert before.kind == "extractive" and "werkgever" in before.text

    big = write_big_corpus(tmp_path / "big", files=15)
    proc = subprocess.Popen(ingest_command(settings.data_dir, small, big, verbose=True), cwd=ROOT,
                            env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        _wait_for(_lines(proc), "loaded embedding model", timeout=120)  # embedding starts now
        time.sleep(0.5)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()

    after = assistant.ask("Wie betaalt het re-integratiebureau in spoor 2?")
    assert (after.kind, after.text) == (before.kind, before.text)
    assert ChromaStore.open(settings).generation == serving  # a fresh reader too
    leftovers = ChromaIndexWriter(settings).generations()
    assert serving in leftovers and len(leftovers) == 2  # the half-built one, not served

    report = Indexer(settings, embedder).run([small, big])  # the lock died with the process
    assert report.built and report.chunks_embedded > 50 and not report.skipped
    writer = ChromaIndexWriter(settings)
    assert writer.generations() == sorted({report.generation, serving})  # half-built one removed
    answer = assistant.ask("Wat bespreekt de arbeidsdeskundige over jobcoaching in dossier 2?")
    assert assistant.generation == report.generation
    assert any("nl-gen-002" in c.url for c in answer.citations), answer
