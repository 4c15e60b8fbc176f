"""Prometheus metrics of one app: `GET /metrics`, on only with SPOOR2_METRICS=1.

Every app has its own `CollectorRegistry` (never the process-global one), so tests and several
apps in one process keep apart. The web surfaces report through `ctx.metrics` (a `Metrics`):
the one chat path (assistant/web/chat.py) records each answer and stream error, and other areas
call `record_handoff(outcome)` and `record_ingest(result)`. When metrics are off every call is a
no-op. Labels are bounded: HTTP requests are labelled by their route *template* (never the raw
path or query), methods and label values outside a known shape become "other".

`/metrics` is readable from this machine (a loopback peer, not through a reverse proxy) or with
`Authorization: Bearer <SPOOR2_ADMIN_TOKEN>`; a cross-origin request is refused.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from starlette.concurrency import run_in_threadpool
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.config import Settings
from assistant.texts import pair
from assistant.web.errors import ApiError
from assistant.web.security import RateLimiter, is_same_origin
from assistant.web.sharedlimits import LimitsWindow

log = logging.getLogger(__name__)

SURFACES = ("api", "stream", "ui", "openai")
HANDOFF_OUTCOMES = ("stored", "delivered", "retried", "failed", "handled")
INGEST_RESULTS = ("ok", "partial", "failed")
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
ANSWER_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0)
HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
UNMATCHED = "<unmatched>"
_WORD = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_PROXY_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")
_ERROR_BODY_LIMIT = 8192

T = TypeVar("T")


def _word(value: object, allowed: tuple[str, ...] | None = None) -> str:
    """A bounded label value: one of `allowed` (or a short lowercase word), else "other"."""
    text = str(value or "").strip().lower()
    if allowed is not None:
        return text if text in allowed else "other"
    return text if _WORD.match(text) else "other"


class Metrics:
    """The app's metrics and the calls that move them (all no-ops when `enabled` is False)."""

    def __init__(self, enabled: bool = False):
        self.enabled = enabled
        self.registry = CollectorRegistry()
        r = self.registry
        self.answers = Counter("spoor2_answers", "Answers given, by surface, answer kind and "
                               "language.", ["surface", "kind", "language"], registry=r)
        self.answer_seconds = Histogram("spoor2_answer_seconds", "Time to a complete answer, by "
                                        "surface.", ["surface"], buckets=ANSWER_BUCKETS, registry=r)
        self.requests = Counter("spoor2_http_requests", "HTTP requests by route template, method "
                                "and status class.", ["route", "method", "status"], registry=r)
        self.request_seconds = Histogram("spoor2_http_request_seconds", "HTTP request duration "
                                         "(to the last byte) by route template.",
                                         ["route", "method"], buckets=HTTP_BUCKETS, registry=r)
        self.handoffs = Counter("spoor2_handoffs", "Handoff requests by outcome.", ["outcome"],
                                registry=r)
        self.ingest_runs = Counter("spoor2_ingest_runs", "Ingest runs made by this server, by "
                                   "result.", ["result"], registry=r)
        self.index_chunks = Gauge("spoor2_index_chunks", "Chunks in the index generation that "
                                  "serves (0 while none is loaded).", registry=r)
        self.errors = Counter("spoor2_errors", "Errors answered to users, by error code.",
                              ["code"], registry=r)
        self.rate_limited = Counter("spoor2_rate_limited_requests", "Requests and UI events "
                                    "refused by the per-client rate limit.", registry=r)
        if enabled:
            ProcessCollector(registry=r)
            PlatformCollector(registry=r)

    @classmethod
    def from_settings(cls, settings: Settings) -> Metrics:
        """Metrics that record only when SPOOR2_METRICS=1."""
        return cls(enabled=settings.metrics)

    # -- what the surfaces and other areas call --------------------------------------------
    def record_answer(self, surface: str, answer: Any, seconds: float) -> None:
        """One answer given on `surface` (api, stream, ui, openai) after `seconds`."""
        if not self.enabled:
            return
        surface = _word(surface, SURFACES)
        self.answers.labels(surface, _word(getattr(answer, "kind", "")),
                            _word(getattr(answer, "language", ""), ("nl", "en"))).inc()
        self.answer_seconds.labels(surface).observe(max(0.0, seconds))

    def record_error(self, code: str) -> None:
        """An error answered to a user (the `code` of the API's error JSON)."""
        if self.enabled:
            self.errors.labels(_word(code)).inc()

    def record_handoff(self, outcome: str) -> None:
        """A handoff request's outcome: stored, delivered, retried, failed or handled."""
        if self.enabled:
            self.handoffs.labels(_word(outcome, HANDOFF_OUTCOMES)).inc()

    def record_ingest(self, result: str) -> None:
        """An ingest run this server made (a console upload): ok, partial or failed."""
        if self.enabled:
            self.ingest_runs.labels(_word(result, INGEST_RESULTS)).inc()

    def record_rate_limited(self) -> None:
        """A request or UI event refused by the rate limit."""
        if self.enabled:
            self.rate_limited.inc()

    # -- one call per surface ----------------------------------------------------------------
    def timed(self, surface: str, ask: Callable[..., T]) -> Callable[..., T]:
        """`ask`, recording its answer and how long it took (an error it raises becomes an
        HTTP error response, which `RequestMetrics` counts)."""
        def run(*args: Any, **kwargs: Any) -> T:
            started = time.perf_counter()
            answer = ask(*args, **kwargs)
            self.record_answer(surface, answer, time.perf_counter() - started)
            return answer

        return run

    # -- the index gauge and the output ------------------------------------------------------
    def watch_index(self, holder: Any) -> None:
        """Read the serving index's chunk count from `holder` at every scrape."""
        def chunks() -> float:
            assistant = holder.peek()
            return float(assistant.chunk_count()) if assistant else 0.0

        self.index_chunks.set_function(chunks)

    def render(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)


