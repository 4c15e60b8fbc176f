"""Compose the production app (real assistant, built once) and serve it with uvicorn."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.database import instance_pools
from assistant.memory import limit_malloc_arenas
from assistant.web.holder import AssistantHolder

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)


def compose(settings: Settings) -> FastAPI:
    """The app with an assistant that `build_assistant(settings)` builds once at start-up.

    The build (model, index, cards) starts in the background before the web app is made, so it
    runs while Gradio is imported and the UI is built instead of after the server listens: the
    first answer comes seconds sooner.
    """

    configure_logging(settings)  # the build below logs before `serve` runs
    limit_malloc_arenas(settings.malloc_arenas)  # before the threads below start allocating
    check_shared_stores(settings)
    pools = instance_pools(settings)  # one per database URL, for the app and the assistant

    def factory():  # imported late: loading the engine pulls in the model libraries
        from assistant import build_assistant

        return build_assistant(settings, pools=pools)

    holder = AssistantHolder(factory)
    holder.start()
    from assistant.web.app import create_app  # Gradio: the slow import, now beside the build

    return create_app(settings, holder, pools)


def check_shared_stores(settings: Settings) -> None:
    """Reach the PostgreSQL and Redis servers of SPOOR2_DATABASE_URL / SPOOR2_REDIS_URL once.

    Raises:
        ConfigError: one of them cannot be reached (the message names the variable).
    """
    from assistant.database import check_database
    from assistant.web.sharedlimits import limits_window

    check_database(settings.database_url.get_secret_value())
    url = settings.redis_url.get_secret_value()
    if url:
        limits_window(url, 1, 1, "spoor2-check").check()


def configure_logging(settings: Settings) -> None:
    """Log lines with time and level at SPOOR2_LOG_LEVEL (the first call sets the format)."""
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("assistant").setLevel(settings.log_level)  # the CLI set WARNING already


def serve(settings: Settings, app: FastAPI | None = None) -> None:
    """Run the app (default: `compose(settings)`) on settings.host:settings.port."""
    import uvicorn

    configure_logging(settings)
    app = app or compose(settings)
    log.info("serving on http://%s:%s/", settings.host, settings.port)
    from assistant.web.timeouts import HeaderTimeoutProtocol

    uvicorn.run(app, host=settings.host, port=settings.port,
                log_level=settings.log_level.lower(), proxy_headers=False,
                http=HeaderTimeoutProtocol)
