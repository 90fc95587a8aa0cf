"""The send pacer's windows with an injected clock, its order across chats, and the fake Bot
API's own flood check (the referee of the end-to-end tests)."""

from __future__ import annotations

import asyncio
import random
from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from bot.sendpacing import LocalSendLedger, SendLimits, SendPacer, SendSlot, decide
from tests.support.fake_bot_api import ApiError, Call, FloodLimits

LIMITS = SendLimits()


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


def test_thirty_go_at_once_and_the_rest_when_the_first_answers_are_a_second_old() -> None:
    decision = decide(0.0, [], list(range(1, 41)), LIMITS)
    assert decision.granted == tuple(range(30))
    assert decision.retry_at == 1.0  # answered at the earliest now: held one second from now
    answered = [SendSlot(chat, 0.0, 0.2) for chat in range(1, 31)]
    assert decide(1.1, answered, [99], LIMITS).granted == ()
    assert decide(1.1, answered, [99], LIMITS).retry_at == pytest.approx(1.2)
    assert decide(1.2, answered, [99], LIMITS).granted == (0,)


def test_a_message_in_flight_holds_its_slot_until_a_second_after_its_answer() -> None:
    in_flight = [SendSlot(chat, 0.0) for chat in range(1, 31)]
    # five seconds later still no answer: Telegram may receive them any moment now
    decision = decide(5.0, in_flight, [99], LIMITS)
    assert decision.granted == ()
    assert decision.retry_at == 6.0
    # ... but one that never answers stops counting once it is stale (a dead replica's)
    assert decide(17.0, in_flight, [99], LIMITS).granted == (0,)


def test_a_group_over_its_minute_is_skipped_without_holding_up_others() -> None:
    group = -100
    minute = [SendSlot(group, float(t), float(t) + 0.1) for t in range(20)]
    decision = decide(30.0, minute, [group, 5, group, -200, 6], LIMITS)
    assert decision.granted == (1, 3, 4)
    assert decision.retry_at == pytest.approx(60.1)  # the group's first message, a minute on
    assert decide(60.1, minute, [group], LIMITS).granted == (0,)


def test_a_switched_off_limit_does_not_count() -> None:
    no_groups = SendLimits(per_group_minute=0)
    assert decide(0.0, [], [-1] * 25, no_groups).granted == tuple(range(25))


def _check_strict(sent: list[tuple[int, float, float]], limits: SendLimits) -> None:
    """However each message's request travelled (Telegram got it somewhere between release
    and answer), no window held more than the limit: the worst case is every message arriving
    as early or late as its bounds let it, so check windows on both bounds' orderings."""
    for arrive in (lambda s, d: s, lambda s, d: d):
        times = sorted(arrive(s, d) for _, s, d in sent)
        for i in range(len(times) - limits.per_second):
            assert times[i + limits.per_second] - times[i] >= limits.second_s
        for chat in {c for c, _, _ in sent if c < 0}:
            times = sorted(arrive(s, d) for c, s, d in sent if c == chat)
            for i in range(len(times) - limits.per_group_minute):
                assert times[i + limits.per_group_minute] - times[i] >= limits.minute_s


def _strict_for_any_arrival(sent: list[tuple[int, float, float]], limits: SendLimits) -> None:
    """The pacer's promise: for any 31 messages, the last released no earlier than one second
    after the first's answer (so whatever the travel times, they cannot share a window)."""
    ordered = sorted(sent, key=lambda m: m[1])
    for j, (_, start, _) in enumerate(ordered):
        overlapping = [m for m in ordered[:j] if m[2] + limits.second_s > start]
        assert len(overlapping) < limits.per_second
        if ordered[j][0] < 0:
            same = [m for m in ordered[:j] if m[0] == ordered[j][0]]
            assert sum(m[2] + limits.minute_s > start for m in same) < limits.per_group_minute


def _chat(rng: random.Random) -> int:
    """Mostly private chats, one message in five to one of three groups."""
    return rng.choice([-1, -2, -3]) if rng.random() < 0.2 else rng.randrange(1, 60)


