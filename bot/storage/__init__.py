"""Persistence for chat settings, cached summaries, counters and the blocklist (no Telegram)."""

from bot.storage.base import ChatSettings, Store, StoreError
from bot.storage.factory import store_for_url

__all__ = ["ChatSettings", "Store", "StoreError", "store_for_url"]
