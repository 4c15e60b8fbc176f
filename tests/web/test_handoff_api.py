"""`POST /api/handoff`, the chat's `handoff` flag and the admin handoff API (ASGI client)."""
from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

from .servers import free_port

TOKEN = "operator-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SECRET = "handoff-secret-0123456789"
GOOD = {"question": "Mag mijn werkgever spoor 2 starten zonder overleg?", "contact": "06-12345678",
        "consent": True, "audience": "werknemer"}


def _configured(**extra: object) -> dict[str, object]:
    # A webhook nobody listens on: requests are stored and wait for a retry.
    return {"handoff_webhook": f"http://127.0.0.1:{free_port()}/hook", "handoff_secret": SECRET,
            "admin_token": TOKEN, **extra}


def _client(tmp_path, **settings: object) -> TestClient:
    app = create_app(Settings(data_dir=tmp_path, **settings), AssistantHolder())
    return TestClient(app, base_url="http://127.0.0.1")


def _rows(tmp_path) -> list[tuple]:
    path = tmp_path / "handoff.sqlite3"
    if not path.exists():
        return []
    return sqlite3.connect(path).execute("SELECT question, contact, site FROM handoffs").fetchall()


def test_a_request_is_stored_redacted_and_confirmed_in_the_visitors_form(tmp_path):
    client = _client(tmp_path, **_configured())
    question = GOOD["question"] + " Mijn BSN is 111222333."
    res = client.post("/api/handoff", json={**GOOD, "question": question},
                      headers={"Origin": "http://127.0.0.1"})
    assert res.status_code == 201
    body = res.json()
    assert body["message"] == "Je vraag is doorgestuurd; een adviseur neemt contact met je op."
    [(stored, contact, site)] = _rows(tmp_path)
    assert "111222333" not in stored and "[bsn]" in stored and contact == "06-12345678"
    assert site == ""  # the server's own page
    en = client.post("/api/handoff", json={**GOOD, "audience": None, "language": "en"})
    assert en.json()["message"] == "Your question has been passed on; an adviser will contact you."
    u = client.post("/api/handoff", json={**GOOD, "audience": "werkgever"})
    assert u.json()["message"].startswith("Uw vraag is doorgestuurd")


@pytest.mark.parametrize(("change", "status", "code", "words"), [
    ({"consent": False}, 422, "consent_required", "toestemming"),
    ({"consent": None}, 422, "consent_required", "toestemming"),
    ({"consent": "ja"}, 422, "invalid_field", "consent"),
    ({"contact": "niet bereikbaar"}, 422, "invalid_contact", "e-mailadres of telefoonnummer"),
    ({"contact": "jan@"}, 422, "invalid_contact", "e-mailadres"),
    ({"contact": "12"}, 422, "invalid_contact", "telefoonnummer"),
    ({"question": "   "}, 400, "empty_message", "Typ eerst een vraag"),
    ({"question": "x" * 2001}, 413, "message_too_long", "te lang"),
    ({"question": "Ik heb een hernia; mag ik thuis werken?"}, 422, "health_details",
     "medische details"),
])
def test_bad_requests_get_a_clear_message_and_nothing_is_stored(tmp_path, change, status, code,
                                                                words):
    client = _client(tmp_path, **_configured())
    body = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    res = client.post("/api/handoff", json=body)
    assert res.status_code == status, res.json()
    assert res.json()["error"]["code"] == code and words in res.json()["error"]["message"]
    assert _rows(tmp_path) == []


def test_messages_follow_the_visitors_language(tmp_path):
    client = _client(tmp_path, **_configured())
    res = client.post("/api/handoff", json={**GOOD, "question": "I was diagnosed with cancer; "
                                            "who pays?", "language": "en"})
    assert res.status_code == 422 and "remove the medical details" in res.json()["error"]["message"]
    assert _rows(tmp_path) == []


def test_without_a_target_handoff_is_unavailable(tmp_path):
    client = _client(tmp_path)
    res = client.post("/api/handoff", json=GOOD, headers={"Accept-Language": "en"})
    assert res.status_code == 503 and res.json()["error"]["code"] == "handoff_unavailable"
    assert "not set up" in res.json()["error"]["message"]
    assert _rows(tmp_path) == []


def test_handoff_is_rate_limited_like_feedback(tmp_path):
    client = _client(tmp_path, rate_limit_per_minute=2, **_configured())
    assert [client.post("/api/handoff", json=GOOD).status_code for _ in range(3)] == [201, 201, 429]


def test_a_foreign_origin_is_refused(tmp_path):
    client = _client(tmp_path, **_configured())
    res = client.post("/api/handoff", json=GOOD, headers={"Origin": "https://evil.example"})
    assert res.status_code == 403 and _rows(tmp_path) == []


