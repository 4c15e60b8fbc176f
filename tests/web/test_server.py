"""The app under a real uvicorn server on a free loopback port."""
from __future__ import annotations

import threading
import time

import httpx
import pytest

from .servers import LiveServer

pytestmark = pytest.mark.server
QUESTION = "Wanneer moet spoor 2 starten?"


def wait_until_every_slot_is_taken(server: LiveServer, timeout: float = 30.0) -> None:
    """Block until the server's gate has no free slot (a fixed sleep flaked on a loaded CI box)."""
    gate = server.server.config.app.state.web.gate
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if gate._sem is not None and gate._sem.locked():
            return
        time.sleep(0.02)
    raise AssertionError("the first request never took its slot")


def test_real_server_answers_and_streams_events_as_they_come(serve):
    server = serve()
    res = httpx.post(server.url + "/api/chat", json={"message": QUESTION}, timeout=60)
    assert res.status_code == 200 and res.json()["citations"]
    events = []
    with httpx.stream("POST", server.url + "/api/chat/stream", json={"message": QUESTION},
                      timeout=60) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        for line in stream.iter_lines():
            if line.startswith("event: "):
                events.append(line[7:])
    assert events[0] == "delta" and events[-1] == "done"


def test_rate_limit_counts_forwarded_clients_only_behind_a_trusted_proxy(serve):
    def statuses(server: LiveServer, ips: list[str]) -> list[int]:
        return [httpx.post(server.url + "/api/feedback", json={"rating": "up"},
                           headers={"X-Forwarded-For": ip}).status_code for ip in ips]

    proxied = serve(rate_limit_per_minute=2, trusted_proxies=("127.0.0.1",))
    assert statuses(proxied, ["1.1.1.1", "1.1.1.1", "1.1.1.1", "2.2.2.2"]) == [200, 200, 429, 200]
    direct = serve(rate_limit_per_minute=2)
    assert statuses(direct, ["1.1.1.1", "2.2.2.2", "3.3.3.3"]) == [200, 200, 429]


def test_concurrency_bound_answers_busy_when_every_slot_is_taken(serve, slow_assistant):
    server = serve(max_concurrency=1)
    server.server.config.app.state.web.gate.wait_seconds = 0.2
    results: list[httpx.Response] = []

    def ask() -> None:
        results.append(httpx.post(server.url + "/api/chat", json={"message": QUESTION},
                                  timeout=60))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    threads[0].start()
    wait_until_every_slot_is_taken(server)
    threads[1].start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(r.status_code for r in results) == [200, 503]
    busy = next(r for r in results if r.status_code == 503)
    assert busy.headers["retry-after"] and busy.json()["error"]["code"] == "busy"
    assert "druk" in busy.json()["error"]["message"]


def test_streams_give_their_slot_back_even_when_the_client_leaves_early(serve):
    server = serve(max_concurrency=1)
    server.server.config.app.state.web.gate.wait_seconds = 2.0
    for _ in range(2):
        with httpx.stream("POST", server.url + "/api/chat/stream", json={"message": QUESTION},
                          timeout=60) as stream:
            next(stream.iter_lines())  # read one line, then hang up
    time.sleep(0.5)
    for _ in range(2):
        res = httpx.post(server.url + "/api/chat/stream", json={"message": QUESTION}, timeout=60)
        assert res.status_code == 200 and "event: done" in res.text


def test_a_stream_holds_its_slot_until_the_answer_is_done(serve, slow_assistant):
    server = serve(max_concurrency=1)
    server.server.config.app.state.web.gate.wait_seconds = 0.2
    first: list[str] = []
    thread = threading.Thread(target=lambda: first.append(httpx.post(
        server.url + "/api/chat/stream", json={"message": QUESTION}, timeout=60).text))
    thread.start()
    wait_until_every_slot_is_taken(server)
    busy = httpx.post(server.url + "/api/chat/stream", json={"message": QUESTION}, timeout=60)
    thread.join(timeout=60)
    assert busy.status_code == 503 and busy.json()["error"]["code"] == "busy"
    assert "event: done" in first[0]
