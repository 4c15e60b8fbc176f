"""The web app: Gradio UI, JSON API, embeddable widget and source pages on one FastAPI app."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.web.gradio_import import skip_stub_rewrites

if TYPE_CHECKING:
    from assistant.web.app import create_app
    from assistant.web.holder import AssistantHolder

__all__ = ["AssistantHolder", "create_app"]

skip_stub_rewrites()  # before any module of the web app imports Gradio


def __getattr__(name: str) -> Any:
    # Imported on first use, not with the package: `assistant.web.app` imports Gradio (seconds),
    # and `python app.py` starts building the assistant before that (see `server.compose`).
    if name == "create_app":
        from assistant.web.app import create_app

        return create_app
    if name == "AssistantHolder":
        from assistant.web.holder import AssistantHolder

        return AssistantHolder
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
