"""What every web surface shares: settings, the assistant holder, limits, feedback store."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request

from assistant.config import Settings
from assistant.database import PostgresPools, instance_pools
from assistant.sites import SiteProfile, Sites, load_sites
from assistant.texts import pair
from assistant.types import Answer
from assistant.web.downloads import DownloadFolder
from assistant.web.errors import ApiError
from assistant.web.feedback import FeedbackStore
from assistant.web.handoff import HandoffDesk
from assistant.web.holder import AssistantHolder
from assistant.web.metrics import Metrics
from assistant.web.questionlog import QuestionLog
from assistant.web.security import ClientIp, ConcurrencyGate, RateLimiter

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass
class WebContext:
    """Shared state of the web app, kept on `app.state.web`."""

    settings: Settings
    holder: AssistantHolder
    limiter: RateLimiter
    gate: ConcurrencyGate
    client_ip: ClientIp
    feedback: FeedbackStore
    downloads: DownloadFolder
    questions: QuestionLog
    metrics: Metrics
    sites: Sites
    handoff: HandoffDesk
    pools: PostgresPools  # the instance's PostgreSQL connections (closed at shutdown)

    @classmethod
    def create(cls, settings: Settings, holder: AssistantHolder,
               pools: PostgresPools | None = None) -> WebContext:
        """A context with limits and stores built from `settings`; the stores share `pools`
        (default: new ones sized for the instance, `instance_pools`)."""
        metrics, sites = Metrics.from_settings(settings), load_sites(settings.sites)
        pools = pools if pools is not None else instance_pools(settings)
        return cls(
            settings=settings,
            holder=holder,
            limiter=RateLimiter.from_settings(settings),
            gate=ConcurrencyGate(settings.max_concurrency),
            client_ip=ClientIp(settings.trusted_proxies),
            feedback=FeedbackStore.from_settings(settings, pools),
            downloads=DownloadFolder(settings.data_dir / "cache" / "planner"),
            questions=QuestionLog.from_settings(settings, pools),
            metrics=metrics,
            sites=sites,
            handoff=HandoffDesk.create(settings, sites, metrics.record_handoff, pools),
            pools=pools,
        )

    def site_of(self, request: Request) -> SiteProfile | None:
        """The profile of the page that sent this request (its `Origin`), or None."""
        return self.sites.by_origin(request.headers.get("origin"))

    def ip_of(self, request: Request) -> str:
        """The client IP of an HTTP request (proxy-aware)."""
        peer = request.client.host if request.client else None
        return self.client_ip(peer, request.headers.get("x-forwarded-for"))

    def check_message(self, message: str, history: list[dict[str, str]] | None = None) -> str:
        """The stripped message; 400 when empty, 413 when it or a history item is too long."""
        limit = self.settings.max_message_chars
        text = (message or "").strip()
        if not text:
            raise ApiError(400, "empty_message", *pair("web.empty_message"))
        if len(text) > limit:
            raise ApiError(413, "message_too_long",
                           *pair("web.message_too_long", n=len(text), max=limit))
        for i, item in enumerate(history or []):
            size = len(item.get("content", ""))
            if size > limit:
                raise ApiError(413, "message_too_long",
                               *pair("web.history_too_long", n=i + 1, i=i, size=size, max=limit))
        return text


def today_nl() -> date:
    """Today's date in the Netherlands."""
    return datetime.now(AMSTERDAM).date()


def _public_source(source: str, url: str) -> str:
    """A citation's source for clients: a web address or `/bron/` page, never a server path."""
    for candidate in (source or "", url or ""):
        if re.match(r"^https?://", candidate, re.IGNORECASE) or candidate.startswith("/bron/"):
            return candidate
    return ""


def answer_dict(answer: Answer, question_id: int | None = None, *, handoff: bool = False,
                ) -> dict[str, Any]:
    """An `Answer` as the API's JSON: `Answer.to_dict()` made safe for clients, plus the
    question log's id (null when the question was not logged) and `handoff` (offer the visitor
    an adviser: `HandoffDesk.offers`).

    The text is Markdown with any HTML escaped, so a client that renders it runs no markup
    from a document; citation sources are web addresses or `/bron/` pages, never server paths."""
    data = answer.to_dict()
    data["answer"] = escape(answer.text, quote=False)
    for c in data["citations"]:
        c["source"], c["url"] = _public_source(c["source"], c["url"]), _public_source(c["url"], "")
    data["question_id"] = question_id
    data["handoff"] = handoff
    return data
