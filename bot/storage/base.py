"""The `Store` protocol and the per-chat settings record."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from summaries import ALGORITHMS, SUPPORTED_LANGUAGES, Summary, SummaryOptions

#: A stored length: a sentence count 1–20 ("5") or a share of the article 1–100 % ("20%").
#: Which lengths the settings keyboard offers is a UI choice (`bot.texts.LENGTHS`).
_LENGTH = re.compile(r"[1-9]|1\d|20|(?:[1-9]\d?|100)%")
#: An interface language: "auto" or a language code; which ones have a catalog is the
#: bot's business (`bot.i18n.interface_languages`), so a removed catalog falls back to English.
_INTERFACE = re.compile(r"auto|[a-z]{2,3}")


class StoreError(Exception):
    """A storage backend failed (database locked, disk full, corrupt file)."""


@dataclass(slots=True)
class EveryNth:
    """True on every `n`-th call: housekeeping (trims, purges) spread over writes, not on each."""

    n: int
    _calls: int = 0

    def due(self) -> bool:
        self._calls += 1
        if self._calls < self.n:
            return False
        self._calls = 0
        return True


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """What one chat has chosen; the defaults apply to chats that never changed anything."""

    length: str = "3"
    quotes: bool = True
    language: str = "auto"
    algorithm: str = "news"
    auto_summary: bool = False
    #: The language the bot answers in: "auto" (the user's Telegram language in private
    #: chats, English in groups) or a fixed code.
    interface: str = "auto"

    def __post_init__(self) -> None:
        if not _LENGTH.fullmatch(self.length):
            raise ValueError(f"unknown length {self.length!r}")
        if self.language != "auto" and self.language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unknown language {self.language!r}")
        if self.algorithm not in ALGORITHMS:
            raise ValueError(f"unknown algorithm {self.algorithm!r}")
        if not _INTERFACE.fullmatch(self.interface):
            raise ValueError(f"unknown interface language {self.interface!r}")

    def to_options(self) -> SummaryOptions:
        """The pipeline options these settings ask for."""
        if self.length.endswith("%"):
            ratio = int(self.length[:-1]) / 100
            return SummaryOptions(
                ratio=ratio,
                algorithm=self.algorithm,
                language=None if self.language == "auto" else self.language,
                quotes=self.quotes,
            )
        return SummaryOptions(
            sentences=int(self.length),
            algorithm=self.algorithm,
            language=None if self.language == "auto" else self.language,
            quotes=self.quotes,
        )

    def to_record(self) -> dict[str, object]:
        """A JSON-friendly dict (what the database keeps)."""
        return {
            "length": self.length,
            "quotes": self.quotes,
            "language": self.language,
            "algorithm": self.algorithm,
            "auto_summary": self.auto_summary,
            "interface": self.interface,
        }

    @classmethod
    def from_record(cls, record: dict[str, object]) -> ChatSettings:
        """Rebuild settings from `to_record` output; unknown or invalid values fall back."""
        default = cls()
        try:
            return cls(
                length=str(record.get("length", default.length)),
                quotes=bool(record.get("quotes", default.quotes)),
                language=str(record.get("language", default.language)),
                algorithm=str(record.get("algorithm", default.algorithm)),
                auto_summary=bool(record.get("auto_summary", default.auto_summary)),
                interface=str(record.get("interface", default.interface)),
            )
        except ValueError:
            return default


class Store(Protocol):
    """Async storage used by the bot; every method may raise `StoreError`."""

    async def open(self) -> None:
        """Create tables / connect."""

    async def close(self) -> None:
        """Flush and release the backend."""

    async def ping(self) -> None:
        """One cheap query (the health check); raises `StoreError` when the backend fails."""

    async def get_chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings, or the defaults."""

    async def set_chat_settings(self, chat_id: int, settings: ChatSettings) -> None:
        """Replace the chat's settings atomically."""

    async def get_summary(self, key: str) -> Summary | None:
        """A cached summary that has not expired, or None."""

    async def put_summary(self, key: str, summary: Summary, ttl_s: float) -> None:
        """Cache a summary for `ttl_s` seconds."""

    async def purge_expired(self) -> int:
        """Delete expired cache rows; returns how many were deleted."""

    async def cache_size(self) -> int:
        """How many summaries the cache holds (it is bounded; the soonest to expire go first)."""

    async def incr(self, counter: str, by: int = 1) -> None:
        """Add to a named counter."""

    async def counters(self) -> dict[str, int]:
        """Every counter by name."""

    async def touch_chat(self, chat_id: int) -> None:
        """Remember that a chat used the bot."""

    async def count_chats(self) -> int:
        """How many distinct chats used the bot."""

    async def block(self, subject_id: int) -> None:
        """Block a chat or user id."""

    async def unblock(self, subject_id: int) -> bool:
        """Unblock an id; True when it was blocked."""

    async def is_blocked(self, *subject_ids: int) -> bool:
        """True when any of the ids is blocked."""
