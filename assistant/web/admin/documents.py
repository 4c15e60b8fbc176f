"""Knowledge management: the documents in the serving index, upload, progress, removal.

Console page `/admin/documenten`; JSON API `GET/POST/DELETE /api/admin/documents` and
`GET /api/admin/ingest` (the progress of the current or last run).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from assistant.answering.claims import is_vetted
from assistant.texts import pair, text
from assistant.web.admin.auth import (
    CSRF_FIELD,
    Admin,
    csrf_token,
    require_admin,
    require_admin_change,
)
from assistant.web.admin.ingesting import BUSY, IngestJobs
from assistant.web.admin.layout import page
from assistant.web.admin.uploads import (
    EXTENSIONS,
    MAX_FILE_BYTES,
    Upload,
    UploadRefused,
    save,
    site_folder,
    undo,
    uploads_root,
)
from assistant.web.errors import ApiError, request_language
from ingest.files import path_key, under

router = APIRouter(include_in_schema=False)

_FORBIDDEN_SITE = pair("admin.forbidden_site")
_PROTECTED = pair("admin.documents.protected")
_NOT_FOUND = pair("admin.documents.not_found")
_STILL_ON_DISK = pair("admin.documents.still_on_disk")
_ACCEPT = ",".join(EXTENSIONS)


# -- state --------------------------------------------------------------------------------------
def jobs(request: Request) -> IngestJobs:
    """The app's one ingest runner."""
    state = request.app.state
    if getattr(state, "admin_ingest", None) is None:
        web = state.web
        state.admin_ingest = IngestJobs(web.settings, web.holder.peek,
                                        web.metrics.record_ingest)
    return state.admin_ingest


def _assistant(request: Request) -> Any:
    return request.app.state.web.holder.get()  # 503 while there is no index


def _site_key(request: Request, site: str | None) -> str | None:
    """The key of the site profile an upload is for (`site` may be its key or an origin); the
    folder `uploads/<key>/` is what makes its documents that site's (SPOOR2_SITES)."""
    if not site or not site.strip():
        return None
    sites = request.app.state.web.sites
    profile = sites.by_key(site.strip()) or sites.by_origin(site.strip())
    if profile is None:
        raise ApiError(400, "unknown_site", *pair("admin.unknown_site", site=site[:80]))
    return profile.key


def _check_site(admin: Admin, site: str | None) -> str:
    """The uploads folder this operator may use (its own site's for a site-scoped one)."""
    if admin.site is not None:
        if site and not admin.sees(site.strip()):
            raise ApiError(403, "forbidden_site", *_FORBIDDEN_SITE)
        return site_folder(admin.site)
    try:
        return site_folder(site)
    except UploadRefused as exc:
        raise ApiError(400, "invalid_site", exc.nl, exc.en) from None


# -- the list ------------------------------------------------------------------------------------
def documents(request: Request, admin: Admin) -> list[dict[str, Any]]:
    """Every document of the serving index this operator may see, newest first."""
    settings = request.app.state.web.settings
    assistant = _assistant(request)
    uploads = path_key(uploads_root(settings))
    curated = [path_key(Path(p)) for p in (settings.knowledge_dir, *settings.trusted_sources)]
    own = f"{uploads}/{site_folder(admin.site)}" if admin.site is not None else None
    groups: dict[str, list[Any]] = defaultdict(list)
    for chunk in assistant.chunks:
        groups[str(chunk.metadata.get("path") or chunk.metadata.get("source") or "")].append(chunk)
    out = []
    for key, chunks in groups.items():
        meta = chunks[0].metadata
        vetted = any(is_vetted(c.metadata) for c in chunks)
        if under(key, [uploads]):
            origin, folder = "upload", key[len(uploads) + 1:].split("/", 1)[0]
        else:
            origin, folder = ("knowledge" if vetted or under(key, curated) else "cli"), ""
        if own is not None and not under(key, [own]):
            continue
        out.append({
            "path": key, "file": key.rsplit("/", 1)[-1], "title": str(meta.get("title") or ""),
            "doc_id": str(meta.get("doc_id") or ""), "chunks": len(chunks),
            "ingested_at": max(str(c.metadata.get("ingested_at") or "") for c in chunks),
            "language": str(meta.get("language") or ""), "vetted": vetted, "origin": origin,
            "folder": folder, "removable": origin != "knowledge",
        })
    out.sort(key=lambda d: (d["ingested_at"], d["path"]), reverse=True)
    out.sort(key=lambda d: d["origin"] == "knowledge")
    return out


