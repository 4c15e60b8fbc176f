"""Who is an operator: `Authorization: Bearer <SPOOR2_ADMIN_TOKEN>` (every site), a site's own
admin token from its profile (SPOOR2_SITES; that site only, see `check_site`), or a signed session
cookie from signing in with either (or the password).

`require_admin` is the one dependency every admin route takes; it answers 401 JSON on the API and
a redirect to /admin/login on console pages (never data) without valid credentials.
`require_admin_change` is the dependency of every route that changes something: with a cookie
session it also checks the session's CSRF token (`X-CSRF-Token` header or a `csrf_token` form
field); a bearer-token call needs none (a browser never adds that header by itself).

A session cookie is `base64url(json payload) "." base64url(HMAC-SHA256)`, keyed by the admin
token and password hash (changing either signs everyone out), `HttpOnly`, `SameSite=Strict`,
`Path=/`, `Secure` over HTTPS, valid SPOOR2_ADMIN_SESSION_HOURS. Failed sign-ins (form or bearer)
are limited per client IP and logged without what was typed.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import logging
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from assistant.config import Settings
from assistant.texts import pair
from assistant.web.admin.passwords import PasswordFormatError, check_format, verify_password
from assistant.web.errors import ApiError
from assistant.web.sharedlimits import LimitsWindow, Revocations, limits_storage, limits_window

log = logging.getLogger(__name__)

COOKIE = "spoor2_admin"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
LOGIN_PATH = "/admin/login"
MAX_FAILURES = 5  # failed sign-ins per client IP ...
FAILURE_WINDOW = 15 * 60.0  # ... per 15 minutes

_FORBIDDEN_SITE = pair("admin.forbidden_site")
_UNAUTHORIZED = pair("admin.unauthorized")
_CSRF = pair("admin.csrf_failed")


@dataclass(frozen=True)
class Admin:
    """A signed-in operator; `site` is None for an operator of every site."""

    site: str | None = None
    via: str = "token"  # token | session
    origins: tuple[str, ...] = ()  # the site's origins (the question log stores the origin)

    @property
    def scope(self) -> tuple[str, ...] | None:
        """The `site` values this operator may see (its key and origins), None for every site:
        filter lists with `WHERE site IN scope` when it is not None."""
        return None if self.site is None else (self.site, *self.origins)

    def sees(self, site: str | None) -> bool:
        """True when this operator may see data of `site` (a site key or origin)."""
        return self.site is None or (site or "") in (self.scope or ())


def check_site(admin: Admin, site: str | None) -> None:
    """Raise 403 `forbidden_site` when a site-scoped operator asks for another site's data
    (`site` is a site key or origin; '' or None is the shared part, which is every site's)."""
    if site and not admin.sees(site):
        log.info("site operator %s refused data of another site", admin.site)
        raise ApiError(403, "forbidden_site", *_FORBIDDEN_SITE)


def admin_for_token(request: Request, token: str | None) -> Admin | None:
    """The operator a token belongs to: SPOOR2_ADMIN_TOKEN (every site) or a site profile's
    admin token (that site only); None for any other token."""
    if not token:
        return None
    web = request.app.state.web
    expected = web.settings.admin_token.get_secret_value()
    if expected and hmac.compare_digest(token.encode(), expected.encode()):
        return Admin()
    profile = web.sites.for_token(token)
    return Admin(site=profile.key, origins=profile.origins) if profile else None


class LoginRequired(Exception):
    """A console page was asked for without a session: the browser goes to the login form."""

    def __init__(self, next_path: str):
        super().__init__(next_path)
        self.next_path = next_path


class LoginThrottle:
    """Failed sign-ins per key in a moving window (the `limits` library: in memory, or in Redis
    with SPOOR2_REDIS_URL, so the failures of every instance count); `wait(key)` is the seconds
    until the next attempt is allowed (0: allowed now). `clock` (tests) moves memory's time."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = FAILURE_WINDOW,
                 clock: Callable[[], float] | None = None, shared: LimitsWindow | None = None):
        self.limit, self.window = limit, window
        self.shared = shared
        self._window = shared or limits_window("", limit, math.ceil(window), "spoor2-login",
                                               clock)

    @classmethod
    def from_settings(cls, settings: Settings) -> LoginThrottle:
        """In memory, or shared through SPOOR2_REDIS_URL when set."""
        url = settings.redis_url.get_secret_value()
        return cls(shared=limits_window(url, MAX_FAILURES, int(FAILURE_WINDOW), "spoor2-login")
                   if url else None)

    def wait(self, key: str) -> int:
        """Seconds until `key` may try again (0 when it may now)."""
        return self._window.wait(key)

    def fail(self, key: str) -> None:
        """Record a failed attempt."""
        self._window.hit(key)


@dataclass
class AuthState:
    """The console's sign-in state, kept on `app.state.admin_auth`."""

    settings: Settings
    throttle: LoginThrottle = field(default_factory=LoginThrottle)
    # ids of sessions that signed out, in memory or (SPOOR2_REDIS_URL) in Redis
    revoked: Revocations = field(default_factory=lambda: Revocations(limits_storage(), 24 * 3600))

    @property
    def key(self) -> bytes:
        """The session signing key: changes when the token or the password hash changes."""
        material = "\0".join(("spoor2-admin-session", self.settings.admin_token.get_secret_value(),
                              self.settings.admin_password_hash.get_secret_value()))
        return hashlib.sha256(material.encode()).digest()


def _state(request: Request) -> AuthState:
    state = getattr(request.app.state, "admin_auth", None)
    if state is None:  # an app that mounted the routers without `install_auth`
        state = request.app.state.admin_auth = AuthState(request.app.state.web.settings)
    return state


def admin_settings(request: Request) -> Settings:
    """The settings the console's sign-in uses."""
    return _state(request).settings


def install_auth(app: FastAPI, settings: Settings) -> None:
    """Keep the sign-in state on the app and send console pages without a session to login."""
    storage = limits_storage(settings.redis_url.get_secret_value())
    app.state.admin_auth = AuthState(
        settings, throttle=LoginThrottle.from_settings(settings),
        revoked=Revocations(storage, math.ceil(settings.admin_session_hours * 3600)))
    stored = settings.admin_password_hash.get_secret_value()
    if stored:
        try:
            check_format(stored)
        except PasswordFormatError as exc:
            log.warning("SPOOR2_ADMIN_PASSWORD_HASH is not usable (%s); password sign-in is off",
                        exc)

    @app.exception_handler(LoginRequired)
    async def _to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"{LOGIN_PATH}?next={quote(exc.next_path, safe='/')}",
                                status_code=303, headers={"Cache-Control": "no-store"})


