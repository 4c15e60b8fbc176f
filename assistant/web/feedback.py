"""Thumbs up/down feedback in SQLite, stored without personal details."""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import FeedbackUnavailableError
from assistant.privacy import mentions_health, redact

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    answer_kind TEXT,
    question TEXT,
    language TEXT,
    source TEXT
)
"""


def _clean(text: str | None, limit: int) -> str | None:
    """Redacted text; dropped entirely when it shares health details."""
    if not text or not text.strip():
        return None
    if mentions_health(text):
        return "[weggelaten: medische details]"
    return redact(text.strip())[:limit]


class FeedbackStore:
    """Appends feedback rows to a SQLite file (created on first use)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._ready = False
        self.problem: str | None = None  # why the last write failed; None once one succeeds

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn a read-only, full or missing data dir into `FeedbackUnavailableError`."""
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            self.problem = f"{type(exc).__name__}: {exc}"
            log.error("feedback not stored in %s: %s", self.path, self.problem)
            raise FeedbackUnavailableError(
                f"Cannot write {self.path} ({self.problem}); check that the data dir is "
                "writable and not full"
            ) from None
        self.problem = None

    def check(self) -> str | None:
        """Try to take a write lock; returns why that failed, or None when writable."""
        try:
            with self._writing(), self._lock:
                conn = self._connect()
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.rollback()
                finally:
                    conn.close()
        except FeedbackUnavailableError:
            return self.problem
        return None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=5)
        if not self._ready:
            conn.execute(_SCHEMA)
            self._ready = True
        return conn

    def add(
        self,
        rating: str,
        comment: str | None = None,
        answer_kind: str | None = None,
        question: str | None = None,
        language: str | None = None,
        source: str = "api",
    ) -> int:
        """Store one feedback item (comment and question redacted); returns its id."""
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"),
            rating,
            _clean(comment, 1000),
            (answer_kind or "")[:40] or None,
            _clean(question, 500),
            language,
            source,
        )
        with self._writing(), self._lock:
            conn = self._connect()
            try:
                with conn:
                    cur = conn.execute(
                        "INSERT INTO feedback (created_at, rating, comment, answer_kind, question,"
                        " language, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        row,
                    )
                return int(cur.lastrowid or 0)
            finally:
                conn.close()

    def add_comment(self, row_id: int, comment: str) -> None:
        """Attach a (redacted) comment to an earlier feedback row."""
        with self._writing(), self._lock:
            conn = self._connect()
            try:
                with conn:
                    conn.execute("UPDATE feedback SET comment = ? WHERE id = ?",
                                 (_clean(comment, 1000), row_id))
            finally:
                conn.close()

    def all(self) -> list[dict[str, object]]:
        """Every stored row, oldest first (for operators and tests)."""
        if not self.path.exists():
            return []
        with self._lock:
            conn = self._connect()
            conn.row_factory = sqlite3.Row
            try:
                return [dict(r) for r in conn.execute("SELECT * FROM feedback ORDER BY id")]
            finally:
                conn.close()
