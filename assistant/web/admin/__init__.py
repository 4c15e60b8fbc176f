"""The operator console (`/admin`) and its JSON API (`/api/admin/`), off unless
SPOOR2_ADMIN_TOKEN is set. Each area has its own router module; `install_admin` mounts them."""
from __future__ import annotations

from fastapi import FastAPI

from assistant.config import Settings

# (module, attribute) of every admin router; an area adds its line here.
ROUTERS: tuple[str, ...] = (
    "assistant.web.admin.home",
    "assistant.web.admin.session",
    "assistant.web.admin.documents",
    "assistant.web.admin.tryit",
    "assistant.web.admin.conflicts",
    "assistant.web.admin.dashboard",
    "assistant.web.admin.questions",
    "assistant.web.admin.sites",
    "assistant.web.admin.handoffs",
)


def install_admin(app: FastAPI, settings: Settings) -> None:
    """Mount the console and the admin API when an admin token is configured."""
    if not settings.admin_token.get_secret_value():
        return
    from importlib import import_module

    from assistant.web.admin.auth import install_auth

    install_auth(app, settings)
    for module in ROUTERS:
        app.include_router(import_module(module).router)
