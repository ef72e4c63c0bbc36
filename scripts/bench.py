"""Print speed, memory and understanding figures of OI Advisor (``make bench``).

Figures, not pass/fail: the knowledge base's load time, the recommender's
and the entity matcher's throughput, how well owners' own words are
understood on the held-out sets, and the live servers' start-up time,
reply latency over REST and resident memory. Everything printed is also
written to docs/benchmarks.md.
"""
from __future__ import annotations

import itertools
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Callable, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.advice import Profile, recommend  # noqa: E402
from bot.knowledge import load_knowledge  # noqa: E402
from bot.nlu import patterns  # noqa: E402
from bot.nlu.knowledge_entities import _build_nlp  # noqa: E402
from scripts import bench_understanding  # noqa: E402
from tests.servers import MODEL, Chat, Servers  # noqa: E402

MESSAGES = ["hello", "we bake bread, about 12 people", "what is crowdsourcing?",
            "isn't open innovation only for big companies?", "which partners suit the scaling-up stage?"]


def timed(label: str, runs: int, work: Callable[[], object]) -> None:
    start = time.perf_counter()
    for _ in range(runs):
        work()
    elapsed = time.perf_counter() - start
    print(f"{label:42} {runs / elapsed:10.0f} per s   ({elapsed / runs * 1000:.2f} ms each)")


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def tree_rss_mb(pid: int) -> float:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return rss_mb(pid) + sum(tree_rss_mb(int(child)) for child in children)


def bench_pure() -> None:
    start = time.perf_counter()
    load_knowledge.cache_clear()
    kb = load_knowledge()
    print(f"{'knowledge base load and validation':42} {(time.perf_counter() - start) * 1000:10.0f} ms")
    rng = random.Random(7)
    profiles = [Profile.from_slots({
        "sector": rng.choice(list(kb.sectors)), "company_size": rng.choice(list(kb.sizes)),
        "innovation_need": rng.choice(list(kb.needs)), "innovation_stage": rng.choice(list(kb.stages)),
        "barriers": rng.sample(list(kb.barriers), 2), "offer": [rng.choice(list(kb.offers))],
        "ip_sensitivity": rng.choice(["low", "medium", "high"]),
        "partner_experience": rng.choice(["none", "good", "failed"]), "international": rng.random() < 0.5,
    }) for _ in range(200)]
    cycle = itertools.cycle(profiles)
    timed("recommendations", 500, lambda: recommend(next(cycle), kb))
    nlp = _build_nlp(patterns.build_patterns(kb))
    texts = itertools.cycle(MESSAGES)
    timed("entity matching (messages)", 2000, lambda: nlp(next(texts)))


def bench_servers() -> List[str]:
    start = time.perf_counter()
    servers = Servers(database_url=f"sqlite:///{ROOT}/var/bench-{uuid.uuid4().hex[:8]}.db").start()
    try:
        print(f"{'servers up (Rasa + actions, from launch)':42} {time.perf_counter() - start:10.1f} s")
        report = bench_understanding.firm_scripts(servers)
        chat = Chat(servers, "bench-" + uuid.uuid4().hex[:8])
        latencies: List[float] = []
        for text in MESSAGES * 10:
            begin = time.perf_counter()
            chat.say(text)
            latencies.append((time.perf_counter() - begin) * 1000)
        quantiles = statistics.quantiles(latencies, n=20)
        print(f"{'REST reply latency p50 / p95':42} {statistics.median(latencies):7.0f} ms / {quantiles[18]:.0f} ms")
        for name, program in (("action server", "actions"), ("Rasa server", "rasa")):
            print(f"{name + ' resident memory':42} {tree_rss_mb(servers.pid(program)):10.0f} MB")
    finally:
        servers.stop()
    return report


def write_report(lines: List[str]) -> None:
    """docs/benchmarks.md: the understanding figures of this run."""
    header = ["# Benchmarks", "", "Written by `make bench` on "
              f"{time.strftime('%Y-%m-%d')}, on a machine with {os.cpu_count()} cores.", "",
              "## Understanding owners' own words", "",
              "Measured on held-out sets never trained on (see [understanding.md](understanding.md)).", ""]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(header + lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    bench_pure()
    understanding = bench_understanding.held_out(str(MODEL))
    understanding += bench_servers()
    write_report(understanding)
