"""Subcommands of `spoor2`; each module offers `register(subparsers)`."""
from __future__ import annotations

import argparse

from assistant.config import Settings


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command takes."""
    parser.add_argument(
        "--data-dir", default=None, help="where the index lives (default: $SPOOR2_DATA_DIR or ./data)"
    )


def settings_from(args: argparse.Namespace) -> Settings:
    """`Settings` from the environment with the command's overrides applied."""
    return Settings.from_env(data_dir=getattr(args, "data_dir", None))
