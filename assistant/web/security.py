"""Who may call the API and how often: Origin check, CORS, client IP, rate limit, concurrency."""
from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.config import Settings
from assistant.errors import RateLimitStoreError
from assistant.texts import pair
from assistant.web.errors import ApiError
from assistant.web.limits import BodyLimit, header, refuse
from assistant.web.sharedlimits import LimitsWindow, limits_window

log = logging.getLogger(__name__)

_ORIGIN_REFUSED = pair("web.origin_refused")
_HOST_REFUSED = pair("web.host_refused")


def _networks(entries: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    nets = []
    for entry in entries:
        try:
            nets.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            log.warning("ignoring invalid SPOOR2_TRUSTED_PROXIES entry %r", entry)
    return nets


class ClientIp:
    """Finds the client's IP; trusts `X-Forwarded-For` only from configured proxies."""

    def __init__(self, trusted_proxies: Iterable[str]):
        self._trusted = _networks(trusted_proxies)

    def _is_trusted(self, ip: str) -> bool:
        try:
            addr = ipaddress.ip_address(ip)
        except ValueError:
            return False
        return any(addr in net for net in self._trusted)

    def __call__(self, peer: str | None, forwarded_for: str | None) -> str:
        """The client IP given the socket peer and the `X-Forwarded-For` header."""
        peer = peer or "unknown"
        if not forwarded_for or not self._is_trusted(peer):
            return peer
        hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
        # From the nearest hop back; the first address that is not a trusted proxy is the client.
        for hop in reversed(hops):
            if not self._is_trusted(hop):
                return hop
        return hops[0] if hops else peer


class RateLimiter:
    """Moving one-minute window per key; `hit()` returns seconds to wait, or 0 when allowed.

    Kept by the `limits` library (`sharedlimits`): in memory, per instance, unless `shared`
    is given (a window in Redis, SPOOR2_REDIS_URL, that holds across every instance using it).
    `clock` (tests) moves the in-memory window's time."""

    def __init__(self, per_minute: int, clock: Callable[[], float] | None = None,
                 shared: LimitsWindow | None = None):
        self.per_minute = per_minute
        self.shared = shared
        self.window = shared or limits_window("", max(per_minute, 1), 60, "spoor2-rate", clock)

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimiter:
        """SPOOR2_RATE_LIMIT_PER_MINUTE, shared through SPOOR2_REDIS_URL when set."""
        url = settings.redis_url.get_secret_value()
        per_minute = settings.rate_limit_per_minute
        shared = limits_window(url, per_minute, 60, "spoor2-rate") if url and per_minute > 0 \
            else None
        return cls(per_minute, shared=shared)

    def hit(self, key: str) -> int:
        """Record a request for `key`; the whole seconds to wait when over the limit, else 0.

        Raises:
            RateLimitStoreError: the shared window's Redis server cannot be reached.
        """
        if self.per_minute <= 0:
            return 0
        return self.window.hit(key)

    def check(self, key: str) -> None:
        """Raise a 429 `ApiError` with Retry-After when `key` is over the limit (a 503 when the
        shared limits cannot be reached)."""
        try:
            wait = self.hit(key)
        except RateLimitStoreError as exc:
            raise ApiError(503, "limits_unavailable", exc.user_nl, exc.user_en,
                           {"Retry-After": "60"}) from None
        if wait:
            raise ApiError(429, "rate_limited", *pair("web.rate_limited", wait=wait),
                           {"Retry-After": str(wait)})


class ConcurrencyGate:
    """At most `limit` answers at once; waits briefly for a slot, then answers 503 busy."""

    def __init__(self, limit: int, wait_seconds: float = 10.0):
        self.limit = limit
        self.wait_seconds = wait_seconds
        self._sem: asyncio.Semaphore | None = None

    def _semaphore(self) -> asyncio.Semaphore:
        if self._sem is None:
            self._sem = asyncio.Semaphore(self.limit)
        return self._sem

    async def acquire(self) -> None:
        """Take a slot or raise a 503 `ApiError` with Retry-After."""
        try:
            await asyncio.wait_for(self._semaphore().acquire(), timeout=self.wait_seconds)
        except TimeoutError:
            raise ApiError(503, "busy", *pair("web.busy"), {"Retry-After": "5"}) from None

    def release(self) -> None:
        """Give the slot back."""
        self._semaphore().release()


def _host_port(text: str) -> tuple[str, int | None] | None:
    """(host name, port or None) of `host[:port]`; None when it cannot be read."""
    text = text.strip().lower()
    if text.count(":") > 1 and not text.startswith("["):
        text = f"[{text}]"  # a bare IPv6 address
    try:
        parsed = urlsplit(f"//{text}")
        return (parsed.hostname or "", parsed.port) if parsed.hostname else None
    except ValueError:
        return None


def _host_allowed(host: str | None, allowed_hosts: Iterable[str]) -> bool:
    """True when `host` (host[:port]) is one of the allowed hosts; an entry without a port
    matches any port, `*` matches everything."""
    if "*" in allowed_hosts:
        return True
    got = _host_port(host or "")
    if got is None:
        return False
    for entry in allowed_hosts:
        want = _host_port(entry)
        if want and want[0] == got[0] and want[1] in (None, got[1]):
            return True
    return False


def is_same_origin(origin: str, host: str | None, allowed_hosts: Iterable[str]) -> bool:
    """True when the Origin's host:port is the Host the request was sent to, and that Host is
    one of SPOOR2_ALLOWED_HOSTS (a rebound DNS name is not)."""
    return (bool(host) and urlsplit(origin).netloc.lower() == host.lower()
            and _host_allowed(host, allowed_hosts))


class ApiGuard:
    """ASGI middleware: refuse unknown Host headers everywhere (400) and foreign origins on
    `/api/*` (403)."""

    def __init__(self, app: ASGIApp, allowed_origins: Iterable[str],
                 allowed_hosts: Iterable[str] = ("*",)):
        self.app = app
        self.allowed = {o.rstrip("/").lower() for o in allowed_origins}
        self.hosts = tuple(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = header(scope, b"host")
        if not _host_allowed(host, self.hosts):
            log.info("refused request for host %s", (host or "")[:100])
            await refuse(scope, send, 400, "host_not_allowed", _HOST_REFUSED)
            return
        if not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        origin = header(scope, b"origin")
        if origin is not None and not self.origin_allowed(origin, host):
            log.info("refused request from origin %s to %s", origin[:100], scope["path"])
            # Lets the refused page read why (only this message); the request itself did nothing.
            await refuse(scope, send, 403, "origin_not_allowed", _ORIGIN_REFUSED,
                         [(b"access-control-allow-origin", origin.encode("latin-1")),
                          (b"vary", b"Origin")])
            return
        await self.app(scope, receive, send)

    def origin_allowed(self, origin: str, host: str | None) -> bool:
        """Same-origin on an allowed host, or listed in SPOOR2_ALLOWED_ORIGINS."""
        return (origin.rstrip("/").lower() in self.allowed
                or is_same_origin(origin, host, self.hosts))


def install_security(app: FastAPI, settings: Settings, site_origins: Iterable[str] = ()) -> None:
    """CORS for the allowed origins (and those of the site profiles), the Host/Origin guard
    outside it, the body limit outermost."""
    origins = (*settings.allowed_origins, *site_origins)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(origins),
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Accept-Language"],
        expose_headers=["Retry-After"],
        max_age=600,
    )
    app.add_middleware(ApiGuard, allowed_origins=origins,
                       allowed_hosts=settings.hosts)
    app.add_middleware(BodyLimit)
