"""Small helpers shared by the deadline tests."""
from __future__ import annotations

from datetime import date

from assistant.deadlines import Episode, Timeline, compute_timeline
from assistant.deadlines.dates import short_date


def d(text: str) -> date:
    """dd-mm-yyyy as in the fact sheet."""
    day, month, year = (int(p) for p in text.split("-"))
    return date(year, month, day)


def eps(*spans: str) -> list[Episode]:
    """Episodes from 'dd-mm-yyyy..dd-mm-yyyy' or 'dd-mm-yyyy..' (open)."""
    out = []
    for span in spans:
        start, _, end = span.partition("..")
        out.append(Episode(d(start), d(end) if end else None))
    return out


def timeline(*spans: str, today: str = "01-01-2024", **kwargs) -> Timeline:
    """compute_timeline over `eps(*spans)`."""
    return compute_timeline(eps(*spans), today=d(today), **kwargs)


def dates(t: Timeline) -> dict[str, str]:
    """key -> dd-mm-yyyy for every milestone."""
    return {m.key: short_date(m.date) for m in t.milestones}
