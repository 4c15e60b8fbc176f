"""Who may call the API: Origin check and CORS, rate limit, concurrency bound, client IP."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from assistant.web.errors import ApiError
from assistant.web.security import ClientIp, ConcurrencyGate, RateLimiter

ALLOWED = "http://127.0.0.1:9999"


@pytest.fixture
def client(make_app) -> TestClient:
    return TestClient(make_app(allowed_origins=(ALLOWED,)))


def test_foreign_origin_is_refused_with_a_readable_json_message(client):
    res = client.post("/api/chat", json={"message": "x"},
                      headers={"Origin": "http://evil.example", "Accept-Language": "en"})
    assert res.status_code == 403
    assert res.json()["error"]["code"] == "origin_not_allowed"
    assert "may not be used from this website" in res.json()["error"]["message"]
    # The refusing page may read why, and nothing else happened.
    assert res.headers["access-control-allow-origin"] == "http://evil.example"
    dutch = client.get("/api/health", headers={"Origin": "http://evil.example"})
    assert dutch.status_code == 403
    assert "niet vanaf deze website" in dutch.json()["error"]["message"]


def test_foreign_preflight_is_refused(client):
    res = client.options("/api/chat", headers={"Origin": "http://evil.example",
                                               "Access-Control-Request-Method": "POST"})
    assert res.status_code == 403


def test_allowed_origin_gets_cors_headers_for_preflight_and_request(client):
    pre = client.options("/api/chat/stream", headers={
        "Origin": ALLOWED, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == ALLOWED
    res = client.get("/api/health", headers={"Origin": ALLOWED})
    assert res.status_code == 200 and res.headers["access-control-allow-origin"] == ALLOWED


def test_same_origin_and_origin_less_requests_always_work(client):
    assert client.get("/api/health", headers={"Origin": "http://testserver"}).status_code == 200
    assert client.get("/api/health").status_code == 200


def test_the_ui_is_not_blocked_by_the_api_origin_check(client):
    res = client.get("/ui/config", headers={"Origin": "http://evil.example"})
    assert res.status_code == 200


def test_oversized_request_bodies_are_413(client):
    res = client.post("/api/chat", content=b"x" * 300_000,
                      headers={"Content-Type": "application/json"})
    assert res.status_code == 413 and res.json()["error"]["code"] == "request_too_large"


def test_rate_limit_answers_429_with_retry_after_and_a_friendly_message(make_app):
    client = TestClient(make_app(rate_limit_per_minute=2))
    payload = {"first_sick_day": "2026-01-05", "today": "2026-03-01"}
    assert [client.post("/api/deadlines", json=payload).status_code for _ in range(2)] == [200, 200]
    res = client.post("/api/deadlines", json={**payload, "language": "en"})
    assert res.status_code == 429
    assert 1 <= int(res.headers["retry-after"]) <= 60
    assert "too many questions" in res.json()["error"]["message"]
    assert client.get("/api/health").status_code == 200  # health is never limited


def test_rate_limiter_window_slides():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.hit("a") == 0 and limiter.hit("a") == 0
    now[0] = 20.0
    assert limiter.hit("a") == 40 and limiter.hit("b") == 0
    now[0] = 60.0  # the two hits at 0 s have left the window
    assert limiter.hit("a") == 0 and limiter.hit("a") == 0
    now[0] = 75.0
    with pytest.raises(ApiError) as info:
        limiter.check("a")
    assert info.value.status == 429 and info.value.headers["Retry-After"] == "45"


@pytest.mark.parametrize(
    ("trusted", "peer", "forwarded", "client"),
    [
        ((), "10.0.0.5", "1.2.3.4", "10.0.0.5"),                  # no trusted proxy: ignore XFF
        (("10.0.0.0/8",), "10.0.0.5", "1.2.3.4", "1.2.3.4"),
        (("10.0.0.0/8",), "10.0.0.5", "6.6.6.6, 1.2.3.4, 10.0.0.7", "1.2.3.4"),  # spoofed head
        (("10.0.0.0/8",), "8.8.8.8", "1.2.3.4", "8.8.8.8"),       # peer is not the proxy
        (("127.0.0.1",), "127.0.0.1", None, "127.0.0.1"),
    ],
)
def test_client_ip_trusts_forwarded_for_only_from_trusted_proxies(trusted, peer, forwarded, client):
    assert ClientIp(trusted)(peer, forwarded) == client


def test_concurrency_gate_waits_briefly_then_says_busy():
    async def scenario() -> ApiError:
        gate = ConcurrencyGate(1, wait_seconds=0.05)
        await gate.acquire()
        try:
            await gate.acquire()
        except ApiError as exc:
            return exc
        finally:
            gate.release()
        raise AssertionError("second acquire should have failed")

    with ThreadPoolExecutor(1) as pool:  # a fresh thread: no event loop may be running there
        exc = pool.submit(asyncio.run, scenario()).result(timeout=10)
    assert exc.status == 503 and exc.code == "busy" and exc.headers["Retry-After"]