def test_an_allowed_sites_request_keeps_its_origin(tmp_path):
    client = _client(tmp_path, allowed_origins=("https://bureau.example",), **_configured())
    res = client.post("/api/handoff", json=GOOD, headers={"Origin": "https://bureau.example"})
    assert res.status_code == 201
    assert _rows(tmp_path)[0][2] == "https://bureau.example"


def test_failed_deliveries_show_in_the_admin_list_until_handled(tmp_path):
    client = _client(tmp_path, **_configured())
    request_id = client.post("/api/handoff", json=GOOD).json()["id"]
    assert client.get("/api/admin/handoffs").status_code == 401
    assert client.post(f"/api/admin/handoffs/{request_id}/handled").status_code == 401

    retried = client.post(f"/api/admin/handoffs/{request_id}/retry", headers=AUTH)
    assert retried.status_code == 200 and retried.json()["status"] == "failed"
    [row] = client.get("/api/admin/handoffs", headers=AUTH).json()["handoffs"]
    assert row["id"] == request_id and row["status"] == "failed" and row["attempts"] == 1
    assert row["last_error"].startswith("webhook:") and row["next_attempt_at"]
    assert SECRET not in str(row)
    assert client.get("/api/admin/handoffs?status=failed", headers=AUTH).json()["handoffs"]
    assert not client.get("/api/admin/handoffs?status=handled", headers=AUTH).json()["handoffs"]
    assert client.get("/api/admin/handoffs?status=odd", headers=AUTH).status_code == 422

    page = client.get("/admin/overdrachten", headers=AUTH)
    assert page.status_code == 200 and "Mag mijn werkgever" in page.text
    assert "verzenden mislukt" in page.text and 'href="/admin/overdrachten"' in page.text
    done = client.post(f"/admin/overdrachten/{request_id}/afgehandeld", headers=AUTH,
                       follow_redirects=False)
    assert done.status_code == 303
    assert client.get("/api/admin/handoffs", headers=AUTH).json()["handoffs"][0]["status"] == \
        "handled"
    again = client.post(f"/api/admin/handoffs/{request_id}/retry", headers=AUTH)
    assert again.status_code == 409
    assert client.post("/api/admin/handoffs/999/handled", headers=AUTH).status_code == 404


def test_the_admin_list_filters_by_site(tmp_path):
    client = _client(tmp_path, allowed_origins=("https://a.example", "https://b.example"),
                     **_configured())
    for origin in ("https://a.example", "https://b.example"):
        client.post("/api/handoff", json=GOOD, headers={"Origin": origin})
    rows = client.get("/api/admin/handoffs?site=https://a.example", headers=AUTH).json()
    assert [r["site"] for r in rows["handoffs"]] == ["https://a.example"]
    assert len(client.get("/api/admin/handoffs", headers=AUTH).json()["handoffs"]) == 2


@pytest.mark.parametrize("message", ["Kan ik iemand spreken?", "Ik wil een mens spreken",
                                     "Can I talk to someone?"])
def test_asking_for_a_person_offers_an_adviser(make_app, message):
    client = TestClient(make_app(**_configured()))
    body = client.post("/api/chat", json={"message": message}).json()
    assert body["kind"] == "handoff" and body["handoff"] is True
    assert "adviseur" in body["answer"] or "adviser" in body["answer"]


def test_a_scope_refusal_offers_an_adviser_only_when_handoff_is_configured(make_app):
    question = "Hoe vraag ik huurtoeslag aan?"
    on = TestClient(make_app(**_configured())).post("/api/chat", json={"message": question})
    assert on.json()["kind"] == "refusal" and on.json()["handoff"] is True
    off = TestClient(make_app()).post("/api/chat", json={"message": question})
    assert off.json()["handoff"] is False


@pytest.mark.parametrize(("path", "offered"), [
    ("dont_know", True), ("refusal:out_of_scope", True), ("refusal:off_topic", True),
    ("refusal:other_legal", True), ("person", True), ("multi:card+dont_know", True),
    ("card", False), ("refusal:medical", False), ("refusal:injection", False),
    ("refusal:chitchat", False), ("deadline", False),
])
def test_which_answers_offer_an_adviser(tmp_path, path, offered):
    from assistant.types import Answer
    from assistant.web.handoff import HandoffDesk

    desk = HandoffDesk.create(Settings(data_dir=tmp_path, **_configured()))
    answer = Answer("…", "refusal", "nl", trace={"path": path})
    assert desk.offers(answer) is offered
    assert HandoffDesk.create(Settings(data_dir=tmp_path)).offers(answer) is False


def test_a_normal_answer_offers_no_adviser(make_app):
    client = TestClient(make_app(**_configured()))
    body = client.post("/api/chat/stream", json={"message": "Wanneer moet spoor 2 starten?"})
    assert '"handoff": false' in body.text or '"handoff":false' in body.text
