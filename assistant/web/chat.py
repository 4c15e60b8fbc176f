"""The one chat path: what the JSON API, the SSE stream, the Gradio chat and
/v1/chat/completions each do before and after the assistant answers.

Before: the message checks, the client's rate limit, a log line (length only; the text redacted
at DEBUG), the index (503 when missing) and a place in the concurrency gate. After: the question
log row, and errors mapped to an `ApiError` (a library error to its status, anything else to a
generic message; never the exception's text to the user).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from assistant.engine import RESET
from assistant.errors import Spoor2Error
from assistant.privacy import redact
from assistant.texts import pair
from assistant.types import Answer
from assistant.web.context import WebContext
from assistant.web.errors import ApiError, from_spoor2_error
from assistant.web.questionlog import Entry
from assistant.web.schemas import has_surrogates
from assistant.web.security import is_same_origin

log = logging.getLogger(__name__)

UNREADABLE = pair("web.unreadable_message")


@dataclass
class Question:
    """A checked question on its way to an answer; holds a place in the gate once `enter`ed."""

    ctx: WebContext
    message: str
    history: list[dict[str, str]]
    language: str  # of messages to this user (errors)
    audience: str | None = None
    answer_language: str | None = None  # asked for; None: detect from the question
    site: str = ""  # in the question log: the site's key (SPOOR2_SITES), else the page's origin
    site_key: str | None = None  # whose documents join the shared knowledge base (None: none)
    surface: str = "api"  # api | stream | ui | openai: what the metrics count it under
    question_id: int | None = None
    gated: bool = field(default=False, repr=False)

    def release(self) -> None:
        """Give the place in the gate back (once: at the answer's end, or a client that left)."""
        if self.gated:
            self.gated = False
            self.ctx.gate.release()


def site_key(request: Request) -> str | None:
    """The key of the site profile (SPOOR2_SITES) of the calling page, or None."""
    profile = request.app.state.web.site_of(request)
    return profile.key if profile else None


def site_of(request: Request) -> str:
    """The site a question is logged under: the key of the calling page's site profile, else its
    origin `scheme://host[:port]` (default port dropped); '' for this server's own pages, for
    calls without an Origin and for an origin that is not one."""
    key = site_key(request)
    if key:
        return key
    origin = (request.headers.get("origin") or "").strip()
    ctx: WebContext = request.app.state.web
    if not origin or is_same_origin(origin, request.headers.get("host"), ctx.settings.hosts):
        return ""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not host or len(host) > 190:
        return ""
    default = {"http": 80, "https": 443}[parts.scheme.lower()]
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port and port != default else "")


def check_message(ctx: WebContext, message: str, history: list[dict[str, str]] | None = None,
                  ) -> str:
    """The stripped message; 400 when empty or unreadable, 413 when it or history is too long."""
    text = ctx.check_message(message, history)
    if has_surrogates(text):
        raise ApiError(400, "unreadable_message", *UNREADABLE)
    return text


def admit(ctx: WebContext, message: str, history: list[dict[str, str]], *, client: str,
          language: str, surface: str, audience: str | None = None,
          answer_language: str | None = None, site: str = "", site_key: str | None = None,
          rate_limited: bool = True,
          own_history: bool = False) -> Question:
    """The checks before answering, in order: message, rate limit (unless the caller counted
    this request already), index; an `ApiError` otherwise. `own_history`: the history is the
    server's own record of the conversation (the UI's), not the client's, so not checked."""
    text = check_message(ctx, message, None if own_history else history)
    if rate_limited:
        ctx.limiter.check(client)
    log.info("%s question (%s chars)", surface, len(text))
    log.debug("%s question: %s", surface, redact(text)[:200])
    ctx.holder.get()  # 503 when there is no index yet
    return Question(ctx, text, history, language, audience, answer_language, site, site_key,
                    surface)


async def acquire(ctx: WebContext) -> None:
    """A place in the concurrency gate (429/503 `ApiError` when busy)."""
    await ctx.gate.acquire()


