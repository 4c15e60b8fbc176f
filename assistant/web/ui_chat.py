"""Chat tab logic: turns -> safe chat messages, streaming answers, thumbs up/down."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from html import escape
from typing import Any

import gradio as gr
from starlette.concurrency import iterate_in_threadpool

from assistant.errors import Spoor2Error
from assistant.texts import text
from assistant.web import chat
from assistant.web.context import WebContext, answer_dict
from assistant.web.errors import ApiError
from assistant.web.sources import source_link

log = logging.getLogger(__name__)

Turn = dict[str, Any]
MAX_HISTORY_TURNS = 10


def render_user(text: str) -> str:
    """User text shown literally: HTML is escaped, so `<img onerror=…>` is just text."""
    return escape(text, quote=False)


def render_sources(citations: list[dict[str, Any]], language: str) -> str:
    """A collapsible "Bronnen" block with numbered links that open in a new tab."""
    items = []
    for c in citations:
        label = escape(f"[{c['number']}] {c['title']}")
        link = source_link(str(c.get("url") or ""), label)
        section = f" — {escape(str(c['section']))}" if c.get("section") else ""
        items.append(f"<li>{link}{section}</li>")
    return (f'<details class="bronnen"><summary>{text("ui.sources", language)} ({len(citations)})'
            f'</summary><ul>{"".join(items)}</ul></details>')


def render_answer(turn: Turn, language: str) -> str:
    """Model Markdown with any HTML escaped, plus the sources block."""
    body = escape(turn.get("content") or "", quote=False)
    citations = turn.get("citations") or []
    return f"{body}\n\n{render_sources(citations, language)}" if citations else body


def to_messages(turns: list[Turn], language: str) -> list[dict[str, str]]:
    """Chatbot messages, one per turn (so the like index is the turn index)."""
    return [
        {"role": "user", "content": render_user(turn["content"])} if turn["role"] == "user"
        else {"role": "assistant", "content": render_answer(turn, language)}
        for turn in turns
    ]


def client_ip(ctx: WebContext, request: gr.Request | None) -> str:
    """The client IP of a Gradio event (proxy-aware), the key of the shared rate limit."""
    if request is None:
        return "ui"
    peer = request.client.host if getattr(request, "client", None) else None
    return ctx.client_ip(peer, request.headers.get("x-forwarded-for"))


def _warn_unfit(exc: ApiError, message: str, limit: int, language: str) -> str:
    """A notice for a message that cannot be sent; returns what stays in the question box."""
    if exc.code == "message_too_long":
        gr.Warning(text("ui.too_long", language, n=len(message.strip()), max=limit),
                   title=text("ui.warning", language))
        # The text stays in the box for the user to shorten; only an absurd paste is not echoed whole.
        return message if len(message) <= 4 * limit else message[:limit]
    if exc.code == "unreadable_message":
        gr.Warning(text("ui.bad_text", language), title=text("ui.warning", language))
        return ""
    gr.Warning(text("web.empty_message", language), title=text("ui.warning", language))
    return message


def respond(
    ctx: WebContext, message: str, turns: list[Turn] | None, audience: str | None,
    language: str, request: gr.Request | None,
) -> Iterator[tuple[list[dict[str, str]], list[Turn], str]]:
    """Stream an answer: yields (chat messages, turns, textbox value)."""
    turns = list(turns or [])
    message = message or ""
    try:
        clean = chat.check_message(ctx, message)
    except ApiError as exc:
        box = _warn_unfit(exc, message, ctx.settings.max_message_chars, language)
        yield to_messages(turns, language), turns, box
        return
    history = [{"role": x["role"], "content": x["content"]} for x in turns
               if x.get("kind") != "error"][-MAX_HISTORY_TURNS:]
    turns.append({"role": "user", "content": clean})
    reply: Turn = {"role": "assistant", "content": text("ui.thinking", language), "pending": True}
    turns.append(reply)
    yield to_messages(turns, language), turns, ""
    try:
        question = chat.admit(ctx, clean, history, client=client_ip(ctx, request),
                              language=language, surface="ui", audience=audience or None,
                              own_history=True)
        streamed = ""
        for kind, value in chat.answer_stream(question):
            if kind == "error":
                raise value
            if kind == "done":
                data = answer_dict(value, question.question_id)
                # The raw text: `render_answer` escapes it (once) for the chat window.
                reply.update(content=value.text, citations=data["citations"], kind=data["kind"],
                             question=clean, question_id=question.question_id, pending=False,
                             handoff=ctx.handoff.offers(value))
            else:
                streamed = "" if kind == "reset" else streamed + value
                reply["content"] = streamed or text("ui.thinking", language)
            yield to_messages(turns, language), turns, ""
    except Exception as exc:  # noqa: BLE001 - mapped; never a trace to the user
        reply.update(content=chat.error_for(exc, "ui answer").message(language), kind="error",
                     pending=False)
    reply.pop("pending", None)
    yield to_messages(turns, language), turns, ""


async def respond_gated(
    ctx: WebContext, message: str, turns: list[Turn] | None, audience: str | None,
    language: str, request: gr.Request | None,
) -> AsyncIterator[tuple[list[dict[str, str]], list[Turn], str]]:
    """`respond` inside the concurrency gate the API uses (busy: a notice, nothing computed)."""
    try:
        await chat.acquire(ctx)
    except ApiError as exc:
        gr.Warning(exc.message(language))
        turns = list(turns or [])
        yield to_messages(turns, language), turns, (message or "")[:ctx.settings.max_message_chars]
        return
    try:
        async for update in iterate_in_threadpool(
            respond(ctx, message, turns, audience, language, request)
        ):
            yield update
    finally:
        ctx.gate.release()


def _limited(ctx: WebContext, request: gr.Request | None, language: str) -> bool:
    """Count a UI event against the client's rate limit; True (and a notice) when over it."""
    try:
        ctx.limiter.check(client_ip(ctx, request))
    except ApiError as exc:
        gr.Warning(exc.message(language))
        return True
    return False


