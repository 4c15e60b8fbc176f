"""The question log (issue 14): one row per answered question on every chat surface when it is
on, no file at all when it is off, nothing personal in it, old rows deleted, feedback linked,
and the operator's read API."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import time
import warnings
from datetime import UTC, datetime, timedelta

import httpx
import openai
import pytest
from fastapi.testclient import TestClient

from assistant.web import AssistantHolder, ui_chat
from assistant.web.admin.auth import Admin, require_admin
from assistant.web.context import WebContext
from assistant.web.questionlog import Entry, QuestionLog, stamp
from tests.privacy_corpus import health_phrases, identifiers

QUESTION = "Wanneer moet spoor 2 starten?"
TOKEN = "operator-token-0123456789"
KEY = "sk-spoor2-test-key-0123456789"
SITE = "https://bureau-a.example"
OTHER = "https://bureau-b.example"


def _rows(path) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM questions ORDER BY id")]
    finally:
        conn.close()


def _client(make_app, tmp_path, **overrides) -> tuple[TestClient, object]:
    overrides.setdefault("data_dir", tmp_path / "d")
    app = make_app(**overrides)
    return TestClient(app), app.state.web.settings


# --- each surface: one row when on, no file when off --------------------------------------

@pytest.mark.parametrize("on", [True, False])
def test_json_api_logs_the_answered_question_only_when_on(make_app, tmp_path, on):
    client, settings = _client(make_app, tmp_path, question_log=on)
    body = client.post("/api/chat", json={"message": QUESTION, "audience": "werkgever"}).json()
    if not on:
        assert body["question_id"] is None and not settings.question_db.exists()
        return
    (row,) = _rows(settings.question_db)
    assert body["question_id"] == row["id"]
    assert row["question"] == QUESTION and row["site"] == "" and row["language"] == "nl"
    assert row["audience"] == "werkgever" and row["kind"] == body["kind"]
    assert row["confidence"] == pytest.approx(body["confidence"])
    assert json.loads(row["cited"]) and row["health_removed"] == 0 and row["feedback"] is None
    assert datetime.fromisoformat(row["created_at"]).tzinfo is not None


def _sse(url: str, payload: dict, headers: dict | None = None) -> list[tuple[str, dict]]:
    events, event = [], ""
    with httpx.stream("POST", url + "/api/chat/stream", json=payload, headers=headers or {},
                      timeout=60) as stream:
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                events.append((event, json.loads(line[6:])))
    return events


@pytest.mark.server
@pytest.mark.parametrize("on", [True, False])
def test_sse_stream_logs_one_row_only_when_on(serve, on):
    server = serve(question_log=on)
    settings = server.server.config.app.state.web.settings
    events = _sse(server.url, {"message": QUESTION})
    kind, done = events[-1]
    assert kind == "done"
    if not on:
        assert done["question_id"] is None and not settings.question_db.exists()
        return
    (row,) = _rows(settings.question_db)
    assert done["question_id"] == row["id"] and row["question"] == QUESTION


@pytest.mark.server
@pytest.mark.parametrize("on", [True, False])
def test_openai_api_logs_one_row_only_when_on(serve, on):
    server = serve(question_log=on, openai_api=True, openai_api_key=KEY)
    settings = server.server.config.app.state.web.settings
    client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0, timeout=60)
    messages = [{"role": "user", "content": "Wie betaalt spoor 2?"}]
    client.chat.completions.create(model="spoor2-assistent", messages=messages)
    list(client.chat.completions.create(model="spoor2-assistent", messages=messages, stream=True))
    if not on:
        assert not settings.question_db.exists()
        return
    rows = _rows(settings.question_db)
    assert [r["question"] for r in rows] == ["Wie betaalt spoor 2?"] * 2  # plain and streamed


@pytest.mark.parametrize("on", [True, False])
def test_gradio_chat_logs_one_row_only_when_on_and_thumbs_land_on_it(
        web_settings, real_assistant, tmp_path, on):
    import gradio as gr

    ctx = WebContext.create(web_settings.replace(data_dir=tmp_path / "ui", question_log=on),
                            AssistantHolder.ready(real_assistant))
    *_, (_messages, turns, _box) = ui_chat.respond(ctx, QUESTION, [], None, "nl", None)
    assert turns[-1]["kind"] != "error"
    if not on:
        assert turns[-1]["question_id"] is None and not ctx.settings.question_db.exists()
        return
    (row,) = _rows(ctx.settings.question_db)
    assert turns[-1]["question_id"] == row["id"] and row["site"] == ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dislike = gr.LikeData(None, {"index": 1, "value": "x", "liked": False})
        _, _, given = ui_chat.on_like(ctx, turns, "nl", dislike)
        ui_chat.on_comment(ctx, "Te vaag, bel 06-12345678", given, "nl")
    (row,) = _rows(ctx.settings.question_db)
    assert row["feedback"] == "down" and row["feedback_comment"] == "Te vaag, bel [telefoon]"


# --- privacy ---------------------------------------------------------------------------------

IDENTIFIER_TEMPLATES = ["Mijn BSN is {} en wanneer start spoor 2?",
                        "Bel me op {} over wie spoor 2 betaalt.",
                        "When must track 2 start? Reach me at {}"]


def _traces(secret: str) -> list[str]:
    """The secret as typed, and each run of 6+ digits in it (a half-redacted number)."""
    return [secret.lower(), *re.findall(r"\d{6,}", secret)]


def test_no_identifier_or_health_detail_reaches_the_log_database(make_app, tmp_path):
    client, settings = _client(make_app, tmp_path, question_log=True, rate_limit_per_minute=0)
    secrets: list[str] = []
    for number, template in enumerate(IDENTIFIER_TEMPLATES):
        for secret in identifiers(2, seed=number):
            res = client.post("/api/chat", json={"message": template.format(secret)})
            assert res.status_code == 200 and res.json()["question_id"]
            secrets.append(secret)
    for question, condition in health_phrases():
        res = client.post("/api/chat", json={"message": question})
        assert res.status_code == 200 and res.json()["question_id"]
        secrets += [condition.split()[-1], "oxycodon"]
    rows = _rows(settings.question_db)
    assert len(rows) == len(IDENTIFIER_TEMPLATES) * len(identifiers(2)) + len(health_phrases())
    assert sum(r["health_removed"] for r in rows) == len(health_phrases())
    assert any("[bsn]" in r["question"] for r in rows)  # the rest of the question is kept
    raw = b"".join(p.read_bytes() for p in settings.question_db.parent.glob("questions.sqlite3*"))
    raw = raw.lower()
    leaked = {s for s in secrets for trace in _traces(s) if trace.encode() in raw}
    assert not leaked


def test_the_conversation_is_never_logged(make_app, tmp_path):
    client, settings = _client(make_app, tmp_path, question_log=True)
    history = [{"role": "user", "content": "Ik ben Jan Jansen van Bakkerij De Korenschoof"},
               {"role": "assistant", "content": "Dag Jan."}]
    client.post("/api/chat", json={"message": QUESTION, "history": history})
    raw = settings.question_db.read_bytes()
    assert b"Jansen" not in raw and b"Korenschoof" not in raw and QUESTION.encode() in raw


# --- retention -------------------------------------------------------------------------------

def test_rows_older_than_the_retention_are_deleted(tmp_path):
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    clock = [now - timedelta(days=91)]
    log = QuestionLog(tmp_path / "q.sqlite3", enabled=True, retention_days=90,
                      clock=lambda: clock[0])
    old = log.add(Entry("Start spoor 2 bij Korenschoof?", "", "", "nl", "", "card", 0.9, []))
    clock[0] = now - timedelta(days=89)
    recent = log.add(Entry(QUESTION, "", "", "nl", "", "card", 0.9, []))
    clock[0] = now
    assert log.purge() == 1
    assert [r["id"] for r in _rows(log.path)] == [recent] and old != recent
    assert b"Korenschoof" not in log.path.read_bytes()  # not left behind in a free page


def test_the_server_deletes_old_rows_at_start_up(make_app, tmp_path):
    path = tmp_path / "d" / "questions.sqlite3"
    old = QuestionLog(path, enabled=True, clock=lambda: datetime.now(UTC) - timedelta(days=10))
    old.add(Entry("oude vraag", "", "", "nl", "", "card", 0.9, []))
    app = make_app(data_dir=tmp_path / "d", question_log=True, retention_days=7)
    with TestClient(app) as client:  # the lifespan runs the purge
        for _ in range(50):
            if not _rows(path):
                break
            time.sleep(0.05)
        assert _rows(path) == []
        client.post("/api/chat", json={"message": QUESTION})
    assert len(_rows(path)) == 1


def test_logging_off_writes_nothing_even_with_feedback_and_purge(make_app, tmp_path):
    client, settings = _client(make_app, tmp_path)
    with client:
        client.post("/api/chat", json={"message": QUESTION})
        client.post("/api/feedback", json={"rating": "up", "question_id": 1})
    assert not settings.question_db.exists()


# --- feedback linked, site column ------------------------------------------------------------

def test_feedback_with_question_id_lands_on_the_row_of_the_same_site_only(make_app, tmp_path):
    client, settings = _client(make_app, tmp_path, question_log=True,
                               allowed_origins=(SITE, OTHER))
    asked = client.post("/api/chat", json={"message": QUESTION},
                        headers={"Origin": "HTTPS://Bureau-A.example"}).json()
    qid = asked["question_id"]
    assert _rows(settings.question_db)[0]["site"] == SITE
    other = client.post("/api/feedback", json={"rating": "up", "question_id": qid},
                        headers={"Origin": OTHER})
    assert other.status_code == 200  # stored in the feedback store, not on A's row
    assert _rows(settings.question_db)[0]["feedback"] is None
    res = client.post("/api/feedback", json={
        "rating": "down", "question_id": qid, "source": "widget",
        "comment": "Te vaag. Mail jan@example.nl"}, headers={"Origin": SITE})
    assert res.status_code == 200
    row = _rows(settings.question_db)[0]
    assert row["feedback"] == "down" and row["feedback_comment"] == "Te vaag. Mail [e-mail]"
    assert [r["rating"] for r in client.app.state.web.feedback.all()] == ["up", "down"]


def test_the_own_ui_origin_is_stored_as_an_empty_site(make_app, tmp_path):
    client, settings = _client(make_app, tmp_path, question_log=True)
    client.post("/api/chat", json={"message": QUESTION}, headers={"Origin": "http://testserver"})
    assert _rows(settings.question_db)[0]["site"] == ""


def test_a_failing_log_never_breaks_an_answer_and_health_says_degraded(make_app, tmp_path):
    (tmp_path / "d" / "questions.sqlite3").mkdir(parents=True)  # cannot be opened as a database
    client, _ = _client(make_app, tmp_path, question_log=True)
    res = client.post("/api/chat", json={"message": QUESTION})
    assert res.status_code == 200 and res.json()["question_id"] is None
    assert "geen vaste week" in res.json()["answer"]
    health = client.get("/api/health").json()
    assert health["status"] == "degraded" and health["degraded"] == ["question_log"]


# --- the operator's read API and page --------------------------------------------------------

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _admin_client(make_app, tmp_path) -> TestClient:
    client, _ = _client(make_app, tmp_path, question_log=True, admin_token=TOKEN,
                        allowed_origins=(SITE, OTHER), rate_limit_per_minute=0)
    client.post("/api/chat", json={"message": QUESTION}, headers={"Origin": SITE})
    client.post("/api/chat", json={"message": "When must track 2 start?"},
                headers={"Origin": OTHER})
    asked = client.post("/api/chat", json={"message": "=HYPERLINK(\"x\") wie betaalt spoor 2?"})
    client.post("/api/feedback", json={"rating": "down", "comment": "-1 te vaag",
                                       "question_id": asked.json()["question_id"]})
    return client


def test_admin_questions_need_the_token_and_filter(make_app, tmp_path):
    client = _admin_client(make_app, tmp_path)
    assert client.get("/api/admin/questions").status_code == 401
    assert client.get("/api/admin/feedback").status_code == 401
    page = client.get("/admin/vragen", follow_redirects=False)  # a stranger: the login form
    assert page.status_code == 303 and page.headers["location"].startswith("/admin/login")
    everything = client.get("/api/admin/questions", headers=AUTH).json()
    assert everything["total"] == 3 and len(everything["items"]) == 3
    by_site = client.get("/api/admin/questions", params={"site": SITE}, headers=AUTH).json()
    assert [r["question"] for r in by_site["items"]] == [QUESTION]
    english = client.get("/api/admin/questions", params={"language": "en"}, headers=AUTH).json()
    assert [r["site"] for r in english["items"]] == [OTHER]
    today = datetime.now(UTC).date()
    future = client.get("/api/admin/questions", headers=AUTH,
                        params={"since": str(today + timedelta(days=1))}).json()
    assert future["total"] == 0
    window = client.get("/api/admin/questions", headers=AUTH,
                        params={"since": str(today), "until": str(today), "limit": 1}).json()
    assert window["total"] == 3 and len(window["items"]) == 1
    kind = everything["items"][0]["kind"]
    assert all(r["kind"] == kind for r in client.get(
        "/api/admin/questions", params={"kind": kind}, headers=AUTH).json()["items"])
    bad = client.get("/api/admin/questions", params={"since": "30-11-2026"}, headers=AUTH)
    assert bad.status_code == 422 and "JJJJ-MM-DD" in bad.json()["error"]["message"]


def test_admin_csv_exports_are_safe_for_spreadsheets(make_app, tmp_path):
    client = _admin_client(make_app, tmp_path)
    res = client.get("/api/admin/questions", params={"format": "csv"}, headers=AUTH)
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(res.content.decode("utf-8"))))
    assert len(rows) == 3 and {"question", "site", "kind", "cited"} <= set(rows[0])
    assert any(r["question"].startswith("'=HYPERLINK") for r in rows)
    feedback = client.get("/api/admin/feedback", params={"format": "csv"}, headers=AUTH)
    logged = [r for r in csv.DictReader(io.StringIO(feedback.text))
              if r["origin"] == "question_log"]
    assert [(r["rating"], r["comment"]) for r in logged] == [("down", "'-1 te vaag")]
    both = client.get("/api/admin/feedback", headers=AUTH).json()
    assert {r["origin"] for r in both["items"]} == {"question_log", "feedback"}


def test_a_site_operator_sees_only_that_sites_questions(make_app, tmp_path):
    client = _admin_client(make_app, tmp_path)
    client.app.dependency_overrides[require_admin] = lambda: Admin(site=SITE)
    mine = client.get("/api/admin/questions").json()
    assert [r["site"] for r in mine["items"]] == [SITE]
    res = client.get("/api/admin/questions", params={"site": OTHER})
    assert res.status_code == 403 and res.json()["error"]["code"] == "forbidden_site"
    assert client.get("/api/admin/feedback").json()["items"] == []  # B's and unsited thumbs


def test_console_page_lists_questions_with_filters_and_a_csv_link(make_app, tmp_path):
    client = _admin_client(make_app, tmp_path)
    html = client.get("/admin/vragen", params={"site": SITE, "language": "", "since": ""},
                      headers=AUTH).text
    assert QUESTION in html and "When must track 2" not in html
    assert '<a href="/admin/vragen" aria-current="page">Vragen</a>' in html
    assert 'href="/api/admin/questions?site=https%3A%2F%2Fbureau-a.example&amp;format=csv"' in html
    assert '<form method="get" action="/admin/vragen"' in html


# --- privacy notices -------------------------------------------------------------------------

@pytest.mark.parametrize("on", [True, False])
def test_privacy_notices_say_whether_and_how_long_questions_are_kept(make_app, tmp_path, on):
    from assistant.web.ui_texts import privacy_note

    client, _ = _client(make_app, tmp_path, question_log=on, retention_days=30)
    script = client.get("/widget.js").text
    assert ("var RETENTION_DAYS = 30;" if on else "var RETENTION_DAYS = 0;") in script
    config = client.get("/ui/config").text
    if on:
        assert "30 dagen bewaard" in config and "30 days" in privacy_note("en", 30)
    else:
        assert "niet bewaard" in config
    assert stamp(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00+00:00"
