"""Planner tab logic: form values -> timeline table, picture and download files."""
from __future__ import annotations

import hashlib
import logging
import tempfile
from html import escape
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.errors import DeadlineInputError
from assistant.web import planner
from assistant.web.context import today_nl
from assistant.web.ui_texts import t

log = logging.getLogger(__name__)

DOWNLOADS = Path(tempfile.gettempdir()) / "spoor2-planner"


def _optional_date(value: Any, field_nl: str, field_en: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return date.fromtimestamp(value)
    return planner.parse_date(str(value), field_nl, field_en)


def calculate(
    first_sick_day: Any, episodes_text: str, eje: Any, verlenging_tot: Any,
    loonsanctie: float | None, language: str,
) -> tuple[str, Any, str, Any, Any]:
    """(summary Markdown, table HTML, SVG HTML, .ics download, .csv download)."""
    hidden = gr.update(visible=False, value=None)
    try:
        start = _optional_date(first_sick_day, "Eerste ziektedag", "First sick day")
        extra = planner.parse_episode_lines(episodes_text or "")
        episodes = planner.make_episodes(start, extra)
        timeline = planner.compute(
            episodes, today=today_nl(),
            eje=_optional_date(eje, "Eerstejaarsevaluatie", "First-year evaluation"),
            verlenging_tot=_optional_date(verlenging_tot, "Verlenging", "Extension"),
            loonsanctie_weeks=int(loonsanctie) if loonsanctie else None,
        )
    except DeadlineInputError as exc:
        return f"⚠️ {escape(exc.user_message(language))}", "", "", hidden, hidden
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
        folder = DOWNLOADS / hashlib.sha256(content).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(content)
        files.append(gr.update(value=str(path), visible=True))
    return ("\n".join(summary), table, planner.timeline_svg(timeline, language), *files)


def recalculate(summary: str, *inputs: Any) -> tuple[Any, ...]:
    """`calculate` again (after a language switch) when results are on screen, else nothing."""
    if not summary:
        return tuple(gr.skip() for _ in range(5))
    return calculate(*inputs)
