"""Handoff requests keep contact details only as long as needed: delivered and handled ones go
after SPOOR2_RETENTION_DAYS, a request that still waits for delivery is never deleted."""
from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from assistant.config import Settings
from assistant.handoff.store import HandoffStore
from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

LONG_AGO = datetime.now(UTC) - timedelta(days=40)


def _three_old_requests(store: HandoffStore) -> dict[str, int]:
    ids = {}
    for status in ("delivered", "handled", "pending"):
        ids[status] = store.add(f"Vraag ({status})", "p.jansen@example.nl", consent=True)
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE handoffs SET created_at = ?",
                     (LONG_AGO.isoformat(timespec="seconds"),))
        conn.execute("UPDATE handoffs SET status = 'delivered' WHERE id = ?", (ids["delivered"],))
        conn.execute("UPDATE handoffs SET status = 'handled' WHERE id = ?", (ids["handled"],))
    return ids


def test_old_delivered_and_handled_requests_are_deleted_waiting_ones_kept(tmp_path):
    store = HandoffStore(tmp_path / "handoff.sqlite3")
    ids = _three_old_requests(store)
    assert store.purge(60) == 0  # younger than 60 days: all kept
    assert store.purge(30) == 2
    assert [r.id for r in store.list()] == [ids["pending"]]


def test_the_server_applies_the_retention_at_start_up(tmp_path):
    settings = Settings(data_dir=tmp_path, retention_days=30)
    ids = _three_old_requests(HandoffStore(settings.handoff_db))
    with TestClient(create_app(settings, AssistantHolder())):
        for _ in range(100):
            left = [r.id for r in HandoffStore(settings.handoff_db).list()]
            if len(left) == 1:
                break
            time.sleep(0.05)
    assert left == [ids["pending"]]
