"""Planner tab logic: form values -> timeline table, picture and download files."""
from __future__ import annotations

import logging
import math
from datetime import date
from html import escape
from typing import Any

import gradio as gr

from assistant.errors import DeadlineInputError
from assistant.web import planner
from assistant.web.context import WebContext, today_nl
from assistant.web.errors import ApiError
from assistant.web.ui_texts import t

log = logging.getLogger(__name__)


def _optional_date(value: Any, field_nl: str, field_en: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        try:
            return date.fromtimestamp(value)
        except (OverflowError, OSError, ValueError):
            raise DeadlineInputError(
                f"timestamp out of range: {value!r}",
                nl=f"{field_nl}: dit is geen geldige datum. Gebruik JJJJ-MM-DD.",
                en=f"{field_en}: this is not a valid date. Use YYYY-MM-DD.",
            ) from None
    return planner.parse_date(str(value), field_nl, field_en)


def _weeks(value: Any) -> int | None:
    if value in (None, "", 0):
        return None
    try:
        weeks = float(value)
    except (TypeError, ValueError):
        weeks = math.nan
    if not math.isfinite(weeks):
        raise DeadlineInputError(
            f"loonsanctie weeks {value!r}",
            nl="Loonsanctie: vul een aantal weken in (1 tot en met 52).",
            en="Wage sanction: enter a number of weeks (1 to 52).",
        )
    return int(weeks) or None


def calculate(
    ctx: WebContext, first_sick_day: Any, episodes_text: str, eje: Any, verlenging_tot: Any,
    loonsanctie: float | None, language: str, client: str = "ui",
) -> tuple[str, Any, str, Any, Any]:
    """(summary Markdown, table HTML, SVG HTML, .ics download, .csv download)."""
    hidden = gr.update(visible=False, value=None)
    try:
        ctx.limiter.check(client)
        start = _optional_date(first_sick_day, "Eerste ziektedag", "First sick day")
        extra = planner.parse_episode_lines(str(episodes_text or "")[:5000])
        episodes = planner.make_episodes(start, extra)
        timeline = planner.compute(
            episodes, today=today_nl(),
            eje=_optional_date(eje, "Eerstejaarsevaluatie", "First-year evaluation"),
            verlenging_tot=_optional_date(verlenging_tot, "Verlenging", "Extension"),
            loonsanctie_weeks=_weeks(loonsanctie),
        )
    except DeadlineInputError as exc:
        return f"⚠️ {escape(exc.user_message(language))}", "", "", hidden, hidden
    except ApiError as exc:
        return f"⚠️ {escape(exc.message(language))}", "", "", hidden, hidden
    summary = []
    if timeline.current_week:
        summary.append(t("current_week", language, week=timeline.current_week,
                         start=timeline.period_start.strftime("%d-%m-%Y")))
    summary += [f"- {note}" for note in timeline.notes(language)]
    # A narrow screen scrolls the table, not the page; the region is reachable by keyboard.
    table = (f'<div class="table-scroll" role="region" tabindex="0" '
             f'aria-label="{t("table_label", language)}">'
             f'{planner.table_html(timeline, language)}</div>')
    files = []
    for fmt in ("ics", "csv"):
        content, _, name = planner.export(timeline, fmt, language)
        # Named by content: the same timeline reuses its file instead of piling up new ones.
        try:
            path = ctx.downloads.write(content, name)
        except OSError as exc:  # a full or read-only data dir: the table still shows
            log.warning("planner download not written: %s", exc)
            files.append(hidden)
            continue
        files.append(gr.update(value=str(path), visible=True))
    return ("\n".join(summary), table, planner.timeline_svg(timeline, language), *files)
