"""The question log for operators: `GET /api/admin/questions`, `GET /api/admin/feedback`
(JSON, or CSV with `?format=csv`) and the console page `/admin/vragen`.

A site-scoped operator sees only that site's rows; asking for another site is 403."""
from __future__ import annotations

import csv
import io
from html import escape
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.texts import pair, text
from assistant.web.admin.auth import Admin, require_admin
from assistant.web.admin.layout import page
from assistant.web.admin.params import day_param
from assistant.web.errors import ApiError, request_language
from assistant.web.questionlog import COLUMNS, Filters

router = APIRouter(include_in_schema=False)

FEEDBACK_COLUMNS = ("origin", "id", "created_at", "site", "language", "kind", "rating",
                    "comment", "question")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class LogQuery:
    """The filters as query parameters, checked against the operator's site."""

    def __init__(
        self,
        site: Annotated[str | None, Query(max_length=200)] = None,
        language: Annotated[str | None, Query(pattern="^(nl|en)?$")] = None,
        kind: Annotated[str | None, Query(max_length=40)] = None,
        since: Annotated[str | None, Query(max_length=10, description="first day, UTC")] = None,
        until: Annotated[str | None, Query(max_length=10, description="last day, UTC")] = None,
        limit: Annotated[int | None, Query(ge=1, le=10_000)] = None,
        offset: Annotated[int, Query(ge=0)] = 0,
        format: Annotated[Literal["json", "csv"], Query()] = "json",  # noqa: A002 - the API's name
    ):
        self.site, self.language, self.kind = site or None, language or None, kind or None
        self.since, self.until = day_param(since, "since"), day_param(until, "until")
        self.offset, self.format = offset, format
        self.limit = limit or (10_000 if format == "csv" else 100)

    def filters(self, admin: Admin, feedback_only: bool = False) -> Filters:
        site = self.site
        if admin.site is not None:
            if site is not None and site != admin.site:
                raise ApiError(403, "forbidden_site", *pair("admin.forbidden_site"))
            site = admin.site
        return Filters(site=site, language=self.language, kind=self.kind, since=self.since,
                       until=self.until, feedback_only=feedback_only)

    def params(self, **changes: Any) -> str:
        values = {"site": self.site, "language": self.language, "kind": self.kind,
                  "since": self.since, "until": self.until, **changes}
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ gets a leading '."""
    shown = "" if value is None else str(value)
    return "'" + shown if shown.startswith(_FORMULA) else shown