@pytest.mark.parametrize("seed", range(3))
async def test_simulated_traffic_never_fills_a_window_beyond_the_limit(seed: int) -> None:
    rng = random.Random(seed)
    clock = Clock(0.0)
    ledger = LocalSendLedger(LIMITS, clock)
    waiting = [(rng.uniform(0, 30), _chat(rng)) for _ in range(900)]
    waiting.sort()
    queue: list[int] = []
    in_flight: list[tuple[int, int, float, float]] = []  # ticket, chat, start, answer
    sent: list[tuple[int, float, float]] = []
    while waiting or queue or in_flight:
        while waiting and waiting[0][0] <= clock.now:
            queue.append(waiting.pop(0)[1])
        for item in [m for m in in_flight if m[3] <= clock.now]:
            in_flight.remove(item)
            await ledger.release(item[0])
            sent.append((item[1], item[2], item[3]))
        grant = ledger.grant_now(queue)
        for position in sorted(grant.tickets, reverse=True):
            rtt = rng.choice([0.005, 0.03, 0.3])
            in_flight.append(
                (grant.tickets[position], queue[position], clock.now, clock.now + rtt)
            )
            del queue[position]
        # on to the next event: an arrival, an answer, or room in a window
        events = [w[0] for w in waiting[:1]] + [m[3] for m in in_flight]
        if queue and grant.retry_in is not None:
            events.append(clock.now + grant.retry_in)
        clock.now = max(clock.now + 0.001, min(events, default=clock.now))
    assert len(sent) == 900
    _strict_for_any_arrival(sent, LIMITS)
    _check_strict(sent, LIMITS)


async def test_pacer_serves_in_arrival_order_and_skips_a_held_back_group() -> None:
    clock = Clock()
    limits = SendLimits(per_second=2, per_group_minute=1)
    pacer = SendPacer(LocalSendLedger(limits, clock), limits)
    try:
        first = await pacer.acquire(-1)
        held = asyncio.create_task(pacer.acquire(-1))  # the group used its minute
        await asyncio.sleep(0)
        later = await asyncio.wait_for(pacer.acquire(7), 5)  # not stuck behind it
        assert not held.done()
        third = asyncio.create_task(pacer.acquire(8))  # the second is full now
        await asyncio.sleep(0.01)
        assert not third.done()
        assert pacer.waiting == 2
        await pacer.release(first)
        await pacer.release(later)
        clock.now += 1.0  # a second after those answers: room for one more in the second...
        pacer._wake.set()  # noqa: SLF001 — the injected clock moved, not the loop's
        assert await asyncio.wait_for(third, 5)
        assert not held.done()  # ...but the group's minute is not over
        held.cancel()  # a status nobody needs any more leaves the queue
        await asyncio.sleep(0)
        assert pacer.waiting == 0
    finally:
        await pacer.close()


async def test_the_backlog_estimate_counts_waiting_messages_and_replies_being_made() -> None:
    pacer = SendPacer()
    assert pacer.estimated_wait_s(5) == 0.0
    with ExitStack() as replies:
        replies.enter_context(pacer.expecting_reply())
        assert pacer.estimated_wait_s(5) == 0.0  # its own reply: nothing ahead of it
        for _ in range(60):
            replies.enter_context(pacer.expecting_reply())
        assert pacer.estimated_wait_s(5) == pytest.approx(2.0)  # 60 ahead at 30 a second
    pacer.pause(3)
    assert pacer.estimated_wait_s(5) > 2.5
    await pacer.close()


def test_fake_api_refuses_the_31st_message_in_any_second_not_per_calendar_second() -> None:
    flood = FloodLimits()

    refusals: list[ApiError] = []

    def send(at: float, chat: int = 1) -> bool:
        try:
            flood.check(Call("sendMessage", {"chat_id": chat}, at))
        except ApiError as exc:
            refusals.append(exc)
            return False
        return True

    assert all(send(0.9) for _ in range(30))
    # 1.1 is in a new calendar second, but within one second of the 30 at 0.9
    assert not send(1.1)
    assert send(1.9)
    assert [send(2.0 + i, -5) for i in range(21)] == [True] * 20 + [False]
    assert send(62.0, -5)
    assert len(flood.refused) == 2
    assert [e.status for e in refusals] == [429, 429]
    assert all((e.parameters or {}).get("retry_after", 0) >= 1 for e in refusals)
