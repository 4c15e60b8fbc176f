"""The question log: each answered message, without personal details, for the operator console.

Off unless SPOOR2_QUESTION_LOG=1; then nothing is written and no file is made. The question is
stored with identifiers replaced (`privacy.for_storage`); a question with health details is stored
as its topic only. The conversation around it never is. Rows older than SPOOR2_RETENTION_DAYS are
deleted by the server (`purge`, at start-up and every hour). A failed write never breaks an
answer: it is logged and `/api/health` reports `degraded`.
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.database import Database, PostgresPools, SqliteDatabase, open_database
from assistant.errors import DatabaseUnavailableError
from assistant.privacy import HEALTH_REMOVED, for_storage
from assistant.texts import pair

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,          -- ISO 8601 UTC, seconds: 2026-11-30T16:20:00+00:00
    site TEXT NOT NULL DEFAULT '',     -- the page's origin (scheme://host[:port]) for widget/API calls; '' = own UI
    language TEXT NOT NULL,            -- nl | en (the answer's language)
    audience TEXT NOT NULL DEFAULT '', -- werkgever | werknemer | ''
    kind TEXT NOT NULL,                -- the Answer.kind (card, extractive, deadline, dont_know, refused, clarify, ...)
    confidence REAL NOT NULL,
    cited TEXT NOT NULL DEFAULT '[]',  -- JSON list of cited document ids
    question TEXT NOT NULL,            -- identifiers removed; a health question is stored as its topic only
    health_removed INTEGER NOT NULL DEFAULT 0,  -- 1 when the words were replaced by the topic
    feedback TEXT,                     -- up | down | NULL
    feedback_comment TEXT
);
CREATE INDEX IF NOT EXISTS questions_created ON questions (created_at);
CREATE INDEX IF NOT EXISTS questions_site ON questions (site, created_at);
"""  # noqa: E501 - the DDL exactly as agreed with the other areas

PURGE_SECONDS = 3600.0
UNAVAILABLE = pair("web.question_log_unavailable")
COLUMNS = ("id", "created_at", "site", "language", "audience", "kind", "confidence", "cited",
           "question", "health_removed", "feedback", "feedback_comment")


