"""Conflicts: passages in ingested (not vetted) documents that contradict a vetted claim.

Console page `/admin/conflicten`; JSON API `GET /api/admin/conflicts`. Such passages are never
quoted as fact by the assistant; the operator sees them here to correct the document.
"""
from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from assistant.texts import text
from assistant.web.admin.auth import Admin, require_admin
from assistant.web.admin.layout import page
from assistant.web.admin.uploads import site_folder, uploads_root
from assistant.web.errors import request_language
from ingest.conflicts import conflicts as find_conflicts
from ingest.files import path_key, under

router = APIRouter(include_in_schema=False)

_cache: dict[str, list[dict[str, Any]]] = {}  # generation -> conflicts (one entry)


def all_conflicts(assistant: Any) -> list[dict[str, Any]]:
    """Every conflict in the serving index, per document (computed once per generation)."""
    generation = str(assistant.generation)
    if generation in _cache:
        return _cache[generation]
    groups: dict[str, list[Any]] = defaultdict(list)
    for chunk in assistant.snapshot.catalog.unvetted():
        key = str(chunk.metadata.get("path") or chunk.metadata.get("source") or "")
        groups[key].append(chunk)
    found = []
    for key, chunks in sorted(groups.items()):
        title = str(chunks[0].metadata.get("title") or key.rsplit("/", 1)[-1])
        for claim, passage, truth in find_conflicts(chunks):
            found.append({"path": key, "title": title, "claim": claim, "passage": passage,
                          "vetted": truth})
    _cache.clear()
    _cache[generation] = found
    return found


def conflicts_for(request: Request, admin: Admin) -> list[dict[str, Any]]:
    """The conflicts this operator may see (its own site's uploads when site-scoped)."""
    found = all_conflicts(request.app.state.web.holder.get())
    if admin.site is None:
        return found
    own = f"{path_key(uploads_root(request.app.state.web.settings))}/{site_folder(admin.site)}"
    return [c for c in found if under(c["path"], [own])]


@router.get("/api/admin/conflicts")
async def api_conflicts(request: Request,
                        admin: Annotated[Admin, Depends(require_admin)]) -> dict[str, Any]:
    """Passages that contradict the knowledge base: document, passage and the vetted claim."""
    return {"conflicts": await run_in_threadpool(conflicts_for, request, admin)}


@router.get("/admin/conflicten", response_class=HTMLResponse)
async def conflicts_page(request: Request,
                         admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """The conflicts as a table."""
    lang = request_language(request)
    found = await run_in_threadpool(conflicts_for, request, admin)
    intro = text("admin.conflicts_intro", lang)
    if not found:
        table = f"<p>{text('admin.conflicts_none', lang)}</p>"
    else:
        rows = "".join(
            f"<tr><td>{escape(c['title'])}<br><code class=\"muted\">{escape(c['path'])}</code></td>"
            f"<td>{escape(c['passage'])}</td><td>{escape(c['vetted'])}</td></tr>" for c in found)
        table = ("<div class=\"wrap\" tabindex=\"0\" role=\"region\" aria-label=\""
                 + text("admin.nav_conflicts", lang) + "\"><table><thead><tr>"
                 "<th scope=\"col\">Document</th>"
                 "<th scope=\"col\">Passage</th><th scope=\"col\">"
                 f"{text('admin.vetted_claim', lang)}</th></tr>"
                 f"</thead><tbody>{rows}</tbody></table></div>")
    return page(text("admin.nav_conflicts", lang), f"<p class=\"muted\">{intro}</p>{table}",
                path="/admin/conflicten", language=lang)
