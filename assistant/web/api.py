"""The JSON API: chat (plain and server-sent events), deadlines, feedback, health."""
from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.background import BackgroundTask
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool

from assistant.errors import FeedbackUnavailableError, Spoor2Error
from assistant.privacy import redact
from assistant.types import Answer
from assistant.web import planner
from assistant.web.context import WebContext, answer_dict, today_nl
from assistant.web.errors import from_spoor2_error, request_language
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
    return answer_dict(answer)


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/chat/stream", responses={200: {"content": {"text/event-stream": {}}}, **_ERRORS})
async def chat_stream(body: ChatRequest, request: Request) -> StreamingResponse:
    """Like /api/chat as server-sent events: `delta` {text}, then `done` (the answer) or `error`."""
    ctx, message, history = _prepare(body, request)
    assistant = ctx.holder.get()
    lang = request_language(request, body.language)
    await ctx.gate.acquire()
    released = False

    def release() -> None:  # once: when the stream ends, or after a client that left early
        nonlocal released
        if not released:
            released = True
            ctx.gate.release()

    async def events() -> AsyncIterator[str]:
        try:
            stream = assistant.stream(
                message, history=history, audience=body.audience, language=body.language
            )
            async for item in iterate_in_threadpool(stream):
                if isinstance(item, Answer):
                    yield _sse("done", answer_dict(item))
                elif item:
                    yield _sse("delta", {"text": escape(str(item), quote=False)})
        except Spoor2Error as exc:
            api = from_spoor2_error(exc)
            if api.status >= 500:
                log.warning("stream failed: %s", redact(str(exc)))
            yield _sse("error", {"code": api.code, "status": api.status,
                                 "message": api.message(lang)})
        except Exception as exc:  # noqa: BLE001 - never a trace to the user
            log.error("stream failed: %s: %s", type(exc).__name__, redact(str(exc)))
            yield _sse("error", {"code": "internal_error", "status": 500,
                                 "message": Spoor2Error().user_message(lang)})
        finally:
            release()

    return StreamingResponse(
        events(), media_type="text/event-stream", background=BackgroundTask(release),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


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
