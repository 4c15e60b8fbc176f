"""A Chroma server that dies mid-run: clear 503s, then recovery without restarting the app."""
from __future__ import annotations

import time

import httpx
import pytest

from .checks import assert_json_error, assert_well_formed
from .corpus import write_corpus
from .procs import ChromaServer

pytestmark = pytest.mark.server
QUESTION = {"message": "Wie betaalt het re-integratiebureau in spoor 2?"}


@pytest.fixture
def chroma(tmp_path):
    server = ChromaServer(tmp_path / "chroma-db").start()
    yield server
    server.kill()


def _ask(server) -> httpx.Response:
    return httpx.post(server.url + "/api/chat", json=QUESTION, timeout=30)


def test_app_answers_503_while_chroma_is_down_and_recovers_when_it_is_back(
    chroma, tmp_path, embedder, serve
):
    from assistant.config import Settings
    from assistant.engine import Assistant
    from assistant.errors import StoreUnavailableError
    from assistant.store import ChromaStore
    from assistant.web import AssistantHolder
    from ingest.indexer import Indexer

    corpus = write_corpus(tmp_path / "knowledge")
    remote = {"chroma_host": "127.0.0.1", "chroma_port": chroma.port}
    settings = Settings.from_env({}, data_dir=tmp_path / "data", knowledge_dir=corpus, **remote)
    assert Indexer(settings, embedder).run([corpus]).built
    assistant = Assistant(embedder, ChromaStore.open(settings))
    server = serve(holder=AssistantHolder.ready(assistant), **remote)

    first = _ask(server)
    assert first.status_code == 200
    assert_well_formed(first.json())

    chroma.kill()
    for lang, word in (("nl", "kennisbank"), ("en", "knowledge base")):
        down = httpx.post(server.url + "/api/chat", json={**QUESTION, "language": lang}, timeout=30)
        error = assert_json_error(down, 503)
        assert error["code"] == "store_unavailable"
        assert word in error["message"].lower()
        assert down.headers.get("retry-after")
    stream = httpx.post(server.url + "/api/chat/stream", json=QUESTION, timeout=30)
    assert "event: error" in stream.text and "store_unavailable" in stream.text
    assert "Traceback" not in stream.text
    with pytest.raises(StoreUnavailableError, match=str(chroma.port)):
        Indexer(settings, embedder).run([corpus], rebuild=True)
    health = httpx.get(server.url + "/api/health", timeout=30)
    assert health.status_code == 503 and health.json()["ready"] is False

    chroma.start()  # same port, same path
    deadline = time.monotonic() + 30
    while (res := _ask(server)).status_code != 200:
        assert res.status_code == 503, res.text
        assert time.monotonic() < deadline, "the app did not recover within 30 s"
        time.sleep(0.5)
    assert_well_formed(res.json())
    assert "werkgever" in res.json()["answer"]
