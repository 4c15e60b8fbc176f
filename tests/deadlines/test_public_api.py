"""The public surface of assistant.deadlines is pinned; the answer engine and UI rely on it."""
from __future__ import annotations

import dataclasses
import inspect

import assistant.deadlines as deadlines


def test_public_names_are_pinned():
    assert sorted(deadlines.__all__) == [
        "DeadlineInputError", "Episode", "Leave", "Milestone", "ParsedSickness", "Timeline",
        "atw_holidays", "compute_timeline", "first_working_day_after", "parse_date",
        "parse_dates", "render_table", "to_csv", "to_ics",
    ]


def test_signatures_and_fields_are_stable():
    params = inspect.signature(deadlines.compute_timeline).parameters
    assert list(params) == ["episodes", "today", "probleemanalyse", "eje", "loonsanctie_weeks",
                            "verlenging_tot", "holidays", "leave"]
    assert all(p.kind is p.KEYWORD_ONLY for name, p in params.items() if name != "episodes")
    fields = [f.name for f in dataclasses.fields(deadlines.Milestone)]
    assert fields[:13] == ["key", "date", "date_from", "week", "actor", "title_nl", "title_en",
                           "description_nl", "description_en", "basis", "norm", "status",
                           "days_left"]
    timeline_fields = {f.name for f in dataclasses.fields(deadlines.Timeline)}
    assert {"milestones", "period_start", "current_week", "today", "episodes"} <= timeline_fields
