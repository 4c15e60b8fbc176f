"""Handoff to a person: a visitor's question and contact details, stored first, then delivered to
an adviser by e-mail and/or a signed webhook, retried with back-off until it arrives."""
from __future__ import annotations

from assistant.handoff.delivery import Deliverer, Target, backoff_seconds, targets_for
from assistant.handoff.store import HandoffInputError, HandoffRequest, HandoffStore, check_contact

__all__ = [
    "Deliverer",
    "HandoffInputError",
    "HandoffRequest",
    "HandoffStore",
    "Target",
    "backoff_seconds",
    "check_contact",
    "targets_for",
]
