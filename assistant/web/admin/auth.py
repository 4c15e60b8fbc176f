"""Who is an operator: `Authorization: Bearer <SPOOR2_ADMIN_TOKEN>`, or a site's own admin token
from its profile (SPOOR2_SITES), which sees that site only (`check_site`).

`require_admin` is the one dependency every admin route takes; it answers 401 (never data)
without valid credentials."""
from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass

from fastapi import Request

from assistant.web.errors import ApiError

log = logging.getLogger(__name__)

_FORBIDDEN_SITE = (
    "U beheert alleen uw eigen site; de gegevens van deze site kunt u niet zien.",
    "You manage your own site only; you cannot see this site's data.",
)
_UNAUTHORIZED = (
    "U bent niet ingelogd als beheerder. Log in op /admin of stuur het beheertoken mee.",
    "You are not signed in as an operator. Sign in at /admin or send the admin token.",
)


@dataclass(frozen=True)
class Admin:
    """A signed-in operator; `site` is None for an operator of every site."""

    site: str | None = None
    via: str = "token"  # token | session
    origins: tuple[str, ...] = ()  # the site's origins (the question log stores the origin)

    @property
    def scope(self) -> tuple[str, ...] | None:
        """The `site` values this operator may see (its key and origins), None for every site:
        filter lists with `WHERE site IN scope` when it is not None."""
        return None if self.site is None else (self.site, *self.origins)

    def sees(self, site: str | None) -> bool:
        """True when this operator may see data of `site` (a site key or origin)."""
        return self.site is None or (site or "") in (self.scope or ())


def check_site(admin: Admin, site: str | None) -> None:
    """Raise 403 `forbidden_site` when a site-scoped operator asks for another site's data
    (`site` is a site key or origin; '' or None is the shared part, which is every site's)."""
    if site and not admin.sees(site):
        log.info("site operator %s refused data of another site", admin.site)
        raise ApiError(403, "forbidden_site", *_FORBIDDEN_SITE)


def admin_for_token(request: Request, token: str | None) -> Admin | None:
    """The operator a token belongs to: SPOOR2_ADMIN_TOKEN (every site) or a site profile's
    admin token (that site only); None for any other token."""
    if not token:
        return None
    web = request.app.state.web
    expected = web.settings.admin_token.get_secret_value()
    if expected and hmac.compare_digest(token.encode(), expected.encode()):
        return Admin()
    profile = web.sites.for_token(token)
    return Admin(site=profile.key, origins=profile.origins) if profile else None


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def require_admin(request: Request) -> Admin:
    """The operator making this request; raises a 401 `ApiError` otherwise."""
    admin = admin_for_token(request, _bearer(request))
    if admin is not None:
        return admin
    raise ApiError(401, "unauthorized", *_UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})