class CountedRateLimiter(RateLimiter):
    """The rate limit, counting each refusal in `metrics`."""

    def __init__(self, per_minute: int, metrics: Metrics, shared: LimitsWindow | None = None):
        super().__init__(per_minute, shared=shared)
        self._metrics = metrics

    def hit(self, key: str) -> int:
        """As `RateLimiter.hit`, counting a refusal."""
        wait = super().hit(key)
        if wait:
            self._metrics.record_rate_limited()
        return wait


def route_label(scope: Scope) -> str:
    """The matched route's template (`/bron/{doc_id}`, `/ui/gradio_api/queue/join`), never the
    raw path; `<unmatched>` when no route matched."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if not isinstance(path, str):
        return UNMATCHED
    root = str(scope.get("root_path", ""))[len(str(scope.get("app_root_path", ""))):]
    if isinstance(route, Mount):  # the mounted app matched nothing of its own
        return (root or path).rstrip("/") + "/*"
    return root + path


class RequestMetrics:
    """ASGI middleware: count and time every HTTP request; count error codes of JSON errors."""

    def __init__(self, app: ASGIApp, metrics: Metrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        error_body: list[bytes] | None = None

        async def watching_send(message: Message) -> None:
            nonlocal status, error_body
            if message["type"] == "http.response.start":
                status = int(message["status"])
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if status >= 400 and content_type.startswith(b"application/json"):
                    error_body = []
            elif message["type"] == "http.response.body" and error_body is not None:
                if sum(map(len, error_body)) < _ERROR_BODY_LIMIT:
                    error_body.append(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        finally:
            method = scope.get("method", "")
            method = method if method in METHODS else "OTHER"
            route = route_label(scope)
            self.metrics.requests.labels(route, method, f"{status // 100}xx").inc()
            self.metrics.request_seconds.labels(route, method).observe(
                time.perf_counter() - started)
            if error_body is not None:
                self.metrics.record_error(_error_code(b"".join(error_body)))


def _error_code(body: bytes) -> str:
    try:
        return str(json.loads(body)["error"]["code"])
    except (ValueError, KeyError, TypeError):
        return "other"


_FORBIDDEN = pair("web.metrics_forbidden")
_UNAUTHORIZED = pair("web.metrics_unauthorized")

router = APIRouter()


def _allowed(request: Request) -> None:
    """Same-origin (or no Origin), and a loopback peer not behind a proxy, or the admin token."""
    settings: Settings = request.app.state.web.settings
    origin = request.headers.get("origin")
    if origin is not None and not is_same_origin(origin, request.headers.get("host"),
                                                 settings.hosts):
        raise ApiError(403, "origin_not_allowed", *_FORBIDDEN)
    expected = settings.admin_token.get_secret_value()
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if expected and scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode(), expected.encode()):
        return
    if _is_loopback(request.client.host if request.client else "") and not any(
            h in request.headers for h in _PROXY_HEADERS):
        return
    ctx = request.app.state.web
    ctx.limiter.check(ctx.ip_of(request))  # guessing the token is rate limited
    raise ApiError(401, "unauthorized", *_UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """The app's metrics in the Prometheus text format."""
    _allowed(request)
    body = await run_in_threadpool(request.app.state.web.metrics.render)
    return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})


def install_metrics(app: FastAPI) -> None:
    """With SPOOR2_METRICS=1: the request middleware, the counted rate limit and `/metrics`."""
    ctx = app.state.web
    if not ctx.metrics.enabled:
        return
    ctx.metrics.watch_index(ctx.holder)
    ctx.limiter = CountedRateLimiter(ctx.settings.rate_limit_per_minute, ctx.metrics,
                                     ctx.limiter.window)
    app.include_router(router)
    app.add_middleware(RequestMetrics, metrics=ctx.metrics)
