"""The dashboard's numbers: per day, per kind, rates, thumbs, cited documents; filters and scoping."""
# ruff: noqa: E501
from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.web.admin.auth import Admin
from assistant.web.admin.insights import Filters, QuestionLogReader, filters_for
from assistant.web.app import create_app
from assistant.web.errors import ApiError
from assistant.web.holder import AssistantHolder

from .questionlog_rows import insert_questions, question

TOKEN = "operator-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SITE_A, SITE_B = "https://bureau-a.example", "https://bureau-b.example"

ROWS = (
    question("2026-11-20", "wanneer start spoor 2", "card", site=SITE_A, cited=["nl-spoor2-wanneer-starten"],
             feedback="up"),
    question("2026-11-20", "wie betaalt spoor 2", "card", site=SITE_A, cited=["nl-kosten-spoor2"]),
    question("2026-11-22", "when does track 2 start", "card", site=SITE_B, language="en",
             cited=["en-when-track-2-starts", "nl-spoor2-wanneer-starten"], feedback="down"),
    question("2026-11-22", "hoeveel kost een jobcoach", "dont_know", site=SITE_A, confidence=0.5),
    question("2026-11-23", "schrijf een gedicht", "refusal", site="", confidence=0.95),
    question("2026-11-23T23:59", "wanneer begint het tweede spoor", "card", site="",
             cited=["nl-spoor2-wanneer-starten"], feedback="up"),
)


def _client(tmp_path, holder: AssistantHolder | None = None) -> TestClient:
    settings = Settings(data_dir=tmp_path, admin_token=TOKEN)
    return TestClient(create_app(settings, holder or AssistantHolder()), base_url="http://127.0.0.1")


def test_stats_count_questions_per_day_kind_thumbs_and_citations(tmp_path):
    insert_questions(tmp_path, *ROWS)
    stats = _client(tmp_path).get("/api/admin/stats", headers=AUTH).json()
    assert stats["total"] == 6
    assert stats["per_day"] == [{"day": "2026-11-20", "count": 2}, {"day": "2026-11-21", "count": 0},
                                {"day": "2026-11-22", "count": 2}, {"day": "2026-11-23", "count": 2}]
    assert {k["kind"]: (k["count"], k["share"]) for k in stats["kinds"]} == {
        "card": (4, 0.6667), "dont_know": (1, 0.1667), "refusal": (1, 0.1667)}
    assert (stats["dont_know"], stats["refused"]) == (1, 1)
    assert stats["dont_know_rate"] == stats["refusal_rate"] == 0.1667
    assert stats["thumbs"] == {"up": 2, "down": 1}
    assert stats["cited"][0] == {"id": "nl-spoor2-wanneer-starten", "count": 3, "title": None}
    assert {c["id"] for c in stats["cited"]} == {"nl-spoor2-wanneer-starten", "nl-kosten-spoor2",
                                                 "en-when-track-2-starts"}


def test_stats_filter_by_site_language_and_period(tmp_path):
    insert_questions(tmp_path, *ROWS)
    client = _client(tmp_path)

    def total(query: str) -> int:
        response = client.get(f"/api/admin/stats?{query}", headers=AUTH)
        assert response.status_code == 200, response.text
        return response.json()["total"]

    assert total(f"site={SITE_A}") == 3
    assert total("site=-") == 2  # the own UI
    assert total("language=en") == 1
    assert total("since=2026-11-22") == 4
    assert total("since=2026-11-20&until=2026-11-20") == 2
    assert total("until=2026-11-23") == 6  # until includes its whole day (23:59)
    assert total(f"site={SITE_A}&language=nl&since=2026-11-21") == 1
    days = client.get("/api/admin/stats?since=2026-11-19&until=2026-11-21", headers=AUTH).json()["per_day"]
    assert [d["count"] for d in days] == [0, 2, 0]


def test_stats_reject_a_bad_date_or_language_in_the_users_language(tmp_path):
    client = _client(tmp_path)
    bad = client.get("/api/admin/stats?since=30-11-2026", headers=AUTH)
    assert bad.status_code == 422 and "JJJJ-MM-DD" in bad.json()["error"]["message"]
    english = client.get("/api/admin/stats?language=de", headers={**AUTH, "Accept-Language": "en"})
    assert english.status_code == 422 and "'nl' or 'en'" in english.json()["error"]["message"]
    backwards = client.get("/api/admin/stats?since=2026-11-23&until=2026-11-20", headers=AUTH)
    assert backwards.status_code == 422


def test_stats_of_an_empty_or_missing_log_are_zero(tmp_path):
    stats = _client(tmp_path).get("/api/admin/stats", headers=AUTH).json()
    assert stats["total"] == 0 and stats["kinds"] == [] and stats["thumbs"] == {"up": 0, "down": 0}
    assert not (tmp_path / "questions.sqlite3").exists()  # reading never creates the log


