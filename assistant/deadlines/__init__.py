"""Deterministic Poortwachter deadline calculator: dates are computed by code, never guessed.

The counting convention is documented in `assistant.deadlines.engine`.
"""
from __future__ import annotations

from assistant.deadlines.dateparse import parse_date
from assistant.deadlines.engine import compute_timeline
from assistant.deadlines.export import to_csv, to_ics
from assistant.deadlines.holidays import atw_holidays, first_working_day_after
from assistant.deadlines.model import Episode, Leave, Milestone, Timeline
from assistant.deadlines.parse import ParsedSickness, parse_dates
from assistant.deadlines.render import render_table
from assistant.errors import DeadlineInputError

__all__ = [
    "DeadlineInputError",
    "Episode",
    "Leave",
    "Milestone",
    "ParsedSickness",
    "Timeline",
    "atw_holidays",
    "compute_timeline",
    "first_working_day_after",
    "parse_date",
    "parse_dates",
    "render_table",
    "to_csv",
    "to_ics",
]
