"""Re-join a paste the Telegram app cut into several 4096-character messages.

The parts are kept in `SharedState`, so with several replicas the parts may reach different
ones: each part's handler waits for the quiet period to end, and the first to see it end takes
every pending part (atomically) and summarises them; the others find their part taken and do
nothing. A retried job finds its part where it was left: taken by itself (the merge is redone,
and the reply journal keeps the answer from repeating), or by another (nothing to do).
"""

from __future__ import annotations

import asyncio
import logging

from bot.storage.base import StoreError
from bot.storage.shared import SharedState

_LOG = logging.getLogger(__name__)

#: Telegram clients split long pastes near 4096 characters; a part at least this long was
#: probably cut by the app, so more parts are likely to follow.
CUT_MIN_CHARS = 3800
_SENTENCE_END = ".!?…\"'”»)"
#: A waiting part's handler looks at the shared state at least this often.
POLL_S = 0.25


def looks_cut(text: str) -> bool:
    """True when a message is long enough to be one part of a longer paste."""
    return len(text) >= CUT_MIN_CHARS


def merge_parts(parts: list[str]) -> str:
    """Join parts back into one text.

    A part that ended mid-sentence continues on the same line; one that ended a sentence starts
    a new paragraph (the app cuts at whitespace, so nothing is lost between parts).
    """
    merged = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not merged:
            merged = part
        elif merged.endswith(tuple(_SENTENCE_END)):
            merged = f"{merged}\n\n{part}"
        else:
            merged = f"{merged} {part}"
    return merged


class PasteMerger:
    """Collects consecutive messages of one user in one chat that arrive within `window_s`.

    A long message starts a paste; any message of the same user while parts are pending joins
    it. `collect` returns the merged text to the handler that takes the parts once no part
    arrived for `window_s` (or `max_parts` arrived): the first part's, or when that one stays
    silent for another `window_s`, any other; None to the rest.
    """

    def __init__(self, window_s: float, state: SharedState, max_parts: int = 12) -> None:
        self._window_s = window_s
        self._state = state
        self._max_parts = max_parts

    async def collect(self, chat_id: int, user_id: int, message_id: int, text: str) -> str | None:
        """Add one message; returns the whole text to summarise, or None if absorbed.

        A failing store leaves the message on its own (summarised as it is).
        """
        if self._window_s <= 0:
            return text
        try:
            return await self._collect(chat_id, user_id, message_id, text)
        except StoreError as exc:
            _LOG.error("storage failure while merging a paste: %s", exc)
            return text

    async def _collect(self, chat_id: int, user_id: int, message_id: int, text: str) -> str | None:
        state = self._state
        if not looks_cut(text) and not await state.in_paste(chat_id, user_id, message_id):
            return text
        await state.add_paste_part(chat_id, user_id, message_id, text)
        while True:
            where = await state.paste_state(chat_id, user_id, message_id)
            if where.taken_by is not None and where.taken_by != message_id:
                return None  # another part's handler summarises it
            if where.taken_by is None and where.pending == 0:
                return text  # its part is gone (forgotten): answer it on its own
            full = where.pending >= self._max_parts
            # The first part's handler answers (the reply goes under the paste's start); the
            # others take over only if it stays silent (its replica died) for another window.
            quiet = self._window_s if where.first_pending == message_id else 2 * self._window_s
            quiet = 0.0 if full else quiet
            if where.taken_by == message_id or where.quiet_for_s >= quiet:
                parts = await state.take_paste(chat_id, user_id, message_id, quiet)
                if parts is not None:
                    return merge_parts(parts)
                continue  # a part arrived meanwhile, or another handler took them
            # Wake early now and then: another handler may have taken the parts (max_parts).
            await asyncio.sleep(min(quiet - where.quiet_for_s, POLL_S))