def test_stats_and_unanswered_need_the_token(tmp_path):
    client = _client(tmp_path)
    for path in ("/api/admin/stats", "/api/admin/unanswered"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
    for path in ("/admin", "/admin/onbeantwoord"):  # a stranger is sent to the login form
        page = client.get(path, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/admin/login")
        assert client.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_a_site_scoped_operator_sees_only_its_own_site(tmp_path):
    insert_questions(tmp_path, *ROWS)
    scoped = Admin(site=SITE_A)
    assert filters_for(scoped, {}) == Filters(site=SITE_A)
    assert filters_for(scoped, {"site": SITE_A, "language": "nl"}) == Filters(site=SITE_A, language="nl")
    with pytest.raises(ApiError) as denied:
        filters_for(scoped, {"site": SITE_B})
    assert denied.value.status == 403 and denied.value.code == "forbidden_site"
    with pytest.raises(ApiError):
        filters_for(scoped, {"site": "-"})  # the own UI is not bureau A's either
    reader = QuestionLogReader(tmp_path / "questions.sqlite3")
    stats = reader.stats(filters_for(scoped, {}))
    assert stats["total"] == 3 and stats["thumbs"] == {"up": 1, "down": 0}
    assert reader.sites(scoped) == [SITE_A]
    assert [q.question for q in reader.unanswered(filters_for(scoped, {}))] == ["hoeveel kost een jobcoach"]
    # the operator of every site sees them all
    assert reader.stats(filters_for(Admin(), {}))["total"] == 6
    assert reader.sites(Admin()) == ["", SITE_A, SITE_B]


def test_a_site_scoped_operator_gets_403_for_another_site_over_http(tmp_path):
    from assistant.web.admin.auth import require_admin

    insert_questions(tmp_path, *ROWS)
    client = _client(tmp_path)
    client.app.dependency_overrides[require_admin] = lambda: Admin(site=SITE_A, via="token")
    assert client.get("/api/admin/stats").json()["total"] == 3
    denied = client.get(f"/api/admin/stats?site={SITE_B}")
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden_site"
    assert client.get(f"/api/admin/unanswered?site={SITE_B}").status_code == 403
    other = client.get(f"/admin/onbeantwoord?site={SITE_B}")
    assert other.status_code == 403 and "uw eigen site" in other.text and "<form" in other.text
    page = client.get("/admin")
    assert page.status_code == 200 and SITE_B not in page.text and "bureau-a" in page.text


def test_unanswered_are_dont_know_declined_low_confidence_and_thumbs_down(tmp_path):
    insert_questions(tmp_path, *ROWS, question("2026-11-24", "iets vaags", "extractive", confidence=0.5),
                     question("2026-11-24", "zeker antwoord", "extractive", confidence=0.99),
                     question("2026-11-24", "wie vraagt", "clarify", confidence=0.3))
    reader = QuestionLogReader(tmp_path / "questions.sqlite3")
    found = {q.question for q in reader.unanswered(Filters())}
    assert found == {"when does track 2 start", "hoeveel kost een jobcoach", "schrijf een gedicht",
                     "iets vaags"}


def test_dashboard_page_shows_charts_with_tables_and_the_filter_form(tmp_path):
    insert_questions(tmp_path, *ROWS)
    client = _client(tmp_path)
    html = client.get(f"/admin?site={SITE_A}", headers=AUTH).text
    assert html.count('<svg role="img"') == 3
    assert "Vragen per dag" in html and "Aandeel per soort antwoord" in html and "Beoordelingen" in html
    assert "<table>" in html and "Weet ik niet" in html
    assert f'<option value="{SITE_A}" selected>' in html
    assert 'href="/admin/onbeantwoord?site=' in html
    english = client.get("/admin?lang=en", headers=AUTH).text
    assert "Questions per day" in english and 'lang="en"' in english
    bad = client.get("/admin?since=gisteren", headers=AUTH)
    assert bad.status_code == 422 and "JJJJ-MM-DD" in bad.text and "<form" in bad.text


def test_most_cited_documents_have_titles_from_the_serving_index(tmp_path, real_assistant):
    insert_questions(tmp_path, *ROWS)
    client = _client(tmp_path, AssistantHolder.ready(real_assistant))
    cited = client.get("/api/admin/stats", headers=AUTH).json()["cited"]
    assert cited[0] == {"id": "nl-spoor2-wanneer-starten", "count": 3, "title": "Wanneer moet spoor 2 starten?"}
    html = client.get("/admin", headers=AUTH).text
    assert '<a href="/bron/nl-spoor2-wanneer-starten">Wanneer moet spoor 2 starten?</a>' in html


def test_filters_for_an_operator_of_every_site_keep_the_site_asked_for():
    assert filters_for(Admin(), {"site": "", "since": "2026-11-01"}) == Filters(since=date(2026, 11, 1))
    assert filters_for(Admin(), {"site": "-"}).site == ""


# Two rephrasings of a question the knowledge base cannot answer, and one it answers well.
UNANSWERABLE = ("Hoeveel kost een jobcoach per uur?", "Wat is het uurtarief van een jobcoach?")
ANSWERED = "Wanneer moet spoor 2 starten?"


def test_two_asked_rephrasings_of_an_unanswered_question_are_one_group_of_two(make_app):
    client = TestClient(make_app(question_log=True, admin_token=TOKEN), base_url="http://127.0.0.1")
    for message in (*UNANSWERABLE, ANSWERED):
        res = client.post("/api/chat", json={"message": message})
        assert res.status_code == 200 and res.json()["question_id"] is not None
        assert (res.json()["kind"] == "refusal") is (message in UNANSWERABLE)  # declined / answered
    body = client.get("/api/admin/unanswered", headers=AUTH).json()
    assert body["grouped_by_meaning"] is True
    [group] = body["groups"]
    assert group["count"] == 2
    assert sorted(q["question"] for q in group["questions"]) == sorted(UNANSWERABLE)
    page = client.get("/admin/onbeantwoord", headers=AUTH).text
    assert "2 vragen" in page and ANSWERED not in page
