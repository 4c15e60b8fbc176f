"""`spoor2` command line: a thin dispatcher; each subcommand lives in `assistant/commands/`."""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib import metadata

from assistant.commands import admin, ask, backup, deadlines, ingest, serve, train_scope
from assistant.commands import eval as eval_cmd
from assistant.errors import Spoor2Error

log = logging.getLogger(__name__)

COMMANDS = (ingest, ask, deadlines, eval_cmd, serve, train_scope, admin, backup)


def _version() -> str:
    try:
        return metadata.version("spoor2-assistent")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="spoor2",
        description="Spoor 2 Assistent: re-integratie tweede spoor, Wet verbetering poortwachter.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 error, 2 usage, 3 partial success)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except Spoor2Error as exc:
        log.debug("command failed", exc_info=True)
        print(f"spoor2 {args.command}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: say so briefly; -v shows the traceback
        log.debug("unexpected error", exc_info=True)
        print(f"spoor2 {args.command}: unexpected error ({type(exc).__name__}); "
              "run with -v for details", file=sys.stderr)
        if args.verbose:
            raise
        return 1


if __name__ == "__main__":
    sys.exit(main())
