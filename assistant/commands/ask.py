"""`spoor2 ask`: one question, or JSON lines from stdin with the model loaded once."""
from __future__ import annotations

import argparse
import json
import sys

from assistant.commands import add_common, settings_from
from assistant.errors import Spoor2Error
from assistant.texts import text


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `ask` subcommand."""
    parser = sub.add_parser("ask", help="ask the assistant a question")
    parser.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    parser.add_argument("--audience", choices=("werkgever", "werknemer"), default=None)
    parser.add_argument("--language", choices=("nl", "en"), default=None, help="default: detect")
    parser.add_argument("--json", action="store_true", help="print the answer as JSON")
    parser.add_argument("--jsonl", action="store_true",
                        help='read {"question", "history"?, "audience"?} per line from stdin, write JSON lines')
    parser.add_argument("--trace", action="store_true", help="also print the retrieval trace")
    add_common(parser)
    parser.set_defaults(func=run)


def answer_record(question: str, answer, trace: bool = False) -> dict:
    """The JSON object written for one answer."""
    record = {"question": question, **answer.to_dict()}
    if trace:
        record["trace"] = answer.trace
    return record


def run(args: argparse.Namespace) -> int:
    """Answer the question(s)."""
    if not args.jsonl and not (args.question or "").strip():
        print("spoor2 ask: give a question, or use --jsonl", file=sys.stderr)
        return 2
    from assistant.build import build_assistant

    with build_assistant(settings_from(args)) as assistant:  # closes its PostgreSQL connections
        return _run_jsonl(assistant, args) if args.jsonl else _answer_one(assistant, args)


def _answer_one(assistant, args: argparse.Namespace) -> int:
    answer = assistant.ask(args.question, audience=args.audience, language=args.language)
    if args.json:
        print(json.dumps(answer_record(args.question, answer, args.trace), ensure_ascii=False, indent=2))
        return 0
    print(answer.text)
    if answer.citations:
        print(f"\n{text('ui.sources', answer.language)}:")
        for c in answer.citations:
            where = f" — {c.section}" if c.section else ""
            print(f"[{c.number}] {c.title}{where} {c.url or c.source}".rstrip())
    if args.trace:
        print(json.dumps(answer.trace, ensure_ascii=False, indent=2, default=str))
    return 0


def _run_jsonl(assistant, args: argparse.Namespace) -> int:
    failures = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError("each line needs a JSON object with a \"question\" string")
            answer = assistant.ask(item["question"], item.get("history"),
                                   item.get("audience") or args.audience, item.get("language") or args.language)
            record = answer_record(item["question"], answer, args.trace)
        except (ValueError, Spoor2Error) as exc:
            failures += 1
            message = exc.user_message("en") if isinstance(exc, Spoor2Error) else str(exc)
            record = {"line": number, "error": message}
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 3 if failures else 0