def _now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    """The stored form of a time: ISO 8601 in UTC, seconds."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Entry:
    """One answered question, before cleaning (`QuestionLog.add` cleans it)."""

    question: str
    topic: str
    site: str
    language: str
    audience: str
    kind: str
    confidence: float
    cited: list[str]


@dataclass(frozen=True)
class Filters:
    """What an operator asks for: every field optional; dates are UTC days, `until` inclusive."""

    site: str | None = None
    language: str | None = None
    kind: str | None = None
    since: date | None = None
    until: date | None = None
    feedback_only: bool = False

    def where(self, *extra: str) -> tuple[str, list[Any]]:
        """The WHERE clause (with its leading space and keyword, or empty) and its parameters;
        `extra` conditions are added as they are."""
        clauses, args = list(extra), []
        for column in ("site", "language", "kind"):
            value = getattr(self, column)
            if value is not None:
                clauses.append(f"questions.{column} = ?")
                args.append(value)
        if self.since:
            clauses.append("questions.created_at >= ?")
            args.append(f"{self.since.isoformat()}T00:00:00+00:00")
        if self.until:
            clauses.append("questions.created_at < ?")
            args.append(f"{(self.until + timedelta(days=1)).isoformat()}T00:00:00+00:00")
        if self.feedback_only:
            clauses.append("questions.feedback IS NOT NULL")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


class QuestionLog:
    """The `questions` table in `database` (default: the SQLite file `path`); every method is a
    no-op while `enabled` is False."""

    def __init__(self, path: Path, enabled: bool, retention_days: int = 90,
                 clock: Callable[[], datetime] = _now, database: Database | None = None):
        self.path = Path(path)
        self.db = database or SqliteDatabase(self.path, SCHEMA)
        self.enabled = enabled
        self.retention_days = retention_days
        self.clock = clock
        self.problem: str | None = None  # why the last write failed; None once one succeeds

    @classmethod
    def from_settings(cls, settings: Settings, pools: PostgresPools | None = None
                      ) -> QuestionLog:
        """The log of SPOOR2_DATABASE_URL (over the instance's `pools`) when set, else
        `data_dir/questions.sqlite3`."""
        return cls(settings.question_db, settings.question_log, settings.retention_days,
                   database=open_database(settings.database_url.get_secret_value(),
                                          settings.question_db, SCHEMA, pools))

    def _write(self, what: str, run: Callable[[], int]) -> int | None:
        """Run one change; on failure log it, remember why, and return None (never raise)."""
        try:
            result = run()
        except DatabaseUnavailableError as exc:
            self.problem = str(exc)
            log.error("question log: %s failed in %s: %s", what, self.db.name, self.problem)
            return None
        self.problem = None
        return result

    def add(self, entry: Entry) -> int | None:
        """Store one answered question (cleaned); its id, or None when off or not stored."""
        if not self.enabled:
            return None
        question, health = for_storage(entry.question, entry.topic or entry.kind)
        row = (stamp(self.clock()), entry.site[:200], entry.language[:5], entry.audience[:20],
               entry.kind[:40], round(float(entry.confidence), 3),
               json.dumps([str(c)[:300] for c in entry.cited][:20], ensure_ascii=False),
               question, int(health))
        return self._write("add", lambda: self.db.insert(
            "INSERT INTO questions (created_at, site, language, audience, kind, confidence,"
            " cited, question, health_removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)) or None

    def set_feedback(self, question_id: int, site: str, rating: str,
                     comment: str | None = None) -> bool:
        """Thumbs (and a cleaned comment) on the row `question_id` of the same `site` only."""
        if not self.enabled or rating not in ("up", "down"):
            return False
        if comment is not None and comment.strip():
            cleaned, _ = for_storage(comment, HEALTH_REMOVED, limit=1000)
            sql = ("UPDATE questions SET feedback = ?, feedback_comment = ?"
                   " WHERE id = ? AND site = ?")
            args: tuple[Any, ...] = (rating, cleaned, question_id, site)
        else:
            sql = "UPDATE questions SET feedback = ? WHERE id = ? AND site = ?"
            args = (rating, question_id, site)
        return bool(self._write("feedback", lambda: self.db.execute(sql, args)))

    def purge(self) -> int:
        """Delete rows older than the retention (also while logging is off, if a file exists)."""
        if not self.db.exists():
            return 0
        cutoff = stamp(self.clock() - timedelta(days=self.retention_days))
        deleted = self._write("purge", lambda: self.db.execute(
            "DELETE FROM questions WHERE created_at < ?", (cutoff,))) or 0
        if deleted:
            log.info("question log: deleted %s rows older than %s days", deleted,
                     self.retention_days)
        return deleted

    async def purge_forever(self, every: float = PURGE_SECONDS) -> None:
        """`purge` now and then every `every` seconds (a task of the app's lifespan)."""
        while True:
            await asyncio.to_thread(self.purge)
            await asyncio.sleep(every)

    def check(self) -> str | None:
        """Why rows cannot be written now (None when fine, or when the log is off)."""
        if not self.enabled:
            return None
        try:
            self.db.check()
        except DatabaseUnavailableError as exc:
            self.problem = str(exc)
        else:
            self.problem = None
        return self.problem

    def rows(self, filters: Filters, limit: int = 100, offset: int = 0,
             ) -> tuple[int, list[dict[str, Any]]]:
        """(number of matching rows, the rows newest first from `offset`).

        Raises:
            DatabaseUnavailableError: the log cannot be read.
        """
        if not self.db.exists():
            return 0, []
        where, args = filters.where()
        total = self.db.query(f"SELECT COUNT(*) AS n FROM questions{where}", args)[0]["n"]
        found = self.db.query(
            f"SELECT * FROM questions{where} ORDER BY created_at DESC, id DESC"
            " LIMIT ? OFFSET ?", [*args, limit, offset])
        items = []
        for row in found:
            item = dict(row)
            item["cited"] = json.loads(item["cited"] or "[]")
            item["health_removed"] = bool(item["health_removed"])
            items.append(item)
        return int(total), items
