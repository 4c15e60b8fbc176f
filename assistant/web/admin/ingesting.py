"""Ingest from the console: one run at a time in a background thread, with progress.

A run is exactly the CLI's `Indexer.run`: it builds a new index generation beside the serving one
and flips the pointer when it is complete; the engine picks the new generation up by itself
(within its refresh interval). A file that cannot be read is skipped and reported; an uploaded
file that was skipped is removed again (or its previous version restored), so the uploads folder
and the index agree.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import IngestBusyError, Spoor2Error
from assistant.texts import pair, text
from assistant.web.admin.uploads import undo
from assistant.web.errors import ApiError
from ingest.files import path_key

log = logging.getLogger(__name__)

BUSY = pair("web.error.ingest_busy")
_SKIPPED = pair("admin.documents.file_skipped")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _outcome(result: dict[str, Any], files: int) -> str:
    """A run for the metrics: ok, partial (some files skipped) or failed (nothing usable)."""
    skipped = len(result.get("skipped", ()))
    if result["state"] == "failed" or (files and skipped >= files):
        return "failed"
    return "partial" if skipped else "ok"


class IngestJobs:
    """The console's ingest runner (one at a time); also the `Progress` the indexer reports to."""

    def __init__(self, settings: Settings, assistant: Callable[[], Any],
                 on_result: Callable[[str], None] = lambda result: None):
        self.settings = settings
        self._assistant = assistant  # the serving assistant or None
        self._on_result = on_result  # hears ok, partial or failed per run (the metrics)
        self._lock = threading.Lock()
        self._state: dict[str, Any] = {"state": "idle"}

    # -- Progress protocol (called from the ingest thread) --------------------------------------
    def start(self, stage: str, total: int) -> None:
        """A stage began ("Reading", "Embedding")."""
        with self._lock:
            self._state.update(stage=stage.lower(), done=0, total=total)

    def advance(self, n: int = 1) -> None:
        """Some items of the stage are done."""
        with self._lock:
            self._state["done"] = self._state.get("done", 0) + n

    def finish(self) -> None:
        """The stage ended."""

    # -- runs ------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """True while a run is in progress."""
        return self._state.get("state") == "running"

    def run(self, action: str, paths: Sequence[Path], *, prune: bool = False,
            saved: Sequence[tuple[Path, bytes | None]] = (),
            after: Callable[[], None] | None = None, wait: bool = False) -> dict[str, Any]:
        """Start ingesting `paths` (`prune`: also remove what is gone) in the background.

        `saved` are uploads written for this run (undone for files that are skipped or when the
        run fails); `after` runs when the run failed, e.g. to put back a removed file.

        Raises:
            ApiError: 409 when a run is already in progress.
        """
        with self._lock:
            if self._state.get("state") == "running":
                raise ApiError(409, "ingest_running", *BUSY)
            self._state = {"state": "running", "action": action, "stage": "starting", "done": 0,
                           "total": len(paths), "files": [p.name for p in paths],
                           "started_at": _now()}
        thread = threading.Thread(target=self._work, args=(list(paths), prune, list(saved), after),
                                  name="spoor2-admin-ingest", daemon=True)
        thread.start()
        if wait:
            thread.join()
        return self.status()

    def _work(self, paths: list[Path], prune: bool, saved: list[tuple[Path, bytes | None]],
              after: Callable[[], None] | None) -> None:
        from ingest.indexer import Indexer

        assistant = self._assistant()
        settings, embedder = self.settings, None
        if assistant is not None:  # the index must be built with the model that serves it
            embedder = assistant.embedder
            settings = settings.replace(embedding_model=embedder.name)
        result: dict[str, Any] = {}
        try:
            report = Indexer(settings, embedder, progress=self).run(paths, prune=prune)
        except Exception as exc:  # noqa: BLE001 - reported on the page; the old index serves
            undo(saved)
            if after is not None:
                after()
            if isinstance(exc, IngestBusyError):
                result = {"state": "failed", "error_nl": BUSY[0], "error_en": BUSY[1]}
            else:
                log.warning("console ingest failed: %r", exc)
                error = exc if isinstance(exc, Spoor2Error) else Spoor2Error()
                result = {"state": "failed", **{
                    f"error_{language}": text("admin.documents.ingest_failed", language,
                                              reason=error.user_message(language))
                    for language in ("nl", "en")}}
        else:
            skipped = {key for key, _ in report.skipped}
            undo([(p, prev) for p, prev in saved if path_key(p) in skipped])
            result = {
                "state": "done", "built": report.built, "generation": report.generation,
                "chunks_added": report.chunks_added, "chunks_removed": report.chunks_removed,
                "chunks_unchanged": report.chunks_unchanged,
                "skipped": [{"file": Path(key).name, "path": key, "reason": reason,
                             "message_nl": _SKIPPED[0], "message_en": _SKIPPED[1]}
                            for key, reason in report.skipped],
                "conflicts": [{"file": Path(key).name, "claim": claim, "passage": sentence,
                               "vetted": truth}
                              for key, claim, sentence, truth in report.conflicts],
            }
        with self._lock:
            self._state.update(result, finished_at=_now(), stage="finished")
        self._on_result(_outcome(result, len(paths)))
        if result.get("built") and assistant is not None:
            self._switch(assistant, result["generation"])

    @staticmethod
    def _switch(assistant: Any, generation: str) -> None:
        """Have the engine pick up the new generation now, not at the next visitor's question
        (it checks at most every `refresh_seconds`); gives up after a minute."""
        deadline = time.monotonic() + max(60.0, 3 * getattr(assistant, "refresh_seconds", 10.0))
        while assistant.generation != generation and time.monotonic() < deadline:
            try:
                assistant.retrieve("spoor 2", k=1)  # answers from the current snapshot
            except Exception:  # noqa: BLE001 - the status page shows it is not live yet
                log.debug("refresh after ingest failed", exc_info=True)
            time.sleep(0.5)

    def status(self) -> dict[str, Any]:
        """The current or last run; `live` tells whether the answers already use its result."""
        with self._lock:
            state = dict(self._state)
        assistant = self._assistant()
        serving = getattr(assistant, "generation", "") if assistant is not None else ""
        state["serving"] = serving
        if state.get("state") == "done":
            state["live"] = not state.get("built") or serving == state.get("generation")
        else:
            state["live"] = False
        return state
