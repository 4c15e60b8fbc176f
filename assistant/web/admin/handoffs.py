"""Handoff requests for operators: `GET /api/admin/handoffs`, mark handled, retry, and the console
page `/admin/overdrachten`."""
from __future__ import annotations

from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from assistant.handoff.store import STATUSES, HandoffRequest
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
_STATUS = {
    "pending": ("wacht op verzending", "waiting to be sent"),
    "delivered": ("afgeleverd", "delivered"),
    "failed": ("verzenden mislukt, volgt opnieuw", "delivery failed, will retry"),
    "handled": ("afgehandeld", "handled"),
}
_NOT_FOUND = ("Deze overdracht bestaat niet.", "This handoff does not exist.")
_FORBIDDEN_SITE = ("U mag alleen de gegevens van uw eigen website zien.",
                   "You may only see your own website's data.")


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
        raise ApiError(422, "invalid_field", f"Onbekende status; kies uit: {choices}.",
                       f"Unknown status; choose one of: {choices}.")
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
        raise ApiError(409, "not_retryable",
                       "Deze overdracht is al afgeleverd of afgehandeld.",
                       "This handoff has already been delivered or handled.")
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


def _row_html(r: HandoffRequest, en: bool, csrf: str) -> str:
    status = _STATUS.get(r.status, (r.status, r.status))[1 if en else 0]
    error = when = ""
    if r.status == "failed":
        error = f'<br><span class="error">{escape(r.last_error)}</span>'
        when = (f'<br><span class="muted">{"next attempt" if en else "volgende poging"}: '
                f"{escape(r.next_attempt_at or '')}</span>")
    action = ""
    if r.status != "handled":
        label = "Mark handled" if en else "Markeer als afgehandeld"
        action = (f'<form method="post" action="{PAGE}/{r.id}/afgehandeld">'
                  f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf)}">'
                  f'<button type="submit" aria-label="{escape(label)} (#{r.id})">{escape(label)}'
                  "</button></form>")
    return (f'<tr id="h{r.id}"><td>{r.id}</td><td>{escape(r.created_at)}</td>'
            f"<td>{escape(r.site or ('own chat' if en else 'eigen chat'))}</td>"
            f"<td>{escape(r.question)}</td><td>{escape(r.contact)}</td>"
            f'<td class="status-{escape(r.status)}">{escape(status)}{error}{when}</td>'
            f"<td>{action}</td></tr>")


@router.get(PAGE, response_class=HTMLResponse)
async def handoffs_page(request: Request, admin: Annotated[Admin, Depends(require_admin)],
                        status: str | None = None) -> HTMLResponse:
    """The console's list of handoff requests with a mark-handled button each."""
    lang = request_language(request)
    en = lang == "en"
    status = status if status in STATUSES else None
    rows = await run_in_threadpool(request.app.state.web.handoff.store.list,
                                   site=_site_filter(admin, None), status=status)
    heads = (("#", "Received", "Website", "Question", "Contact", "Status", "Action")
             if en else ("#", "Ontvangen", "Website", "Vraag", "Contact", "Status", "Actie"))
    if rows:
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in heads)
        caption = ("Handoff requests, newest first" if en
                   else "Vragen voor een adviseur, nieuwste eerst")
        csrf = csrf_token(request)
        body = (f'<div class="wrap"><table><caption>{caption}</caption>'
                f"<thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(_row_html(r, en, csrf) for r in rows)}</tbody></table></div>")
    else:
        empty = "No handoff requests yet." if en else "Nog geen vragen voor een adviseur."
        body = f"<p>{empty}</p>"
    desk = request.app.state.web.handoff
    if not any(desk.available(site) for site in ("", *(p.key for p in desk.sites.profiles))):
        missing = ("Handoff is not configured: set SPOOR2_SMTP_HOST and SPOOR2_SMTP_TO, or "
                   "SPOOR2_HANDOFF_WEBHOOK." if en else "Doorsturen is niet ingesteld: zet "
                   "SPOOR2_SMTP_HOST en SPOOR2_SMTP_TO, of SPOOR2_HANDOFF_WEBHOOK.")
        body = f'<p class="error">{missing}</p>{body}' 
    return page("Handoffs" if en else "Overdrachten", body, path=PAGE, language=lang)
