"""Issue 12, against a real server on loopback: every route under the same limits, no 500 on
any input, hosts and headers checked, nothing personal or local leaks out."""
from __future__ import annotations

import json
import logging
import re
import socket
import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from assistant.web import AssistantHolder, create_app

from .servers import LiveServer

pytestmark = pytest.mark.server

ASK = "Wanneer moet spoor 2 starten?"


@pytest.fixture(scope="module")
def live(web_settings, real_assistant, tmp_path_factory):
    """One real server (rate limit off: these tests send many requests)."""
    settings = web_settings.replace(data_dir=tmp_path_factory.mktemp("hardening"),
                                    rate_limit_per_minute=0)
    with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant))) as server, \
            httpx.Client(base_url=server.url, timeout=60) as client:
        client.settings = settings
        yield client


def _error(res: httpx.Response, *statuses: int) -> dict:
    assert res.status_code in statuses, (res.status_code, res.text[:300])
    assert res.headers["content-type"].startswith("application/json")
    assert "Traceback" not in res.text
    return res.json()["error"]


def _chunks(total: int, size: int = 64 * 1024):
    sent = 0
    while sent < total:
        yield b" " * size
        sent += size


# 1. Chunked bodies obey the size limit, on every route.
@pytest.mark.parametrize("path", ["/api/chat", "/api/feedback", "/ui/gradio_api/queue/join",
                                  "/bron/x"])
def test_a_chunked_body_over_the_limit_is_refused_before_it_is_parsed(live, path):
    res = live.post(path, content=_chunks(2 * 1024 * 1024),
                    headers={"Content-Type": "application/json", "Accept-Language": "en"})
    assert "content-length" not in res.request.headers  # really sent chunked
    assert _error(res, 413)["message"] == "The request is too large."


def test_a_small_chunked_body_still_works(live):
    body = json.dumps({"first_sick_day": "2025-03-03", "today": "2025-11-23"}).encode()
    res = live.post("/api/deadlines", content=iter([body[:10], body[10:]]),
                    headers={"Content-Type": "application/json"})
    assert res.status_code == 200 and res.json()["timeline"]["milestones"]


# 2. Gradio routes: no anonymous uploads.
def test_gradio_uploads_are_refused(live):
    res = live.post("/ui/gradio_api/upload", files={"files": ("x.txt", b"hello", "text/plain")})
    assert "bestanden" in _error(res, 403)["message"]


# 3. Slow clients are cut off.
def test_a_half_sent_chunked_body_is_cut_off_with_408(live):
    port = int(str(live.base_url).rsplit(":", 1)[1].strip("/"))
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                     b"application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"mes\r\n")
        started = time.monotonic()
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
    assert time.monotonic() - started < 20


def test_half_sent_headers_are_cut_off(live):
    port = int(str(live.base_url).rsplit(":", 1)[1].strip("/"))
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        started = time.monotonic()
        reply = sock.recv(4096)  # b"" once the server closes the connection
    assert reply == b"" and 5 < time.monotonic() - started < 20


# 4. No 500 on any input.
@pytest.mark.parametrize("body", [
    {"message": "\ud800"},
    {"message": f"{ASK} \udfff"},
    {"message": ASK, "history": [{"role": "user", "content": "hoi \ud800"}]},
])
@pytest.mark.parametrize("path", ["/api/chat", "/api/chat/stream"])
def test_lone_surrogates_get_a_4xx_in_the_users_language(live, path, body):
    raw = json.dumps(body)  # ensure_ascii keeps the lone surrogate as an escape
    res = live.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert "niet gelezen" in _error(res, 422)["message"]


def test_lone_surrogates_in_feedback_get_a_4xx(live):
    res = live.post("/api/feedback", content=json.dumps({"rating": "up", "comment": "\ud800"}),
                    headers={"Content-Type": "application/json", "Accept-Language": "en"})
    assert "'comment'" in _error(res, 422)["message"]


@pytest.mark.parametrize("field", ["eje", "probleemanalyse", "verlenging_tot", "today"])
def test_dates_in_year_9999_get_a_422_naming_the_problem(live, field):
    body = {"first_sick_day": "2025-03-03", "today": "2025-11-23", field: "9999-12-31"}
    error = _error(live.post("/api/deadlines", json={**body, "language": "en"}), 422)
    assert "too far in the future" in error["message"]


# 5. An unwritable data dir: 503 for feedback, degraded in health.
def test_feedback_on_an_unwritable_data_dir_is_503_and_health_says_degraded(
    web_settings, real_assistant, tmp_path
):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data dir's parent should be")
    settings = web_settings.replace(data_dir=blocker / "data")
    with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant))) as server:
        res = httpx.post(f"{server.url}/api/feedback", json={"rating": "up", "language": "en"})
        assert "cannot be stored" in _error(res, 503)["message"]
        assert res.headers["retry-after"]
        health = httpx.get(f"{server.url}/api/health")
        assert health.status_code == 200  # answers still work
        assert health.json()["status"] == "degraded" and health.json()["degraded"] == ["feedback"]


# 6. An over-long history item is named as such.
def test_an_over_long_history_item_names_the_history_and_its_length(live):
    limit = live.settings.max_message_chars
    body = {"message": ASK, "history": [{"role": "user", "content": "hoi"},
                                        {"role": "assistant", "content": "x" * (limit + 5)}]}
    message = _error(live.post("/api/chat", json=body), 413)["message"]
    assert "history[1]" in message and f"({limit + 5} tekens)" in message
    assert f"({len(ASK)} tekens)" not in message


