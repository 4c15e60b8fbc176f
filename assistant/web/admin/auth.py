"""Who is an operator: `Authorization: Bearer <SPOOR2_ADMIN_TOKEN>`.

`require_admin` is the one dependency every admin route takes; it answers 401 (never data)
without valid credentials."""
from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass

from fastapi import Request

from assistant.web.errors import ApiError

log = logging.getLogger(__name__)

_UNAUTHORIZED = (
    "U bent niet ingelogd als beheerder. Log in op /admin of stuur het beheertoken mee.",
    "You are not signed in as an operator. Sign in at /admin or send the admin token.",
)


@dataclass(frozen=True)
class Admin:
    """A signed-in operator; `site` is None for an operator of every site."""

    site: str | None = None
    via: str = "token"  # token | session


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def require_admin(request: Request) -> Admin:
    """The operator making this request; raises a 401 `ApiError` otherwise."""
    expected = request.app.state.web.settings.admin_token.get_secret_value()
    token = _bearer(request)
    if expected and token and hmac.compare_digest(token.encode(), expected.encode()):
        return Admin()
    raise ApiError(401, "unauthorized", *_UNAUTHORIZED, {"WWW-Authenticate": "Bearer"})
