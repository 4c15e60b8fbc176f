"""POST /api/deadlines (JSON, .ics, .csv) and POST /api/feedback (stored redacted)."""
from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def client(make_app) -> TestClient:
    return TestClient(make_app())


def test_deadlines_json_gives_the_42nd_week_report_date(client):
    res = client.post("/api/deadlines",
                      json={"first_sick_day": "2024-03-01", "today": "2024-06-01"})
    assert res.status_code == 200
    timeline = res.json()["timeline"]
    dates = {m["key"]: m["date"] for m in timeline["milestones"]}
    assert dates["ziekmelding_uwv"] == "2024-12-20"
    assert timeline["period_start"] == "2024-03-01" and timeline["current_week"] == 14


def test_deadlines_count_earlier_episodes_less_than_four_weeks_apart(client):
    alone = client.post("/api/deadlines", json={"first_sick_day": "2024-03-01",
                                                "today": "2024-06-01"}).json()
    joined = client.post("/api/deadlines", json={
        "first_sick_day": "2024-03-01", "today": "2024-06-01",
        "episodes": [{"start": "2024-02-01", "end": "2024-02-10"}]}).json()
    assert joined["timeline"]["period_start"] == "2024-02-01"
    assert alone["timeline"]["milestones"] != joined["timeline"]["milestones"]


def test_deadlines_take_pregnancy_leave(client):
    # Sick from 06-01-2025, leave 10-03..30-06-2025 (113 days): the end of week 104 moves from
    # 03-01-2027 to 26-04-2027 (worked out in tests/deadlines/test_leave.py).
    res = client.post("/api/deadlines", json={
        "first_sick_day": "2025-01-06", "today": "2025-07-01",
        "leave": [{"start": "2025-03-10", "end": "2025-06-30"}]})
    assert res.status_code == 200
    timeline = res.json()["timeline"]
    dates = {m["key"]: m["date"] for m in timeline["milestones"]}
    assert dates["einde_wachttijd"] == "2027-04-26"
    assert timeline["leave"] == [{"start": "2025-03-10", "end": "2025-06-30"}]


def test_bad_leave_is_422_in_the_users_language(client):
    res = client.post("/api/deadlines", json={
        "first_sick_day": "2025-01-06", "language": "en",
        "leave": [{"start": "2025-06-30", "end": "2025-03-10"}]})
    assert res.status_code == 422
    assert "ends" in res.json()["error"]["message"] and "before it starts" in res.json()["error"]["message"]
    res = client.post("/api/deadlines", json={
        "first_sick_day": "2025-01-06", "leave": [{"start": "2025-03-10"}]})
    assert res.status_code == 422 and "end" in res.json()["error"]["message"]


def test_deadlines_as_ics_and_csv_downloads(client):
    ics = client.post("/api/deadlines", json={"first_sick_day": "2024-03-01", "format": "ics"})
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert 'filename="spoor2-termijnen.ics"' in ics.headers["content-disposition"]
    assert ics.text.startswith("BEGIN:VCALENDAR") and "42e-weeksmelding" in ics.text
    csv = client.post("/api/deadlines", json={"first_sick_day": "2024-03-01", "format": "csv",
                                              "language": "en"})
    assert csv.headers["content-type"].startswith("text/csv") and "20" in csv.text


@pytest.mark.parametrize(
    ("payload", "says"),
    [
        ({"first_sick_day": "2024-02-30"}, "'first_sick_day' is geen geldige datum"),
        ({"first_sick_day": "morgen", "language": "en"}, "not a valid date"),
        ({}, "eerste ziektedag"),
        ({"first_sick_day": "2024-03-01", "format": "pdf"}, "'format'"),
        ({"first_sick_day": "2024-03-01", "loonsanctie_weeks": 60}, "'loonsanctie_weeks'"),
    ],
)
def test_bad_deadline_input_is_422_with_a_human_message(client, payload, says):
    res = client.post("/api/deadlines", json=payload)
    assert res.status_code == 422
    assert says.lower() in res.json()["error"]["message"].lower()


def test_calculator_refusals_use_its_own_message(client):
    res = client.post("/api/deadlines", json={
        "first_sick_day": "2024-03-01", "today": "2024-06-01",
        "episodes": [{"start": "2024-02-10", "end": "2024-02-01"}], "language": "en"})
    assert res.status_code == 422
    assert res.json()["error"]["code"] == "invalid_deadline_input"
    assert res.json()["error"]["message"]


def test_feedback_is_stored_without_personal_details(make_app, tmp_path):
    client = TestClient(make_app(data_dir=tmp_path / "fb"))
    res = client.post("/api/feedback", json={
        "rating": "down",
        "comment": "Mail me op jan@example.nl of bel 06-12345678, BSN 123456782. Te vaag.",
        "answer_kind": "extractive",
        "question": "Wanneer start spoor 2 voor mijn werknemer (BSN 123 456 782)?",
        "history": [{"role": "user", "content": "Piet de Vries heeft kanker"}],
    })
    assert res.status_code == 200 and res.json()["ok"] is True
    conn = sqlite3.connect(tmp_path / "fb" / "feedback.sqlite3")
    rows = conn.execute("SELECT * FROM feedback").fetchall()
    stored = " ".join(str(v) for v in rows[0])
    assert len(rows) == 1 and "down" in stored and "Te vaag" in stored
    for secret in ("jan@example.nl", "06-12345678", "123456782", "123 456 782", "Piet", "kanker"):
        assert secret not in stored
    assert "[e-mail]" in stored and "[bsn]" in stored


def test_feedback_questions_with_health_details_are_not_kept(make_app, tmp_path):
    client = TestClient(make_app(data_dir=tmp_path / "fb"))
    client.post("/api/feedback", json={"rating": "up", "question": "Ik heb een hernia, en nu?"})
    conn = sqlite3.connect(tmp_path / "fb" / "feedback.sqlite3")
    (question,) = conn.execute("SELECT question FROM feedback").fetchone()
    assert "hernia" not in question


def test_feedback_rejects_unknown_ratings_and_long_comments(client):
    assert client.post("/api/feedback", json={"rating": "meh"}).status_code == 422
    long = client.post("/api/feedback", json={"rating": "down", "comment": "x" * 1001})
    assert long.status_code == 422 and "'comment'" in long.json()["error"]["message"]
