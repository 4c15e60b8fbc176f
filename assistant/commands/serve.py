"""`spoor2 serve`: not yet available."""
from __future__ import annotations

import argparse

from assistant.commands import add_common
from assistant.errors import Spoor2Error


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `serve` subcommand."""
    parser = sub.add_parser("serve", help="not yet available")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Explain that this command is not there yet."""
    raise Spoor2Error("'spoor2 serve' is not yet available in this version")
