"""Security headers on every response: CSP with frame-ancestors, nosniff, referrer policy."""
from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Pages run only this site's scripts and load nothing from another site. The widget demo
# needs inline styles; Gradio also inline scripts, blob: workers, data: images, and
# 'unsafe-eval' (gr.HTML evaluates its templates with `new Function`).
PAGE_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; "
    "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
UI_POLICY = PAGE_POLICY.replace("script-src 'self' 'unsafe-inline'",
                                "script-src 'self' 'unsafe-inline' 'unsafe-eval'")
# JSON, scripts and downloads are never documents that run anything.
DATA_POLICY = "default-src 'none'"
# Swagger UI (only with SPOOR2_API_DOCS) comes from its CDN.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
    "https://fastapi.tiangolo.com; object-src 'none'; base-uri 'self'"
)


class SecurityHeaders:
    """ASGI middleware: every response gets a CSP whose `frame-ancestors` lists this site and
    SPOOR2_ALLOWED_ORIGINS (a bureau may frame `/ui/` on its own site), plus nosniff."""

    def __init__(self, app: ASGIApp, allowed_origins: Iterable[str] = (), ui_path: str = "/ui"):
        self.app = app
        self.ui_path = ui_path
        origins = " ".join(o.rstrip("/") for o in allowed_origins)
        self.ancestors = f"frame-ancestors 'self' {origins}".strip()
        self.frame_options = None if origins else "SAMEORIGIN"

    def _policy(self, path: str) -> str:
        if path.startswith("/docs"):
            return f"{DOCS_POLICY}; {self.ancestors}"
        if path.startswith(("/api/", "/openapi.json", "/widget.js", "/widget.v1.js")):
            return f"{DATA_POLICY}; frame-ancestors 'none'"
        if path == self.ui_path or path.startswith(self.ui_path + "/"):
            return f"{UI_POLICY}; {self.ancestors}"
        return f"{PAGE_POLICY}; {self.ancestors}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self._policy(scope["path"])

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "content-security-policy" in headers:  # a page with its own, stricter policy
                    if "frame-ancestors" not in headers["content-security-policy"]:
                        headers["content-security-policy"] += f"; {self.ancestors}"
                else:
                    headers["Content-Security-Policy"] = policy
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                if self.frame_options:
                    headers.setdefault("X-Frame-Options", self.frame_options)
            await send(message)

        await self.app(scope, receive, with_headers)
