"""The webhook target: a JSON POST signed with HMAC-SHA256, sent with httpx.

The receiver checks `X-Spoor2-Signature: sha256=<hex>`, the HMAC-SHA256 (key
SPOOR2_HANDOFF_SECRET) of `<X-Spoor2-Timestamp>.<raw body>`, and refuses a timestamp more than
five minutes old (a replay). `X-Spoor2-Delivery` is the request id: the same id twice is one
request (a retry after a lost response).
"""
from __future__ import annotations

import hashlib
import hmac
import json
import time

import httpx

from assistant.config import Settings
from assistant.handoff.email import DeliveryError
from assistant.handoff.store import HandoffRequest

MAX_AGE_SECONDS = 300


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The `X-Spoor2-Signature` value for `body` sent at `timestamp` (unix seconds)."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, header: str, now: float | None = None) -> bool:
    """What a receiver does: True when the signature matches and the timestamp is recent."""
    try:
        age = abs((now if now is not None else time.time()) - int(timestamp))
    except ValueError:
        return False
    expected = signature(secret, timestamp, body)
    return age <= MAX_AGE_SECONDS and hmac.compare_digest(expected, header)


def payload(request: HandoffRequest) -> bytes:
    """The JSON body: the request without its delivery bookkeeping."""
    return json.dumps({
        "type": "spoor2.handoff", "id": request.id, "created_at": request.created_at,
        "site": request.site, "language": request.language, "audience": request.audience,
        "question": request.question, "contact": request.contact, "consent": True,
    }, ensure_ascii=False).encode()


class WebhookSender:
    """POSTs handoff requests to SPOOR2_HANDOFF_WEBHOOK (or the site profile's own webhook,
    signed with the same SPOOR2_HANDOFF_SECRET); any 2xx answer is a delivery."""

    name = "webhook"

    def __init__(self, settings: Settings, timeout: float = 15.0,
                 transport: httpx.BaseTransport | None = None, url: str | None = None):
        self.url = settings.handoff_webhook if url is None else url
        self.secret = settings.handoff_secret.get_secret_value()
        self.timeout = timeout
        self.transport = transport

    def send(self, request: HandoffRequest) -> None:
        """Deliver one request.

        Raises:
            DeliveryError: the receiver could not be reached or did not answer 2xx.
        """
        body = payload(request)
        stamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "User-Agent": "spoor2-assistent",
                   "X-Spoor2-Timestamp": stamp, "X-Spoor2-Delivery": str(request.id),
                   "X-Spoor2-Signature": signature(self.secret, stamp, body)}
        try:
            with httpx.Client(timeout=self.timeout, transport=self.transport,
                              follow_redirects=False) as client:
                response = client.post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"webhook: {type(exc).__name__}") from None
        if not 200 <= response.status_code < 300:
            raise DeliveryError(f"webhook: HTTP {response.status_code}")
