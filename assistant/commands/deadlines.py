"""`spoor2 deadlines`: the Poortwachter deadlines for a first sick day or a list of episodes."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from assistant.commands import add_common
from assistant.errors import DeadlineInputError

EXAMPLES = """examples:
  spoor2 deadlines --first-sick-day 2025-01-06
  spoor2 deadlines --episode 2025-01-06:2025-02-09 --episode 2025-02-20: --format json
  spoor2 deadlines --first-sick-day 06-01-2025 --eje 2025-12-10 --format ics > termijnen.ics
  spoor2 deadlines --first-sick-day 2025-01-06 --verlof 2025-03-10:2025-06-30
  spoor2 deadlines --first-sick-day 2025-01-06 --format ics --alarm-days 30,7 > termijnen.ics
  spoor2 deadlines --first-sick-day 2025-01-06 --done probleemanalyse=2025-02-10 \
      --evaluation 2025-05-01 --format pdf --output dossier.pdf
  spoor2 deadlines --first-sick-day 2025-01-06 --monthly-wage 3200
Steps for --done: probleemanalyse, plan_van_aanpak, ziekmelding_uwv, eerstejaarsevaluatie,
spoor2_start, re_integratieverslag, wia_aanvraag (KEY=DATE; evaluations with --evaluation).
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
    parser.add_argument("--done", action="append", default=[], metavar="STEP=DATE",
                        help="a Poortwachter step already done; repeatable; adds the check")
    parser.add_argument("--evaluation", action="append", default=[], metavar="DATE",
                        help="date of an evaluation of the plan van aanpak; repeatable")
    parser.add_argument("--monthly-wage", type=float, metavar="EUR",
                        help="gross monthly wage: adds the cost estimate (table and json)")
    parser.add_argument("--alarm-days", metavar="N[,N]", default=None,
                        help="ics reminders, days before each milestone (default 14,2)")
    parser.add_argument("--format", choices=("table", "json", "csv", "ics", "pdf"),
                        default="table")
    parser.add_argument("--output", metavar="FILE",
                        help="write to FILE instead of standard output (needed for pdf on a "
                        "terminal)")
    parser.add_argument("--language", choices=("nl", "en"), default="nl",
                        help="language of titles and texts (default nl)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the timeline; exit code 2 on invalid input."""
    from assistant.deadlines import to_csv, to_ics
    from assistant.deadlines.check import check_steps
    from assistant.deadlines.costs import cost_view
    from assistant.deadlines.export import parse_alarm_days

    try:
        today = _date(args.today) if args.today else date.today()
        episodes = _episodes(args, today)
        done = _done(args.done, today)
        evaluations = [_date(e, today) for e in args.evaluation]
        timeline = _timeline(args, episodes, done, today)
        checks = (check_steps(timeline, done, today=today, evaluations=evaluations)
                  if done or evaluations else [])
        costs = (cost_view(timeline, today=today, monthly_wage=args.monthly_wage)
                 if args.monthly_wage is not None else None)
        alarms = parse_alarm_days(args.alarm_days)
    except DeadlineInputError as exc:
        print(f"spoor2 deadlines: {exc}", file=sys.stderr)
        return 2
    lang = args.language
    if args.format == "pdf":
        from assistant.deadlines.pdf import to_pdf

        return _write(to_pdf(timeline, checks=checks, made_on=today, language=lang), args.output)
    if args.format == "json":
        out = _as_json(timeline, checks, costs, lang)
    elif args.format == "csv":
        out = to_csv(timeline, language=lang)
    elif args.format == "ics":
        out = to_ics(timeline, language=lang, alarm_days=alarms)
    else:
        out = _as_table(timeline, checks, costs, lang)
    return _write(out, args.output)


def _timeline(args: argparse.Namespace, episodes: list, done: dict[str, date],
              today: date) -> Any:
    """The timeline of the arguments; a step given with --done stands in for its own option."""
    from assistant.deadlines import compute_timeline

    return compute_timeline(
        episodes,
        today=today,
        probleemanalyse=_date(args.probleemanalyse, today) or done.get("probleemanalyse"),
        eje=_date(args.eje, today) or done.get("eerstejaarsevaluatie"),
        loonsanctie_weeks=args.loonsanctie_weeks,
        verlenging_tot=_date(args.verlenging_tot, today),
        leave=_leave(args, today),
    )


def _as_json(timeline: Any, checks: list, costs: Any, lang: str) -> str:
    """The timeline as JSON, with the check and the cost estimate when asked for (as the API)."""
    data = timeline.to_dict()
    if checks:
        data["check"] = [c.to_dict(lang) for c in checks]
    if costs is not None:
        data["costs"] = costs.to_dict(lang)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _as_table(timeline: Any, checks: list, costs: Any, lang: str) -> str:
    """The timeline as a text table, then one line per checked step and the cost lines."""
    from assistant.deadlines import render_table
    from assistant.deadlines.costs import cost_lines
    from assistant.deadlines.dates import short_date

    out = render_table(timeline, language=lang)
    if checks:
        out += "\n" + "\n".join(f"{c.title(lang)}: {c.label(lang)} ({short_date(c.due)}). "
                                 f"{c.action(lang)}".rstrip() for c in checks) + "\n"
    if costs is not None:
        out += "\n" + "\n".join(cost_lines(costs, lang)).replace("**", "") + "\n"
    return out


def _write(data: str | bytes, output: str | None) -> int:
    if output:
        with open(output, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        return 0
    if isinstance(data, str):
        sys.stdout.write(data)
        return 0
    if sys.stdout.isatty():
        print("spoor2 deadlines: a PDF is binary; use --output FILE or redirect to a file.",
              file=sys.stderr)
        return 2
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def _done(items: list[str], today: date) -> dict[str, date]:
    from assistant.deadlines.check_catalogue import STEPS

    done: dict[str, date] = {}
    for raw in items:
        key, sep, when = raw.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in STEPS or key == "evaluatie":
            raise DeadlineInputError(
                f"--done {raw!r}: write STEP=DATE with STEP one of "
                f"{', '.join(s for s in STEPS if s != 'evaluatie')} (evaluations: --evaluation)."
            )
        done[key] = _date(when.strip(), today)
    return done


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