# -- actions -------------------------------------------------------------------------------------
async def _read_uploads(request: Request) -> tuple[list[Upload], str | None]:
    form = await request.form()
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
    uploads = []
    for item in files:
        if not item.filename:
            continue
        data = await item.read(MAX_FILE_BYTES + 1)
        uploads.append(Upload(item.filename, data))
    site = form.get("site")
    return uploads, (site.strip() or None) if isinstance(site, str) else None


async def upload(request: Request, admin: Admin) -> dict[str, Any]:
    """Save the request's files and start ingesting them; the run's status."""
    _assistant(request)
    runner = jobs(request)
    if runner.running:
        raise ApiError(409, "ingest_running", *BUSY)
    uploads, site = await _read_uploads(request)
    folder = _check_site(admin, site if admin.site is not None else _site_key(request, site))
    try:
        saved = await run_in_threadpool(save, request.app.state.web.settings, folder, uploads)
    except UploadRefused as exc:
        raise ApiError(400, "upload_refused", exc.nl, exc.en) from None
    try:
        return runner.run("upload", [p for p, _ in saved], saved=saved)
    except ApiError:
        undo(saved)
        raise


def remove(request: Request, admin: Admin, key: str) -> dict[str, Any]:
    """Remove one document: its upload (if any) and, in a new generation, its chunks."""
    found = next((d for d in documents(request, admin) if d["path"] == key), None)
    if found is None:
        if admin.site is not None and any(d["path"] == key for d in documents(request, Admin())):
            raise ApiError(403, "forbidden_site", *_FORBIDDEN_SITE)
        raise ApiError(404, "document_not_found", *_NOT_FOUND)
    if not found["removable"]:
        raise ApiError(403, "knowledge_protected", *_PROTECTED)
    path = Path(key)
    runner = jobs(request)
    if runner.running:
        raise ApiError(409, "ingest_running", *BUSY)
    if found["origin"] != "upload":
        if path.exists():
            raise ApiError(409, "file_still_present", *_STILL_ON_DISK)
        return runner.run("remove", [path], prune=True)
    previous = path.read_bytes() if path.is_file() else None
    path.unlink(missing_ok=True)

    def put_back() -> None:
        if previous is not None:
            path.write_bytes(previous)

    try:
        return runner.run("remove", [path], prune=True, after=put_back)
    except ApiError:
        put_back()
        raise


# -- JSON API ------------------------------------------------------------------------------------
@router.get("/api/admin/documents")
async def api_documents(request: Request,
                        admin: Annotated[Admin, Depends(require_admin)]) -> dict[str, Any]:
    """The documents of the serving index (filtered to the operator's site)."""
    return {"documents": await run_in_threadpool(documents, request, admin)}


@router.post("/api/admin/documents", status_code=202)
async def api_upload(request: Request,
                     admin: Annotated[Admin, Depends(require_admin_change)]) -> dict[str, Any]:
    """Upload files (multipart field `files`, optional `site`); ingests in the background."""
    return await upload(request, admin)


@router.delete("/api/admin/documents", status_code=202)
async def api_remove(request: Request, path: str,
                     admin: Annotated[Admin, Depends(require_admin_change)]) -> dict[str, Any]:
    """Remove the document with this `path` (as listed); prunes it in a new generation."""
    return await run_in_threadpool(remove, request, admin, path)


@router.get("/api/admin/ingest")
async def api_ingest(request: Request,
                     admin: Annotated[Admin, Depends(require_admin)]) -> dict[str, Any]:
    """The progress of the current (or last) upload or removal."""
    return jobs(request).status()


