"""Signing in to the console (`/admin/login`, token or password) and signing out."""
from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from assistant.texts import text
from assistant.web.admin.auth import (
    CSRF_FIELD,
    Admin,
    admin_settings,
    csrf_token,
    end_session,
    password_admin,
    record_failure,
    require_admin,
    require_admin_change,
    start_session,
    throttled,
    token_admin,
)
from assistant.web.admin.layout import page
from assistant.web.errors import request_language

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only a console path of this site (no `//host`, no scheme) is a place to go after login."""
    target = (target or "").strip()
    if target.startswith("/admin") and not target.startswith("//") and "\\" not in target:
        return target
    return "/admin"


def _login_page(request: Request, next_path: str, error: str = "", status: int = 200,
                headers: dict[str, str] | None = None) -> HTMLResponse:
    lang = request_language(request)
    has_password = bool(admin_settings(request).admin_password_hash.get_secret_value())
    label = text("admin.token_or_password" if has_password else "admin.token", lang)
    message = f'<p class="error" role="alert" id="login-error">{escape(error)}</p>' if error else ""
    described = ' aria-describedby="login-error" aria-invalid="true"' if error else ""
    body = f"""{message}
<form method="post" action="/admin/login{'' if lang == 'nl' else '?lang=' + lang}">
<input type="hidden" name="next" value="{escape(next_path)}">
<p><label for="secret">{escape(label)}</label><br>
<input id="secret" name="secret" type="password" autocomplete="current-password" required
 style="max-width: 100%" size="40"{described}></p>
<p><button type="submit">{text("admin.sign_in", lang)}</button></p>
</form>"""
    response = page(text("admin.sign_in", lang), body, path="/admin/login", language=lang,
                    status_code=status)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


@router.get("/admin/login", response_class=HTMLResponse)
async def login_form(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002
    """The sign-in form."""
    return _login_page(request, _safe_next(next))


@router.post("/admin/login")
async def login(request: Request, secret: Annotated[str, Form(max_length=1024)] = "",
                next: Annotated[str, Form(max_length=500)] = "") -> Response:  # noqa: A002
    """Check the token or password; set the session cookie and go on, or show the form again."""
    lang = request_language(request)
    wait = throttled(request)
    if wait:
        minutes = max(1, -(-wait // 60))
        return _login_page(
            request, _safe_next(next),
            text("admin.too_many_attempts", lang, minutes=minutes),
            429, {"Retry-After": str(wait)})
    settings = admin_settings(request)
    admin = token_admin(settings, secret, request) or password_admin(settings, secret)
    if admin is None:
        record_failure(request, "form")
        return _login_page(
            request, _safe_next(next),
            text("admin.wrong_secret", lang), 401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    start_session(request, response, admin)
    return response


@router.get("/admin/logout", response_class=HTMLResponse)
async def logout_form(request: Request,
                      admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """A button to sign out (a change, so a form with the CSRF token)."""
    lang = request_language(request)
    body = f"""<form method="post" action="/admin/logout">
<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(request))}">
<button type="submit">{text("admin.sign_out", lang)}</button></form>"""
    return page(text("admin.sign_out", lang), body, path="/admin/logout", language=lang)


@router.post("/admin/logout")
async def logout(request: Request,
                 admin: Annotated[Admin, Depends(require_admin_change)]) -> Response:
    """End the session and go to the sign-in form."""
    response = RedirectResponse("/admin/login", status_code=303)
    end_session(request, response)
    return response