def on_like(
    ctx: WebContext, turns: list[Turn] | None, language: str, data: gr.LikeData,
    request: gr.Request | None = None,
) -> tuple[Any, Any, int | None]:
    """Store a thumbs up/down; on down, open the optional comment box."""
    if _limited(ctx, request, language):
        return gr.update(), gr.update(visible=False), None
    index = data.index if isinstance(data.index, int) else data.index[0]
    turns = turns or []
    turn = turns[index] if 0 <= index < len(turns) else {}
    liked = data.liked
    if liked not in (True, False, "Like", "Dislike"):
        return gr.update(), gr.update(visible=False), None
    rating = "up" if liked in (True, "Like") else "down"
    question_id = turn.get("question_id")
    if question_id:  # the own UI's questions have site ''
        ctx.questions.set_feedback(question_id, "", rating)
    try:
        row = ctx.feedback.add(rating, answer_kind=turn.get("kind"),
                               question=turn.get("question"), language=language, source="ui")
    except Spoor2Error as exc:
        gr.Warning(exc.user_message(language))
        return gr.update(), gr.update(visible=False), None
    if rating == "up":
        gr.Info(text("web.feedback_thanks", language), title=text("ui.info", language))
        return gr.update(value=""), gr.update(visible=False), None
    return gr.update(value=""), gr.update(visible=True), {"row": row, "question_id": question_id}


def on_comment(
    ctx: WebContext, comment: str, given: dict[str, Any] | int | None, language: str,
    request: gr.Request | None = None,
) -> tuple[Any, Any]:
    """Attach the optional comment to the thumbs-down just given (`on_like`'s rows)."""
    if _limited(ctx, request, language):
        return gr.update(), gr.update()
    if not isinstance(given, dict):
        given = {"row": given}
    row, question_id = given.get("row"), given.get("question_id")
    if question_id and (comment or "").strip():
        ctx.questions.set_feedback(question_id, "", "down", comment[:1000])
    if row is not None and (comment or "").strip():
        try:
            ctx.feedback.add_comment(row, comment[:1000])
        except Spoor2Error as exc:
            gr.Warning(exc.user_message(language), title=text("ui.warning", language))
            return gr.update(), gr.update(visible=False)
    gr.Info(text("web.feedback_thanks", language), title=text("ui.info", language))
    return gr.update(value=""), gr.update(visible=False)
