"""One contract for the question log, feedback and handoff stores: every test runs on the SQLite
files of the data dir and on a real PostgreSQL server (SPOOR2_DATABASE_URL)."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from assistant.config import Settings
from assistant.database import check_database
from assistant.errors import ConfigError, FeedbackUnavailableError
from assistant.handoff import HandoffStore
from assistant.web.admin.auth import Admin
from assistant.web.admin.insights import QuestionLogReader
from assistant.web.feedback import FeedbackStore
from assistant.web.questionlog import Entry, Filters, QuestionLog

from .servers import free_port

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
SITE = "https://bureau-a.example"
OTHER = "https://bureau-b.example"


def _settings(tmp_path, url: str) -> Settings:
    return Settings.from_env({}, data_dir=tmp_path / "data", question_log=True,
                             retention_days=30, database_url=url)


def _log(tmp_path, url: str, pools, clock=lambda: NOW) -> QuestionLog:
    log = QuestionLog.from_settings(_settings(tmp_path, url), pools)
    log.clock = clock
    return log


def _entry(question: str, *, site: str = "", language: str = "nl", kind: str = "card",
           confidence: float = 0.95, cited: tuple[str, ...] = ("doc-a",)) -> Entry:
    return Entry(question=question, topic="tweede spoor", site=site, language=language,
                 audience="werkgever", kind=kind, confidence=confidence, cited=list(cited))


def test_the_backend_is_the_configured_one(backend, tmp_path, pools):
    log = _log(tmp_path, backend, pools)
    assert log.add(_entry("Wanneer start spoor 2?"))
    sqlite_files = sorted(p.name for p in (tmp_path / "data").glob("*.sqlite3"))
    assert sqlite_files == ([] if backend else ["questions.sqlite3"])


def test_logged_questions_come_back_cleaned_newest_first_and_filtered(backend, tmp_path, pools):
    moments = iter([NOW - timedelta(days=2), NOW - timedelta(days=1), NOW])
    log = _log(tmp_path, backend, pools, clock=lambda: next(moments))
    first = log.add(_entry("Mijn BSN is 111222333, wanneer start spoor 2?", site=SITE))
    second = log.add(_entry("When does track 2 start?", language="en", kind="extractive"))
    third = log.add(_entry("Wie betaalt 100% van de re-integratie?", site=OTHER,
                           kind="dont_know", confidence=0.2))
    assert first < second < third

    total, rows = log.rows(Filters())
    assert total == 3 and [r["id"] for r in rows] == [third, second, first]
    assert "111222333" not in rows[2]["question"] and "spoor 2" in rows[2]["question"]
    assert rows[0]["question"] == "Wie betaalt 100% van de re-integratie?"
    assert rows[1]["cited"] == ["doc-a"] and rows[1]["health_removed"] is False

    assert [r["id"] for r in log.rows(Filters(site=SITE))[1]] == [first]
    assert [r["id"] for r in log.rows(Filters(language="en"))[1]] == [second]
    assert [r["id"] for r in log.rows(Filters(kind="dont_know"))[1]] == [third]
    yesterday = (NOW - timedelta(days=1)).date()
    assert [r["id"] for r in log.rows(Filters(since=yesterday, until=yesterday))[1]] == [second]
    total, page = log.rows(Filters(), limit=1, offset=1)
    assert total == 3 and [r["id"] for r in page] == [second]


def test_feedback_lands_on_the_row_of_the_same_site_only(backend, tmp_path, pools):
    log = _log(tmp_path, backend, pools)
    row = log.add(_entry("Wanneer start spoor 2?", site=SITE))
    assert not log.set_feedback(row, OTHER, "up")
    assert log.set_feedback(row, SITE, "down", "Bel me op 0612345678 graag")
    (stored,) = log.rows(Filters(feedback_only=True))[1]
    assert stored["feedback"] == "down" and "0612345678" not in stored["feedback_comment"]
    assert not log.set_feedback(row + 100, SITE, "up")


def test_purge_deletes_only_rows_older_than_the_retention(backend, tmp_path, pools):
    clock = [NOW - timedelta(days=31)]
    log = _log(tmp_path, backend, pools, clock=lambda: clock[0])
    log.add(_entry("oud"))
    clock[0] = NOW - timedelta(days=29)
    kept = log.add(_entry("recent"))
    clock[0] = NOW
    assert log.purge() == 1
    assert [r["id"] for r in log.rows(Filters())[1]] == [kept]
    assert log.purge() == 0


def test_dashboard_figures_and_unanswered_questions(backend, tmp_path, pools):
    log = _log(tmp_path, backend, pools)
    good = log.add(_entry("Wat is spoor 2?", cited=("doc-a", "doc-b")))
    log.add(_entry("Wat is spoor 1?", site=SITE, cited=("doc-a",)))
    unknown = log.add(_entry("Hoe laat is het?", kind="dont_know", confidence=0.1, cited=()))
    log.set_feedback(good, "", "up")
    reader = QuestionLogReader(database=log.db)

    stats = reader.stats(Filters())
    assert stats["total"] == 3 and stats["dont_know"] == 1
    assert stats["thumbs"] == {"up": 1, "down": 0}
    assert stats["cited"] == [{"id": "doc-a", "count": 2}, {"id": "doc-b", "count": 1}]
    assert stats["per_day"] == [{"day": NOW.date().isoformat(), "count": 3}]
    assert reader.stats(Filters(site=SITE))["total"] == 1
    assert [q.id for q in reader.unanswered(Filters())] == [unknown]
    assert reader.sites(Admin()) == ["", SITE]


def test_feedback_store_keeps_no_identifiers(backend, tmp_path, pools):
    store = FeedbackStore.from_settings(_settings(tmp_path, backend), pools)
    row = store.add("down", "Mijn BSN is 111222333", answer_kind="card",
                    question="Wie betaalt?", language="nl")
    store.add_comment(row, "bel 0612345678")
    (stored,) = store.all()
    assert stored["rating"] == "down" and stored["answer_kind"] == "card"
    assert "0612345678" not in stored["comment"] and stored["question"] == "Wie betaalt?"


def test_handoff_delivery_state_survives_retries(backend, tmp_path, pools):
    store = HandoffStore.from_settings(_settings(tmp_path, backend), pools)
    rid = store.add("Wie betaalt spoor 2? BSN 111222333", "adviseur@example.nl", consent=True,
                    site=SITE, language="nl", audience="werkgever", now=NOW)
    request = store.get(rid)
    assert request.status == "pending" and "111222333" not in request.question
    assert [r.id for r in store.due(NOW)] == [rid] and store.next_due() == request.created_at

    (due,) = store.due(NOW)
    assert store.claim(due, NOW + timedelta(minutes=5))  # one worker takes it ...
    assert not store.claim(due, NOW + timedelta(minutes=5))  # ... the other instance does not
    assert store.due(NOW) == []
    store.mark_target(rid, "email")
    store.mark_target(rid, "email")  # recorded once
    store.finish_attempt(rid, error="webhook: 503", next_at=NOW + timedelta(minutes=5))
    request = store.get(rid)
    assert request.status == "failed" and request.delivered_to == ("email",)
    assert request.attempts == 1 and request.last_error == "webhook: 503"
    assert store.due(NOW) == [] and [r.id for r in store.due(NOW + timedelta(minutes=6))] == [rid]

    assert store.retry_now(rid, now=NOW) and [r.id for r in store.due(NOW)] == [rid]
    store.mark_target(rid, "webhook")
    store.finish_attempt(rid, error="", next_at=None)
    request = store.get(rid)
    assert request.status == "delivered" and request.delivered_to == ("email", "webhook")
    assert not store.retry_now(rid, now=NOW) and store.next_due() is None
    assert [r.id for r in store.list(site=SITE)] == [rid] and store.list(site=OTHER) == []

    assert store.mark_handled(rid, now=NOW) and store.get(rid).status == "handled"
    assert store.purge(7, now=NOW + timedelta(days=6)) == 0
    assert store.purge(7, now=NOW + timedelta(days=8)) == 1 and store.get(rid) is None


def test_an_unreachable_database_is_named_and_never_breaks_an_answer(postgres, tmp_path, pools):
    url = f"postgresql://spoor2@127.0.0.1:{free_port()}/x"  # nothing listens there
    with pytest.raises(ConfigError, match="^SPOOR2_DATABASE_URL: ") as caught:
        check_database(url)
    assert "\n" not in str(caught.value)

    log = _log(tmp_path, url, pools)
    assert log.add(_entry("Wanneer start spoor 2?")) is None and "PostgreSQL" in log.problem
    assert log.check() is not None
    with pytest.raises(FeedbackUnavailableError):
        FeedbackStore.from_settings(_settings(tmp_path, url), pools).add("up")


def test_a_date_filter_is_inclusive_of_its_last_day(backend, tmp_path, pools):
    late = datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)
    log = _log(tmp_path, backend, pools, clock=lambda: late)
    row = log.add(_entry("laat op de dag"))
    assert [r["id"] for r in log.rows(Filters(until=date(2026, 11, 30)))[1]] == [row]
    assert log.rows(Filters(since=date(2026, 12, 1)))[0] == 0
