"""Delivering stored handoff requests: which targets a site has, retries with back-off, the worker.

Each request goes to every target once: a target that took it is recorded in the store, so when
the e-mail went out and the webhook failed, only the webhook is tried again. Attempts back off
(30 s, 2 min, 10 min, 1 h, then every 6 h) and never give up: a request stays visible in the
console as `failed` until it is delivered or an operator marks it handled.
"""
from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

from assistant.config import Settings
from assistant.handoff.email import DeliveryError, SmtpSender
from assistant.handoff.store import HandoffRequest, HandoffStore
from assistant.handoff.webhook import WebhookSender

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (30, 120, 600, 3600)
BACKOFF_CAP_SECONDS = 6 * 3600


class Target(Protocol):
    """Somewhere a handoff request is delivered (an adviser's mailbox, a webhook)."""

    name: str

    def send(self, request: HandoffRequest) -> None:
        """Deliver one request; raise `DeliveryError` when it did not arrive."""


def targets_for(settings: Settings, site: str = "") -> tuple[Target, ...]:
    """The targets a site's requests go to (the seam for per-site targets); empty: no handoff."""
    targets: list[Target] = []
    if settings.smtp_host and settings.smtp_to:
        targets.append(SmtpSender(settings))
    if settings.handoff_webhook:
        targets.append(WebhookSender(settings))
    return tuple(targets)


def backoff_seconds(attempts: int) -> int:
    """Seconds to wait after the `attempts`-th failed attempt (1-based)."""
    if attempts <= 0:
        return 0
    if attempts > len(BACKOFF_SECONDS):
        return BACKOFF_CAP_SECONDS
    return BACKOFF_SECONDS[attempts - 1]


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


class Deliverer:
    """Sends due requests to their targets; `run_forever()` is the background worker."""

    def __init__(self, store: HandoffStore, targets: Callable[[str], Sequence[Target]],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 idle_seconds: float = 60.0):
        self.store = store
        self.targets = targets
        self.clock = clock
        self.idle_seconds = idle_seconds
        self._pass = threading.Lock()  # one delivery pass at a time: never two sends of one request
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def deliver_due(self) -> int:
        """One pass over the requests that are due; returns how many are now fully delivered."""
        with self._pass:
            done = 0
            for request in self.store.due(self.clock()):
                done += self._deliver(request)
            return done

    def _deliver(self, request: HandoffRequest) -> bool:
        targets = self.targets(request.site)
        errors = [] if targets else ["no target configured"]
        for target in targets:
            if target.name in request.delivered_to:
                continue
            try:
                target.send(request)
            except DeliveryError as exc:
                errors.append(str(exc))
                continue
            self.store.mark_target(request.id, target.name)
            log.info("handoff %s delivered by %s", request.id, target.name)
        if errors:
            wait = backoff_seconds(request.attempts + 1)
            log.warning("handoff %s not delivered (%s); next attempt in %ss", request.id,
                        "; ".join(errors), wait)
            self.store.finish_attempt(request.id, error="; ".join(errors),
                                      next_at=self.clock() + timedelta(seconds=wait))
            return False
        self.store.finish_attempt(request.id, error="", next_at=None)
        return True

    def wake(self) -> None:
        """Start a pass now (a new request, or an operator's retry); safe from any thread."""
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def _sleep_seconds(self) -> float:
        due = self.store.next_due()
        if due is None:
            return self.idle_seconds
        return min(self.idle_seconds, max(0.0, (_parse(due) - self.clock()).total_seconds()))

    async def run_forever(self) -> None:
        """Deliver due requests until cancelled (the app's lifespan starts and stops this)."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        while True:
            try:
                await asyncio.to_thread(self.deliver_due)
                wait = await asyncio.to_thread(self._sleep_seconds)
            except Exception as exc:  # noqa: BLE001 - the worker must survive a bad pass
                log.error("handoff delivery pass failed: %s", type(exc).__name__)
                wait = self.idle_seconds
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=max(wait, 0.05))
            except TimeoutError:
                pass
            self._wake.clear()