# -- credentials ------------------------------------------------------------------------------
def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def token_admin(settings: Settings, token: str, request: Request | None = None) -> Admin | None:
    """The operator a token belongs to (None: no operator): the global token, or with `request`
    a site profile's token too. The one place tokens are checked."""
    if request is not None:
        return admin_for_token(request, token)
    expected = settings.admin_token.get_secret_value()
    if expected and token and hmac.compare_digest(token.encode(), expected.encode()):
        return Admin()
    return None


def password_admin(settings: Settings, password: str) -> Admin | None:
    """The operator a console password signs in (None: wrong or no password configured)."""
    stored = settings.admin_password_hash.get_secret_value()
    if not stored or not password:
        return None
    try:
        return Admin() if verify_password(password, stored) else None
    except PasswordFormatError:
        return None


def client_ip(request: Request) -> str:
    """The client's IP (proxy-aware, as the rest of the app sees it)."""
    return request.app.state.web.ip_of(request)


def throttled(request: Request) -> int:
    """Seconds this client must wait before another sign-in attempt (0: none)."""
    return _state(request).throttle.wait(client_ip(request))


def record_failure(request: Request, how: str) -> None:
    """Count and log a failed sign-in (never what was typed)."""
    ip = client_ip(request)
    _state(request).throttle.fail(ip)
    log.warning("admin sign-in failed (%s) from %s on %s", how, ip, request.url.path)


def too_many(wait: int) -> ApiError:
    """The 429 for a client that failed to sign in too often."""
    minutes = max(1, math.ceil(wait / 60))
    return ApiError(429, "too_many_logins", *pair("admin.too_many_logins", minutes=minutes),
                    {"Retry-After": str(wait)})


