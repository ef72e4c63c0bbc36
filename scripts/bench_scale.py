"""OI Advisor served by two Rasa processes, for ``make bench``: the path past one process.

One Rasa process is the ceiling of a single server, so the benchmark also
measures the deployment of ``deploy/endpoints-scaled.yml`` on this machine:
two Rasa processes with the same model and one SQL database, one action
server for both, and a Redis lock store (``AtomicRedisLockStore``, with a key
prefix of its own) that keeps each conversation's turns in order.

The load generator plays the balancer: conversation ``i`` goes to process
``i % 2`` and stays there. Sticking to one process only saves the lock a wait;
correctness comes from the lock store either way. The closed loop is the one
of ``scripts/bench_load.py``, run once per process at the same time with the
conversations and the turn budget split evenly, and the turns merged into one
:class:`~scripts.bench_load.Result`.

Without Redis the measurement is skipped with a loud line, and the results
say why, so the report can say so too.
"""
from __future__ import annotations

import asyncio
import os
import secrets
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple
from urllib.parse import urlparse

from scripts import bench_bots, bench_load
from scripts.bench_bots import Bot
from scripts.bench_speed import Setting
from tests.local_servers import LocalRedis, redis_bin

#: how many Rasa processes the measurement starts
PROCESSES = 2
#: the SQLite file both processes share, inside the run's scratch folder
DATABASE_FILE = "oi_advisor_scale.db"


class Unavailable(RuntimeError):
    """Redis cannot be had, so the two processes cannot share conversations safely."""


def shares(total: int, parts: int) -> List[int]:
    """``total`` split into ``parts`` whole shares differing by at most one, largest first.

    Conversation ``i`` goes to part ``i % parts``, so part ``k`` gets exactly these many.
    """
    return [total // parts + (index < total % parts) for index in range(parts)]


async def spread_closed_loop(webhooks: Sequence[str], script: Sequence[str], conversations: int,
                             max_turns: int, max_seconds: float) -> Tuple[bench_load.Result, List[int]]:
    """The closed loop with conversation ``i`` on ``webhooks[i % n]``; merged result, turns per server.

    Each server gets its own closed loop (its share of the conversations and
    of the turn budget) so that a conversation never leaves its server; the
    loops run at once, and the wall time spans them all.
    """
    label = f"closed loop, {conversations} conversations over {len(webhooks)} servers"
    loops = [bench_load.closed_loop(url, script, owners, budget, max_seconds, label=label)
             for url, owners, budget in zip(webhooks, shares(conversations, len(webhooks)),
                                            shares(max_turns, len(webhooks)))]
    started = time.perf_counter()
    parts = await asyncio.gather(*loops)
    merged = bench_load.Result(label, seconds=time.perf_counter() - started)
    for part in parts:
        merged.latencies_ms += part.latencies_ms
        merged.errors += part.errors
        merged.silent += part.silent
    return merged, [part.turns for part in parts]


def load_figures(bots: Sequence[Bot], setting: Setting) -> Dict[str, Any]:
    """The closed loop at each of the setting's scale concurrencies, as the single process's."""
    figures: Dict[str, Any] = {}
    for count in setting.scale_concurrency:
        result, per_server = asyncio.run(spread_closed_loop(
            [bot.webhook for bot in bots], bots[0].script, count, setting.closed_turns,
            setting.closed_seconds))
        figures[str(count)] = {**result.summary(), "turns_per_server": per_server}
    return figures


@contextmanager
def lock_server(url: Optional[str] = None) -> Iterator[str]:
    """A Redis server for the lock store: ``url``, one the environment names, or a throwaway one.

    ``OI_BENCH_REDIS_URL`` (or the tests' ``OI_TEST_REDIS_URL``) names a
    running server; otherwise ``redis-server`` is started in a temporary
    folder, as the tests do, and stopped afterwards.
    """
    url = url or os.environ.get("OI_BENCH_REDIS_URL") or os.environ.get("OI_TEST_REDIS_URL")
    if url:
        yield _reachable(url)
        return
    binary = redis_bin()
    if binary is None:
        raise Unavailable("redis-server is not installed (Debian: apt-get install redis-server, "
                          "or scripts/services.sh)")
    try:
        server = LocalRedis(binary).start()
    except RuntimeError as error:
        raise Unavailable(f"redis-server did not start: {error}") from error
    try:
        yield _reachable(server.url)
    finally:
        server.stop()


def _reachable(url: str) -> str:
    """``url`` itself once Redis answers a ping there; :class:`Unavailable` otherwise."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        raise Unavailable(f"{url}: {error}") from error
    return url


def lock_env(url: str) -> Dict[str, str]:
    """What scripts/run_rasa.sh needs to use the lock store at ``url``, under a prefix of this run's own."""
    parsed = urlparse(url)
    return {"OI_LOCK_HOST": parsed.hostname or "127.0.0.1", "OI_LOCK_PORT": str(parsed.port or 6379),
            "OI_LOCK_DB": (parsed.path or "/0").strip("/") or "0",
            "OI_LOCK_PREFIX": "oibench" + secrets.token_hex(6)}


def measure_pair(setting: Setting, database_url: str, redis_url: str) -> Dict[str, Any]:
    """Start the two processes, load them, read their peak memory, stop them."""
    print(f"OI Advisor, {PROCESSES} Rasa processes: starting them on one database and a Redis lock store ...",
          flush=True)
    bots = bench_bots.start_ours_pair(database_url, lock_env(redis_url))
    try:
        figures: Dict[str, Any] = {"processes": PROCESSES, "database": database_url.split(":", 1)[0],
                                   "lock_store": "bot.storage.lock_store.AtomicRedisLockStore",
                                   "closed_loop": load_figures(bots, setting)}
        memory = [bot.peak_memory_mb() for bot in bots]
    finally:
        for bot in reversed(bots):
            bot.stop()
    figures["peak_rasa_mb"] = [each["rasa"] for each in memory]
    figures["peak_actions_mb"] = memory[0].get("actions")
    return figures


def skipped(reason: str) -> Dict[str, Any]:
    """The results of a measurement not made, announced loudly so that nobody misses it."""
    print(f"\n!!! SKIPPING the {PROCESSES} Rasa processes measurement: {reason}\n", flush=True)
    return {"skipped": reason}


def measure(setting: Setting, scratch: Path, redis_url: Optional[str] = None) -> Dict[str, Any]:
    """Figures of two Rasa processes on a fresh SQLite file in ``scratch``, or why there are none.

    SQLite, as for the single process, so that the two measurements differ in
    the number of processes only.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        with lock_server(redis_url) as url:
            return measure_pair(setting, f"sqlite:///{scratch / DATABASE_FILE}", url)
    except Unavailable as error:
        return skipped(f"Redis NOT AVAILABLE ({error})")