# 7 (API part) and 8: answers carry escaped HTML and no server paths.
def test_answers_have_no_raw_html_and_citations_no_local_paths(live):
    for question in (ASK, "Wat moet er in het plan van aanpak staan?"):
        body = live.post("/api/chat", json={"message": question}).json()
        assert "<" not in body["answer"]
        for citation in body["citations"]:
            for value in (citation["source"], citation["url"]):
                assert not value or value.startswith(("http://", "https://", "/bron/")), citation
            assert str(live.settings.knowledge_dir) not in json.dumps(citation)


# 9. Hosts: a rebound DNS name is refused, even with a matching Origin.
def test_a_foreign_host_header_is_refused_even_with_a_matching_origin(live):
    res = live.post("/api/chat", json={"message": ASK},
                    headers={"Host": "evil.test", "Origin": "http://evil.test"})
    assert "SPOOR2_ALLOWED_HOSTS" in _error(res, 400)["message"]
    assert live.get("/ui/", headers={"Host": "evil.test"}).status_code == 400
    assert live.get("/api/health").status_code == 200


# 10. Security headers everywhere; /docs off by default; no memory addresses.
@pytest.mark.parametrize("path", ["/ui/", "/widget/demo", "/api/health", "/openapi.json",
                                  "/bron/nl-spoor2"])
def test_every_page_sends_csp_frame_ancestors_and_nosniff(live, path):
    res = live.get(path)
    assert res.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors" in res.headers["content-security-policy"]


def test_the_ui_may_be_framed_only_by_allowed_origins(web_settings, real_assistant, tmp_path):
    settings = web_settings.replace(data_dir=tmp_path / "d",
                                    allowed_origins=("https://bureau.example",))
    with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant))) as server:
        csp = httpx.get(f"{server.url}/ui/").headers["content-security-policy"]
    assert "frame-ancestors 'self' https://bureau.example" in csp


def test_docs_are_off_by_default_and_the_schema_stays(live):
    assert live.get("/docs").status_code == 404
    assert live.get("/openapi.json").json()["paths"]["/api/chat"]


def test_the_ui_config_shows_no_memory_address(live):
    assert not re.search(r"0x[0-9a-f]{8,}", live.get("/ui/config").text)


# 11. Redaction of generated identifiers, in the database and in the logs.
def test_generated_identifiers_survive_neither_in_feedback_nor_in_logs(live, caplog):
    from tests.privacy_corpus import identifiers

    secrets = identifiers(40, seed=12)
    with caplog.at_level(logging.DEBUG, logger="assistant"):
        for i in range(0, len(secrets), 4):
            text = "Vraag over " + " en ".join(secrets[i:i + 4])
            assert live.post("/api/feedback", json={"rating": "down", "comment": text,
                                                    "question": text}).status_code == 200
            live.post("/api/chat", json={"message": text[:1900]})
    rows = sqlite3.connect(live.settings.feedback_db).execute(
        "SELECT comment, question FROM feedback").fetchall()
    stored = json.dumps(rows)
    for secret in secrets:
        assert secret not in stored and secret not in caplog.text, secret


# 12. The access log keeps routes, not query strings or ids.
def test_the_access_log_has_no_query_strings_or_ids(live, caplog):
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        live.get("/bron/jan-de-vries-123456782?email=jan@example.nl&bsn=123456782")
        live.get("/api/health?email=jan@example.nl")
        time.sleep(0.2)
    lines = [r.getMessage() for r in caplog.records if r.name == "uvicorn.access"]
    assert any("/bron/{doc_id}" in line for line in lines), lines
    assert not any("jan" in line or "123456782" in line or "?" in line for line in lines), lines


# 13. Undeclared methods are 405, and the schema states what the server requires.
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_undeclared_methods_on_api_routes_are_405(live, method):
    res = live.request(method, "/api/chat")
    assert _error(res, 405) and res.headers["allow"] == "POST"


def test_the_schema_says_what_chat_and_deadlines_require(live):
    spec = live.get("/openapi.json").json()
    message = spec["components"]["schemas"]["ChatRequest"]["properties"]["message"]
    assert message["minLength"] == 1 and message["pattern"]
    deadline = spec["components"]["schemas"]["DeadlineRequest"]
    assert {tuple(option["required"]) for option in deadline["anyOf"]} == {
        ("first_sick_day",), ("episodes",)}
    res = live.post("/api/deadlines", json={"today": "2025-11-23", "language": "en"})
    assert "first sick day" in _error(res, 422)["message"]


def test_schemathesis_finds_nothing_against_the_real_server(live, tmp_path):
    import subprocess
    import sys

    cli = Path(sys.executable).with_name("schemathesis")
    done = subprocess.run(
        [str(cli), "--config-file", str(Path(__file__).with_name("schemathesis.toml")), "run",
         f"{live.base_url}/openapi.json", "--checks", "all",
         "--max-examples", "15", "--seed", "12", "--request-timeout", "30", "--no-color",
         "--suppress-health-check", "all"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


# 2. Gradio events over HTTP (Gradio's own client): the API's rate limit, no echo of a huge text.
def test_gradio_events_share_the_rate_limit_and_never_echo_a_huge_message(
    web_settings, real_assistant, tmp_path
):
    from gradio_client import Client

    settings = web_settings.replace(data_dir=tmp_path / "g", rate_limit_per_minute=2)
    with LiveServer(create_app(settings, AssistantHolder.ready(real_assistant))) as server:
        client = Client(server.url + "/ui/", verbose=False)
        summaries = [client.predict("2026-01-05", "", "", None, None, "14,2", *[""] * 19,
                                    api_name="/calculate")[0]
                     for _ in range(3)]
        chat, box = client.predict("x" * 100_000, None, api_name="/respond")
    assert "week" in summaries[0] and not summaries[1].startswith("⚠️")
    assert summaries[2].startswith("⚠️") and "te veel vragen" in summaries[2]
    assert chat == [] and len(box) <= settings.max_message_chars
