"""The deadline calculator as a LangChain tool for the optional LLM answerer."""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date


def deadline_tool(clock: Callable[[], date]):
    """A `calculate_deadlines` tool bound to `clock` for "today"."""
    from langchain_core.tools import tool

    from assistant.deadlines import Episode, compute_timeline
    from assistant.errors import DeadlineInputError

    @tool
    def calculate_deadlines(first_sick_day: str, recovered_from: str = "", sick_again_from: str = "") -> str:
        """Compute the Wet verbetering poortwachter deadlines from the first sick day (YYYY-MM-DD).

        Optionally give a recovery (recovered_from: first day fit again, YYYY-MM-DD) and the day the
        employee fell sick again (sick_again_from, YYYY-MM-DD). Returns the milestones as JSON.
        """
        try:
            start = date.fromisoformat(first_sick_day)
            episodes = [Episode(start, None)]
            if recovered_from and sick_again_from:
                fit = date.fromisoformat(recovered_from)
                episodes = [Episode(start, date.fromordinal(fit.toordinal() - 1)),
                            Episode(date.fromisoformat(sick_again_from), None)]
            timeline = compute_timeline(episodes, today=clock())
        except (ValueError, DeadlineInputError) as exc:
            return json.dumps({"error": str(exc)})
        return json.dumps({"milestones": [
            {"key": m.key, "date": m.date.isoformat(), "week": m.week, "norm": m.norm}
            for m in timeline.milestones]})

    return calculate_deadlines
