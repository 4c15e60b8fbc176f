"""The console's dashboard (`/admin`) and "Unanswered" (`/admin/onbeantwoord`), and their JSON
(`/api/admin/stats`, `/api/admin/unanswered`). Filters: `site` (an origin; "-" for the own UI),
`language` (nl | en), `since` and `until` (YYYY-MM-DD, UTC days, both included)."""
from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from assistant.web.admin.auth import Admin, require_admin
from assistant.web.admin.groups import QuestionGroup, VectorCache, group_questions
from assistant.web.admin.insights import LOW_CONFIDENCE, Filters, QuestionLogReader, filters_for
from assistant.web.admin.layout import page
from assistant.web.admin.views import dashboard_body, filter_form, t, unanswered_body
from assistant.web.errors import ApiError, request_language

router = APIRouter(include_in_schema=False)

UNANSWERED = "/admin/onbeantwoord"


def _reader(request: Request) -> QuestionLogReader:
    return QuestionLogReader(database=request.app.state.web.questions.db)


def _titles(request: Request, ids: list[str]) -> dict[str, str]:
    """Titles of cited documents from the serving index ({} while the assistant starts)."""
    assistant = request.app.state.web.holder.peek()
    if assistant is None:
        return {}
    titles = {}
    for doc_id in ids:
        chunks = assistant.by_doc.get(doc_id)
        if chunks:
            titles[doc_id] = str(chunks[0].metadata.get("title") or doc_id)
    return titles


def _stats(request: Request, filters: Filters) -> dict:
    stats = _reader(request).stats(filters)
    titles = _titles(request, [c["id"] for c in stats["cited"]])
    for cited in stats["cited"]:
        cited["title"] = titles.get(cited["id"])
    return stats


async def _groups(request: Request, filters: Filters) -> tuple[list[QuestionGroup], bool]:
    """The unanswered questions in groups, and whether they were grouped by meaning (False: by
    the same text only, while the assistant and its embedder are still starting)."""
    rows = await run_in_threadpool(_reader(request).unanswered, filters)
    assistant = request.app.state.web.holder.peek()
    if assistant is None:
        return group_questions(rows, None), False
    state = request.app.state
    cache = getattr(state, "unanswered_vectors", None)
    if cache is None:
        cache = state.unanswered_vectors = VectorCache()
    meant = [r for r in rows if not r.health_removed]
    vectors = await run_in_threadpool(cache.vectors, meant, assistant.embedder.embed_queries)
    return await run_in_threadpool(group_questions, rows, vectors), True


@router.get("/api/admin/stats")
async def stats_api(request: Request, admin: Annotated[Admin, Depends(require_admin)]) -> dict:
    """Questions per day, share per answer kind, rates, thumbs and the most cited documents."""
    filters = filters_for(admin, request.query_params)
    stats = await run_in_threadpool(_stats, request, filters)
    return {"filters": _filters_json(filters), **stats}


@router.get("/api/admin/unanswered")
async def unanswered_api(request: Request, admin: Annotated[Admin, Depends(require_admin)]) -> dict:
    """The don't-know, declined, low-confidence and thumbs-down questions in groups, largest
    first."""
    filters = filters_for(admin, request.query_params)
    groups, by_meaning = await _groups(request, filters)
    return {"filters": _filters_json(filters), "grouped_by_meaning": by_meaning,
            "low_confidence": LOW_CONFIDENCE, "groups": [g.as_dict() for g in groups]}


def _filters_json(filters: Filters) -> dict:
    return {"site": filters.site, "language": filters.language,
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None}


def _form(request: Request, admin: Admin, action: str, lang: str) -> str:
    sites = _reader(request).sites(admin) if admin.site is None else []
    return filter_form(request.query_params, admin, sites, action, lang)


def _error_page(exc: ApiError, title: str, path: str, lang: str, form: str) -> HTMLResponse:
    return page(title, form + f'<p class="error" role="alert">{escape(exc.message(lang))}</p>',
                path=path, language=lang, status_code=exc.status)


async def dashboard_page(request: Request, admin: Admin) -> HTMLResponse:
    """The dashboard (the console's first page): filters, totals, charts, cited documents."""
    lang = request_language(request)
    title, form = t("overview", lang), _form(request, admin, "/admin", lang)
    try:
        filters = filters_for(admin, request.query_params)
    except ApiError as exc:
        return _error_page(exc, title, "/admin", lang, form)
    stats = await run_in_threadpool(_stats, request, filters)
    query = request.url.query
    link = f"{UNANSWERED}?{query}" if query else UNANSWERED
    return page(title, dashboard_body(stats, form, link, lang), path="/admin", language=lang)


@router.get(UNANSWERED, response_class=HTMLResponse)
async def unanswered_page(request: Request,
                          admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """Unanswered questions in groups of the same meaning, largest first."""
    lang = request_language(request)
    title, form = t("unanswered", lang), _form(request, admin, UNANSWERED, lang)
    try:
        filters = filters_for(admin, request.query_params)
    except ApiError as exc:
        return _error_page(exc, title, UNANSWERED, lang, form)
    groups, by_meaning = await _groups(request, filters)
    return page(title, unanswered_body(groups, by_meaning, form, lang), path=UNANSWERED,
                language=lang)
