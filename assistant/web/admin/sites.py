"""The site profiles in the admin API: `GET /api/admin/sites` and `/api/admin/sites/{key}`
(a site's operator sees its own profile only)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from assistant.sites import SiteProfile, handoff_targets
from assistant.texts import pair
from assistant.web.admin.auth import Admin, check_site, require_admin
from assistant.web.errors import ApiError

router = APIRouter(include_in_schema=False)


def _profile(profile: SiteProfile, settings: Any) -> dict[str, Any]:
    targets = handoff_targets(profile, settings)
    return {**profile.public(), "origins": list(profile.origins),
            "handoff_targets": {"offered": targets.offered, "email": list(targets.email),
                                "webhook": targets.webhook},
            "scoped_token": bool(profile.admin_token_sha256)}


@router.get("/api/admin/sites")
async def sites(request: Request,
                admin: Annotated[Admin, Depends(require_admin)]) -> dict[str, Any]:
    """The site profiles this operator may see."""
    web = request.app.state.web
    return {"sites": [_profile(p, web.settings) for p in web.sites.profiles if admin.sees(p.key)]}


@router.get("/api/admin/sites/{key}")
async def site(key: str, request: Request,
               admin: Annotated[Admin, Depends(require_admin)]) -> dict[str, Any]:
    """One site's profile; 403 `forbidden_site` for another site's operator."""
    web = request.app.state.web
    check_site(admin, key)
    profile = web.sites.by_key(key)
    if profile is None:
        raise ApiError(404, "site_not_found", *pair("admin.site_not_found"))
    return _profile(profile, web.settings)
