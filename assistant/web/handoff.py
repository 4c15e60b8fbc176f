"""Handoff to a person on the web: when to offer it, and `POST /api/handoff`."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from assistant.config import Settings
from assistant.database import PostgresPools
from assistant.handoff import Deliverer, HandoffInputError, HandoffStore, targets_for
from assistant.handoff.delivery import site_target_problems
from assistant.sites import Sites
from assistant.texts import pair, text
from assistant.types import Answer
from assistant.web.errors import ApiError, request_language
from assistant.web.schemas import HandoffRequestIn, HandoffResponse

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])

# Answer paths after which a person may help: the assistant did not know, declined the subject,
# or the visitor asked for a person. Not after a greeting, an injection or a medical refusal.
OFFER_PATHS = frozenset({"dont_know", "refusal:out_of_scope", "refusal:off_topic",
                         "refusal:other_legal", "person"})

def answer_paths(answer: Answer) -> list[str]:
    """The answerers' paths behind an answer (one per part of a combined answer)."""
    path = str(answer.trace.get("path", ""))
    if path.startswith("multi:"):
        return path.removeprefix("multi:").split("+")
    return [path]


@dataclass
class HandoffDesk:
    """The web's view of handoff: the store, the worker, and whether a site offers it."""

    settings: Settings
    store: HandoffStore
    deliverer: Deliverer
    sites: Sites = field(default_factory=Sites)
    on_outcome: Callable[[str], None] = lambda outcome: None

    @classmethod
    def create(cls, settings: Settings, sites: Sites | None = None,
               on_outcome: Callable[[str], None] | None = None,
               pools: PostgresPools | None = None) -> HandoffDesk:
        """A desk whose targets come from `settings` and each site's profile (`targets_for`);
        `on_outcome` hears stored, delivered, retried, failed and handled (the metrics);
        `pools`: the instance's PostgreSQL connections."""
        sites = sites if sites is not None else Sites()
        for problem in site_target_problems(settings, sites):
            log.warning("handoff: %s; that target is not used", problem)
        report = on_outcome or (lambda outcome: None)
        store = HandoffStore.from_settings(settings, pools)
        deliverer = Deliverer(store, lambda site: targets_for(settings, site, sites),
                              on_outcome=report)
        return cls(settings, store, deliverer, sites, report)

    def available(self, site: str = "") -> bool:
        """True when requests from `site` have somewhere to go (and its profile offers it)."""
        return bool(targets_for(self.settings, site, self.sites))

    def switched_off(self, site: str) -> bool:
        """True when `site`'s profile says `handoff: {offered: false}`."""
        profile = self.sites.by_key(site) if site else None
        return profile is not None and not profile.handoff.offered

    def offers(self, answer: Answer, site: str = "") -> bool:
        """True when the visitor should be offered "Stel uw vraag aan een adviseur"."""
        return self.available(site) and any(p in OFFER_PATHS for p in answer_paths(answer))

    def submit(self, question: str, contact: str, *, consent: bool, site: str = "",
               language: str = "nl", audience: str = "") -> int:
        """Store a request and wake the worker; returns its id.

        Raises:
            HandoffInputError: no consent, an invalid contact, or health details.
        """
        request_id = self.store.add(question, contact, consent=consent, site=site,
                                    language=language, audience=audience)
        log.info("handoff %s stored (site %s)", request_id, site or "-")
        self.on_outcome("stored")
        self.deliverer.wake()
        return request_id

    def mark_handled(self, request_id: int) -> bool:
        """An operator dealt with the request (never sent again); False when unknown."""
        done = self.store.mark_handled(request_id)
        if done:
            self.on_outcome("handled")
        return done


def sent_message(language: str, audience: str | None) -> str:
    """The confirmation shown after a request was stored."""
    return text("handoff.sent", language, audience)


def site_of(request: Request) -> str:
    """The site a request is stored under, as in the question log: the site profile's key, else
    the calling page's origin; '' for this server's own pages."""
    from assistant.web.chat import site_of as chat_site  # chat imports this module's desk

    return chat_site(request)


def refused(error: HandoffInputError) -> ApiError:
    """The API error (422, in the user's language) for a request the store refused."""
    return ApiError(422, error.code, error.user_nl, error.user_en)


@router.post("/handoff", response_model=HandoffResponse, status_code=201,
             responses={400: {"description": "Empty question"}, 413: {"description": "Too long"},
                        422: {"description": "No consent, invalid contact or health details"},
                        403: {"description": "Foreign origin, or the site does not offer it"},
                        429: {"description": "Rate limited"},
                        503: {"description": "Handoff not configured"}})
async def handoff(body: HandoffRequestIn, request: Request) -> dict[str, Any]:
    """Pass the visitor's question and contact details on to an adviser (with consent).

    Stored first (identifiers in the question redacted), then delivered by e-mail and/or a signed
    webhook, retried until it arrives. A question with medical details is refused (422), nothing
    stored."""
    ctx = request.app.state.web
    lang = request_language(request, body.language)
    request.state.language = lang
    ctx.limiter.check(ctx.ip_of(request))
    site = site_of(request)
    desk: HandoffDesk = ctx.handoff
    if desk.switched_off(site):
        raise ApiError(403, "handoff_not_offered", *pair("web.handoff_not_offered"))
    if not desk.available(site):
        raise ApiError(503, "handoff_unavailable", *pair("web.handoff_unavailable"))
    question = ctx.check_message(body.question)
    try:
        request_id = await run_in_threadpool(
            desk.submit, question, body.contact, consent=body.consent, site=site, language=lang,
            audience=body.audience or "")
    except HandoffInputError as exc:
        raise refused(exc) from None
    return {"id": request_id, "status": "pending", "message": sent_message(lang, body.audience)}
