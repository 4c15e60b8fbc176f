"""Handoff requests in SQLite (`data_dir/handoff.sqlite3`) or, with SPOOR2_DATABASE_URL, in the
shared PostgreSQL database: stored before any delivery is tried.

A request is `pending` until every target has it (`delivered`), `failed` after an attempt that did
not reach every target (it is tried again at `next_attempt_at`), or `handled` once an operator has
dealt with it. `delivered_to` records each target that has it, so a retry never sends it twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from assistant.config import Settings
from assistant.database import Database, PostgresPools, Row, SqliteDatabase, open_database
from assistant.errors import InvalidInputError
from assistant.privacy import mentions_health, redact
from assistant.texts import pair

STATUSES = ("pending", "delivered", "failed", "handled")

SCHEMA = """
CREATE TABLE IF NOT EXISTS handoffs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,              -- ISO 8601 UTC, seconds
    site TEXT NOT NULL DEFAULT '',         -- the page's origin; '' = own UI
    language TEXT NOT NULL,                -- nl | en
    audience TEXT NOT NULL DEFAULT '',     -- werkgever | werknemer | ''
    question TEXT NOT NULL,                -- identifiers redacted
    contact TEXT NOT NULL,                 -- e-mail or phone, given with consent
    consent INTEGER NOT NULL CHECK (consent = 1),
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'failed', 'handled')),
    delivered_to TEXT NOT NULL DEFAULT '', -- comma-separated targets that have it (email, webhook)
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,                  -- ISO 8601 UTC; NULL once nothing is left to send
    last_error TEXT NOT NULL DEFAULT '',   -- short, no secrets
    handled_at TEXT
);
CREATE INDEX IF NOT EXISTS handoffs_due ON handoffs (status, next_attempt_at);
CREATE INDEX IF NOT EXISTS handoffs_site ON handoffs (site, created_at);
"""

_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{8,24}$")


class HandoffInputError(InvalidInputError):
    """A handoff request that cannot be accepted; `code` names the reason for the API."""

    def __init__(self, code: str):
        nl, en = pair(f"handoff.error_{code}")
        super().__init__(f"handoff refused: {code}", nl=nl, en=en)
        self.code = code


def check_contact(contact: str) -> str:
    """The contact as given (trimmed) when it is an e-mail address or a phone number.

    Raises:
        HandoffInputError: neither (code `invalid_contact`).
    """
    text = (contact or "").strip()
    digits = re.sub(r"\D", "", text)
    if len(text) <= 254 and _EMAIL.match(text):
        return text
    if _PHONE.match(text) and 8 <= len(digits) <= 15:
        return text
    raise HandoffInputError("invalid_contact")


def check_question(question: str) -> str:
    """The question with identifiers redacted; refuses one that shares health details.

    Raises:
        HandoffInputError: it mentions health details (code `health_details`; nothing is stored).
    """
    text = (question or "").strip()
    if mentions_health(text):
        raise HandoffInputError("health_details")
    return redact(text)


@dataclass(frozen=True)
class HandoffRequest:
    """One stored request."""

    id: int
    created_at: str
    site: str
    language: str
    audience: str
    question: str
    contact: str
    status: str
    delivered_to: tuple[str, ...]
    attempts: int
    next_attempt_at: str | None
    last_error: str
    handled_at: str | None

    def to_dict(self) -> dict[str, object]:
        """The request as JSON for the admin API."""
        out = dict(self.__dict__)
        out["delivered_to"] = list(self.delivered_to)
        return out


def now_iso(moment: datetime | None = None) -> str:
    """ISO 8601 UTC, seconds."""
    return (moment or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def _row(row: Row) -> HandoffRequest:
    data = dict(row)
    data.pop("consent", None)
    data["delivered_to"] = tuple(t for t in data["delivered_to"].split(",") if t)
    return HandoffRequest(**data)


class HandoffStore:
    """The handoff requests in `database` (default: the SQLite file `path`, made on first use).

    Every method may raise `DatabaseUnavailableError` when the database cannot be reached.
    """

    def __init__(self, path: Path, database: Database | None = None):
        self.path = Path(path)
        self.db = database or SqliteDatabase(self.path, SCHEMA)

    @classmethod
    def from_settings(cls, settings: Settings, pools: PostgresPools | None = None
                      ) -> HandoffStore:
        """The store of SPOOR2_DATABASE_URL (over the instance's `pools`) when set, else
        `data_dir/handoff.sqlite3`."""
        return cls(settings.handoff_db, open_database(
            settings.database_url.get_secret_value(), settings.handoff_db, SCHEMA, pools))

    def _run(self, sql: str, args: tuple = ()) -> list[Row]:
        return self.db.query(sql, args)

    def add(self, question: str, contact: str, *, consent: bool, site: str = "",
            language: str = "nl", audience: str = "", now: datetime | None = None) -> int:
        """Store a request (question redacted) due for delivery now; returns its id.

        Raises:
            HandoffInputError: no consent, an invalid contact, or health details in the question.
        """
        if consent is not True:
            raise HandoffInputError("consent_required")
        clean = check_question(question)
        contact = check_contact(contact)
        stamp = now_iso(now)
        return self.db.insert(
            "INSERT INTO handoffs (created_at, site, language, audience, question, contact,"
            " consent, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
            (stamp, site or "", "en" if language == "en" else "nl", audience or "", clean, contact,
             stamp),
        )

    def get(self, request_id: int) -> HandoffRequest | None:
        """One request, or None."""
        rows = self._run("SELECT * FROM handoffs WHERE id = ?", (request_id,))
        return _row(rows[0]) if rows else None

    def list(self, *, site: str | None = None, status: str | None = None,
             limit: int = 500) -> list[HandoffRequest]:
        """Requests, newest first; `site` None means every site."""
        where, args = [], []
        if site is not None:
            where.append("site = ?")
            args.append(site)
        if status:
            where.append("status = ?")
            args.append(status)
        sql = "SELECT * FROM handoffs" + (" WHERE " + " AND ".join(where) if where else "")
        return [_row(r) for r in self._run(sql + " ORDER BY id DESC LIMIT ?", (*args, limit))]

    def due(self, now: datetime | None = None) -> list[HandoffRequest]:
        """Requests still to be delivered whose next attempt is due, oldest first."""
        rows = self._run(
            "SELECT * FROM handoffs WHERE status IN ('pending', 'failed') AND next_attempt_at <= ?"
            " ORDER BY next_attempt_at, id", (now_iso(now),))
        return [_row(r) for r in rows]

    def next_due(self) -> str | None:
        """When the next delivery attempt is due (ISO), or None."""
        rows = self._run("SELECT MIN(next_attempt_at) AS at FROM handoffs"
                         " WHERE status IN ('pending', 'failed')")
        return rows[0]["at"] if rows else None

    def claim(self, request: HandoffRequest, until: datetime) -> bool:
        """Take a due request for one delivery attempt: its next attempt moves to `until` (a
        lease: a worker that dies mid-attempt leaves it to another then). False when another
        worker, in this or another instance, took it first."""
        return self.db.execute(
            "UPDATE handoffs SET next_attempt_at = ? WHERE id = ? AND next_attempt_at = ?"
            " AND status IN ('pending', 'failed')",
            (now_iso(until), request.id, request.next_attempt_at)) > 0

    def mark_target(self, request_id: int, target: str) -> None:
        """Record that `target` has the request (it is never sent there again)."""
        self.db.execute(
            "UPDATE handoffs SET delivered_to = CASE WHEN delivered_to = '' THEN ?"
            " ELSE delivered_to || ',' || ? END WHERE id = ? AND (',' || delivered_to || ',')"
            " NOT LIKE ('%,' || ? || ',%')", (target, target, request_id, target))

    def finish_attempt(self, request_id: int, *, error: str, next_at: datetime | None) -> None:
        """Count an attempt: delivered (no error) or failed, to be tried again at `next_at`."""
        status = "failed" if error else "delivered"
        self.db.execute(
            "UPDATE handoffs SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
            " status = CASE WHEN status = 'handled' THEN status ELSE ? END WHERE id = ?",
            (error[:200], now_iso(next_at) if error and next_at else None, status, request_id))

    def mark_handled(self, request_id: int, now: datetime | None = None) -> bool:
        """An operator dealt with it; no more delivery attempts. False when unknown."""
        return self.db.execute(
            "UPDATE handoffs SET status = 'handled', handled_at = ?, next_attempt_at = NULL"
            " WHERE id = ?", (now_iso(now), request_id)) > 0

    def purge(self, days: int, now: datetime | None = None) -> int:
        """Delete delivered and handled requests older than `days` (contact details are not
        kept longer than needed); pending and failed ones stay until they are delivered."""
        if not self.db.exists():
            return 0
        cutoff = now_iso((now or datetime.now(UTC)) - timedelta(days=days))
        return self.db.execute("DELETE FROM handoffs WHERE status IN ('delivered', 'handled')"
                               " AND created_at < ?", (cutoff,))

    def retry_now(self, request_id: int, now: datetime | None = None) -> bool:
        """Make a waiting request due now; False when it is delivered, handled or unknown."""
        return self.db.execute(
            "UPDATE handoffs SET next_attempt_at = ? WHERE id = ?"
            " AND status IN ('pending', 'failed')", (now_iso(now), request_id)) > 0
