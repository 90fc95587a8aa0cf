"""Typed bot settings, read once from the environment and `.env`."""

from __future__ import annotations

import os
import re
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from summaries import FetchLimits, PdfLimits, PipelineConfig

__all__ = ["Settings", "ValidationError", "describe_error"]

_TELEGRAM_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def _split_ints(value: object) -> object:
    """Accept "1, 2 3" as well as a JSON list for id lists."""
    if isinstance(value, str):
        parts = value.replace(",", " ").split()
        return [int(p) for p in parts]
    return value


class Settings(BaseSettings):
    """Everything the bot reads from its environment; see `.env.example` for each key."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    telegram_bot_token: SecretStr
    telegram_api_base_url: str | None = None
    telegram_api_file_url: str | None = None
    database_url: str = "sqlite:///data/newsbrief.sqlite3"
    bot_owner_ids: Annotated[tuple[int, ...], NoDecode] = ()

    fetch_allow_private: bool = False
    fetch_allowed_ports: Annotated[tuple[int, ...], NoDecode] = (80, 443, 8080, 8443)
    fetch_max_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    fetch_timeout_s: float = Field(default=15.0, gt=0)
    max_links_per_message: int = Field(default=3, ge=1, le=10)
    max_document_bytes: int = Field(default=1024 * 1024, gt=0)
    cache_ttl_s: float = Field(default=6 * 3600, ge=0)

    rate_user_burst: int = Field(default=6, ge=1)
    rate_user_per_minute: float = Field(default=10, gt=0)
    rate_chat_burst: int = Field(default=12, ge=1)
    rate_chat_per_minute: float = Field(default=20, gt=0)
    #: At most a day: /privacy says ids and admin status are kept no longer.
    admin_cache_ttl_s: float = Field(default=300, ge=0, le=24 * 3600)
    merge_window_s: float = Field(default=1.5, ge=0)
    status_grace_s: float = Field(default=0.7, ge=0)
    pdf_max_pages: int = Field(default=50, ge=1)
    pdf_timeout_s: float = Field(default=10.0, gt=0)
    inline_deadline_s: float = Field(default=8.0, gt=0, le=9.5)
    inline_settle_s: float = Field(default=0.4, ge=0)

    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, gt=0, lt=65536)
    #: Updates one replica works at once. Few: a claimed update waits in this replica for its
    #: pipeline worker, a pooled connection and a send slot, while one left in the queue goes to
    #: whichever replica frees up first (load.py: p95 1.3-2.4 s lower with 12 than with 32).
    #: Raise it when many links are slow to fetch (a fetch holds its slot while it waits).
    worker_slots: int = Field(default=12, ge=1, le=1000)
    #: Pipeline worker processes; None = one per core (one per replica for webhook replicas on
    #: PostgreSQL), 0 = threads in the bot's own process.
    cpu_workers: int | None = Field(default=None, ge=0, le=64)
    job_lease_s: float = Field(default=30, ge=1)

    log_level: str = "INFO"

    _split_owner_ids = field_validator("bot_owner_ids", "fetch_allowed_ports", mode="before")(
        _split_ints
    )

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if not token or ":" not in token or any(c.isspace() for c in token):
            raise ValueError("must look like 123456:ABC… (from @BotFather)")
        return SecretStr(token)

    @field_validator("log_level")
    @classmethod
    def _level_name(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's rule for setWebhook's secret_token; anything else is refused at start-up
        if value is None or not value.get_secret_value():
            return None  # an empty `WEBHOOK_SECRET=` line means unset
        if not _TELEGRAM_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError(
                "must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)"
            )
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and not self.webhook_secret:
            raise ValueError("WEBHOOK_URL needs WEBHOOK_SECRET (Telegram sends it with updates)")
        return self

    @classmethod
    def from_env(cls) -> Settings:
        """Read the settings from the environment and `.env` (the one place the bot does).

        Raises:
            ValidationError: a key is missing or invalid (`describe_error` words it).
        """
        # Required fields come from the environment, which mypy cannot see: pydantic-settings
        # fills them in `__init__`, so the missing-argument error is wrong here.
        return cls()  # type: ignore[call-arg]

    @property
    def base_url(self) -> str | None:
        """Bot API base URL (…/bot), or None for the official server."""
        return self.telegram_api_base_url.rstrip("/") if self.telegram_api_base_url else None

    @property
    def base_file_url(self) -> str | None:
        """File download base URL; derived from `base_url` (…/bot → …/file/bot) unless set."""
        if self.telegram_api_file_url:
            return self.telegram_api_file_url.rstrip("/")
        base = self.base_url
        if base is None:
            return None
        head, _, tail = base.rpartition("/")
        return f"{head}/file/{tail}"

    @property
    def is_replica(self) -> bool:
        """A webhook replica on PostgreSQL: one of several that may share a machine."""
        return self.webhook_url is not None and self.database_url.startswith(
            ("postgresql://", "postgres://")
        )

    @property
    def cpu_worker_count(self) -> int:
        """How many pipeline worker processes to start (0: use threads).

        By default one per core for a single bot, but one per replica: replicas are how the bot
        scales out, several often share a machine, and one worker per core in each would put
        replicas x cores CPU-bound processes on the cores (each worker ~90 MB) and slow the
        event loops that take updates and send replies. Set CPU_WORKERS for a replica that has
        a machine to itself.
        """
        if self.cpu_workers is not None:
            return self.cpu_workers
        if self.is_replica:
            return 1
        return os.cpu_count() or 1

    def pipeline_config(self) -> PipelineConfig:
        """The pipeline configuration built from these settings (built once, by `build_deps`)."""
        limits = FetchLimits(
            max_bytes=self.fetch_max_bytes,
            timeout_s=self.fetch_timeout_s,
            allow_private=self.fetch_allow_private,
            allowed_ports=self.fetch_allowed_ports,
        )
        pdf = PdfLimits(max_pages=self.pdf_max_pages, timeout_s=self.pdf_timeout_s)
        return PipelineConfig(fetch=limits, pdf=pdf)


def describe_error(exc: ValidationError) -> str:
    """One line naming each bad key (env-var spelling) and why, never echoing a value."""
    problems = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err.get("loc", ())).upper() or "settings"
        reason = "is missing" if err.get("type") == "missing" else err.get("msg", "is invalid")
        reason = reason.removeprefix("Value error, ")  # pydantic's prefix for our own checks
        problems.append(f"{key} {reason}")
    return "configuration error: " + "; ".join(problems) + " (see .env.example)"
