"""Re-join a paste the Telegram app cut into several 4096-character messages."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from dataclasses import dataclass, field

#: Telegram clients split long pastes near 4096 characters; a part at least this long was
#: probably cut by the app, so more parts are likely to follow.
CUT_MIN_CHARS = 3800
_SENTENCE_END = ".!?…\"'”»)"


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


@dataclass
class _Pending:
    parts: list[str]
    arrived: asyncio.Event = field(default_factory=asyncio.Event)


class PasteMerger:
    """Collects consecutive messages per (chat, user) that arrive within `window_s`.

    The first long part owns the buffer: `collect` returns the merged text to it once no part
    arrived for `window_s`; later parts are absorbed and get None (nothing to do).
    """

    def __init__(self, window_s: float, max_parts: int = 12) -> None:
        self._window_s = window_s
        self._max_parts = max_parts
        self._pending: dict[Hashable, _Pending] = {}

    async def collect(self, key: Hashable, text: str) -> str | None:
        """Add one message; returns the whole text to summarise, or None if absorbed."""
        pending = self._pending.get(key)
        if pending is not None:
            pending.parts.append(text)
            pending.arrived.set()
            return None
        if self._window_s <= 0 or not looks_cut(text):
            return text
        pending = _Pending([text])
        self._pending[key] = pending
        try:
            while len(pending.parts) < self._max_parts:
                pending.arrived.clear()
                try:
                    await asyncio.wait_for(pending.arrived.wait(), self._window_s)
                except TimeoutError:
                    break
        finally:
            del self._pending[key]
        return merge_parts(pending.parts)
