"""`spoor2 deadlines`: the Poortwachter deadlines for a first sick day or a list of episodes."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from assistant.commands import add_common
from assistant.errors import DeadlineInputError

EXAMPLES = """examples:
  spoor2 deadlines --first-sick-day 2025-01-06
  spoor2 deadlines --episode 2025-01-06:2025-02-09 --episode 2025-02-20: --format json
  spoor2 deadlines --first-sick-day 06-01-2025 --eje 2025-12-10 --format ics > termijnen.ics
  spoor2 deadlines --first-sick-day 2025-01-06 --verlof 2025-03-10:2025-06-30
Dates: 2025-01-06 or 06-01-2025 (day-month-year). An episode is FIRST:LAST sick day; leave LAST
empty while the employee is still sick. --verlof is zwangerschaps-/bevallingsverlof, FIRST:LAST
day of the leave: those days are no sick days and no part of the 4-week break, so illness
before and after the leave (same cause) is added up (art. 7:629 lid 10 BW, art. 23 WIA)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `deadlines` subcommand."""
    parser = sub.add_parser(
        "deadlines",
        help="compute the Poortwachter deadlines (probleemanalyse ... WIA)",
        description="Compute the Wet verbetering poortwachter timeline: week N ends on day 7N "
        "after the first sick day; gaps under 28 days between episodes pause the clock.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_common(parser)
    parser.add_argument("--first-sick-day", metavar="DATE", help="eerste ziektedag")
    parser.add_argument("--episode", action="append", default=[], metavar="START:[END]",
                        help="a sickness episode, oldest first; repeatable")
    parser.add_argument("--eje", metavar="DATE", help="date the eerstejaarsevaluatie was held")
    parser.add_argument("--probleemanalyse", metavar="DATE", help="date of the probleemanalyse")
    parser.add_argument("--loonsanctie-weeks", type=int, metavar="N",
                        help="loonsanctie, 1-52 weeks")
    parser.add_argument("--verlenging-tot", metavar="DATE",
                        help="end date of a vrijwillige verlenging set by UWV")
    parser.add_argument("--verlof", action="append", default=[], metavar="START:END",
                        help="zwangerschaps-/bevallingsverlof (WAZO), first:last day; repeatable")
    parser.add_argument("--today", metavar="DATE", help="reference date (default: today)")
    parser.add_argument("--format", choices=("table", "json", "csv", "ics"), default="table")
    parser.add_argument("--language", choices=("nl", "en"), default="nl",
                        help="language of titles and texts (default nl)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the timeline; exit code 2 on invalid input."""
    from assistant.deadlines import (
        compute_timeline,
        render_table,
        to_csv,
        to_ics,
    )

    try:
        today = _date(args.today) if args.today else date.today()
        episodes = _episodes(args, today)
        timeline = compute_timeline(
            episodes,
            today=today,
            probleemanalyse=_date(args.probleemanalyse, today),
            eje=_date(args.eje, today),
            loonsanctie_weeks=args.loonsanctie_weeks,
            verlenging_tot=_date(args.verlenging_tot, today),
            leave=_leave(args, today),
        )
    except DeadlineInputError as exc:
        print(f"spoor2 deadlines: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        out = json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        out = to_csv(timeline, language=args.language)
    elif args.format == "ics":
        out = to_ics(timeline, language=args.language)
    else:
        out = render_table(timeline, language=args.language)
    sys.stdout.write(out)
    return 0


def _date(text: str | None, today: date | None = None) -> date | None:
    from assistant.deadlines import parse_date

    return None if text is None else parse_date(text, today)


def _episodes(args: argparse.Namespace, today: date) -> list:
    from assistant.deadlines import Episode

    if args.first_sick_day and args.episode:
        raise DeadlineInputError("Use either --first-sick-day or --episode, not both.")
    if args.first_sick_day:
        return [Episode(_date(args.first_sick_day, today))]
    if not args.episode:
        raise DeadlineInputError("Give --first-sick-day DATE or one or more --episode START:[END].")
    episodes = []
    for raw in args.episode:
        start, sep, end = raw.partition(":")
        if not sep or not start.strip():
            raise DeadlineInputError(
                f"--episode {raw!r}: write START:END, or START: while still sick "
                "(e.g. 2025-02-20:)."
            )
        episodes.append(Episode(_date(start, today), _date(end, today) if end.strip() else None))
    return episodes


def _leave(args: argparse.Namespace, today: date) -> list:
    from assistant.deadlines import Leave

    leave = []
    for raw in args.verlof:
        start, sep, end = raw.partition(":")
        if not sep or not start.strip() or not end.strip():
            raise DeadlineInputError(
                f"--verlof {raw!r}: write START:END, the first and the last day of the leave "
                "(e.g. 2025-03-10:2025-06-30)."
            )
        leave.append(Leave(_date(start, today), _date(end, today)))
    return leave
