"""Where the milliseconds of one turn go, measured inside a Rasa server.

Loads the model into this process as ``scripts/run_rasa.sh`` does
(``bot.serve_rasa`` installed), with the same endpoints (our SQL tracker store, a running action server), puts wall-clock
timers around the places a turn spends its time, and types the benchmark's
conversation. Reported per turn, on average:

* every NLU component and policy: Rasa's graph nodes, timed by node name;
* round trips to the action server, per action, and inside them the time our
  actions take, found by replaying the same requests through rasa_sdk's
  executor in this process;
* the tracker store's reads and saves;
* what remains: Rasa's own turn handling (events, domain, output channel).

cProfile runs alongside and adds the CPU time of the Rasa process by library.

    python scripts/bench_profile.py --actions-port 5055 --database-url sqlite:///... --out profile.json
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import json
import logging
import os
import pstats
import sys
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Timers:
    """Wall time and call counts per label."""

    def __init__(self) -> None:
        self.seconds: Dict[str, float] = defaultdict(float)
        self.calls: Dict[str, int] = defaultdict(int)
        self.enabled = False

    def add(self, label: str, seconds: float) -> None:
        if self.enabled:
            self.seconds[label] += seconds
            self.calls[label] += 1

    def wrap_async(self, label: Callable[..., str], method: Callable) -> Callable:  # type: ignore[type-arg]
        @functools.wraps(method)
        async def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await method(*args, **kwargs)
            finally:
                self.add(label(*args, **kwargs), time.perf_counter() - start)
        return timed


def instrument(agent: Any, timers: Timers, requests: List[Dict[str, Any]]) -> None:
    """Timers around graph nodes, action server calls and the tracker store; keep action requests."""
    from rasa.core.actions.action import RemoteAction
    from rasa.engine.graph import GraphNode
    from rasa.utils.endpoints import EndpointConfig

    node_call = GraphNode.__call__

    def timed_node(self: GraphNode, *inputs: Any) -> Any:
        start = time.perf_counter()
        try:
            return node_call(self, *inputs)
        finally:
            timers.add(f"graph: {self._node_name}", time.perf_counter() - start)

    GraphNode.__call__ = timed_node  # type: ignore[method-assign]
    request = EndpointConfig.request

    async def recorded_request(self: EndpointConfig, *args: Any, **kwargs: Any) -> Any:
        if timers.enabled and kwargs.get("json"):
            requests.append(kwargs["json"])
        return await request(self, *args, **kwargs)

    EndpointConfig.request = recorded_request  # type: ignore[method-assign]
    RemoteAction.run = timers.wrap_async(  # type: ignore[method-assign]
        lambda self, *a, **k: f"action server round trip: {self.name()}", RemoteAction.run)
    store = agent.tracker_store
    for name in ("retrieve", "retrieve_full_tracker", "save"):
        setattr(store, name, timers.wrap_async(lambda *a, _n=name, **k: f"tracker store: {_n}",
                                               getattr(store, name)))


async def replay_actions(requests: List[Dict[str, Any]], timers: Timers) -> None:
    """Run the recorded action requests through rasa_sdk in this process: our actions' own time."""
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    for payload in requests:
        start = time.perf_counter()
        await executor.run(payload)
        timers.add(f"our actions (replayed): {payload.get('next_action')}", time.perf_counter() - start)


def by_library(profile: cProfile.Profile) -> Dict[str, float]:
    """CPU seconds spent in each library's own code (tottime grouped by package)."""
    totals: Dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in pstats.Stats(profile).stats.items():
        path = filename.replace("\\", "/")
        if "site-packages/" in path:
            package = path.split("site-packages/")[1].split("/")[0].removesuffix(".py")
        elif path.startswith(str(ROOT)):
            package = "OI Advisor (" + path[len(str(ROOT)) + 1:].split("/")[0] + ")"
        else:
            package = "python" if path.startswith(("/", "<")) else path
        totals[package] += tottime
    return dict(totals)


async def profile(model: str, script: List[str], conversations: int) -> Dict[str, Any]:
    """Type ``script`` ``conversations`` times (after one warm-up) and time every part."""
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.utils import AvailableEndpoints

    agent = await load_agent(model_path=model, endpoints=AvailableEndpoints.read_endpoints(
        str(ROOT / "endpoints.yml")))
    timers, requests, cpu = Timers(), [], cProfile.Profile()
    instrument(agent, timers, requests)
    turns, total = 0, 0.0
    for round_number in range(conversations + 1):
        sender = f"profile-{uuid.uuid4().hex[:10]}"
        timers.enabled = round_number > 0
        for text in script:
            start = time.perf_counter()
            cpu.enable() if timers.enabled else None
            await agent.handle_text(text, output_channel=CollectingOutputChannel(), sender_id=sender)
            cpu.disable() if timers.enabled else None
            if timers.enabled:
                total += time.perf_counter() - start
                turns += 1
    rasa_seconds = dict(timers.seconds)
    await replay_actions(requests, timers)
    return summarise(rasa_seconds, dict(timers.seconds), dict(timers.calls), by_library(cpu), total, turns)


def summarise(rasa_seconds: Dict[str, float], seconds: Dict[str, float], calls: Dict[str, int],
              libraries: Dict[str, float], total: float, turns: int) -> Dict[str, Any]:
    """Mean milliseconds per turn: each part, the remainder, and CPU by library."""
    per_turn = {label: round(value / turns * 1000, 2) for label, value in seconds.items()}
    accounted = sum(value for label, value in rasa_seconds.items() if label.startswith(
        ("graph:", "action server", "tracker store")))
    per_turn["Rasa's own turn handling (remainder)"] = round((total - accounted) / turns * 1000, 2)
    top_cpu = sorted(libraries.items(), key=lambda item: -item[1])[:12]
    return {"turns": turns, "turn_ms": round(total / turns * 1000, 2),
            "parts_ms": dict(sorted(per_turn.items(), key=lambda item: -item[1])),
            "calls_per_turn": {label: round(count / turns, 2) for label, count in calls.items()},
            "cpu_ms_by_library": {name: round(value / turns * 1000, 2) for name, value in top_cpu}}


def quiet_like_the_server() -> None:
    """Log at WARNING, as ``rasa run --quiet`` does: debug logging would be profiled too."""
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "oi-advisor.tar.gz"))
    parser.add_argument("--actions-port", required=True)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--conversations", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    os.environ.update({"OI_ACTIONS_PORT": str(args.actions_port), "OI_DATABASE_URL": args.database_url})
    os.chdir(ROOT)
    quiet_like_the_server()
    from bot import serve_rasa

    serve_rasa.install()
    from scripts.bench_bots import OUR_SCRIPT

    result = asyncio.run(profile(args.model, OUR_SCRIPT, args.conversations))
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
