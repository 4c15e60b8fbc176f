"""Server-rendered pages: the cited article (`/bron/{doc_id}`), the widget script and its demo."""
from __future__ import annotations

import hashlib
import json
import re
from html import escape
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.texts import text
from assistant.texts.ui import ui_script_texts
from assistant.texts.widget import widget_texts

router = APIRouter(include_in_schema=False)

# Source pages are plain text and links: no script may run there, whatever the content.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – Spoor 2 Assistent</title>
<style>
body {{ font: 16px/1.6 system-ui, sans-serif; color: #1f2937; max-width: 46rem;
       margin: 0 auto; padding: 1.5rem; }}
h1 {{ font-size: 1.6rem; line-height: 1.25; }} h2 {{ font-size: 1.2rem; margin-top: 2rem; }}
.meta {{ color: #6b7280; font-size: .9rem; }} a {{ color: #1d4ed8; }}
.sources li {{ margin: .3rem 0; }} nav {{ margin-bottom: 1rem; }}
main {{ overflow-wrap: anywhere; }}
</style></head>
<body><nav><a href="/">{back}</a></nav><main><article>
<h1>{title}</h1>
{body}
</article>
<section class="sources"><h2>{sources_label}</h2><ul>{sources}</ul></section>
<p class="meta">{disclaimer}</p>
</main></body></html>"""


def _inline(text: str) -> str:
    """Escaped text with **bold** kept."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escape(text))


def render_text(text: str) -> str:
    """A tiny, safe Markdown subset: paragraphs, bullet and numbered lists, bold."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(re.match(r"^([-*]|\d+[.)])\s+", ln) for ln in lines):
            tag = "ol" if re.match(r"^\d", lines[0]) else "ul"
            items = "".join(
                f"<li>{_inline(re.sub(r'^([-*]|[0-9]+[.)])[ ]+', '', ln))}</li>" for ln in lines
            )
            out.append(f"<{tag}>{items}</{tag}>")
        else:
            out.append(f"<p>{_inline(' '.join(lines))}</p>")
    return "\n".join(out)


def safe_href(url: str) -> str | None:
    """The URL when it is http(s) or site-relative, else None."""
    url = (url or "").strip()
    if re.match(r"^https?://", url, re.I) or (url.startswith("/") and not url.startswith("//")):
        return url
    return None


def source_link(url: str, label: str) -> str:
    """`label` (already escaped) as a link that opens in a new tab, or alone when `url` is not
    http(s) or site-relative (the source pages and the chat's source list)."""
    href = safe_href(url)
    if href is None:
        return label
    return f'<a href="{escape(href)}" target="_blank" rel="noopener noreferrer">{label}</a>'


def render_source_page(doc: dict[str, Any]) -> str:
    """The HTML page of one knowledge-base article; everything is escaped."""
    lang = "en" if doc.get("language") == "en" else "nl"
    body = []
    for section in doc.get("sections") or []:
        heading = str(section.get("section") or "").strip()
        if heading and heading != doc.get("title"):
            body.append(f"<h2>{escape(heading)}</h2>")
        body.append(render_text(str(section.get("text") or "")))
    items = []
    for src in doc.get("sources") or []:
        title = escape(str(src.get("title") or src.get("url") or ""))
        law = f" <span class='meta'>({escape(str(src['law']))})</span>" if src.get("law") else ""
        items.append(f"<li>{source_link(str(src.get('url') or ''), title)}{law}</li>")
    return _PAGE.format(
        lang=lang,
        title=escape(str(doc.get("title") or "")),
        body="\n".join(body),
        back=text("web.source_back", lang),
        sources_label=text("web.source_sources", lang),
        sources="".join(items) or "<li>–</li>",
        disclaimer=text("web.source_disclaimer", lang),
    )


def _site_key(request: Request) -> str:
    """The site profile key of the page a visitor came from: its `Origin`, else the origin of its
    `Referer` (the widget's source links send only the origin); '' without a profile."""
    sites = request.app.state.web.sites
    profile = sites.by_origin(request.headers.get("origin"))
    if profile is None:
        parts = urlsplit(request.headers.get("referer") or "")
        if parts.scheme and parts.netloc:
            profile = sites.by_origin(f"{parts.scheme}://{parts.netloc}")
    return profile.key if profile else ""


@router.get("/bron/{doc_id}", response_class=HTMLResponse)
async def source_page(doc_id: str, request: Request) -> HTMLResponse:
    """A cited knowledge-base article as a readable page; a site's own document (chunks with
    metadata `site`) only for visitors coming from that site."""
    holder = request.app.state.web.holder
    assistant = holder.peek()
    doc = None
    if assistant is not None and re.fullmatch(r"[\w.-]{1,120}", doc_id):
        doc = await run_in_threadpool(assistant.source_document, doc_id)
    if doc and doc.get("site") and doc["site"] != _site_key(request):
        doc = None  # another site's own document: as if it did not exist
    if not doc:
        body = f"<p>{text('web.source_missing', 'nl')}</p>"
        return HTMLResponse(
            _PAGE.format(lang="nl", title=text("web.source_missing_title", "nl"), body=body,
                         back=text("web.source_back", "nl"),
                         sources_label=text("web.source_sources", "nl"),
                         sources="<li>–</li>", disclaimer=""),
            status_code=404, headers=PAGE_HEADERS,
        )
    return HTMLResponse(render_source_page(doc), headers=PAGE_HEADERS)


def _static(name: str) -> bytes:
    return resources.files("assistant.web").joinpath("static", name).read_bytes()


_EMPTY_CATALOGUE = (b'var CATALOGUE = {"main": {"nl": {}, "en": {}}, '
                    b'"handoff": {"u": {}, "je": {}, "en": {}}};')


def widget_script(settings) -> bytes:
    """The widget as served: the static file with this server's message limit and how long
    questions are kept (0: not kept)."""
    limit = int(settings.max_message_chars)
    kept = int(settings.retention_days) if settings.question_log else 0
    script = _static("widget.js").replace(b"var MAX_CHARS = 2000;",
                                          f"var MAX_CHARS = {limit};".encode())
    script = script.replace(b"var RETENTION_DAYS = 0;", f"var RETENTION_DAYS = {kept};".encode())
    texts = json.dumps(widget_texts(), sort_keys=True)
    return script.replace(_EMPTY_CATALOGUE, f"var CATALOGUE = {texts};".encode())


def ui_script() -> bytes:
    """The UI's script as served: the static file with its texts from the catalogue."""
    texts = json.dumps(ui_script_texts(), sort_keys=True)
    return _static("ui.js").replace(b'var T = {"nl": {"labels": {}}, "en": {"labels": {}}};',
                                    f"var T = {texts};".encode())


def widget_version(settings) -> str:
    """The served widget's content hash: `/widget.js?v=<it>` may be cached for a year."""
    return hashlib.sha256(widget_script(settings)).hexdigest()[:12]


@router.get("/widget.js")
@router.get("/widget.v1.js")
async def widget_js(request: Request, v: str = "") -> Response:
    """The embeddable chat widget (one file, no framework), with this server's message limit.

    `/widget.js?v=<version>` (the version `GET /api/site` and the `X-Widget-Version` header
    name) is immutable and cached for a year; `/widget.v1.js` (JavaScript API version 1) for a
    day; `/widget.js` for five minutes. A stale `v` gets today's script, cached briefly."""
    settings = request.app.state.web.settings
    script = widget_script(settings)
    version = hashlib.sha256(script).hexdigest()[:12]
    if v and v == version:
        cache = "public, max-age=31536000, immutable"
    elif request.url.path.endswith(".v1.js") and not v:
        cache = "public, max-age=86400, stale-while-revalidate=604800"
    else:
        cache = "public, max-age=300"
    return Response(script, media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": cache, "X-Widget-Version": version,
                             "X-Content-Type-Options": "nosniff"})


@router.get("/ui.js")
async def ui_js() -> Response:
    """The chat UI's own script (language, keyboard and screen-reader fixes around Gradio)."""
    return Response(ui_script(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "public, max-age=300",
                             "X-Content-Type-Options": "nosniff"})


@router.get("/widget/demo", response_class=HTMLResponse)
async def widget_demo() -> HTMLResponse:
    """A sample site with the widget on it."""
    return HTMLResponse(_static("demo.html").decode("utf-8"))
