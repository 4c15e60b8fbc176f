"""The web app: Gradio UI, JSON API, embeddable widget and source pages on one FastAPI app."""
from __future__ import annotations

from assistant.web.app import create_app
from assistant.web.holder import AssistantHolder

__all__ = ["AssistantHolder", "create_app"]
