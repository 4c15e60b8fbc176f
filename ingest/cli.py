"""Command line of the ingest pipeline: `spoor2 ingest` and `python -m ingest`."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from assistant.config import Settings
from assistant.errors import Spoor2Error, StoreUnavailableError

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ingest options (the caller adds --data-dir)."""
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="files or folders to ingest (default: $SPOOR2_KNOWLEDGE_DIR or ./knowledge)",
    )
    parser.add_argument(
        "--prune", action="store_true",
        help="remove chunks of files under PATHs that no longer exist",
    )
    parser.add_argument(
        "--rebuild", action="store_true",
        help="ignore the current index and embed everything again (after a model change)",
    )
    parser.add_argument(
        "--site", metavar="KEY", default=None,
        help="the site (key in SPOOR2_SITES) these documents belong to: used only in answers on "
        "that site; `_shared` for every site (default: data_dir/uploads/<key>/ by folder, else shared)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")


class TqdmProgress:
    """A tqdm bar per stage on a terminal."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self._bar: Any = None

    def start(self, stage: str, total: int) -> None:
        """Open a bar for `stage`."""
        from tqdm import tqdm

        self.finish()
        unit = " files" if stage == "Reading" else " chunks"
        self._bar = tqdm(total=total, desc=stage, unit=unit, file=self.stream, leave=False)

    def advance(self, n: int = 1) -> None:
        """Move the bar on."""
        if self._bar is not None:
            self._bar.update(n)

    def finish(self) -> None:
        """Close the bar."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def run(
    settings: Settings, paths: Sequence[Path], *, prune: bool = False, rebuild: bool = False,
    quiet: bool = False, embedder: Any = None, out: IO[str] | None = None,
    err: IO[str] | None = None, site: str | None = None,
) -> int:
    """Ingest and print the summary; returns the exit code (0 ok, 3 something was skipped).

    Raises `Spoor2Error` for fatal problems (store unavailable, model mismatch, bad path).
    """
    from ingest.indexer import Indexer

    out = out or sys.stdout
    err = err or sys.stderr
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logging.getLogger("pypdf").setLevel(logging.ERROR)  # we report damaged PDFs ourselves
    progress = TqdmProgress(err) if not quiet and err.isatty() else None
    if progress is None:  # keep the model's own "Loading weights" bar quiet as well
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    _check_site(settings, site)
    indexer = Indexer(settings, embedder, progress=progress)
    try:
        report = indexer.run(list(paths) or [settings.knowledge_dir], prune=prune, rebuild=rebuild,
                             site=site)
    except Spoor2Error:
        raise
    except KeyboardInterrupt:
        print("Ingest interrupted; the previous index still serves.", file=err)
        raise
    except OSError as exc:  # the data dir cannot be created or written
        log.debug("ingest failed", exc_info=True)
        raise StoreUnavailableError(
            f"cannot write the index under {settings.data_dir} ({exc.strerror or type(exc).__name__}); "
            "make --data-dir / SPOOR2_DATA_DIR a writable folder. The previous index still serves."
        ) from exc
    except Exception as exc:
        log.debug("ingest failed", exc_info=True)
        raise Spoor2Error(
            f"ingest failed ({type(exc).__name__}); the previous index still serves. "
            "Run with -v for details."
        ) from exc
    finally:
        if progress is not None:
            progress.finish()
    lines = report.summary_lines()
    if quiet:
        lines = [line for line in lines if line.startswith("Skipped:")]
    for line in lines:
        print(line, file=err if line.startswith("Skipped:") and quiet else out)
    return report.exit_code


def _check_site(settings: Settings, site: str | None) -> None:
    """`--site` must be a site key (one of SPOOR2_SITES when that is set) or `_shared`."""
    import re

    from assistant.errors import InvalidInputError
    from assistant.sites import SHARED, load_sites

    if site is None or site == SHARED:
        return
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", site):
        raise InvalidInputError(f"--site {site!r}: a site key is lower-case letters, digits and '-'")
    if settings.sites is not None and load_sites(settings.sites).by_key(site) is None:
        raise InvalidInputError(f"--site {site!r}: no site with that key in {settings.sites} (SPOOR2_SITES)")


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m ingest`: the same as `spoor2 ingest`."""
    parser = argparse.ArgumentParser(
        prog="python -m ingest", description="Ingest documents into the Spoor 2 knowledge index."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    parser.add_argument(
        "--data-dir", default=None,
        help="where the index lives (default: $SPOOR2_DATA_DIR or ./data)",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = Settings.from_env(data_dir=args.data_dir)
        return run(settings, args.paths, prune=args.prune, rebuild=args.rebuild, quiet=args.quiet,
                   site=args.site)
    except Spoor2Error as exc:
        log.debug("ingest failed", exc_info=True)
        print(f"ingest: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
