"""The HTML of the dashboard and of "Unanswered" (escaped here; the shell is layout.page)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from assistant.texts import CATALOGUE, text
from assistant.web.admin.auth import Admin
from assistant.web.admin.charts import bar_chart, column_chart, scroll_box
from assistant.web.admin.groups import QuestionGroup
from assistant.web.admin.insights import (
    ANSWER_KINDS,
    DONT_KNOW_KINDS,
    LOW_CONFIDENCE,
    OWN_UI,
    REFUSAL_KINDS,
    LoggedQuestion,
)


def t(key: str, lang: str) -> str:
    """A text of the console's overview pages in the page's language."""
    return text(f"admin.view.{key}", lang)


def kind_label(kind: str, lang: str) -> str:
    """An answer kind as the console names it (the kind itself when it has no name)."""
    key = f"admin.kind.{kind}"
    return text(key, lang) if key in CATALOGUE else kind


def site_label(site: str, lang: str) -> str:
    return site or t("own_ui", lang)


def _select(name: str, label: str, options: Sequence[tuple[str, str]], chosen: str) -> str:
    items = "".join(f'<option value="{escape(v)}"{" selected" if v == chosen else ""}>'
                    f"{escape(shown)}</option>" for v, shown in options)
    return (f'<p><label for="f-{name}">{escape(label)}</label><br>'
            f'<select id="f-{name}" name="{name}">{items}</select></p>')


def filter_form(params: Mapping[str, str], admin: Admin, sites: Sequence[str], action: str,
                lang: str) -> str:
    """The filter form (GET): site, language, period."""
    if admin.site is not None:
        site = (f"<p>Site: <strong>{escape(site_label(admin.site, lang))}</strong>"
                f'<input type="hidden" name="site" value="{escape(admin.site)}"></p>')
    else:
        options = [("", t("all_sites", lang))] + [(s or OWN_UI, site_label(s, lang)) for s in sites]
        site = _select("site", "Site", options, params.get("site", ""))
    languages = [("", t("all_languages", lang)), ("nl", "Nederlands"), ("en", "English")]
    language = _select("language", t("language", lang), languages, params.get("language", ""))
    dates = "".join(
        f'<p><label for="f-{name}">{t(name, lang)}</label><br><input type="date" id="f-{name}" '
        f'name="{name}" value="{escape(params.get(name, ""))}"></p>' for name in ("since", "until"))
    keep = f'<input type="hidden" name="lang" value="{lang}">' if "lang" in params else ""
    return (f'<form method="get" action="{action}" class="filters" role="search" '
            'style="display:flex;flex-wrap:wrap;gap:0 1.25rem;align-items:flex-end" '
            f'aria-label="Filters">{site}{language}{dates}{keep}'
            f'<p><button type="submit">{t("show", lang)}</button></p></form>')


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _totals(stats: dict, lang: str) -> str:
    thumbs = stats["thumbs"]
    items = [
        (t("questions", lang), f"<strong>{stats['total']}</strong>"),
        (t("dont_know", lang), f"<strong>{_percent(stats['dont_know_rate'])}</strong> "
                               f"({stats['dont_know']})"),
        (t("declined", lang), f"<strong>{_percent(stats['refusal_rate'])}</strong> "
                              f"({stats['refused']})"),
        (t("up", lang), f"<strong>{thumbs['up']}</strong>"),
        (t("down", lang), f"<strong>{thumbs['down']}</strong>"),
    ]
    return '<ul class="totals">' + "".join(f"<li>{k}: {v}</li>" for k, v in items) + "</ul>"


def _cited(stats: dict, lang: str) -> str:
    rows = "".join(f"<tr><td>{_document_link(c)}</td><td><code>{escape(c['id'])}</code></td>"
                   f"<td>{c['count']}</td></tr>" for c in stats["cited"])
    title = t("cited", lang)
    if not rows:
        return f'<h2>{title}</h2><p class="muted">{t("no_citations", lang)}</p>'
    return (f"<h2>{title}</h2>{scroll_box(title)}<table><thead><tr>"
            f'<th scope="col">{t("document", lang)}</th><th scope="col">Id</th>'
            f'<th scope="col">{t("times_cited", lang)}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def _document_link(cited: dict) -> str:
    if not cited["title"]:
        return escape(cited["id"])
    return f'<a href="/bron/{escape(cited["id"])}">{escape(cited["title"])}</a>'


def dashboard_body(stats: dict, form: str, unanswered_link: str, lang: str) -> str:
    """Totals, the three charts with their tables, and the most cited documents."""
    kinds = [(kind_label(k["kind"], lang), k["count"],
              f"{_percent(k['share'])} ({k['count']})") for k in stats["kinds"]]
    days = [(d["day"], d["count"]) for d in stats["per_day"]]
    total = stats["total"]
    per_day = column_chart(
        "chart-days", t("per_day", lang), days,
        desc=t("per_day_desc", lang).format(total=total, days=len(days)),
        headers=(t("day", lang), t("questions", lang)), summary=t("per_day_table", lang))
    share = bar_chart(
        "chart-kinds", t("kinds", lang), kinds,
        desc="; ".join(f"{label}: {shown}" for label, _, shown in kinds) or t("no_questions", lang),
        headers=(t("kind", lang), t("share", lang)), summary=t("kinds_table", lang))
    up, down = stats["thumbs"]["up"], stats["thumbs"]["down"]
    thumbs = [(t("up", lang), up, str(up)), (t("down", lang), down, str(down))]
    ratings = bar_chart(
        "chart-thumbs", t("ratings", lang), thumbs,
        desc=f"{t('up', lang)}: {up}; {t('down', lang)}: {down}",
        headers=(t("rating", lang), t("count", lang)), summary=t("ratings_table", lang),
        colors=("#15803d", "#b91c1c"))
    link = f'<p><a href="{escape(unanswered_link)}">{t("see_unanswered", lang)}</a></p>'
    return form + _totals(stats, lang) + link + per_day + share + ratings + _cited(stats, lang)


def _reason(q: LoggedQuestion, lang: str) -> str:
    """Why the question counts as unanswered (every reason that applies)."""
    reasons = []
    if q.kind in DONT_KNOW_KINDS:
        reasons.append(t("why_dont_know", lang))
    elif q.kind in REFUSAL_KINDS:
        reasons.append(t("why_declined", lang))
    elif q.kind in ANSWER_KINDS and q.confidence < LOW_CONFIDENCE:
        reasons.append(f"{t('why_low', lang)} ({q.confidence:.2f})")
    if q.feedback == "down":
        reasons.append(t("why_down", lang))
    return ", ".join(reasons)


def _count(n: int, lang: str) -> str:
    return t("count_one" if n == 1 else "count_many", lang).format(n=n)


def _group(group: QuestionGroup, lang: str) -> str:
    rows = "".join(
        f"<tr><td>{escape(q.question)}</td><td>{escape(q.created_at[:16].replace('T', ' '))}</td>"
        f"<td>{escape(site_label(q.site, lang))}</td><td>{escape(q.language)}</td>"
        f"<td>{escape(_reason(q, lang))}</td></tr>" for q in group.questions)
    topic = f' <span class="muted">({t("topic", lang)})</span>' if group.topic else ""
    head = "".join(f'<th scope="col">{t(k, lang)}</th>'
                   for k in ("question", "time")) + '<th scope="col">Site</th>' + "".join(
        f'<th scope="col">{t(k, lang)}</th>' for k in ("language", "reason"))
    representative = escape(group.representative.question)
    return (f'<li class="group" data-count="{group.count}"><h2><span class="count">'
            f"{_count(group.count, lang)}</span>: {representative}{topic}</h2>"
            f'<details><summary>{t("group_all", lang)}</summary>'
            f"{scroll_box(_count(group.count, lang) + ': ' + group.representative.question)}"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
            "</details></li>")


def unanswered_body(groups: Sequence[QuestionGroup], by_meaning: bool, form: str, lang: str) -> str:
    """The groups of unanswered questions, largest first."""
    notice = "" if by_meaning else f'<p class="muted" role="status">{t("by_text", lang)}</p>'
    listing = (f'<ol class="groups">{"".join(_group(g, lang) for g in groups)}</ol>' if groups
               else f'<p>{t("none", lang)}</p>')
    return f"{form}<p>{t('intro', lang)}</p>{notice}{listing}"
