"""`spoor2 deadlines`: not yet available."""
from __future__ import annotations

import argparse

from assistant.commands import add_common
from assistant.errors import Spoor2Error


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `deadlines` subcommand."""
    parser = sub.add_parser("deadlines", help="not yet available")
    add_common(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Explain that this command is not there yet."""
    raise Spoor2Error("'spoor2 deadlines' is not yet available in this version")
