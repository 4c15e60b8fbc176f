"""One app instance holds one PostgreSQL pool for its database (question log, feedback,
handoffs and the full-text search together), a bounded number of connections, and closes them
at shutdown; counted in the real server's `pg_stat_activity`."""
from __future__ import annotations

import time

import psycopg
from fastapi.testclient import TestClient

from assistant.database import instance_pools
from assistant.web import AssistantHolder, create_app

TOKEN = "operator-token-0123456789"


def _connections(url: str) -> int:
    """Connections of the app (`application_name` spoor2) to the database of `url`."""
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = 'spoor2' AND pid <> pg_backend_pid()").fetchone()[0]


def test_one_instance_shares_one_pool_and_closes_it_at_shutdown(index_settings, database_url):
    from assistant import build_assistant

    settings = index_settings.replace(database_url=database_url, question_log=True,
                                      admin_token=TOKEN, lexical="postgres")
    pools = instance_pools(settings)
    assistant = build_assistant(settings, pools=pools)
    assert type(assistant.snapshot.lexical).__name__ == "PostgresLexicalIndex"
    with TestClient(create_app(settings, AssistantHolder.ready(assistant), pools)) as client:
        for question in ("Wanneer moet spoor 2 starten?", "Wie betaalt spoor 2?"):
            asked = client.post("/api/chat", json={"message": question}).json()
            assert asked["question_id"]
        assert client.post("/api/feedback", json={
            "rating": "up", "question_id": asked["question_id"]}).status_code == 200
        listed = client.get("/api/admin/questions",
                            headers={"Authorization": f"Bearer {TOKEN}"}).json()
        assert len(listed["items"]) == 2
        assert len(pools) == 1  # the log, feedback, handoffs and full-text search: one pool
        # bounded by the one pool's size (the app's background tasks may take a connection
        # beside an answer's, so the exact count depends on timing)
        assert 1 <= _connections(database_url) <= pools.max_size
    assert _settled(database_url) == 0  # closed when the app shut down


def _settled(url: str, timeout: float = 5.0) -> int:
    """The count once the server has seen the closed connections go (it notices shortly)."""
    deadline = time.monotonic() + timeout
    while (count := _connections(url)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return count


def test_spoor2_ask_closes_its_connections_when_it_is_done(index_settings, database_url,
                                                           monkeypatch, capsys):
    from assistant.cli import main

    monkeypatch.setenv("SPOOR2_DATABASE_URL", database_url)
    monkeypatch.setenv("SPOOR2_LEXICAL", "postgres")
    code = main(["ask", "Wie betaalt spoor 2?", "--data-dir", str(index_settings.data_dir)])
    assert code == 0 and "[1]" in capsys.readouterr().out  # answered from the PostgreSQL search
    assert _settled(database_url) == 0  # nothing left open on the server after the command
