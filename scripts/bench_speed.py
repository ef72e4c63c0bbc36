"""The speed measurements of ``make bench``, run against one bot with one setting.

A :class:`Setting` bounds every run in turns and seconds; the full one is what
``make bench`` uses, ``--quick`` a shorter one for a shared machine, and the
tests a tiny one. Each function returns plain dictionaries, ready for the
JSON file and the report.
"""
from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass
from typing import Any, Dict, Optional, Tuple

import aiohttp

from scripts import bench_load, bench_seed
from scripts.bench_bots import Bot


@dataclass(frozen=True)
class Setting:
    """How much load, for how long."""

    name: str = "full"
    sequential_turns: int = 200
    concurrency: Tuple[int, ...] = (1, 10, 50)
    closed_turns: int = 1500
    closed_seconds: float = 90.0
    rates: Tuple[float, ...] = (5.0, 10.0, 20.0)
    open_seconds: float = 60.0
    seeded_conversations: int = 10_000
    seeded_turns: int = 100
    #: closed-loop conversations against two Rasa processes (scripts/bench_scale.py), with the
    #: closed loop's own bounds: many enough to keep both processes busy
    scale_concurrency: Tuple[int, ...] = (10, 50)

    def describe(self) -> Dict[str, Any]:
        return asdict(self)


FULL = Setting()
QUICK = Setting("quick", sequential_turns=60, closed_turns=400, closed_seconds=25.0,
                open_seconds=20.0, seeded_turns=40)
TINY = Setting("tiny", sequential_turns=3, concurrency=(1,), closed_turns=3, closed_seconds=30.0,
               rates=(1.0,), open_seconds=3.0, seeded_conversations=20, seeded_turns=3)


def load_figures(bot: Bot, setting: Setting) -> Dict[str, Any]:
    """Sequential latency, closed loop per concurrency, open loop per arrival rate."""
    run = bench_load.run
    figures: Dict[str, Any] = {"sequential": run(bench_load.sequential(
        bot.webhook, bot.script, setting.sequential_turns, setting.closed_seconds)).summary()}
    figures["closed_loop"] = {str(count): run(bench_load.closed_loop(
        bot.webhook, bot.script, count, setting.closed_turns, setting.closed_seconds)).summary()
        for count in setting.concurrency}
    figures["open_loop"] = {f"{rate:g}": run(bench_load.open_loop(
        bot.webhook, bot.script, rate, setting.open_seconds)).summary() for rate in setting.rates}
    return figures


async def _play_whole(bot: Bot, sender: str) -> int:
    """Type the bot's whole script as ``sender``; the number of turns answered."""
    owner = bench_load.Owner("unused", bot.script)
    owner.sender = sender
    result = bench_load.Result("template")
    async with aiohttp.ClientSession() as session:
        client = bench_load.Client(bot.webhook, session)
        for _ in bot.script:
            await client.turn(owner, result)
    return result.turns


def seeded_figures(bot: Bot, database_url: str, setting: Setting,
                   template: str = "bench-template") -> Dict[str, Any]:
    """Sequential latency again once the database holds many copies of a whole conversation."""
    answered = asyncio.run(_play_whole(bot, template))
    rows = bench_seed.seed(database_url, template, setting.seeded_conversations)
    stored = bench_seed.conversations_stored(database_url)
    latency = bench_load.run(bench_load.sequential(
        bot.webhook, bot.script, setting.seeded_turns, setting.closed_seconds)).summary()
    return {"conversations_stored": stored, "template_turns": answered, "rows_added": rows,
            "sequential": latency}


def fixed_figures(bot: Bot) -> Dict[str, Optional[float]]:
    """Training time, model size, cold start and peak memory of one bot."""
    memory = bot.peak_memory_mb()
    return {"training_s": bot.training_s, "model_mb": round(bot.model_mb, 1),
            "cold_start_s": bot.cold_start_s, "peak_rasa_mb": memory.get("rasa"),
            "peak_actions_mb": memory.get("actions")}
