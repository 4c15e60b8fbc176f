"""`spoor2 serve`: the web app (chat UI, JSON API, widget) on one port."""
from __future__ import annotations

import argparse

from assistant.commands import add_common
from assistant.config import Settings


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `serve` subcommand."""
    parser = sub.add_parser(
        "serve", help="serve the chat UI, the JSON API and the widget",
        description="Serve the chat UI (/ui/), the JSON API (/api/*, docs at /docs) and the "
        "embeddable widget (/widget.js, demo at /widget/demo).",
    )
    add_common(parser)
    parser.add_argument("--host", default=None,
                        help="interface (default: $SPOOR2_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None,
                        help="port (default: $SPOOR2_PORT or 7860)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the server; returns when it stops."""
    from assistant.web.server import serve

    settings = Settings.from_env(data_dir=args.data_dir, host=args.host, port=args.port)
    serve(settings)
    return 0