# -- console page --------------------------------------------------------------------------------
def _status_html(status: dict[str, Any], lang: str) -> str:
    t = _texts(lang)
    state = status.get("state", "idle")
    if state == "idle":
        return ""
    stage = str(status.get("stage"))
    stage_label = t(f"stage_{stage}") if stage in ("reading", "embedding", "starting") else ""
    if state == "running":
        said = (f"{t('busy')}: {stage_label} "
                f"({status.get('done', 0)}/{status.get('total', 0)}). "
                + t("keeps_answering"))
    elif state == "failed":
        said = str(status.get(f"error_{lang}", ""))
    elif status.get("live"):
        said = (t("done_the_assistant_now_answe"))
        if not status.get("built"):
            said = t("done_nothing_changed")
    else:
        said = (t("built_the_assistant_switches"))
    items = "".join(
        f"<li><strong>{escape(s['file'])}</strong>: "
        f"{escape(s[f'message_{lang}'])} "
        f"<span class=\"muted\">({escape(s['reason'])})</span></li>"
        for s in status.get("skipped", []))
    skipped = (f"<h3>{t('skipped_files')}</h3><ul>{items}</ul>"
               if items else "")
    conflicts = "".join(
        f"<li><strong>{escape(c['file'])}</strong>: “{escape(c['passage'])}” – "
        f"{t('contradicts')}: {escape(c['vetted'])}</li>"
        for c in status.get("conflicts", []))
    if conflicts:
        heading = t("conflicts_with_the_knowledge")
        conflicts = f"<h3>{heading}</h3><ul>{conflicts}</ul>"
    cls = "error" if state == "failed" else ""
    return (f'<p id="ingest-state" data-state="{escape(state)}" '
            f'data-live="{"1" if status.get("live") else "0"}" class="{cls}">{escape(said)}</p>'
            f"{skipped}{conflicts}")


def _texts(lang: str) -> Callable[[str], str]:
    """The console page's text with this key (under `admin.documents.`) in `lang`."""
    return lambda key: text(f"admin.documents.{key}", lang)


def _document_row(d: dict[str, Any], t: Callable[[str], str], hidden: str, suffix: str) -> str:
    """One document's table row, with a remove button when it may be removed."""
    if d["removable"]:
        action = (f'<form method="post" action="/admin/documenten/verwijderen{suffix}">{hidden}'
                  f'<input type="hidden" name="path" value="{escape(d["path"])}">'
                  f'<button type="submit" aria-label="{t("remove")} '
                  f'{escape(d["file"])}">{t("remove")}</button></form>')
    else:
        action = '<span class="muted">' + t("not_from_the_console") + "</span>"
    label = t(f"origin_{d['origin']}")
    if d["folder"]:
        label += f" ({escape(d['folder'])})"
    vetted = t("yes") if d["vetted"] else t("no")
    return (f"<tr><td>{escape(d['title'] or d['file'])}</td>"
            f"<td><code>{escape(d['path'])}</code></td>"
            f"<td>{escape(label)}</td><td>{vetted}</td>"
            f"<td>{d['chunks']}</td><td>{escape(d['ingested_at'][:16].replace('T', ' '))}</td>"
            f"<td>{action}</td></tr>")


def _table_head(t: Callable[[str], str]) -> str:
    columns = ("Document", t("file"), t("source"), t("vetted"), "Chunks", t("added_utc"),
               t("action"))
    return "<tr>" + "".join(f'<th scope="col">{c}</th>' for c in columns) + "</tr>"


def _status_section(status: dict[str, Any], lang: str, suffix: str) -> str:
    """The progress of the current or last run, and a Refresh link."""
    t = _texts(lang)
    said = (_status_html(status, lang)
            or f'<p id="ingest-state" data-state="idle">{t("nothing_is_being_processed")}</p>')
    return f"""<section aria-labelledby="h-status"><h2 id="h-status">{t('processing')}</h2>
<div id="ingest-status" aria-live="polite">{said}</div>
<p><a href="/admin/documenten{suffix}">{t('refresh')}</a></p></section>"""


