"""Fixtures of the shared-state tests: one real PostgreSQL and one real Redis server per session
on loopback, a fresh database per test, and each store on SQLite and on PostgreSQL."""
from __future__ import annotations

import uuid

import pytest

from assistant.config import Settings
from assistant.database import PostgresPools
from tests.web.corpus import write_corpus

from .servers import PostgresServer, RedisServer


@pytest.fixture(scope="session")
def postgres():
    """A running PostgreSQL server (skipped, with the reason, when the package is missing)."""
    if PostgresServer.missing:
        pytest.skip(PostgresServer.missing)
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    """A running Redis server (skipped, with the reason, when the package is missing)."""
    if RedisServer.missing:
        pytest.skip(RedisServer.missing)
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def database_url(postgres) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return postgres.new_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> str:
    """'' for SQLite files in tmp_path, else the URL of a new PostgreSQL database."""
    if request.param == "sqlite":
        return ""
    return request.getfixturevalue("database_url")


@pytest.fixture
def pools():
    """PostgreSQL pools for stores made in a test (closed after it)."""
    made = PostgresPools()
    yield made
    made.close()


@pytest.fixture(scope="module")
def index_settings(tmp_path_factory, embedder) -> Settings:
    """A real index of the web tests' tiny corpus in one data dir (every instance reads it)."""
    from ingest.indexer import Indexer

    root = tmp_path_factory.mktemp("instances")
    corpus = write_corpus(root / "knowledge")
    settings = Settings.from_env({}, data_dir=root / "data", knowledge_dir=corpus,
                                 allowed_hosts=("127.0.0.1", "testserver"))
    Indexer(settings, embedder).run([corpus])
    return settings
