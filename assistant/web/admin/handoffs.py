"""Handoff requests for operators: `GET /api/admin/handoffs`, mark handled, retry, and the console
page `/admin/overdrachten`."""
from __future__ import annotations

from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from assistant.handoff.store import STATUSES, HandoffRequest
from assistant.texts import pair, text
from assistant.web.admin.auth import (
    CSRF_FIELD,
    Admin,
    csrf_token,
    require_admin,
    require_admin_change,
)
from assistant.web.admin.layout import page
from assistant.web.errors import ApiError, request_language

router = APIRouter(include_in_schema=False)

PAGE = "/admin/overdrachten"
_NOT_FOUND = pair("admin.handoffs.not_found")
_FORBIDDEN_SITE = pair("admin.forbidden_site")


def _site_filter(admin: Admin, site: str | None) -> str | None:
    """The site to list: the operator's own; asking for another one is 403."""
    if admin.site is not None:
        if site is not None and site != admin.site:
            raise ApiError(403, "forbidden_site", *_FORBIDDEN_SITE)
        return admin.site
    return site


def _own(request: Request, admin: Admin, handoff_id: int) -> HandoffRequest:
    found = request.app.state.web.handoff.store.get(handoff_id)
    if found is None or (admin.site is not None and found.site != admin.site):
        raise ApiError(404, "not_found", *_NOT_FOUND)
    return found


@router.get("/api/admin/handoffs")
async def list_handoffs(request: Request, admin: Annotated[Admin, Depends(require_admin)],
                        site: str | None = None, status: str | None = None) -> dict[str, Any]:
    """Handoff requests, newest first, with their delivery status (filters: site, status)."""
    if status is not None and status not in STATUSES:
        choices = ", ".join(STATUSES)
        raise ApiError(422, "invalid_field",
                       *pair("admin.handoffs.unknown_status", choices=choices))
    store = request.app.state.web.handoff.store
    rows = await run_in_threadpool(store.list, site=_site_filter(admin, site), status=status)
    return {"handoffs": [r.to_dict() for r in rows]}


@router.post("/api/admin/handoffs/{handoff_id}/handled")
async def mark_handled(request: Request, handoff_id: int,
                       admin: Annotated[Admin, Depends(require_admin_change)]) -> dict[str, Any]:
    """Mark a request handled: it leaves the queue and is never sent again."""
    _own(request, admin, handoff_id)
    desk = request.app.state.web.handoff
    await run_in_threadpool(desk.mark_handled, handoff_id)
    return desk.store.get(handoff_id).to_dict()


@router.post("/api/admin/handoffs/{handoff_id}/retry")
async def retry(request: Request, handoff_id: int,
                admin: Annotated[Admin, Depends(require_admin_change)]) -> dict[str, Any]:
    """Try to deliver a waiting request now (409 when it is delivered or handled)."""
    _own(request, admin, handoff_id)
    desk = request.app.state.web.handoff
    if not await run_in_threadpool(desk.store.retry_now, handoff_id):
        raise ApiError(409, "not_retryable", *pair("admin.handoffs.not_retryable"))
    await run_in_threadpool(desk.deliverer.deliver_due)
    return desk.store.get(handoff_id).to_dict()


@router.post(PAGE + "/{handoff_id}/afgehandeld")
async def mark_handled_form(request: Request, handoff_id: int,
                            admin: Annotated[Admin, Depends(require_admin_change)],
                            ) -> RedirectResponse:
    """The console's "mark handled" button (a form POST; back to the list)."""
    _own(request, admin, handoff_id)
    await run_in_threadpool(request.app.state.web.handoff.mark_handled, handoff_id)
    return RedirectResponse(f"{PAGE}#h{handoff_id}", status_code=303)


def _row_html(r: HandoffRequest, lang: str, csrf: str) -> str:
    def t(key: str) -> str:
        return text(f"admin.handoffs.{key}", lang)

    status = t(f"status_{r.status}") if r.status in STATUSES else r.status
    error = when = ""
    if r.status == "failed":
        error = f'<br><span class="error">{escape(r.last_error)}</span>'
        when = (f'<br><span class="muted">{t("next_attempt")}: '
                f"{escape(r.next_attempt_at or '')}</span>")
    action = ""
    if r.status != "handled":
        label = t("mark_handled")
        action = (f'<form method="post" action="{PAGE}/{r.id}/afgehandeld">'
                  f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf)}">'
                  f'<button type="submit" aria-label="{escape(label)} (#{r.id})">{escape(label)}'
                  "</button></form>")
    return (f'<tr id="h{r.id}"><td>{r.id}</td><td>{escape(r.created_at)}</td>'
            f"<td>{escape(r.site or t('own_chat'))}</td>"
            f"<td>{escape(r.question)}</td><td>{escape(r.contact)}</td>"
            f'<td class="status-{escape(r.status)}">{escape(status)}{error}{when}</td>'
            f"<td>{action}</td></tr>")


@router.get(PAGE, response_class=HTMLResponse)
async def handoffs_page(request: Request, admin: Annotated[Admin, Depends(require_admin)],
                        status: str | None = None) -> HTMLResponse:
    """The console's list of handoff requests with a mark-handled button each."""
    lang = request_language(request)
    status = status if status in STATUSES else None
    rows = await run_in_threadpool(request.app.state.web.handoff.store.list,
                                   site=_site_filter(admin, None), status=status)
    heads = ("#", *(text(f"admin.handoffs.col_{k}", lang)
                    for k in ("received", "website", "question", "contact", "status", "action")))
    if rows:
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
        caption = text("admin.handoffs.caption", lang)
        csrf = csrf_token(request)
        body = (f'<div class="wrap"><table><caption>{caption}</caption>'
                f"<thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(_row_html(r, lang, csrf) for r in rows)}</tbody></table></div>")
    else:
        empty = text("admin.handoffs.none", lang)
        body = f"<p>{empty}</p>"
    desk = request.app.state.web.handoff
    if not any(desk.available(site) for site in ("", *(p.key for p in desk.sites.profiles))):
        missing = text("admin.handoffs.not_configured", lang)
        body = f'<p class="error">{missing}</p>{body}' 
    return page(text("admin.nav_handoffs", lang), body, path=PAGE, language=lang)
