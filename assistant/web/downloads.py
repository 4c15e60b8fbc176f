"""Planner download files: kept in the data dir's cache, swept on a schedule and at shutdown."""
from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import shutil
import time
from pathlib import Path

log = logging.getLogger(__name__)

MAX_AGE_SECONDS = 3600.0
SWEEP_SECONDS = 300.0


class DownloadFolder:
    """Files the UI offers for download, one folder per content hash, removed after `max_age`."""

    def __init__(self, root: Path, max_age: float = MAX_AGE_SECONDS):
        self.root = Path(root)
        self.max_age = max_age

    def write(self, content: bytes, name: str) -> Path:
        """Store `content` as `name` (the same content reuses its file) and return the path."""
        folder = self.root / hashlib.sha256(content).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_bytes(content)
        os.utime(folder)  # offered again: its age starts anew
        return path

    def sweep(self, now: float | None = None) -> int:
        """Remove folders older than `max_age`; returns how many went."""
        now = time.time() if now is None else now
        removed = 0
        for folder in self.root.glob("*") if self.root.is_dir() else ():
            try:
                if now - folder.stat().st_mtime > self.max_age:
                    shutil.rmtree(folder, ignore_errors=True)
                    removed += 1
            except OSError:
                continue
        return removed

    def clear(self) -> None:
        """Remove every file (at shutdown)."""
        shutil.rmtree(self.root, ignore_errors=True)

    async def sweep_forever(self, every: float = SWEEP_SECONDS) -> None:
        """Sweep every `every` seconds until cancelled."""
        while True:
            await asyncio.sleep(every)
            try:
                removed = await asyncio.to_thread(self.sweep)
            except Exception:  # a failed sweep must not stop the next one
                log.warning("sweeping %s failed", self.root, exc_info=True)
            else:
                if removed:
                    log.info("removed %d old planner downloads", removed)
