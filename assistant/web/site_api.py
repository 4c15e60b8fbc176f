"""`GET /api/site`: the public part of the profile of the site asking (the widget's defaults)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from assistant.web.sources import widget_version

router = APIRouter(prefix="/api", tags=["api"])


@router.get("/site")
async def site(request: Request) -> dict[str, Any]:
    """The profile of the request's `Origin` (title, greeting, colour, language, audience, contact
    address, whether handoff is offered, packages); `site` is null for a page without a profile.
    `script` is the versioned widget address (cache it for a year)."""
    ctx = request.app.state.web
    profile = ctx.site_of(request)
    return {"site": profile.public() if profile else None,
            "script": f"/widget.js?v={widget_version(ctx.settings)}"}
