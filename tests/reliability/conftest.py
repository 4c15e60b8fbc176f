"""Reliability fixtures: a small real index (one poisoned article), its assistant, live servers."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from assistant.config import Settings

from .corpus import write_corpus


@pytest.fixture(scope="session")
def rel_settings(tmp_path_factory, embedder) -> Settings:
    """Settings of a real index of the small reliability corpus (real ingest, real model)."""
    from ingest.indexer import Indexer

    root = tmp_path_factory.mktemp("reliability")
    corpus = write_corpus(root / "knowledge")
    settings = Settings.from_env({}, data_dir=root / "data", knowledge_dir=corpus)
    report = Indexer(settings, embedder).run([corpus])
    assert report.built and not report.skipped
    return settings


@pytest.fixture(scope="session")
def rel_assistant(rel_settings, embedder):
    """The real assistant over the small corpus."""
    from assistant.engine import Assistant
    from assistant.store import ChromaStore

    return Assistant(embedder, ChromaStore.open(rel_settings))


@pytest.fixture
def serve(rel_settings, rel_assistant, tmp_path) -> Iterator[Callable[..., object]]:
    """Start the real app under uvicorn on loopback; keyword args override settings."""
    from assistant.web import AssistantHolder, create_app
    from tests.web.servers import LiveServer

    servers = []

    def start(assistant=None, holder=None, **overrides: object):
        settings = rel_settings.replace(data_dir=tmp_path / f"web{len(servers)}", **overrides)
        holder = holder or AssistantHolder.ready(assistant or rel_assistant)
        server = LiveServer(create_app(settings, holder)).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)
