"""The operator console over its own copy of the web tests' index (uploads change it)."""
from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

from assistant.config import Settings

TOKEN = "operator-token-0123456789"
PRICE_TITLE = "Tarieven Zonnebloem Reintegratie"
PRICE_TEXT = ("Een spoor 2 traject bij Zonnebloem Reintegratie kost € 2.950 exclusief btw. "
              "Het traject duurt gemiddeld zes maanden en omvat een arbeidsdeskundig onderzoek, "
              "sollicitatietraining en begeleiding naar werk bij een andere werkgever.")
PRICE_QUESTION = "Wat kost een spoor 2 traject bij Zonnebloem?"


def console_assistant(web_settings: Settings, embedder, data_dir: Path, **overrides: object):
    """(settings, assistant) over a private copy of the web index, refreshing every 0.5 s."""
    from assistant.engine import Assistant
    from assistant.store import ChromaStore

    shutil.copytree(web_settings.chroma_dir, data_dir / "chroma")
    overrides.setdefault("admin_token", TOKEN)
    settings = web_settings.replace(data_dir=data_dir, embedding_model=embedder.name, **overrides)
    assistant = Assistant(embedder, ChromaStore.open(settings), clock=lambda: date(2026, 11, 30),
                          refresh_seconds=0.5, cache_dir=data_dir / "cache")
    return settings, assistant


def docx_bytes(title: str, text: str) -> bytes:
    """A real Word document (python-docx) with a title and one paragraph."""
    import io

    from docx import Document

    document = Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def wait_for_ingest(get_status, timeout: float = 120.0) -> dict:
    """Poll the ingest status until the run is finished and live (or failed)."""
    deadline = time.monotonic() + timeout
    status: dict = {}
    while time.monotonic() < deadline:
        status = get_status()
        state = status.get("state")
        if state == "failed" or (state == "done" and status.get("live")):
            return status
        time.sleep(0.2)
    raise TimeoutError(f"ingest did not finish: {status}")
