"""The JSON API: chat (plain and server-sent events), deadlines, feedback, health."""
from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from assistant.engine import RESET
from assistant.errors import FeedbackUnavailableError, Spoor2Error
from assistant.privacy import redact
from assistant.types import Answer
from assistant.web import planner
from assistant.web.context import WebContext, answer_dict, today_nl
from assistant.web.errors import from_spoor2_error, request_language
from assistant.web.handoff import site_of
from assistant.web.schemas import (
    ChatRequest,
    ChatResponse,
    DeadlineRequest,
    FeedbackRequest,
    FeedbackResponse,
)

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad input"},
    413: {"description": "Message longer than the limit"},
    422: {"description": "Invalid field"},
    429: {"description": "Rate limited (see Retry-After)"},
    503: {"description": "Index missing, starting or busy"},
}


def _ctx(request: Request) -> WebContext:
    return request.app.state.web


def _prepare(body: ChatRequest, request: Request) -> tuple[WebContext, str, list[dict[str, str]]]:
    ctx = _ctx(request)
    request.state.language = body.language
    history = [h.model_dump() for h in body.history]
    message = ctx.check_message(body.message, history)
    ctx.limiter.check(ctx.ip_of(request))
    log.info("chat question (%s chars)", len(message))
    log.debug("chat question: %s", redact(message)[:200])
    return ctx, message, history


@router.post("/chat", response_model=ChatResponse, responses=_ERRORS)
async def chat(body: ChatRequest, request: Request) -> dict[str, Any]:
    """Answer a question about re-integratie tweede spoor, with numbered citations."""
    ctx, message, history = _prepare(body, request)
    assistant = ctx.holder.get()
    await ctx.gate.acquire()
    try:
        answer = await run_in_threadpool(
            assistant.ask, message, history=history, audience=body.audience,
            language=body.language,
        )
    finally:
        ctx.gate.release()
    return answer_dict(answer, handoff=ctx.handoff.offers(answer, site_of(request)))


@dataclass
class Slot:
    """A checked question holding one place in the concurrency gate until `release()`."""

    ctx: WebContext
    message: str
    history: list[dict[str, str]]
    language: str
    released: bool = False

    def release(self) -> None:
        """Give the place back (once: at the stream's end, or after a client that left)."""
        if not self.released:
            self.released = True
            self.ctx.gate.release()


async def _chat_slot(body: ChatRequest, request: Request) -> AsyncIterator[tuple[Slot, ChatRequest]]:
    """The checks and a place in the gate before the stream starts (so they answer in JSON)."""
    ctx, message, history = _prepare(body, request)
    ctx.holder.get()  # 503 when there is no index yet
    await ctx.gate.acquire()
    slot = Slot(ctx, message, history, request_language(request, body.language))
    try:
        yield slot, body
    finally:
        slot.release()


async def answer_events(slot: Slot, audience: str | None, language: str | None,
                        ) -> AsyncIterator[tuple[str, Any]]:
    """("delta", text), ("reset", None), ("done", Answer) or ("error", ApiError) as they come.

    The model stops writing when the reader leaves (the iterator is closed or cancelled)."""
    stop = threading.Event()
    try:
        stream = slot.ctx.holder.get().stream(slot.message, history=slot.history, audience=audience,
                                              language=language, stop=stop)
        async for item in iterate_in_threadpool(stream):
            if isinstance(item, Answer):
                yield "done", item
            elif item == RESET:
                yield "reset", None
            elif item:
                yield "delta", str(item)
    except Spoor2Error as exc:
        api = from_spoor2_error(exc)
        if api.status >= 500:
            log.warning("stream failed: %s", redact(str(exc)))
        yield "error", api
    except Exception as exc:  # noqa: BLE001 - never a trace to the user
        log.error("stream failed: %s: %s", type(exc).__name__, redact(str(exc)))
        yield "error", from_spoor2_error(Spoor2Error())
    finally:
        stop.set()
        slot.release()


@router.post("/chat/stream", response_class=EventSourceResponse, responses=_ERRORS)
async def chat_stream(
    chat: Annotated[tuple[Slot, ChatRequest], Depends(_chat_slot)], request: Request,
) -> AsyncIterator[ServerSentEvent]:
    """Like /api/chat as server-sent events: `delta` {text} as the answer is written (a computed
    answer in one piece), `reset` {} when the text so far is replaced, then `done` (the answer)
    or `error`."""
    slot, body = chat
    site = site_of(request)
    async for kind, value in answer_events(slot, body.audience, body.language):
        if kind == "delta":
            yield ServerSentEvent(event="delta", data={"text": escape(value, quote=False)})
        elif kind == "reset":
            yield ServerSentEvent(event="reset", data={})
        elif kind == "done":
            yield ServerSentEvent(event="done", data=answer_dict(
                value, handoff=slot.ctx.handoff.offers(value, site)))
        else:
            yield ServerSentEvent(event="error", data={"code": value.code, "status": value.status,
                                                       "message": value.message(slot.language)})


