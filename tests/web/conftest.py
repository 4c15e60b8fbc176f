"""Web test fixtures: one real index from a tiny corpus, one real assistant per session."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI

from assistant.config import Settings

from .corpus import write_corpus

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory, embedder) -> Settings:
    """Settings whose data dir holds a real index of the tiny corpus (real ingest, real model)."""
    from ingest.indexer import Indexer

    root = tmp_path_factory.mktemp("web")
    corpus = write_corpus(root / "knowledge")
    # TestClient sends `Host: testserver`; live servers are reached on 127.0.0.1.
    settings = Settings.from_env({}, data_dir=root / "data", knowledge_dir=corpus,
                                 allowed_hosts=("testserver", "127.0.0.1", "localhost"))
    Indexer(settings, embedder).run([corpus])
    return settings


@pytest.fixture(scope="session")
def real_assistant(web_settings):
    """The real assistant from `build_assistant`, built once for all web tests."""
    from assistant import build_assistant

    return build_assistant(web_settings)


@pytest.fixture
def make_app(web_settings, real_assistant, tmp_path) -> Callable[..., FastAPI]:
    """Build the web app around the session's assistant; keyword args override settings."""
    from assistant.web import AssistantHolder, create_app

    def build(**overrides: object) -> FastAPI:
        overrides.setdefault("data_dir", tmp_path / "data")  # feedback DB per test
        return create_app(web_settings.replace(**overrides), AssistantHolder.ready(real_assistant))

    return build


@pytest.fixture
def serve(web_settings, real_assistant, tmp_path):
    """Start the app under a real server on loopback with some settings changed; stopped after."""
    from assistant.web import AssistantHolder, create_app

    from .servers import LiveServer

    servers: list = []

    def start(**overrides: object):
        settings = web_settings.replace(data_dir=tmp_path / f"d{len(servers)}", **overrides)
        server = LiveServer(create_app(settings, AssistantHolder.ready(real_assistant)))
        servers.append(server.__enter__())
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture
def slow_assistant(real_assistant, monkeypatch):
    """The real assistant, but every answer takes 1.5 s longer (to hold a concurrency slot)."""
    import time

    real_ask = real_assistant.ask

    def slow_ask(*args, **kwargs):
        time.sleep(1.5)
        return real_ask(*args, **kwargs)

    monkeypatch.setattr(real_assistant, "ask", slow_ask)
    return real_assistant


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots (git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
