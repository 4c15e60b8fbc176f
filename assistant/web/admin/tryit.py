"""The try-it panel: ask a question and see the answer, the path taken and the passages found.

Console page `/admin/probeer`; JSON API `POST /api/admin/try`. Nothing is logged or stored.
"""
from __future__ import annotations

import json
from html import escape
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from assistant.answering.claims import is_vetted
from assistant.texts import text
from assistant.web.admin.auth import (
    CSRF_FIELD,
    Admin,
    csrf_token,
    require_admin,
    require_admin_change,
)
from assistant.web.admin.layout import page
from assistant.web.context import answer_dict
from assistant.web.errors import ApiError, request_language

router = APIRouter(include_in_schema=False)

SNIPPET_CHARS = 400


class TryRequest(BaseModel):
    """A question for the try-it panel."""

    question: str = Field(min_length=1, max_length=4000)
    audience: Literal["werkgever", "werknemer", ""] = ""
    language: Literal["nl", "en", ""] = ""


def _plain(value: Any) -> Any:
    """The trace as plain JSON (anything unusual as its text)."""
    return json.loads(json.dumps(value, default=str))


def try_question(request: Request, question: str, audience: str, language: str) -> dict[str, Any]:
    """Answer like the chat does and return the answer, its path and the passages with scores."""
    ctx = request.app.state.web
    text = ctx.check_message(question)
    assistant = ctx.holder.get()
    answer = assistant.ask(text, audience=audience or None, language=language or None)
    trace = answer.trace
    by_id = assistant.snapshot.catalog.by_id([h.get("id") for h in trace.get("hits", [])])
    passages = []
    for rank, hit in enumerate(trace.get("hits", []), start=1):
        chunk = by_id.get(hit.get("id"))
        meta = chunk.metadata if chunk is not None else {}
        passages.append({
            "rank": rank, "id": hit.get("id"), "doc_id": hit.get("doc_id", ""),
            "title": str(meta.get("title") or ""), "path": str(meta.get("path") or ""),
            "section": hit.get("section", ""), "vetted": bool(meta) and is_vetted(meta),
            "text": (chunk.text[:SNIPPET_CHARS] + ("…" if len(chunk.text) > SNIPPET_CHARS else ""))
            if chunk is not None else "",
            "fused": hit.get("score"), "dense": hit.get("dense"), "bm25": hit.get("bm25"),
            "dense_rank": hit.get("dense_rank"), "bm25_rank": hit.get("bm25_rank"),
        })
    cited = [c.title for c in answer.citations]
    return {"answer": answer_dict(answer), "path": str(trace.get("path", answer.kind)),
            "generation": str(trace.get("generation", "")), "cited_titles": cited,
            "passages": passages,
            "trace": _plain({k: v for k, v in trace.items() if k != "hits"})}


@router.post("/api/admin/try")
async def api_try(body: TryRequest, request: Request,
                  admin: Annotated[Admin, Depends(require_admin_change)]) -> dict[str, Any]:
    """Ask a question as a visitor would; see the answer, its path and the retrieved passages."""
    return await _answer(request, body.question, body.audience, body.language)


async def _answer(request: Request, question: str, audience: str, language: str) -> dict[str, Any]:
    ctx = request.app.state.web
    await ctx.gate.acquire()
    try:
        return await run_in_threadpool(try_question, request, question, audience, language)
    finally:
        ctx.gate.release()


def _option(value: str, label: str, chosen: str) -> str:
    selected = " selected" if value == chosen else ""
    return f'<option value="{escape(value)}"{selected}>{escape(label)}</option>'


