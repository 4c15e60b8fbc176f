"""A Chroma server that dies mid-run: clear 503s, then recovery without restarting the app."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

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
    chroma, tmp_path, embedder
):
    from assistant.config import Settings
    from assistant.web.server import compose
    from ingest.indexer import Indexer
    from tests.web.servers import LiveServer, wait_until

    corpus = write_corpus(tmp_path / "knowledge")
    remote = {"chroma_host": "127.0.0.1", "chroma_port": chroma.port}
    settings = Settings.from_env({}, data_dir=tmp_path / "data", knowledge_dir=corpus, **remote)
    assert Indexer(settings, embedder).run([corpus]).built
    with LiveServer(compose(settings.replace(rate_limit_per_minute=0))) as server:
        wait_until(lambda: httpx.get(server.url + "/api/health").status_code == 200, timeout=120)
        first = _ask(server)
        assert first.status_code == 200
        assert_well_formed(first.json())
        _kill_during_requests(server, chroma)
        _down_then_back(server, chroma, settings, corpus, embedder)


def _kill_during_requests(server, chroma) -> None:
    """Requests in flight when Chroma dies end as 200 or a JSON 503, never a 500 or a hang."""
    with ThreadPoolExecutor(16) as pool:
        futures = [pool.submit(_ask, server) for _ in range(32)]
        time.sleep(0.05)
        chroma.kill()
        results = [f.result() for f in futures]
    assert {r.status_code for r in results} <= {200, 503}
    for res in results:
        if res.status_code == 503:
            assert_json_error(res, 503)


def _down_then_back(server, chroma, settings, corpus, embedder) -> None:
    """While Chroma is down: JSON 503s, a stream error event, a clear ingest error; recovery."""
    from assistant.errors import StoreUnavailableError
    from ingest.indexer import Indexer

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
