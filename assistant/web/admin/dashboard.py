"""The console's dashboard (`/admin`) and "Unanswered" (`/admin/onbeantwoord`), and their JSON
(`/api/admin/stats`, `/api/admin/unanswered`). Filters: `site` (an origin; "-" for the own UI),
`language` (nl | en), `since` and `until` (YYYY-MM-DD, UTC days, both included)."""
from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from assistant.web.admin.auth import Admin, require_admin
from assistant.web.admin.charts import bar_chart, column_chart
from assistant.web.admin.groups import QuestionGroup, VectorCache, group_questions
from assistant.web.admin.insights import (
    ANSWER_KINDS, DONT_KNOW_KINDS, LOW_CONFIDENCE, OWN_UI, REFUSAL_KINDS, Filters, LoggedQuestion,
    QuestionLogReader, filters_for,
)
from assistant.web.admin.layout import page
from assistant.web.errors import ApiError, request_language

router = APIRouter(include_in_schema=False)

QUESTION_DB = "questions.sqlite3"  # merge: H1's path of the question log, if it names one
KIND_LABELS = {
    "card": ("Antwoordkaart", "Answer card"), "extractive": ("Uit documenten", "From documents"),
    "llm": ("Taalmodel", "Language model"), "deadline": ("Termijnen", "Deadlines"),
    "clarify": ("Wedervraag", "Clarifying question"), "dont_know": ("Weet ik niet", "Don't know"),
    "refusal": ("Geweigerd", "Declined"), "refused": ("Geweigerd", "Declined"),
}


def _reader(request: Request) -> QuestionLogReader:
    return QuestionLogReader(request.app.state.web.settings.data_dir / QUESTION_DB)