def csv_response(columns: tuple[str, ...], rows: list[dict[str, Any]], name: str) -> Response:
    """UTF-8 CSV with a header row, as a download."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(" ".join(map(str, row[c])) if isinstance(row[c], list)
                                  else row[c]) for c in columns])
    return Response(out.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"',
                             "Cache-Control": "no-store"})


def _questions(request: Request, query: LogQuery, admin: Admin) -> tuple[int, list[dict[str, Any]]]:
    return request.app.state.web.questions.rows(query.filters(admin), query.limit, query.offset)


@router.get("/api/admin/questions")
async def questions(request: Request, admin: Annotated[Admin, Depends(require_admin)],
                    query: Annotated[LogQuery, Depends()]) -> Response:
    """The question log, newest first: `{total, limit, offset, items}`, or CSV."""
    total, items = await run_in_threadpool(_questions, request, query, admin)
    if query.format == "csv":
        return csv_response(COLUMNS, items, "questions")
    return JSONResponse({"total": total, "limit": query.limit, "offset": query.offset,
                         "items": items}, headers={"Cache-Control": "no-store"})


def _feedback(request: Request, query: LogQuery, admin: Admin) -> list[dict[str, Any]]:
    """Thumbs from the question log and from the feedback store, newest first."""
    ctx = request.app.state.web
    filters = query.filters(admin, feedback_only=True)
    _, logged = ctx.questions.rows(filters, 100_000, 0)
    rows = [{"origin": "question_log", "id": r["id"], "created_at": r["created_at"],
             "site": r["site"], "language": r["language"], "kind": r["kind"],
             "rating": r["feedback"], "comment": r["feedback_comment"], "question": r["question"]}
            for r in logged]
    if filters.site is None:  # the feedback store knows no site: only for all-site operators
        since = filters.since.isoformat() if filters.since else ""
        until = filters.until.isoformat() if filters.until else "9999"
        for r in ctx.feedback.all():
            day = str(r["created_at"])[:10]
            if (filters.language not in (None, r["language"])
                    or filters.kind not in (None, r["answer_kind"])
                    or not since <= day <= until):
                continue
            rows.append({"origin": "feedback", "id": r["id"], "created_at": r["created_at"],
                         "site": "", "language": r["language"], "kind": r["answer_kind"],
                         "rating": r["rating"], "comment": r["comment"],
                         "question": r["question"]})
    rows.sort(key=lambda r: str(r["created_at"]), reverse=True)
    return rows


@router.get("/api/admin/feedback")
async def feedback(request: Request, admin: Annotated[Admin, Depends(require_admin)],
                   query: Annotated[LogQuery, Depends()]) -> Response:
    """Thumbs up/down with comments (question log and feedback store), or CSV."""
    rows = await run_in_threadpool(_feedback, request, query, admin)
    page_rows = rows[query.offset:query.offset + query.limit]
    if query.format == "csv":
        return csv_response(FEEDBACK_COLUMNS, page_rows, "feedback")
    return JSONResponse({"total": len(rows), "limit": query.limit, "offset": query.offset,
                         "items": page_rows}, headers={"Cache-Control": "no-store"})


def _label(key: str, lang: str, **values: Any) -> str:
    return escape(text(f"admin.questions.{key}", lang, **values))


def _form(query: LogQuery, admin: Admin, lang: str) -> str:
    def field(name: str, kind: str, value: Any) -> str:
        locked = " readonly" if name == "site" and admin.site is not None else ""
        return (f'<p><label for="f-{name}">{_label(name, lang)}</label><br>'
                f'<input id="f-{name}" name="{name}" type="{kind}" '
                f'value="{escape(str(value or ""))}"{locked}></p>')

    options = "".join(
        f'<option value="{v}"{" selected" if query.language == v else ""}>{label}</option>'
        for v, label in (("", _label("any", lang)), ("nl", "nl"), ("en", "en")))
    return (
        '<form method="get" action="/admin/vragen" class="filters">'
        + field("site", "text", admin.site if admin.site is not None else query.site)
        + f'<p><label for="f-language">{_label("language", lang)}</label><br>'
          f'<select id="f-language" name="language">{options}</select></p>'
        + field("kind", "text", query.kind) + field("since", "date", query.since)
        + field("until", "date", query.until)
        + f'<p><button type="submit">{_label("show", lang)}</button></p></form>')


def _table(items: list[dict[str, Any]], lang: str) -> str:
    head = "".join(f'<th scope="col">{_label(k, lang)}</th>' for k in (
        "time", "site", "language", "kind", "confidence", "question", "cited", "feedback"))
    body = []
    for r in items:
        question = escape(r["question"])
        if r["health_removed"]:
            question += f' <span class="muted">({_label("health", lang)})</span>'
        rating = {"up": "👍", "down": "👎"}.get(r["feedback"] or "", "")
        if r["feedback_comment"]:
            rating += " " + escape(r["feedback_comment"])
        body.append(
            f"<tr><td>{escape(r['created_at'])}</td>"
            f"<td>{escape(r['site']) or _label('own', lang)}</td><td>{escape(r['language'])}</td>"
            f"<td>{escape(r['kind'])}</td><td>{r['confidence']:.2f}</td><td>{question}</td>"
            f"<td>{escape(', '.join(r['cited']))}</td><td>{rating}</td></tr>")
    return (f'<div class="wrap"><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table></div>')


@router.get("/admin/vragen", response_class=HTMLResponse)
async def questions_page(request: Request, admin: Annotated[Admin, Depends(require_admin)],
                         query: Annotated[LogQuery, Depends()]) -> HTMLResponse:
    """The question log with its filters (a GET form) and a CSV link."""
    lang = request_language(request)
    query.limit = min(query.limit, 200)
    total, items = await run_in_threadpool(_questions, request, query, admin)
    parts = [_form(query, admin, lang)]
    if not request.app.state.web.questions.enabled:
        parts.append(f'<p class="muted">{_label("off", lang)}</p>')
    parts.append(f'<p>{_label("count", lang, n=total)} · '
                 f'<a href="/api/admin/questions?{escape(query.params(format="csv"))}" download>'
                 f'{_label("csv", lang)}</a></p>')
    parts.append(_table(items, lang) if items else f"<p>{_label('none', lang)}</p>")
    pages = []
    if query.offset > 0:
        prev = query.params(offset=max(0, query.offset - query.limit), limit=query.limit)
        pages.append(f'<a href="/admin/vragen?{escape(prev)}">{_label("prev", lang)}</a>')
    if query.offset + query.limit < total:
        nxt = query.params(offset=query.offset + query.limit, limit=query.limit)
        pages.append(f'<a href="/admin/vragen?{escape(nxt)}">{_label("next", lang)}</a>')
    if pages:
        parts.append(f'<nav aria-label="{_label("pages", lang)}"><p>'
                     + " · ".join(pages) + "</p></nav>")
    return page(_label("title", lang), "\n".join(parts), path="/admin/vragen", language=lang)
