"""Limits every request obeys before any route sees it: body size, body read time, no uploads."""
from __future__ import annotations

import asyncio
import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.texts import pair

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
BODY_TIMEOUT_SECONDS = 10.0
# Gradio's file upload route: the UI takes no files, so nobody may store one on the server.
UPLOAD_PATHS = ("/gradio_api/upload",)
# The console's document upload (issue 14): a larger body, only for a request that carries
# operator credentials (a bearer token or the session cookie); the route checks them.
ADMIN_UPLOAD_PATHS = ("/api/admin/documents", "/admin/documenten")
ADMIN_UPLOAD_MAX_BYTES = 25 * 1024 * 1024

TOO_LARGE = pair("web.too_large")
TOO_SLOW = pair("web.too_slow")
NO_UPLOADS = pair("web.no_uploads")


def header(scope: Scope, name: bytes) -> str | None:
    """One request header, decoded (None when absent)."""
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


async def refuse(
    scope: Scope, send: Send, status: int, code: str, messages: tuple[str, str],
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Answer with the API's JSON error shape, in Dutch unless the client asks for English."""
    accept = (header(scope, b"accept-language") or "").lower()
    message = messages[1] if accept.startswith("en") else messages[0]
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode()), *(extra or [])]
    if status in (408, 413):
        headers.append((b"connection", b"close"))  # the rest of the body is never read
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _Refused(Exception):
    def __init__(self, status: int, code: str, messages: tuple[str, str]):
        super().__init__(code)
        self.status, self.code, self.messages = status, code, messages


class BodyLimit:
    """ASGI middleware: the whole body is read (at most `max_bytes`, within `timeout` seconds)
    before the app runs, whether it came with Content-Length or chunked; 413 or 408 otherwise."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES,
                 timeout: float = BODY_TIMEOUT_SECONDS, mount: str = "/ui"):
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.uploads = tuple(mount + p for p in UPLOAD_PATHS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(self.uploads):
            await refuse(scope, send, 403, "uploads_not_accepted", NO_UPLOADS)
            return
        limit = self._limit(scope)
        length = header(scope, b"content-length")
        if length and length.strip().isdigit() and int(length) > limit:
            await refuse(scope, send, 413, "request_too_large", TOO_LARGE)
            return
        try:
            body = await asyncio.wait_for(self._read(receive, limit), timeout=self.timeout)
        except TimeoutError:
            log.info("request body too slow on %s", scope.get("path"))
            await refuse(scope, send, 408, "request_timeout", TOO_SLOW)
            return
        except _Refused as exc:
            await refuse(scope, send, exc.status, exc.code, exc.messages)
            return
        if body is None:  # the client left before sending its body
            return
        await self.app(scope, _replay(body, receive), send)

    def _limit(self, scope: Scope) -> int:
        """The body limit of this request (larger for an operator's document upload)."""
        if scope["path"] in ADMIN_UPLOAD_PATHS and scope.get("method") == "POST" and (
                (header(scope, b"authorization") or "").lower().startswith("bearer ")
                or "spoor2_admin=" in (header(scope, b"cookie") or "")):
            return max(self.max_bytes, ADMIN_UPLOAD_MAX_BYTES)
        return self.max_bytes

    async def _read(self, receive: Receive, limit: int) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _Refused(413, "request_too_large", TOO_LARGE)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the buffered body once, then waits on the real one (disconnects)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
