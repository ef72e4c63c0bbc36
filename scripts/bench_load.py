"""Load generator for ``make bench``: owners talking to a bot over Rasa's REST channel.

An asyncio client on aiohttp (already installed with Rasa). Every run is
bounded both by a number of turns and by a number of seconds, and it only
ever talks to 127.0.0.1, so a benchmark cannot flood a machine it does not
own. Three shapes of load:

* sequential: one owner, one turn after another: the latency a lone owner feels;
* closed loop: N owners each sending their next message as soon as the reply
  arrives: throughput at saturation, and whether some owners starve;
* open loop: turns arriving at a fixed rate whatever the server's state, as many
  owners with think time produce them. Latency is counted from the moment a
  turn was due, so a server that falls behind cannot hide its queue.

A turn counts as an error when the request fails, times out or is not HTTP
200; a turn answered with no message at all is counted apart, as silent (it
was served, so its latency counts, but an owner saw nothing).
"""
from __future__ import annotations

import asyncio
import itertools
import statistics
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Deque, Dict, List, Optional, Sequence
from urllib.parse import urlparse

import aiohttp

LOCAL_HOST = "127.0.0.1"
#: one turn may take this long before it counts as an error
TURN_TIMEOUT_S = 60.0


@dataclass
class Result:
    """The turns of one run: latencies of answered turns, errors, wall time."""

    label: str
    latencies_ms: List[float] = field(default_factory=list)
    errors: int = 0
    silent: int = 0
    seconds: float = 0.0

    @property
    def turns(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, share: float) -> float:
        """Latency below which ``share`` of the answered turns fall (nearest rank)."""
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]

    def summary(self) -> Dict[str, float]:
        """The figures the report prints: turns, errors, turns/s, p50/p95/p99, mean, max."""
        return {
            "turns": self.turns, "errors": self.errors, "silent": self.silent, "seconds": round(self.seconds, 2),
            "turns_per_s": round(self.turns / self.seconds, 2) if self.seconds else 0.0,
            "p50_ms": round(self.percentile(0.50), 1), "p95_ms": round(self.percentile(0.95), 1),
            "p99_ms": round(self.percentile(0.99), 1),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 1) if self.latencies_ms else float("nan"),
            "max_ms": round(max(self.latencies_ms), 1) if self.latencies_ms else float("nan"),
        }


class Owner:
    """One owner typing a script; a new conversation (sender id) each time it starts over."""

    def __init__(self, prefix: str, script: Sequence[str]) -> None:
        self.prefix = prefix
        self.script = list(script)
        self.turn = 0
        self.sender = self._new_sender()

    def _new_sender(self) -> str:
        return f"{self.prefix}-{uuid.uuid4().hex[:12]}"

    def next_message(self) -> str:
        """The next line of the script; after the last one, a new conversation begins."""
        if self.turn == len(self.script):
            self.turn, self.sender = 0, self._new_sender()
        self.turn += 1
        return self.script[self.turn - 1]


class Client:
    """Posts turns to one bot's REST webhook and records them into a :class:`Result`."""

    def __init__(self, webhook_url: str, session: aiohttp.ClientSession) -> None:
        if urlparse(webhook_url).hostname != LOCAL_HOST:
            raise ValueError(f"the load generator only talks to {LOCAL_HOST}, not {webhook_url}")
        self.url = webhook_url
        self.session = session

    async def turn(self, owner: Owner, result: Result, due: Optional[float] = None) -> None:
        """Send the owner's next message; latency from ``due`` (default: now) to the reply."""
        start = time.perf_counter() if due is None else due
        body = {"sender": owner.sender, "message": owner.next_message()}
        try:
            async with self.session.post(self.url, json=body) as response:
                response.raise_for_status()
                replies = await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
            result.errors += 1
            return
        result.latencies_ms.append((time.perf_counter() - start) * 1000)
        result.silent += not replies


def _session(connections: int) -> aiohttp.ClientSession:
    timeout = aiohttp.ClientTimeout(total=TURN_TIMEOUT_S)
    return aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=connections))


async def closed_loop(webhook_url: str, script: Sequence[str], conversations: int,
                      max_turns: int, max_seconds: float, label: str = "") -> Result:
    """``conversations`` owners, each sending at once after its reply, until either bound."""
    result = Result(label or f"closed loop, {conversations} conversations")
    budget = itertools.count()
    deadline = time.perf_counter() + max_seconds

    async def owner_loop(client: Client, owner: Owner) -> None:
        while time.perf_counter() < deadline and next(budget) < max_turns:
            await client.turn(owner, result)

    async with _session(conversations) as session:
        client = Client(webhook_url, session)
        owners = [Owner(f"bench-c{number}", script) for number in range(conversations)]
        started = time.perf_counter()
        await asyncio.gather(*(owner_loop(client, owner) for owner in owners))
        result.seconds = time.perf_counter() - started
    return result


async def sequential(webhook_url: str, script: Sequence[str], max_turns: int,
                     max_seconds: float) -> Result:
    """One owner, turn after turn: the closed loop with a single conversation."""
    return await closed_loop(webhook_url, script, 1, max_turns, max_seconds, label="sequential")


async def open_loop(webhook_url: str, script: Sequence[str], rate: float, max_seconds: float,
                    max_in_flight: int = 200) -> Result:
    """Turns due every ``1 / rate`` seconds for ``max_seconds``, each from an idle owner.

    An owner never has two messages in flight: a due turn goes to an owner
    whose last reply has arrived, or to a new owner. Turns due while
    ``max_in_flight`` are still unanswered are counted as errors (dropped).
    """
    result = Result(f"open loop, {rate:g} turns/s")
    idle: Deque[Owner] = deque()
    in_flight = 0
    number = itertools.count()

    async def one_turn(client: Client, due: float) -> None:
        nonlocal in_flight
        owner = idle.popleft() if idle else Owner(f"bench-o{next(number)}", script)
        in_flight += 1
        try:
            await client.turn(owner, result, due=due)
        finally:
            in_flight -= 1
            idle.append(owner)

    async with _session(max_in_flight) as session:
        client = Client(webhook_url, session)
        started = time.perf_counter()
        tasks = []
        for index in range(int(rate * max_seconds)):
            due = started + index / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            if in_flight >= max_in_flight:
                result.errors += 1
                continue
            tasks.append(asyncio.ensure_future(one_turn(client, due)))
        await asyncio.gather(*tasks)
        result.seconds = time.perf_counter() - started
    return result


def run(coroutine) -> Result:  # type: ignore[no-untyped-def]
    """Run one load coroutine to completion from synchronous code."""
    return asyncio.run(coroutine)