# -- sessions ----------------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(key: bytes, payload: str) -> str:
    return _b64(hmac.new(key, payload.encode(), hashlib.sha256).digest())


def is_https(request: Request) -> bool:
    """True when the browser talks HTTPS to us: directly, or via a trusted proxy that says so."""
    if request.url.scheme == "https":
        return True
    proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    if proto != "https" or request.client is None:
        return False
    try:
        peer = ipaddress.ip_address(request.client.host)
    except ValueError:
        return False
    for entry in request.app.state.web.settings.trusted_proxies:
        try:
            if peer in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def start_session(request: Request, response: Response, admin: Admin) -> None:
    """Sign `admin` in: set the session cookie on `response`."""
    state = _state(request)
    hours = state.settings.admin_session_hours
    payload = _b64(json.dumps({
        "site": admin.site, "csrf": secrets.token_urlsafe(24), "id": secrets.token_urlsafe(12),
        "exp": int(time.time() + hours * 3600),
    }, separators=(",", ":")).encode())
    response.set_cookie(COOKIE, f"{payload}.{_sign(state.key, payload)}", max_age=hours * 3600,
                        path="/", secure=is_https(request), httponly=True, samesite="strict")


def _session(request: Request) -> dict | None:
    """The valid session of this request's cookie, or None."""
    raw = request.cookies.get(COOKIE, "")
    payload, _, signature = raw.partition(".")
    if not payload or not signature:
        return None
    state = _state(request)
    if not hmac.compare_digest(signature.encode(), _sign(state.key, payload).encode()):
        return None
    try:
        data = json.loads(_unb64(payload))
    except ValueError:
        return None
    if not isinstance(data, dict) or int(data.get("exp", 0)) < time.time():
        return None
    if data.get("id") in state.revoked:
        return None
    return data


def end_session(request: Request, response: Response) -> None:
    """Sign out: the cookie is cleared and its session refused from now on."""
    data = _session(request)
    if data is not None:
        _state(request).revoked.add(str(data.get("id")))
    response.delete_cookie(COOKIE, path="/", secure=is_https(request), httponly=True,
                           samesite="strict")


def csrf_token(request: Request) -> str:
    """The CSRF token for this request's forms (empty for bearer-token calls)."""
    return getattr(request.state, "admin_csrf", "")


# -- the dependencies --------------------------------------------------------------------------
def _is_page(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def require_admin(request: Request) -> Admin:
    """The operator making this request; a 401 `ApiError` (API) or a redirect to the login form
    (console pages) otherwise."""
    settings = _state(request).settings
    token = _bearer(request)
    if token is not None:
        wait = throttled(request)
        if wait:
            raise too_many(wait)
        admin = token_admin(settings, token, request)
        if admin is not None:
            return admin
        record_failure(request, "token")
    else:
        data = _session(request)
        if data is not None:
            request.state.admin_csrf = str(data.get("csrf", ""))
            return _session_admin(request, data.get("site"))
        if _is_page(request):
            raise LoginRequired(request.url.path)
    raise ApiError(401, "unauthorized", *_UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})


def _session_admin(request: Request, site: object) -> Admin:
    """The operator of a session: every site, or the site it signed in for (with its origins,
    which is what the question log stores)."""
    if not isinstance(site, str):
        return Admin(via="session")
    profile = request.app.state.web.sites.by_key(site)
    return Admin(site=site, via="session", origins=profile.origins if profile else ())


async def require_admin_change(request: Request) -> Admin:
    """`require_admin` for a route that changes something: a cookie session must also send its
    CSRF token (header `X-CSRF-Token` or form field `csrf_token`); 403 otherwise."""
    admin = require_admin(request)
    if admin.via != "session":
        return admin
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else ""
    expected = csrf_token(request)
    if not (sent and expected and hmac.compare_digest(sent.encode(), expected.encode())):
        log.warning("admin change without a valid CSRF token on %s", request.url.path)
        raise ApiError(403, "csrf_failed", *_CSRF)
    return admin
