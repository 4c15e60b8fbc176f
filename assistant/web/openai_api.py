"""An OpenAI-compatible `POST /v1/chat/completions` (plain and streaming) over the same assistant.

On only with SPOOR2_OPENAI_API=1; every request needs `Authorization: Bearer
$SPOOR2_OPENAI_API_KEY`. It sits behind the API's rate limit, body limit and concurrency gate.
The last user message is the question, earlier user and assistant messages are the history
(system messages are ignored: the assistant keeps its own rules). Citations are listed under
the answer text and given in full in the extra `citations` field.
"""
from __future__ import annotations

import asyncio
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator
from html import escape
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from fastapi.sse import KEEPALIVE_COMMENT, format_sse_event
from pydantic import BaseModel, ConfigDict, Field

from assistant.texts import pair
from assistant.types import Answer
from assistant.web import chat as chat_path
from assistant.web.chat import Question
from assistant.web.context import WebContext, answer_dict
from assistant.web.errors import ApiError, request_language
from assistant.web.schemas import MAX_HISTORY, Audience, Language, Text

router = APIRouter(prefix="/v1", tags=["openai"])
MODEL = "spoor2-assistent"
_SOURCES = {"nl": "Bronnen", "en": "Sources"}
PING_SECONDS = 15.0  # a keep-alive comment while the answer is silent (proxies close idle streams)


class ContentPart(BaseModel):
    """One part of a message's content (only text parts are read)."""

    model_config = ConfigDict(extra="ignore")
    type: str
    text: Text = ""


class Message(BaseModel):
    """One chat message."""

    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: Text | list[ContentPart] | None = None

    @property
    def text(self) -> str:
        if isinstance(self.content, list):
            return "\n".join(p.text for p in self.content if p.type == "text")
        return self.content or ""


class ChatCompletionRequest(BaseModel):
    """The OpenAI chat completion request (sampling fields are accepted and ignored)."""

    model_config = ConfigDict(extra="ignore")
    model: str = MODEL
    messages: list[Message] = Field(min_length=1, max_length=4 * MAX_HISTORY)
    stream: bool = False
    language: Language | None = Field(None, description="Spoor 2 extension: nl, en, or null to detect")
    audience: Audience | None = Field(None, description="Spoor 2 extension: werkgever or werknemer")


def _authorize(request: Request) -> WebContext:
    ctx: WebContext = request.app.state.web
    ctx.limiter.check(ctx.ip_of(request))  # failed keys count too
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    key = ctx.settings.openai_api_key.get_secret_value()
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), key.encode()):
        raise ApiError(401, "invalid_api_key", *pair("web.invalid_api_key"),
                       {"WWW-Authenticate": "Bearer"})
    return ctx


async def _slot(
    body: ChatCompletionRequest, request: Request, ctx: Annotated[WebContext, Depends(_authorize)],
) -> AsyncIterator[Question]:
    request.state.language = body.language
    turns = [m for m in body.messages if m.role in ("user", "assistant") and m.text.strip()]
    if not turns or turns[-1].role != "user":
        raise ApiError(400, "empty_message", *pair("web.last_message_not_a_question"))
    history = [{"role": m.role, "content": m.text} for m in turns[:-1]][-MAX_HISTORY:]
    # The rate limit was counted in `_authorize` (failed keys count too): not a second time.
    question = await chat_path.enter(
        ctx, turns[-1].text, history, client="", surface="openai",
        language=request_language(request, body.language), audience=body.audience,
        answer_language=body.language, site=chat_path.site_of(request), rate_limited=False)
    try:
        yield question
    finally:
        question.release()


def _sources(answer: Answer, data: dict[str, Any]) -> str:
    """The numbered source list under the answer text."""
    if not data["citations"]:
        return ""
    lines = [f"[{c['number']}] {c['title']}" + (f" — {c['section']}" if c["section"] else "")
             + (f" ({c['url']})" if c["url"] else "") for c in data["citations"]]
    return f"\n\n{_SOURCES.get(answer.language, 'Bronnen')}:\n" + "\n".join(lines)


def _extra(data: dict[str, Any]) -> dict[str, Any]:
    return {"citations": data["citations"],
            "spoor2": {k: data[k] for k in ("kind", "language", "confidence")}}


@router.post("/chat/completions", responses={401: {"description": "Missing or wrong API key"}})
async def chat_completions(
    body: ChatCompletionRequest, slot: Annotated[Question, Depends(_slot)],
) -> Any:
    """Answer the last user message, OpenAI style; `stream: true` gives `chat.completion.chunk`s."""
    head = {"id": f"chatcmpl-{uuid.uuid4().hex}", "created": int(time.time()), "model": body.model or MODEL}
    if body.stream:
        return StreamingResponse(_with_pings(_chunks(slot, body, head)), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    answer = await chat_path.answer(slot)
    data = answer_dict(answer)
    return {**head, "object": "chat.completion",
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": data["answer"] + _sources(answer, data)}}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}, **_extra(data)}


async def _chunks(slot: Question, body: ChatCompletionRequest, head: dict[str, Any]) -> AsyncIterator[bytes]:
    """The answer as `chat.completion.chunk` events, then `[DONE]`."""
    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        payload = {**head, "object": "chat.completion.chunk",
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}], **extra}
        return format_sse_event(data_str=json.dumps(payload, ensure_ascii=False))

    yield chunk({"role": "assistant", "content": ""})
    shown = False
    async for kind, value in chat_path.events(slot):
        if kind == "delta":
            shown = True
            yield chunk({"content": escape(value, quote=False)})
        elif kind == "reset" and shown:  # sent text cannot be taken back: the answer follows anew
            yield chunk({"content": "\n\n---\n\n"})
        elif kind == "done":
            data = answer_dict(value)
            yield chunk({"content": _sources(value, data)}, "stop", **_extra(data))
        elif kind == "error":
            error = {"message": value.message(slot.language), "type": "server_error", "code": value.code}
            yield format_sse_event(data_str=json.dumps({"error": error}, ensure_ascii=False))
    yield format_sse_event(data_str="[DONE]")


async def _with_pings(events: AsyncIterator[bytes], every: float | None = None) -> AsyncIterator[bytes]:
    """`events`, with a keep-alive comment whenever nothing came for `every` seconds.

    When the client leaves, the response cancels this generator and the task reading `events`
    is cancelled too, which stops the model (see `chat.events`)."""
    every = PING_SECONDS if every is None else every
    queue: asyncio.Queue[bytes | None] = asyncio.Queue()

    async def pump() -> None:
        try:
            async for item in events:
                queue.put_nowait(item)
        finally:
            queue.put_nowait(None)

    task = asyncio.create_task(pump())
    try:
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=every)
            except TimeoutError:
                yield KEEPALIVE_COMMENT
                continue
            if item is None:
                break
            yield item
    finally:
        task.cancel()
