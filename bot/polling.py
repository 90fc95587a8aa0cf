"""An ExtBot whose getUpdates survives an update it cannot parse, and whose chat-changing calls
go through the reply journal while a queued update is being handled (`bot.journal`).

PTB 22 parses a whole getUpdates batch at once; if one update fails to parse, the Updater logs
it, does not advance the offset and fetches the same batch again, forever. Here each update is
parsed on its own first and an unparsable one is replaced by a bare `{"update_id": n}`, which no
handler matches, so the offset moves past it and the rest of the batch is processed.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import JSONDict, ODVInput
from telegram.ext import ExtBot

from bot.journal import journaled

_LOG = logging.getLogger(__name__)


def sanitize_updates(raw: list[Any], bot: Any) -> list[Any]:
    """Replace every update that does not parse with a bare update carrying only its id.

    Items without an integer `update_id` are dropped: they cannot be confirmed anyway.
    """
    clean: list[Any] = []
    for item in raw:
        update_id = item.get("update_id") if isinstance(item, dict) else None
        if not isinstance(update_id, int):
            _LOG.error("dropping an update without a valid update_id")
            continue
        try:
            Update.de_json(item, bot)
        except Exception as exc:  # noqa: BLE001 — any parse failure means "skip this one"
            _LOG.error("skipping update %s that could not be parsed: %r", update_id, exc)
            clean.append({"update_id": update_id})
        else:
            clean.append(item)
    return clean


class TolerantBot(ExtBot[Any]):
    """ExtBot that sanitises getUpdates results before PTB parses them and journals replies."""

    async def _do_post(
        self,
        endpoint: str,
        data: JSONDict,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> bool | JSONDict | list[JSONDict]:
        async def call() -> bool | JSONDict | list[JSONDict]:
            return await super(TolerantBot, self)._do_post(
                endpoint,
                data,
                read_timeout=read_timeout,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
            )

        result: bool | JSONDict | list[JSONDict] = await journaled(endpoint, data, call)
        if endpoint == "getUpdates" and isinstance(result, list):
            return sanitize_updates(result, self)
        return result
