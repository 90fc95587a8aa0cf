"""Persistence for chat settings, cached summaries, counters and the blocklist (no Telegram)."""

from bot.storage.base import ChatSettings, Store, StoreError
from bot.storage.factory import open_store
from bot.storage.urls import canonical_url

__all__ = ["ChatSettings", "Store", "StoreError", "canonical_url", "open_store"]
