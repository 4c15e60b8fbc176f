"""`spoor2 ingest`: load documents into the knowledge index (see `ingest.cli`)."""
from __future__ import annotations

import argparse

from assistant.commands import add_common, settings_from


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `ingest` subcommand."""
    from ingest.cli import add_arguments

    parser = sub.add_parser(
        "ingest", help="load documents into the knowledge index",
        description="Ingest Markdown, text, HTML, PDF and DOCX files. Exit codes: 0 ok, "
        "1 error (the serving index is left as it was), 3 some files were skipped (the rest "
        "was ingested).",
    )
    add_common(parser)
    add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the ingest with the command's options."""
    from ingest.cli import run as run_ingest

    return run_ingest(
        settings_from(args), args.paths, prune=args.prune, rebuild=args.rebuild, quiet=args.quiet,
        site=args.site,
    )
