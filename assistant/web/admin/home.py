"""The console's landing page and the admin API's "who am I"."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from assistant.web.admin.auth import Admin, require_admin

router = APIRouter(include_in_schema=False)


@router.get("/api/admin/me")
async def me(admin: Annotated[Admin, Depends(require_admin)]) -> dict[str, object]:
    """The signed-in operator: the site it may see (null: every site)."""
    return {"site": admin.site, "via": admin.via}


@router.get("/admin", response_class=HTMLResponse)
async def home(request: Request, admin: Annotated[Admin, Depends(require_admin)]) -> HTMLResponse:
    """The console's first page: the dashboard."""
    from assistant.web.admin.dashboard import dashboard_page

    return await dashboard_page(request, admin)
