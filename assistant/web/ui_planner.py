"""Planner tab logic: form values -> timeline table, picture, check, costs and download files."""
from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

import gradio as gr

from assistant.deadlines.dateparse import parse_field_date
from assistant.deadlines.dates import short_date
from assistant.deadlines.export import parse_alarm_days
from assistant.deadlines.validate import fail
from assistant.errors import DeadlineInputError
from assistant.texts import pair, text
from assistant.web import planner
from assistant.web.context import WebContext, today_nl
from assistant.web.errors import ApiError

log = logging.getLogger(__name__)


def _optional_date(value: Any, field_nl: str, field_en: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        try:
            return date.fromtimestamp(value)
        except (OverflowError, OSError, ValueError):
            raise fail("field_timestamp", field=(field_nl, field_en)) from None
    return parse_field_date(str(value), field_nl, field_en)


def _number(value: Any, error: str) -> float | None:
    """A number from a form field, None when it is empty or 0; the input error `error` when it
    is not a finite number."""
    if value in (None, "", 0):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise fail(error)
    return number


def _weeks(value: Any) -> int | None:
    weeks = _number(value, "sanction_not_a_number")
    return None if weeks is None else int(weeks) or None


# The steps the planner asks the done date of (the form's `ui.step_<key>` labels name them).
STEP_KEYS = ("probleemanalyse", "plan_van_aanpak", "evaluatie", "ziekmelding_uwv", "spoor2_start",
             "re_integratieverslag", "wia_aanvraag")


def _periods(raw: str | Sequence[tuple[Any, Any]]) -> list[tuple[date, date | None]]:
    """Earlier periods from the date pickers (start, end) or, from older callers, text lines."""
    if isinstance(raw, str) or raw is None:
        return planner.parse_episode_lines(str(raw or "")[:5000])
    out = []
    for i, (start, end) in enumerate(raw, 1):
        if start in (None, "") and end in (None, ""):
            continue
        first = _optional_date(start, *pair("ui.period_start", n=i))
        if first is None:
            raise fail("period_without_start", n=i)
        out.append((first, _optional_date(end, *pair("ui.period_end", n=i))))
    return out


def _leave(raw: Sequence[tuple[Any, Any]]) -> list[tuple[date, date]]:
    """The zwangerschaps- en bevallingsverlof from its (start, end) pickers; both or neither."""
    out = []
    for start, end in raw:
        first = _optional_date(start, *pair("ui.leave_start"))
        last = _optional_date(end, *pair("ui.leave_end"))
        if first is None and last is None:
            continue
        if first is None or last is None:
            raise fail("leave_both_days")
        if last < first:
            raise fail("leave_last_before_first", last=last, first=first)
        out.append((first, last))
    return out


def _wage(value: Any) -> float | None:
    return _number(value, "wage_not_a_number")


def calculate(
    ctx: WebContext, first_sick_day: Any, episodes: str | Sequence[tuple[Any, Any]], eje: Any,
    verlenging_tot: Any, loonsanctie: float | None, language: str, client: str = "ui", *,
    steps: dict[str, Any] | None = None, monthly_wage: Any = None, alarm_days: str = "",
    leave: Sequence[tuple[Any, Any]] = (),
) -> tuple[Any, ...]:
    """(summary Markdown, table HTML, SVG HTML, check HTML, costs Markdown, .pdf, .ics, .csv).

    `steps` maps a step key (see `STEP_KEYS`) to the date it was done; the EJE is `eje`;
    `leave` holds (first, last) day of a zwangerschaps- en bevallingsverlof.
    """
    hidden = gr.update(visible=False, value=None)
    try:
        ctx.limiter.check(client)
        start = _optional_date(first_sick_day, *pair("ui.first_sick_day"))
        episodes = planner.make_episodes(start, _periods(episodes))
        eje_day = _optional_date(eje, *pair("ui.field_eje"))
        done = {key: _optional_date((steps or {}).get(key), *pair(f"ui.step_{key}"))
                for key in STEP_KEYS}
        evaluation = done.pop("evaluatie")
        today = today_nl()
        # A planned EJE (a date still to come) moves the spoor-2 date but is not done yet.
        done["eerstejaarsevaluatie"] = eje_day if eje_day and eje_day <= today else None
        timeline = planner.compute(
            episodes, today=today, eje=eje_day, probleemanalyse=done["probleemanalyse"],
            verlenging_tot=_optional_date(verlenging_tot, *pair("ui.field_verlenging")),
            loonsanctie_weeks=_weeks(loonsanctie), leave=_leave(leave),
        )
        checks = planner.check(timeline, done, [evaluation] if evaluation else [], today)
        alarms = parse_alarm_days(str(alarm_days or "")[:100])
        wage = _wage(monthly_wage)
        costs = (planner.costs(timeline, today, wage, language)
                 if timeline.get("einde_wachttijd") else None)
    except DeadlineInputError as exc:
        return (f"⚠️ {escape(exc.user_message(language))}", "", "", "", "", hidden, hidden,
                hidden)
    except ApiError as exc:
        return f"⚠️ {escape(exc.message(language))}", "", "", "", "", hidden, hidden, hidden
    # A narrow screen scrolls the table, not the page; the region is reachable by keyboard.
    table = (f'<div class="table-scroll" role="region" tabindex="0" '
             f'aria-label="{text("ui.table_label", language)}">'
             f'{planner.table_html(timeline, language)}</div>')
    files = _downloads(ctx, timeline, language, alarms, checks, today)
    costs_md = "\n\n".join(costs["lines"]) if costs else ""
    return (_summary(timeline, language), table, planner.timeline_svg(timeline, language),
            planner.check_html(checks, language), costs_md, files[2], files[0], files[1])


def _summary(timeline: Any, language: str) -> str:
    """The current sickness week and the timeline's notes, as Markdown."""
    summary = []
    if timeline.current_week:
        summary.append(text("ui.current_week", language, week=timeline.current_week,
                            start=short_date(timeline.period_start)))
    summary += [f"- {note}" for note in timeline.notes(language)]
    return "\n".join(summary)


def _downloads(ctx: WebContext, timeline: Any, language: str, alarms: Sequence[int],
               checks: Any, today: date) -> list[Any]:
    """The .ics, .csv and .pdf files as Gradio updates (hidden when one cannot be written)."""
    files = []
    for fmt in ("ics", "csv", "pdf"):
        content, _, name = planner.export(timeline, fmt, language, alarm_days=alarms,
                                          checks=checks, made_on=today)
        # Named by content: the same timeline reuses its file instead of piling up new ones.
        try:
            path = ctx.downloads.write(content, name)
        except OSError as exc:  # a full or read-only data dir: the table still shows
            log.warning("planner download not written: %s", exc)
            files.append(gr.update(visible=False, value=None))
            continue
        files.append(gr.update(value=str(path), visible=True))
    return files