@router.post(
    "/deadlines",
    responses={200: {"content": {"application/json": {}, "text/calendar": {}, "text/csv": {},
                                 "application/pdf": {}}},
               **_ERRORS},
)
async def deadlines(body: DeadlineRequest, request: Request) -> Response:
    """The Poortwachter timeline for the given sick days, as JSON, .ics, .csv or a one-page PDF.

    With `steps_done` the answer also checks each step (done, due or overdue); with
    `monthly_wage` it estimates the costs.
    """
    ctx = _ctx(request)
    lang = request_language(request, body.language)
    request.state.language = lang
    ctx.limiter.check(ctx.ip_of(request))
    episodes = planner.make_episodes(body.first_sick_day, [(e.start, e.end) for e in body.episodes])
    today = body.today or today_nl()
    steps = body.steps_done.model_dump() if body.steps_done else {}
    evaluations = steps.pop("evaluations", [])
    timeline = planner.compute(
        episodes, today=today, eje=body.eje or steps.get("eerstejaarsevaluatie"),
        probleemanalyse=body.probleemanalyse or steps.get("probleemanalyse"),
        loonsanctie_weeks=body.loonsanctie_weeks, verlenging_tot=body.verlenging_tot,
        leave=[(v.start, v.end) for v in body.leave],
    )
    checks = (planner.check(timeline, steps, evaluations, today)
              if body.steps_done is not None else [])
    if body.format == "json":
        out: dict[str, Any] = {"language": lang, "timeline": timeline.to_dict()}
        if body.steps_done is not None:
            out["check"] = [c.to_dict(lang) for c in checks]
        if body.monthly_wage is not None:
            out["costs"] = planner.costs(timeline, today, body.monthly_wage, lang)
        return JSONResponse(out)
    content, media_type, filename = planner.export(
        timeline, body.format, lang, alarm_days=body.alarm_days, checks=checks, made_on=today)
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.post("/feedback", response_model=FeedbackResponse, responses=_ERRORS)
async def feedback(body: FeedbackRequest, request: Request) -> dict[str, Any]:
    """Store a thumbs up/down (comment and question are stored redacted, history never)."""
    ctx = _ctx(request)
    lang = request_language(request, body.language)
    request.state.language = lang
    ctx.limiter.check(ctx.ip_of(request))
    await run_in_threadpool(
        ctx.feedback.add, body.rating, comment=body.comment, answer_kind=body.answer_kind,
        question=body.question, language=lang, source=body.source,
    )
    return {"ok": True, "message": "Thank you for your feedback." if lang == "en"
            else "Bedankt voor uw feedback."}


@router.get("/health", responses={503: {"description": "Not ready (starting or index missing)"}})
async def health(request: Request) -> JSONResponse:
    """200 when the index and the model are loaded; 503 with the reason otherwise."""
    ctx = _ctx(request)
    lang = request_language(request)
    assistant = ctx.holder.peek()
    if assistant is None:
        try:
            ctx.holder.get()  # schedules a rebuild when the index was missing
        except Exception:  # noqa: BLE001 - the status below says why
            pass
        return JSONResponse({"status": ctx.holder.status, "ready": False,
                             "message": ctx.holder.message(lang)}, status_code=503)
    try:
        if hasattr(assistant, "ping"):
            await run_in_threadpool(assistant.ping)  # a Chroma server that went away
        info = dict(await run_in_threadpool(assistant.health))
    except Spoor2Error as exc:
        api = from_spoor2_error(exc)
        return JSONResponse({"status": api.code, "ready": False, "message": api.message(lang)},
                            status_code=503)
    ready = bool(info.get("ready", True))
    info.update(status="ready" if ready else "not_ready", ready=ready)
    if not ready:
        info.setdefault("message", ctx.holder.message(lang) or "not ready")
    elif await run_in_threadpool(ctx.feedback.check):  # answers work, feedback cannot be kept
        info.update(status="degraded", degraded=["feedback"],
                    message=FeedbackUnavailableError().user_message(lang))
    return JSONResponse(jsonable_encoder(info), status_code=200 if ready else 503)
