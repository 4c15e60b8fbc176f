"""The JSON API: chat (plain and server-sent events), deadlines, feedback, health."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from assistant.errors import FeedbackUnavailableError, Spoor2Error
from assistant.texts import text
from assistant.web import chat as chat_path
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


async def _enter(body: ChatRequest, request: Request, surface: str = "api",
                 ) -> chat_path.Question:
    """The checks and a place in the gate, before anything is answered (so they answer in JSON)."""
    ctx = _ctx(request)
    request.state.language = body.language
    history = [h.model_dump() for h in body.history]
    return await chat_path.enter(
        ctx, body.message, history, client=ctx.ip_of(request), surface=surface,
        language=request_language(request, body.language), audience=body.audience,
        answer_language=body.language, site=chat_path.site_of(request),
        site_key=chat_path.site_key(request))


@router.post("/chat", response_model=ChatResponse, responses=_ERRORS)
async def chat(body: ChatRequest, request: Request) -> dict[str, Any]:
    """Answer a question about re-integratie tweede spoor, with numbered citations.

    `question_id` is set when the server keeps a question log; send it back with feedback."""
    question = await _enter(body, request)
    answer = await chat_path.answer(question)
    return answer_dict(answer, question.question_id,
                       handoff=question.ctx.handoff.offers(answer, question.site))


async def _chat_slot(body: ChatRequest, request: Request) -> AsyncIterator[chat_path.Question]:
    """A dependency: the question holds its place in the gate until the stream ends."""
    question = await _enter(body, request, "stream")
    try:
        yield question
    finally:
        question.release()


@router.post("/chat/stream", response_class=EventSourceResponse, responses=_ERRORS)
async def chat_stream(
    question: Annotated[chat_path.Question, Depends(_chat_slot)],
) -> AsyncIterator[ServerSentEvent]:
    """Like /api/chat as server-sent events: `delta` {text} as the answer is written (a computed
    answer in one piece), `reset` {} when the text so far is replaced, then `done` (the answer)
    or `error`."""
    async for kind, value in chat_path.events(question):
        if kind == "delta":
            yield ServerSentEvent(event="delta", data={"text": escape(value, quote=False)})
        elif kind == "reset":
            yield ServerSentEvent(event="reset", data={})
        elif kind == "done":
            yield ServerSentEvent(event="done", data=answer_dict(
                value, question.question_id,
                handoff=question.ctx.handoff.offers(value, question.site)))
        else:
            yield ServerSentEvent(event="error", data={"code": value.code, "status": value.status,
                                                       "message": value.message(question.language)})


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
    if body.question_id is not None:  # only a row asked from the same site
        await run_in_threadpool(ctx.questions.set_feedback, body.question_id,
                                chat_path.site_of(request), body.rating, body.comment)
    return {"ok": True, "message": text("web.feedback_thanks", lang)}


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
    elif await run_in_threadpool(ctx.questions.check):  # answers work, questions are not kept
        info.update(status="degraded", degraded=["question_log"],
                    message=text("web.question_log_unavailable", lang))
    return JSONResponse(jsonable_encoder(info), status_code=200 if ready else 503)
