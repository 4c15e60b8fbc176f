"""The product's errors. Library code raises these; the CLI, API and UI translate them.

Each error carries a message for operators (English, says how to fix it) and, where an end user
may see it, Dutch and English user messages (`user_message(lang)`).
"""
from __future__ import annotations

from assistant.texts import pair


class Spoor2Error(Exception):
    """Base class of every error the product raises on purpose."""

    user_nl, user_en = pair("web.error.generic")

    def __init__(self, message: str = "", *, nl: str | None = None, en: str | None = None):
        super().__init__(message or self.user_en)
        if nl is not None:
            self.user_nl = nl
        if en is not None:
            self.user_en = en

    def user_message(self, language: str = "nl") -> str:
        """The message an end user may see, in their language."""
        return self.user_en if language == "en" else self.user_nl


class ConfigError(Spoor2Error):
    """A setting is missing or invalid."""


class IndexMissingError(Spoor2Error):
    """No index has been built yet."""

    user_nl, user_en = pair("web.error.index_missing")


class ModelMismatchError(Spoor2Error):
    """The index was built with another embedding model or chunk settings."""


class StoreUnavailableError(Spoor2Error):
    """The vector store (e.g. a Chroma server) cannot be reached."""

    user_nl, user_en = pair("web.error.store_unavailable")


class IngestBusyError(StoreUnavailableError):
    """Another ingest holds the data directory's lock; this one did not start."""

    user_nl, user_en = pair("web.error.ingest_busy")


class FeedbackUnavailableError(Spoor2Error):
    """The feedback database cannot be written (read-only or full data dir)."""

    user_nl, user_en = pair("web.error.feedback_unavailable")


class DatabaseUnavailableError(Spoor2Error):
    """The database of the question log, feedback and handoffs (SQLite file or the PostgreSQL
    server of SPOOR2_DATABASE_URL) cannot be reached or written."""

    user_nl, user_en = pair("web.error.database_unavailable")


class RateLimitStoreError(Spoor2Error):
    """The Redis server of SPOOR2_REDIS_URL (shared rate limits) cannot be reached."""

    user_nl, user_en = pair("web.error.service_unavailable")


class EmbeddingModelError(Spoor2Error):
    """The embedding model cannot be loaded."""


class LoaderError(Spoor2Error):
    """A document could not be read (corrupt, unreadable, unsupported)."""


class InvalidInputError(Spoor2Error):
    """User input is invalid; `user_nl` / `user_en` say what to change."""


class DeadlineInputError(InvalidInputError):
    """Input for the deadline calculator is invalid."""


class BackupError(Spoor2Error):
    """A backup cannot be made or restored; the message names the file or setting at fault."""
