"""JSON errors for the API: one shape, a human message in the user's language, never a trace."""
from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.errors import (
    DatabaseUnavailableError,
    DeadlineInputError,
    FeedbackUnavailableError,
    IndexMissingError,
    InvalidInputError,
    ModelMismatchError,
    RateLimitStoreError,
    Spoor2Error,
    StoreUnavailableError,
)
from assistant.privacy import redact
from assistant.texts import pair

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error the API answers with `{"error": {"code", "message"}}` and a status."""

    def __init__(
        self,
        status: int,
        code: str,
        nl: str,
        en: str,
        headers: Mapping[str, str] | None = None,
    ):
        super().__init__(en)
        self.status = status
        self.code = code
        self.nl = nl
        self.en = en
        self.headers = dict(headers or {})

    def message(self, language: str) -> str:
        """The message in `language` (nl unless en)."""
        return self.en if language == "en" else self.nl


def request_language(request: Request, explicit: str | None = None) -> str:
    """The user's language: explicit choice, else `?lang=`, else Accept-Language, else nl."""
    for candidate in (explicit, request.query_params.get("lang")):
        if candidate in ("nl", "en"):
            return candidate
    accept = request.headers.get("accept-language", "").strip().lower()
    return "en" if accept.startswith("en") else "nl"


OPENAI_PREFIX = "/v1/"  # the OpenAI-compatible API: its clients also read `type` and `param`


def error_json(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None,
    path: str = "",
) -> JSONResponse:
    """The one error response shape (with OpenAI's `type` and `param` under /v1/)."""
    error: dict[str, Any] = {"code": code, "message": message}
    if path.startswith(OPENAI_PREFIX):
        error.update(param=None, type={401: "authentication_error", 429: "rate_limit_error"}.get(
            status, "server_error" if status >= 500 else "invalid_request_error"))
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _body_language(body: Any) -> str | None:
    if isinstance(body, dict):
        lang = body.get("language")
        return lang if lang in ("nl", "en") else None
    return None


def from_spoor2_error(exc: Spoor2Error) -> ApiError:
    """Translate a library error into an API error with the right status."""
    if isinstance(exc, IndexMissingError):
        return ApiError(503, "index_missing", exc.user_nl, exc.user_en, {"Retry-After": "30"})
    if isinstance(exc, StoreUnavailableError):
        return ApiError(503, "store_unavailable", exc.user_nl, exc.user_en, {"Retry-After": "30"})
    if isinstance(exc, DatabaseUnavailableError):
        return ApiError(503, "database_unavailable", exc.user_nl, exc.user_en,
                        {"Retry-After": "60"})
    if isinstance(exc, RateLimitStoreError):
        return ApiError(503, "limits_unavailable", exc.user_nl, exc.user_en,
                        {"Retry-After": "60"})
    if isinstance(exc, FeedbackUnavailableError):
        return ApiError(503, "feedback_unavailable", exc.user_nl, exc.user_en,
                        {"Retry-After": "60"})
    if isinstance(exc, ModelMismatchError):
        return ApiError(503, "index_mismatch", *pair("web.error.index_mismatch"))
    if isinstance(exc, DeadlineInputError):
        return ApiError(422, "invalid_deadline_input", exc.user_nl, exc.user_en)
    if isinstance(exc, InvalidInputError):
        return ApiError(400, "invalid_input", exc.user_nl, exc.user_en)
    return ApiError(500, "internal_error", Spoor2Error.user_nl, Spoor2Error.user_en)


def _field_name(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "body"


def validation_error(errors: Sequence[Mapping[str, Any]]) -> ApiError:
    """A 400/422 with a message naming the first offending field."""
    first = errors[0] if errors else {}
    kind = str(first.get("type", ""))
    field = _field_name(first.get("loc", ()))
    if kind == "json_invalid":
        return ApiError(400, "invalid_json", *pair("web.invalid_json"))
    if kind in ("model_attributes_type", "dict_type") and field == "body":
        return ApiError(400, "invalid_json", *pair("web.json_object"))
    if field == "message" and kind in ("string_too_short", "string_pattern_mismatch"):
        return ApiError(400, "empty_message", *pair("web.empty_message"))
    message = str(first.get("msg", ""))
    if kind == "missing":
        nl, en = pair("web.field_missing", field=field)
    elif kind == "string_unicode" or "lone surrogate" in message:
        nl, en = pair("web.field_unreadable", field=field)
    elif "first_sick_day or episodes" in message:
        nl, en = pair("web.field_no_start")
    elif kind.startswith("date") or kind.startswith("datetime"):
        nl, en = pair("web.field_date", field=field)
    elif kind == "too_long":
        nl, en = pair("web.field_too_long", field=field)
    elif kind == "literal_error":
        expected = str(first.get("ctx", {}).get("expected", ""))
        nl = pair("web.field_literal", field=field, allowed=expected.replace(" or ", " of "))[0]
        en = pair("web.field_literal", field=field, allowed=expected)[1]
    else:
        nl, en = pair("web.field_invalid", field=field)
    return ApiError(422, "invalid_field", nl, en)


def install_error_handlers(app: FastAPI) -> None:
    """Register handlers (and the catch-all) so every API error is JSON in the user's language."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        lang = request_language(request, getattr(request.state, "language", None))
        return error_json(exc.status, exc.code, exc.message(lang), exc.headers, request.url.path)

    @app.exception_handler(Spoor2Error)
    async def _spoor2_error(request: Request, exc: Spoor2Error) -> JSONResponse:
        api = from_spoor2_error(exc)
        if api.status >= 500:
            log.warning("request failed: %s", redact(str(exc)))
        return await _api_error(request, api)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        api = validation_error(exc.errors())
        lang = request_language(request, _body_language(getattr(exc, "body", None)))
        return error_json(api.status, api.code, api.message(lang), path=request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        lang = request_language(request)
        if exc.status_code == 400:
            api = ApiError(400, "bad_request", *pair("web.bad_request"))
        elif exc.status_code == 404:
            api = ApiError(404, "not_found", *pair("web.not_found"))
        elif exc.status_code == 405:
            api = ApiError(405, "method_not_allowed", *pair("web.method_not_allowed"))
        else:
            api = ApiError(exc.status_code, "http_error", *pair("web.request_failed"))
        return error_json(api.status, api.code, api.message(lang), getattr(exc, "headers", None),
                          request.url.path)

    app.add_middleware(CatchAll)


class CatchAll:
    """ASGI middleware: an unexpected error becomes a generic 500 JSON, logged redacted.

    It sits inside Starlette's own error middleware, so the exception (whose text may hold
    personal details) is never re-raised to the server's unredacted traceback log.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            trace = "".join(traceback.format_exception(exc))
            log.error("unexpected error on %s: %s", scope.get("path"), redact(trace))
            if started:
                return
            request = Request(scope)
            lang = request_language(request)
            response = error_json(500, "internal_error", Spoor2Error().user_message(lang),
                                  path=request.url.path)
            await response(scope, receive, send)
