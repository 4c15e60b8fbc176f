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
from assistant.sites import Sites, handoff_targets

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (30, 120, 600, 3600)
BACKOFF_CAP_SECONDS = 6 * 3600

# What `Deliverer` reports through its `on_outcome` callback (the web layer counts them):
# `delivered` every target took the request; `failed` an attempt did not reach every target (a
# retry is scheduled); `retried` an attempt on a request that had failed before.
OUTCOMES = ("delivered", "retried", "failed")


class Target(Protocol):
    """Somewhere a handoff request is delivered (an adviser's mailbox, a webhook)."""

    name: str

    def send(self, request: HandoffRequest) -> None:
        """Deliver one request; raise `DeliveryError` when it did not arrive."""


def targets_for(settings: Settings, site: str = "", sites: Sites | None = None,
                ) -> tuple[Target, ...]:
    """The targets a site's requests go to; empty: no handoff from that site.

    `site` is what the request is stored under: a site profile's key (SPOOR2_SITES), an origin
    or '' (the server's own pages). A profile's own e-mail recipients and webhook win over the
    server's SPOOR2_SMTP_TO / SPOOR2_HANDOFF_WEBHOOK (`assistant.sites.handoff_targets`); a
    profile with `handoff: {offered: false}` has none. E-mail always goes through the server's
    SMTP settings and every webhook is signed with SPOOR2_HANDOFF_SECRET (without an SMTP host or
    a secret that target is left out: `site_target_problems`)."""
    profile = sites.by_key(site) if sites is not None and site else None
    wanted = handoff_targets(profile, settings)
    if not wanted.offered:
        return ()
    targets: list[Target] = []
    if settings.smtp_host and wanted.email:
        targets.append(SmtpSender(settings, recipients=wanted.email))
    if wanted.webhook and len(settings.handoff_secret.get_secret_value()) >= 16:  # signed
        targets.append(WebhookSender(settings, url=wanted.webhook))
    return tuple(targets)


def site_target_problems(settings: Settings, sites: Sites) -> list[str]:
    """Site profiles whose handoff targets cannot work with the server's settings (such a target
    is left out: a site without any gets no offer): e-mail recipients without SPOOR2_SMTP_HOST, a
    webhook without SPOOR2_HANDOFF_SECRET (every webhook is signed with it), or SMTP without
    SPOOR2_SMTP_TO while no profile names recipients."""
    problems = []
    secret = settings.handoff_secret.get_secret_value()
    for profile in sites.profiles:
        if not profile.handoff.offered:
            continue
        if profile.handoff.email and not settings.smtp_host:
            problems.append(f"SPOOR2_SITES: site '{profile.key}', handoff.email needs "
                            "SPOOR2_SMTP_HOST (the server sends the e-mail)")
        if profile.handoff.webhook and len(secret) < 16:
            problems.append(f"SPOOR2_SITES: site '{profile.key}', handoff.webhook needs "
                            "SPOOR2_HANDOFF_SECRET (at least 16 characters; the receiver checks "
                            "the signature)")
    if settings.smtp_host and not settings.smtp_to and \
            not any(p.handoff.email for p in sites.profiles):
        problems.append("SPOOR2_SMTP_HOST needs SPOOR2_SMTP_TO or a site profile with "
                        "handoff.email (who receives the handoffs)")
    return problems


def backoff_seconds(attempts: int) -> int:
    """Seconds to wait after the `attempts`-th failed attempt (1-based)."""
    if attempts <= 0:
        return 0
    if attempts > len(BACKOFF_SECONDS):
        return BACKOFF_CAP_SECONDS
    return BACKOFF_SECONDS[attempts - 1]


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


CLAIM_SECONDS = 300  # an attempt that has not finished by then (its worker died) is taken again


class Deliverer:
    """Sends due requests to their targets; `run_forever()` is the background worker."""

    def __init__(self, store: HandoffStore, targets: Callable[[str], Sequence[Target]],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 idle_seconds: float = 60.0,
                 on_outcome: Callable[[str], None] = lambda outcome: None):
        self.store = store
        self.targets = targets
        self.on_outcome = on_outcome
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
                # Several instances share the store: only the worker that claims it sends it.
                if self.store.claim(request, self.clock() + timedelta(seconds=CLAIM_SECONDS)):
                    done += self._deliver(request)
            return done

    def _report(self, outcome: str) -> None:
        try:
            self.on_outcome(outcome)
        except Exception as exc:  # noqa: BLE001 - counting must never stop a delivery
            log.error("handoff outcome not recorded: %s", type(exc).__name__)

    def _deliver(self, request: HandoffRequest) -> bool:
        if request.attempts > 0:
            self._report("retried")
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
            self._report("failed")
            return False
        self.store.finish_attempt(request.id, error="", next_at=None)
        self._report("delivered")
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
