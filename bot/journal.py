"""Exactly-once replies for queued updates: each Bot API call that changes a chat is recorded
with its job, and the same call made again by a retry of that job returns the recorded result
instead of posting again.

A call is identified by its method, a digest of its parameters and how many identical calls the
job made before it, so a retry that takes another path (no "Reading…" this time) still sends
what the first attempt never sent; messages of the first attempt that the retry did not repeat
(that "Reading…") are deleted when the retry ends (`UpdateQueue.leftover_messages`).

Before a call leaves, its intent is committed (`ReplyLog.begin`, one round trip that also reads
what an earlier attempt recorded): with `JobReplies.intent_on_release`, only once the send pacer
released it (the rate limiter runs `SEND_GATE`), so a call waiting for its turn is not yet "on
the wire"; its result is committed as soon as the answer arrives. A
retry thus meets one of three cases: a result (replayed, nothing sent), nothing (never sent:
sent now), or an intent without a result. Only the last is ambiguous: the dead attempt's request
may or may not have reached Telegram, and the Bot API has no idempotency key nor a way to list
the bot's own messages, so the retry sends again (a reply that may repeat beats no reply) and
logs it. That leaves exactly the calls on the wire when a replica died: one Bot API round trip
plus one commit per call (`tests/bot/test_replicas.py` asserts that every repeat is one of them).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.storage.base import StoreError

_LOG = logging.getLogger(__name__)

#: Methods whose repetition would show twice in a chat.
JOURNALED_METHODS = frozenset(
    {"sendMessage", "editMessageText", "deleteMessage", "sendDocument", "sendPhoto"}
)

Result = Any

#: What a replay needs of a sent message (PTB builds a Message from these; delivery edits and
#: deletes by id). Its text (a summary of someone's paste) and the message it answered stay out.
_REPLAYED_FIELDS = ("message_id", "date", "message_thread_id", "is_topic_message")


def replayable(result: Result) -> Result:
    """The part of a call's result that is recorded: a message's ids, never its text."""
    if not isinstance(result, dict) or "message_id" not in result:
        return result
    kept = {name: result[name] for name in _REPLAYED_FIELDS if name in result}
    chat = result.get("chat")
    if isinstance(chat, dict):
        kept["chat"] = {name: chat[name] for name in ("id", "type") if name in chat}
    return kept


@dataclass(frozen=True, slots=True)
class Earlier:
    """What an earlier attempt of the job left for one call."""

    #: An intent was recorded: the call was about to be made (and maybe was).
    intended: bool
    #: Its recorded result, or None when none was recorded.
    result: Result | None


class ReplyLog(Protocol):
    """Where a job's calls are recorded (the update queue's table)."""

    async def begin(
        self, update_id: int, call_key: str, method: str, chat_id: int | None
    ) -> Earlier:
        """Record the intent to make a call; returns what an earlier attempt left for it."""

    async def record(
        self, update_id: int, call_key: str, method: str, chat_id: int | None, result: Result
    ) -> None:
        """Remember a call's result."""


@dataclass
class JobReplies:
    """The calls one job made so far (lives in a ContextVar while the job runs)."""

    update_id: int
    log: ReplyLog
    seen: dict[str, int] = field(default_factory=dict)
    used_keys: set[str] = field(default_factory=set)
    sent_message_ids: list[int] = field(default_factory=list)
    #: Commit each intent when the rate limiter releases the call (it runs `SEND_GATE`), not
    #: before the call queues: under a backlog a reply waits seconds for its slot, and a replica
    #: dying then would leave an intent without a result (a reply that may repeat) for a call
    #: that never left. Only for a bot whose rate limiter runs the gate.
    intent_on_release: bool = False

    def key(self, method: str, data: dict[str, Any]) -> str:
        """`method:digest:n`, n counting identical calls within this job."""
        raw = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
        digest = hashlib.sha256(raw.encode()).hexdigest()[:24]
        base = f"{method}:{digest}"
        n = self.seen.get(base, 0)
        self.seen[base] = n + 1
        return f"{base}:{n}"


CURRENT_JOB: ContextVar[JobReplies | None] = ContextVar("current_job", default=None)

#: While a journaled call runs with `intent_on_release`: what the rate limiter awaits once the
#: call may leave. It commits the intent and returns what an earlier attempt left; a recorded
#: result is returned instead of making the call.
SEND_GATE: ContextVar[Callable[[], Awaitable[Earlier]] | None] = ContextVar(
    "send_gate", default=None
)


def _chat_id(data: dict[str, Any]) -> int | None:
    try:
        return int(data["chat_id"])
    except (KeyError, TypeError, ValueError):
        return None


async def journaled(
    method: str, data: dict[str, Any], call: Callable[[], Awaitable[Result]]
) -> Result:
    """Make `call` at most once per job: replay the recorded result when a retry repeats it.

    Outside a job (polling mode, start-up calls) and for read-only methods it just calls. A
    journal the database cannot read or write is logged and the call made anyway: a reply that
    might repeat after a crash beats no reply.
    """
    job = CURRENT_JOB.get()
    if job is None or method not in JOURNALED_METHODS:
        return await call()
    call_key = job.key(method, data)
    job.used_keys.add(call_key)
    if job.intent_on_release:
        opened: list[Earlier] = []

        async def gate() -> Earlier:
            opened.append(await _begin(job, call_key, method, data))
            return opened[0]

        token = SEND_GATE.set(gate)
        try:
            result = await call()
        finally:
            SEND_GATE.reset(token)
        if opened and opened[0].result is not None:
            return result  # the limiter replayed the recorded result
        if not opened:
            _LOG.error("%s left without its intent recorded (no gate ran)", method)
    else:
        earlier = await _begin(job, call_key, method, data)
        if earlier.result is not None:
            return earlier.result
        result = await call()
    if isinstance(result, dict) and isinstance(result.get("message_id"), int):
        job.sent_message_ids.append(result["message_id"])
    try:
        await job.log.record(job.update_id, call_key, method, _chat_id(data), replayable(result))
    except StoreError as exc:
        _LOG.error("storage failure while recording a reply: %s", exc)
    return result


async def _begin(job: JobReplies, call_key: str, method: str, data: dict[str, Any]) -> Earlier:
    """Commit the intent of a call; what an earlier attempt left (nothing, when the journal
    cannot be read: the call is made anyway)."""
    try:
        earlier = await job.log.begin(job.update_id, call_key, method, _chat_id(data))
    except StoreError as exc:
        _LOG.error("storage failure while reading the reply journal: %s", exc)
        return Earlier(intended=False, result=None)
    if earlier.result is None and earlier.intended:
        _LOG.warning(
            "update %s: an earlier attempt died while making %s; it may have reached the "
            "chat, sending again",
            job.update_id,
            method,
        )
    return earlier
