"""`create_app()`: one FastAPI app with the API, the widget, the source pages and the Gradio UI."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse

from assistant.config import Settings
from assistant.database import PostgresPools
from assistant.texts import pair
from assistant.web import api, handoff, openai_api, site_api, sources
from assistant.web.accesslog import install_access_log_filter
from assistant.web.admin import install_admin
from assistant.web.context import WebContext
from assistant.web.errors import ApiError, install_error_handlers
from assistant.web.headers import SecurityHeaders
from assistant.web.holder import AssistantHolder
from assistant.web.metrics import install_metrics
from assistant.web.security import install_security
from assistant.web.ui import CSS, build_ui, head, theme

log = logging.getLogger(__name__)

UI_PATH = "/ui"

DESCRIPTION = """Answers questions about re-integratie tweede spoor (Wet verbetering poortwachter)
with numbered citations, and computes the Poortwachter deadlines.

Errors are JSON: `{"error": {"code": "...", "message": "..."}}` with the message in the user's
language (`language` field, `?lang=`, or `Accept-Language`)."""


def create_app(settings: Settings, holder: AssistantHolder,
               pools: PostgresPools | None = None) -> FastAPI:
    """The whole web app; `holder` builds (or already has) the assistant. `pools`: the
    instance's PostgreSQL connections, shared with the assistant's full-text search (default:
    the app's own); closed at shutdown."""
    app = FastAPI(
        title="Spoor 2 Assistent API", version="0.1.0", description=DESCRIPTION,
        docs_url="/docs" if settings.api_docs else None, redoc_url=None, lifespan=_lifespan,
    )
    app.state.web = WebContext.create(settings, holder, pools)
    install_access_log_filter()
    install_error_handlers(app)
    site_origins = app.state.web.sites.origins
    install_security(app, settings, site_origins)
    app.add_middleware(SecurityHeaders, allowed_origins=(*settings.allowed_origins, *site_origins),
                       ui_path=UI_PATH)
    _include_routers(app, settings)
    _answer_unknown_api_paths(app)

    @app.get("/", include_in_schema=False)
    async def root() -> RedirectResponse:
        return RedirectResponse(UI_PATH + "/")

    _mount_ui(app, app.state.web)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start building the assistant and the background tasks; at shutdown stop the tasks and
    close the instance's PostgreSQL connections."""
    web: WebContext = app.state.web
    web.holder.start()
    tasks = [
        asyncio.create_task(web.downloads.sweep_forever()),
        asyncio.create_task(_keep_retention(web, web.settings.retention_days)),
        asyncio.create_task(web.handoff.deliverer.run_forever()),
    ]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        web.downloads.clear()
        web.pools.close()


def _include_routers(app: FastAPI, settings: Settings) -> None:
    """The API, widget, handoff, source, admin and metrics routes (OpenAI's when switched on)."""
    app.include_router(api.router)
    app.include_router(site_api.router)
    app.include_router(handoff.router)
    app.include_router(sources.router)
    if settings.openai_api:
        app.include_router(openai_api.router)
    install_admin(app, settings)
    install_metrics(app)


def _answer_unknown_api_paths(app: FastAPI) -> None:
    """A JSON 405 (with Allow) or 404 for an /api/ path no route answered; added after them."""

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"],
                   include_in_schema=False)
    async def api_not_found(rest: str, request: Request) -> None:
        allowed = _methods_for(app, request)
        if allowed:
            raise ApiError(405, "method_not_allowed", *pair("web.method_not_allowed"),
                           {"Allow": ", ".join(allowed)})
        raise ApiError(404, "not_found", *pair("web.api_not_found"))


def _mount_ui(app: FastAPI, web: WebContext) -> None:
    """The Gradio UI at UI_PATH, queued to SPOOR2_MAX_CONCURRENCY."""
    settings = web.settings
    ui = build_ui(web)
    ui.queue(default_concurrency_limit=settings.max_concurrency)
    gr.mount_gradio_app(app, ui, path=UI_PATH, css=CSS, theme=theme(), footer_links=[],
                        head=head(settings.max_message_chars),
                        show_error=False, ssr_mode=False, mcp_server=False, run_history=False,
                        allowed_paths=[str(web.downloads.root)], max_file_size=0)


async def _keep_retention(web: WebContext, days: int, every: float = 3600.0) -> None:
    """Now and every hour: delete question-log rows and delivered or handled handoff requests
    older than SPOOR2_RETENTION_DAYS."""
    while True:
        await asyncio.to_thread(web.questions.purge)
        try:
            deleted = await asyncio.to_thread(web.handoff.store.purge, days)
        except Exception as exc:  # noqa: BLE001 - retention never stops the server
            log.error("handoff retention failed: %s", type(exc).__name__)
        else:
            if deleted:
                log.info("handoff store: deleted %s requests older than %s days", deleted, days)
        await asyncio.sleep(every)


def _methods_for(app: FastAPI, request: Request) -> list[str]:
    """The methods the schema declares at this path (empty when the path is unknown)."""
    declared = app.openapi().get("paths", {}).get(request.url.path, {})
    return sorted(m.upper() for m in declared)
