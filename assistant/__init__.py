"""Spoor 2 Assistent: answers questions about re-integratie tweede spoor, with citations."""
from __future__ import annotations

from assistant.build import build_assistant
from assistant.config import Settings
from assistant.engine import Assistant
from assistant.errors import Spoor2Error
from assistant.types import Answer, Chunk, Citation, Hit

__all__ = ["Answer", "Assistant", "Chunk", "Citation", "Hit", "Settings", "Spoor2Error", "build_assistant"]
