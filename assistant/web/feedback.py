"""Thumbs up/down feedback in SQLite (or the shared PostgreSQL database), stored without personal
details."""
from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from assistant.config import Settings
from assistant.database import Database, PostgresPools, SqliteDatabase, open_database
from assistant.errors import DatabaseUnavailableError, FeedbackUnavailableError
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
);
"""


def _clean(text: str | None, limit: int) -> str | None:
    """Redacted text; dropped entirely when it shares health details."""
    if not text or not text.strip():
        return None
    if mentions_health(text):
        return "[weggelaten: medische details]"
    return redact(text.strip())[:limit]


class FeedbackStore:
    """Appends feedback rows to `database` (default: the SQLite file `path`, made on first use)."""

    def __init__(self, path: Path, database: Database | None = None):
        self.path = Path(path)
        self.db = database or SqliteDatabase(self.path, _SCHEMA)
        self.problem: str | None = None  # why the last write failed; None once one succeeds

    @classmethod
    def from_settings(cls, settings: Settings, pools: PostgresPools | None = None
                      ) -> FeedbackStore:
        """The store of SPOOR2_DATABASE_URL (over the instance's `pools`) when set, else
        `data_dir/feedback.sqlite3`."""
        return cls(settings.feedback_db, open_database(
            settings.database_url.get_secret_value(), settings.feedback_db, _SCHEMA, pools))

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Turn an unreachable database, a read-only, full or missing data dir into
        `FeedbackUnavailableError`."""
        try:
            yield
        except DatabaseUnavailableError as exc:
            self.problem = str(exc)
            log.error("feedback not stored in %s: %s", self.db.name, self.problem)
            raise FeedbackUnavailableError(self.problem) from None
        self.problem = None

    def check(self) -> str | None:
        """Try to take a write lock; returns why that failed, or None when writable."""
        try:
            with self._writing():
                self.db.check()
        except FeedbackUnavailableError:
            return self.problem
        return None

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
        with self._writing():
            return self.db.insert(
                "INSERT INTO feedback (created_at, rating, comment, answer_kind, question,"
                " language, source) VALUES (?, ?, ?, ?, ?, ?, ?)", row)

    def add_comment(self, row_id: int, comment: str) -> None:
        """Attach a (redacted) comment to an earlier feedback row."""
        with self._writing():
            self.db.execute("UPDATE feedback SET comment = ? WHERE id = ?",
                            (_clean(comment, 1000), row_id))

    def all(self) -> list[dict[str, object]]:
        """Every stored row, oldest first (for operators and tests)."""
        if not self.db.exists():
            return []
        return self.db.query("SELECT * FROM feedback ORDER BY id")