def _upload_section(t: Callable[[str], str], hidden: str, suffix: str, *, ask_site: bool) -> str:
    """The upload form; an operator of every site also says which site the files are for."""
    site_field = (
        f'<p><label for="site">{t("site_origin_empty_every_site")}</label><br>'
        '<input id="site" name="site" type="text" size="40" style="max-width: 100%" '
        'placeholder="https://www.bureau.nl"></p>') if ask_site else ""
    return f"""<section aria-labelledby="h-upload"><h2 id="h-upload">{t('upload')}</h2>
<form method="post" action="/admin/documenten{suffix}" enctype="multipart/form-data">{hidden}
<p><label for="files">{t('files_md_txt_html_pdf_docx_a')}</label><br>
<input id="files" name="files" type="file" multiple accept="{_ACCEPT}" required></p>
{site_field}<p><button type="submit">{t('upload_and_process')}</button></p>
</form></section>"""


def _documents_section(t: Callable[[str], str], rows: str) -> str:
    return f"""<section aria-labelledby="h-docs"><h2 id="h-docs">{t('in_the_knowledge_base')}</h2>
<p class="muted">{t('the_curated_knowledge_base_k')}</p>
<div class="wrap" tabindex="0" role="region" aria-labelledby="h-docs"><table>
<thead>{_table_head(t)}</thead><tbody>{rows}</tbody></table></div></section>"""


def _page(request: Request, admin: Admin, error: str = "", status_code: int = 200) -> HTMLResponse:
    lang = request_language(request)
    t = _texts(lang)
    hidden = f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(request))}">'
    suffix = "" if lang == "nl" else f"?lang={lang}"
    rows = "".join(_document_row(d, t, hidden, suffix) for d in documents(request, admin))
    error_html = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = "\n".join((
        error_html,
        _status_section(jobs(request).status(), lang, suffix),
        _upload_section(t, hidden, suffix, ask_site=admin.site is None),
        _documents_section(t, rows),
        '<script src="/admin/documenten.js" defer></script>',
    ))
    return page(t("documents"), body, path="/admin/documenten",
                language=lang, status_code=status_code)


@router.get("/admin/documenten", response_class=HTMLResponse)
async def documents_page(request: Request,
                         admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """The documents, the upload form and the progress of the last run."""
    return await run_in_threadpool(_page, request, admin)


async def _page_after(request: Request, admin: Admin, action) -> Response:
    lang = request_language(request)
    try:
        await action()
    except ApiError as exc:
        if exc.status in (401, 503):
            raise
        return await run_in_threadpool(_page, request, admin, exc.message(lang), exc.status)
    return RedirectResponse("/admin/documenten" + ("?lang=en" if lang == "en" else ""),
                            status_code=303)


@router.post("/admin/documenten")
async def documents_upload(request: Request,
                           admin: Annotated[Admin, Depends(require_admin_change)]) -> Response:
    """The upload form: save, start processing, back to the page (which shows progress)."""
    return await _page_after(request, admin, lambda: upload(request, admin))


@router.post("/admin/documenten/verwijderen")
async def documents_remove(request: Request,
                           admin: Annotated[Admin, Depends(require_admin_change)]) -> Response:
    """The remove button of one document."""
    form = await request.form()
    key = form.get("path")

    async def action() -> None:
        await run_in_threadpool(remove, request, admin, key if isinstance(key, str) else "")

    return await _page_after(request, admin, action)


SCRIPT = """(function () {
  var box = document.getElementById('ingest-status');
  var state = document.getElementById('ingest-state');
  if (!box || !state) return;
  var busy = function (s) { return s.state === 'running' || (s.state === 'done' && !s.live); };
  var now = {state: state.dataset.state, live: state.dataset.live === '1'};
  if (!busy(now)) return;
  var tick = function () {
    fetch('/api/admin/ingest', {credentials: 'same-origin',
                                headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        if (!busy(s)) { window.location.reload(); return; }
        if (s.state === 'running') {
          var p = state.textContent.replace(/\\(\\d+\\/\\d+\\)/,
                                            '(' + s.done + '/' + s.total + ')');
          if (p !== state.textContent) state.textContent = p;
        }
        window.setTimeout(tick, 1000);
      })
      .catch(function () { window.setTimeout(tick, 3000); });
  };
  window.setTimeout(tick, 1000);
})();
"""


@router.get("/admin/documenten.js")
async def documents_script() -> Response:
    """Refreshes the page when processing ends (the page works without it: Refresh link)."""
    return Response(SCRIPT, media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "no-cache"})