def _result_html(result: dict[str, Any], lang: str) -> str:
    def t(key: str) -> str:
        return text(f"admin.try.{key}", lang)

    answer = result["answer"]
    citations = "".join(
        f"<li>[{c['number']}] {escape(c['title'])}"
        + (f" – {escape(c['section'])}" if c.get("section") else "") + "</li>"
        for c in answer["citations"])
    yes, no = t("yes"), t("no")
    rows = "".join(
        f"<tr><td>{p['rank']}</td><td>{escape(p['title'] or p['doc_id'])}"
        f"<br><code class=\"muted\">{escape(p['path'])}</code></td>"
        f"<td>{escape(p['section'])}</td><td>{yes if p['vetted'] else no}</td>"
        f"<td>{p['fused']}</td><td>{p['dense']}</td><td>{p['bm25']}</td>"
        f"<td>{escape(p['text'])}</td></tr>"
        for p in result["passages"])
    head = ("<tr><th scope=\"col\">#</th><th scope=\"col\">Document</th><th scope=\"col\">"
            + (t("section")) + "</th><th scope=\"col\">"
            + (t("vetted")) + "</th><th scope=\"col\">"
            + (t("fused")) + "</th><th scope=\"col\">Dense</th>"
            "<th scope=\"col\">BM25</th><th scope=\"col\">" + (t("passage"))
            + "</th></tr>")
    trace = escape(json.dumps(result["trace"], ensure_ascii=False, indent=1)[:6000])
    return f"""<section aria-labelledby="h-answer" id="try-result">
<h2 id="h-answer">{t('answer')}</h2>
<p><strong>{t('path')}:</strong> <code id="try-path">{escape(result['path'])}</code>
 · <strong>{t('kind')}:</strong> {escape(answer['kind'])}
 · <strong>{t('confidence')}:</strong> {answer['confidence']}
 · <strong>{t('index')}:</strong> <code>{escape(result['generation'])}</code></p>
<div id="try-answer" style="white-space: pre-wrap">{answer['answer']}</div>
<h3>{t('sources')}</h3><ul id="try-citations">{citations}</ul>
<h3 id="h-passages">{t('retrieved_passages')}</h3>
<div class="wrap" tabindex="0" role="region" aria-labelledby="h-passages"><table>
<thead>{head}</thead><tbody>{rows}</tbody></table></div>
<details><summary>{t('full_trace')}</summary>
<pre style="white-space: pre-wrap">{trace}</pre></details>
</section>"""


def _page(request: Request, question: str = "", audience: str = "", language: str = "",
          result: dict[str, Any] | None = None, error: str = "",
          status_code: int = 200) -> HTMLResponse:
    lang = request_language(request)
    suffix = "" if lang == "nl" else f"?lang={lang}"

    def t(key: str) -> str:
        return text(f"admin.try.{key}", lang)

    error_html = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = f"""<p class="muted">{t('intro')}</p>{error_html}
<form method="post" action="/admin/probeer{suffix}">
<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(request))}">
<p><label for="question">{t('question')}</label><br>
<textarea id="question" name="question" rows="3" cols="60" required maxlength="4000"
 style="max-width: 100%; box-sizing: border-box">{escape(question)}</textarea></p>
<p><label for="audience">{t('audience')}</label>
<select id="audience" name="audience">{_option('', t('not_set'), audience)}
{_option('werkgever', t('employer_werkgever'), audience)}
{_option('werknemer', t('employee_werknemer'), audience)}</select>
<label for="language">{t('language')}</label>
<select id="language" name="language">{_option('', t('automatic'), language)}
{_option('nl', 'Nederlands', language)}{_option('en', 'English', language)}</select></p>
<p><button type="submit">{t('ask')}</button></p></form>
{_result_html(result, lang) if result else ''}"""
    return page(t("try_it"), body, path="/admin/probeer", language=lang,
                status_code=status_code)


@router.get("/admin/probeer", response_class=HTMLResponse)
async def try_page(request: Request,
                   admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """The empty try-it form."""
    return _page(request)


@router.post("/admin/probeer", response_class=HTMLResponse)
async def try_form(request: Request,
                   admin: Annotated[Admin, Depends(require_admin_change)]) -> HTMLResponse:
    """The try-it form with the answer under it."""
    form = await request.form()
    question = str(form.get("question") or "")
    audience = str(form.get("audience") or "")
    language = str(form.get("language") or "")
    audience = audience if audience in ("werkgever", "werknemer") else ""
    language = language if language in ("nl", "en") else ""
    try:
        result = await _answer(request, question, audience, language)
    except ApiError as exc:
        if exc.status == 401:
            raise
        message = exc.message(request_language(request))
        return _page(request, question, audience, language, error=message,
                     status_code=exc.status)
    return _page(request, question, audience, language, result)