def _t(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def _titles(request: Request, ids: list[str]) -> dict[str, str]:
    """Titles of cited documents from the serving index ({} while the assistant starts)."""
    assistant = request.app.state.web.holder.peek()
    if assistant is None:
        return {}
    titles = {}
    for doc_id in ids:
        chunks = assistant.by_doc.get(doc_id)
        if chunks:
            titles[doc_id] = str(chunks[0].metadata.get("title") or doc_id)
    return titles


def _stats(request: Request, filters: Filters) -> dict:
    stats = _reader(request).stats(filters)
    titles = _titles(request, [c["id"] for c in stats["cited"]])
    for cited in stats["cited"]:
        cited["title"] = titles.get(cited["id"])
    return stats


async def _groups(request: Request, filters: Filters) -> tuple[list[QuestionGroup], bool]:
    """The unanswered questions in groups, and whether they were grouped by meaning (False: by
    the same text only, while the assistant and its embedder are still starting)."""
    rows = await run_in_threadpool(_reader(request).unanswered, filters)
    assistant = request.app.state.web.holder.peek()
    if assistant is None:
        return group_questions(rows, None), False
    state = request.app.state
    cache = getattr(state, "unanswered_vectors", None)
    if cache is None:
        cache = state.unanswered_vectors = VectorCache()
    meant = [r for r in rows if not r.health_removed]
    vectors = await run_in_threadpool(cache.vectors, meant, assistant.embedder.embed_queries)
    return group_questions(rows, vectors), True


@router.get("/api/admin/stats")
async def stats_api(request: Request, admin: Annotated[Admin, Depends(require_admin)]) -> dict:
    """Questions per day, share per answer kind, rates, thumbs and the most cited documents."""
    filters = filters_for(admin, request.query_params)
    stats = await run_in_threadpool(_stats, request, filters)
    return {"filters": _filters_json(filters), **stats}


@router.get("/api/admin/unanswered")
async def unanswered_api(request: Request, admin: Annotated[Admin, Depends(require_admin)]) -> dict:
    """The don't-know, declined, low-confidence and thumbs-down questions in groups, largest first."""
    filters = filters_for(admin, request.query_params)
    groups, by_meaning = await _groups(request, filters)
    return {"filters": _filters_json(filters), "grouped_by_meaning": by_meaning,
            "low_confidence": LOW_CONFIDENCE, "groups": [g.as_dict() for g in groups]}


def _filters_json(filters: Filters) -> dict:
    return {"site": filters.site, "language": filters.language,
            "since": filters.since.isoformat() if filters.since else None,
            "until": filters.until.isoformat() if filters.until else None}


def _site_label(site: str, lang: str) -> str:
    return site or _t(lang, "eigen website (/ui)", "own website (/ui)")


def _form(request: Request, admin: Admin, action: str, lang: str) -> str:
    """The filter form (GET): site, language, period."""
    params = request.query_params
    chosen = params.get("site", "")
    if admin.site is not None:
        site = (f'<p>{_t(lang, "Site", "Site")}: <strong>{escape(_site_label(admin.site, lang))}</strong>'
                f'<input type="hidden" name="site" value="{escape(admin.site)}"></p>')
    else:
        options = [("", _t(lang, "Alle sites", "All sites"))] + [
            (s or OWN_UI, _site_label(s, lang)) for s in _reader(request).sites(admin)]
        site = ('<p><label for="f-site">Site</label><br><select id="f-site" name="site">' + "".join(
            f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>{escape(label)}</option>'
            for v, label in options) + "</select></p>")
    language = params.get("language", "")
    languages = [("", _t(lang, "Alle talen", "All languages")), ("nl", "Nederlands"), ("en", "English")]
    lang_select = ('<p><label for="f-language">' + _t(lang, "Taal", "Language") +
                   '</label><br><select id="f-language" name="language">' + "".join(
                       f'<option value="{v}"{" selected" if v == language else ""}>{label}</option>'
                       for v, label in languages) + "</select></p>")
    dates = "".join(
        f'<p><label for="f-{name}">{label}</label><br><input type="date" id="f-{name}" name="{name}" '
        f'value="{escape(params.get(name, ""))}"></p>'
        for name, label in (("since", _t(lang, "Vanaf", "From")), ("until", _t(lang, "Tot en met", "Until"))))
    keep = f'<input type="hidden" name="lang" value="{lang}">' if "lang" in params else ""
    return (f'<form method="get" action="{action}" class="filters" role="search" '
            f'aria-label="{_t(lang, "Filters", "Filters")}">{site}{lang_select}{dates}{keep}'
            f'<p><button type="submit">{_t(lang, "Toon", "Show")}</button></p></form>')


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _dashboard_body(request: Request, admin: Admin, lang: str, stats: dict) -> str:
    kinds = [(KIND_LABELS.get(k["kind"], (k["kind"], k["kind"]))[lang == "en"], k["count"],
              f'{_percent(k["share"])} ({k["count"]})') for k in stats["kinds"]]
    thumbs = stats["thumbs"]
    summary = (
        f'<ul class="totals"><li>{_t(lang, "Vragen", "Questions")}: <strong>{stats["total"]}</strong></li>'
        f'<li>{_t(lang, "“Weet ik niet”", "“Don’t know”")}: <strong>{_percent(stats["dont_know_rate"])}'
        f'</strong> ({stats["dont_know"]})</li>'
        f'<li>{_t(lang, "Geweigerd", "Declined")}: <strong>{_percent(stats["refusal_rate"])}</strong> '
        f'({stats["refused"]})</li>'
        f'<li>{_t(lang, "Duim omhoog", "Thumbs up")}: <strong>{thumbs["up"]}</strong>, '
        f'{_t(lang, "omlaag", "down")}: <strong>{thumbs["down"]}</strong></li></ul>')
    days = [(d["day"], d["count"]) for d in stats["per_day"]]
    per_day = column_chart(
        "chart-days", _t(lang, "Vragen per dag", "Questions per day"), days,
        desc=_t(lang, f"Staafdiagram: {stats['total']} vragen over {len(days)} dagen.",
                f"Bar chart: {stats['total']} questions over {len(days)} days."),
        headers=(_t(lang, "Dag", "Day"), _t(lang, "Vragen", "Questions")),
        summary=_t(lang, "Vragen per dag als tabel", "Questions per day as a table"))
    share = bar_chart(
        "chart-kinds", _t(lang, "Aandeel per soort antwoord", "Share per answer kind"), kinds,
        desc="; ".join(f"{label}: {shown}" for label, _, shown in kinds) or _t(lang, "Geen vragen.", "No questions."),
        headers=(_t(lang, "Soort antwoord", "Answer kind"), _t(lang, "Aandeel (aantal)", "Share (count)")),
        summary=_t(lang, "Aandeel per soort als tabel", "Share per kind as a table"))
    thumb_items = [(_t(lang, "Duim omhoog", "Thumbs up"), thumbs["up"], str(thumbs["up"])),
                   (_t(lang, "Duim omlaag", "Thumbs down"), thumbs["down"], str(thumbs["down"]))]
    thumb_chart = bar_chart(
        "chart-thumbs", _t(lang, "Beoordelingen", "Ratings"), thumb_items,
        desc=f"{thumb_items[0][0]}: {thumbs['up']}; {thumb_items[1][0]}: {thumbs['down']}",
        headers=(_t(lang, "Beoordeling", "Rating"), _t(lang, "Aantal", "Count")),
        summary=_t(lang, "Beoordelingen als tabel", "Ratings as a table"), colors=("#15803d", "#b91c1c"))
    cited_rows = "".join(
        f'<tr><td>{_document_link(c)}</td><td><code>{escape(c["id"])}</code></td><td>{c["count"]}</td></tr>'
        for c in stats["cited"])
    cited = (f'<h2>{_t(lang, "Meest geciteerde documenten", "Most cited documents")}</h2>' + (
        f'<div class="wrap"><table><thead><tr><th scope="col">{_t(lang, "Document", "Document")}</th>'
        f'<th scope="col">Id</th><th scope="col">{_t(lang, "Keer geciteerd", "Times cited")}</th></tr>'
        f"</thead><tbody>{cited_rows}</tbody></table></div>" if cited_rows else
        f'<p class="muted">{_t(lang, "Nog geen citaties.", "No citations yet.")}</p>'))
    link = _query_link("/admin/onbeantwoord", request)
    return (_form(request, admin, "/admin", lang) + summary +
            f'<p><a href="{link}">{_t(lang, "Bekijk de onbeantwoorde vragen", "See the unanswered questions")}'
            f"</a></p>" + per_day + share + thumb_chart + cited)


def _document_link(cited: dict) -> str:
    if not cited["title"]:
        return escape(cited["id"])
    return f'<a href="/bron/{escape(cited["id"])}">{escape(cited["title"])}</a>'


def _query_link(path: str, request: Request) -> str:
    query = request.url.query
    return escape(f"{path}?{query}" if query else path)


def _error_page(exc: ApiError, title: str, path: str, lang: str, form: str) -> HTMLResponse:
    return page(title, form + f'<p class="error" role="alert">{escape(exc.message(lang))}</p>',
                path=path, language=lang, status_code=exc.status)


async def dashboard_page(request: Request, admin: Admin) -> HTMLResponse:
    """The dashboard (the console's first page): filters, totals, charts, cited documents."""
    lang = request_language(request)
    title = _t(lang, "Overzicht", "Overview")
    try:
        filters = filters_for(admin, request.query_params)
    except ApiError as exc:
        return _error_page(exc, title, "/admin", lang, _form(request, admin, "/admin", lang))
    stats = await run_in_threadpool(_stats, request, filters)
    return page(title, _dashboard_body(request, admin, lang, stats), path="/admin", language=lang)


def _reason(q: LoggedQuestion, lang: str) -> str:
    """Why the question counts as unanswered (every reason that applies)."""
    reasons = []
    if q.kind in DONT_KNOW_KINDS:
        reasons.append(_t(lang, "weet ik niet", "don't know"))
    elif q.kind in REFUSAL_KINDS:
        reasons.append(_t(lang, "geweigerd", "declined"))
    elif q.kind in ANSWER_KINDS and q.confidence < LOW_CONFIDENCE:
        reasons.append(_t(lang, f"lage zekerheid ({q.confidence:.2f})", f"low confidence ({q.confidence:.2f})"))
    if q.feedback == "down":
        reasons.append(_t(lang, "duim omlaag", "thumbs down"))
    return ", ".join(reasons)


def _group_html(group: QuestionGroup, number: int, lang: str) -> str:
    rows = "".join(
        f"<tr><td>{escape(q.question)}</td><td>{escape(q.created_at[:16].replace('T', ' '))}</td>"
        f"<td>{escape(_site_label(q.site, lang))}</td><td>{escape(q.language)}</td>"
        f"<td>{escape(_reason(q, lang))}</td></tr>"
        for q in group.questions)
    topic = f' <span class="muted">({_t(lang, "onderwerp; medische details weggelaten", "topic; medical details removed")})</span>' \
        if group.topic else ""
    count = _t(lang, f"{group.count} vraag" if group.count == 1 else f"{group.count} vragen",
               f"{group.count} question" if group.count == 1 else f"{group.count} questions")
    return (f'<li class="group" data-count="{group.count}"><h2 id="g{number}"><span class="count">{count}</span>: '
            f"{escape(group.representative.question)}{topic}</h2>"
            f'<details><summary>{_t(lang, "Alle vragen in deze groep", "All questions in this group")}</summary>'
            f'<div class="wrap"><table><thead><tr><th scope="col">{_t(lang, "Vraag", "Question")}</th>'
            f'<th scope="col">{_t(lang, "Tijd (UTC)", "Time (UTC)")}</th><th scope="col">Site</th>'
            f'<th scope="col">{_t(lang, "Taal", "Language")}</th><th scope="col">{_t(lang, "Reden", "Reason")}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table></div></details></li>")


@router.get("/admin/onbeantwoord", response_class=HTMLResponse)
async def unanswered_page(request: Request, admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """Unanswered questions in groups of the same meaning, largest first."""
    lang = request_language(request)
    title, path = _t(lang, "Onbeantwoord", "Unanswered"), "/admin/onbeantwoord"
    form = _form(request, admin, path, lang)
    try:
        filters = filters_for(admin, request.query_params)
    except ApiError as exc:
        return _error_page(exc, title, path, lang, form)
    groups, by_meaning = await _groups(request, filters)
    intro = _t(lang,
               "Vragen waarop de assistent “weet ik niet” zei, die hij weigerde, waarvan hij weinig zeker "
               "was of die een duim omlaag kregen, gegroepeerd naar betekenis. De grootste groepen "
               "wijzen op onderwerpen die in de kennisbank ontbreken.",
               "Questions the assistant said “don’t know” to, declined, was unsure about or that got a "
               "thumbs down, grouped by meaning. The largest groups point to topics the knowledge "
               "base lacks.")
    notice = "" if by_meaning else f'<p class="muted" role="status">{_t(lang, "De assistent start nog: vragen zijn nu alleen op gelijke tekst gegroepeerd.", "The assistant is still starting: questions are grouped by identical text only for now.")}</p>'
    listing = (f'<ol class="groups">{"".join(_group_html(g, i, lang) for i, g in enumerate(groups, 1))}</ol>'
               if groups else f'<p>{_t(lang, "Geen onbeantwoorde vragen in deze periode.", "No unanswered questions in this period.")}</p>')
    return page(title, form + f"<p>{intro}</p>" + notice + listing, path=path, language=lang)