async def enter(ctx: WebContext, message: str, history: list[dict[str, str]], **kwargs: Any,
                ) -> Question:
    """`admit`, then a place in the gate; the caller must `release()` the question."""
    question = admit(ctx, message, history, **kwargs)
    await acquire(ctx)
    question.gated = True
    return question


def error_for(exc: BaseException, where: str = "answer") -> ApiError:
    """The `ApiError` a user sees for `exc` (logged redacted when it is the server's fault)."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, Spoor2Error):
        api = from_spoor2_error(exc)
        if api.status >= 500:
            log.warning("%s failed: %s", where, redact(str(exc)))
        return api
    log.error("%s failed: %s: %s", where, type(exc).__name__, redact(str(exc)))
    return from_spoor2_error(Spoor2Error())


def cited_ids(answer: Answer) -> list[str]:
    """The cited documents: the knowledge base's doc id, else the web address or title."""
    ids = []
    for c in answer.citations:
        url = c.url or ""
        ids.append(url.removeprefix("/bron/") if url.startswith("/bron/") else url or c.title)
    return ids


def log_kind(answer: Answer) -> str:
    """The kind stored in the log: `Answer.kind`, with "I don't know" told apart from a
    refusal (both are `refusal` answers)."""
    if answer.kind == "refusal" and answer.trace.get("path") == "dont_know":
        return "dont_know"
    return answer.kind


def record(question: Question, answer: Answer) -> int | None:
    """Keep the answered question in the question log (when on); never raises."""
    try:
        topic = answer.citations[0].title if answer.citations else f"({log_kind(answer)})"
        question.question_id = question.ctx.questions.add(Entry(
            question=question.message, topic=topic, site=question.site,
            language=answer.language, audience=question.audience or "", kind=log_kind(answer),
            confidence=answer.confidence, cited=cited_ids(answer)))
    except Exception as exc:  # noqa: BLE001 - the log never breaks an answer
        log.error("question log failed: %s", type(exc).__name__)
        question.question_id = None
    return question.question_id


async def answer(question: Question) -> Answer:
    """The whole answer at once (the JSON API); the gate is released after it."""
    try:
        ask = question.ctx.metrics.timed(question.surface, question.ctx.holder.get().ask)
        result = await run_in_threadpool(
            ask, question.message, history=question.history, audience=question.audience,
            language=question.answer_language, site=question.site_key)
    finally:
        question.release()
    await run_in_threadpool(record, question, result)
    return result


def answer_stream(question: Question, stop: threading.Event | None = None,
                  ) -> Iterator[tuple[str, Any]]:
    """("delta", text), ("reset", None), ("done", Answer) or ("error", ApiError) as they come.

    Runs in a worker thread; the model stops writing when `stop` is set. The answer or the
    error is counted in the metrics under the question's surface."""
    metrics = question.ctx.metrics
    started = time.perf_counter()
    try:
        stream = question.ctx.holder.get().stream(
            question.message, history=question.history, audience=question.audience,
            language=question.answer_language, stop=stop, site=question.site_key)
        for item in stream:
            if isinstance(item, Answer):
                metrics.record_answer(question.surface, item, time.perf_counter() - started)
                record(question, item)
                yield "done", item
            elif item == RESET:
                yield "reset", None
            elif item:
                yield "delta", str(item)
    except Exception as exc:  # noqa: BLE001 - never a trace to the user
        api = error_for(exc, "stream")
        metrics.record_error(api.code)
        yield "error", api


async def events(question: Question) -> AsyncIterator[tuple[str, Any]]:
    """`answer_stream` for async readers; the reader leaving (the iterator closed or cancelled)
    stops the model, and the gate is released at the end."""
    stop = threading.Event()
    try:
        async for item in iterate_in_threadpool(answer_stream(question, stop)):
            yield item
    finally:
        stop.set()
        question.release()
