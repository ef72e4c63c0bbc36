"""Print speed, memory and understanding figures of OI Advisor (``make bench``).

Figures, not pass/fail. In one run, on the same machine:

1. the stock ``rasa init`` bot is created, trained and started in a scratch
   folder and put under load (``scripts/bench_load.py``);
2. OI Advisor's servers are started on a fresh database and put under the
   same load, a turn is profiled, the database is filled with 10,000
   conversations and the latency measured again;
3. OI Advisor served by two Rasa processes on one database with a Redis lock
   store, under the same closed loop (``scripts/bench_scale.py``);
4. the understanding figures on the held-out sets (``scripts/bench_understanding.py``).

Everything is printed as a table and written to docs/benchmarks.md,
docs/benchmarks.json and a chart, docs/benchmarks-latency.svg.

    python scripts/bench.py [--setting full|quick|tiny] [--no-stock] [--no-understanding] [--no-profile]
                            [--no-scale]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts import (  # noqa: E402
    bench_bots,
    bench_docs,
    bench_network,
    bench_report,
    bench_scale,
    bench_speed,
    bench_understanding,
)
from tests.servers import MODEL, Servers  # noqa: E402

SETTINGS = {setting.name: setting for setting in (bench_speed.FULL, bench_speed.QUICK, bench_speed.TINY)}
TRAINING_RECORD = ROOT / "var" / "last-training.json"


def measure_stock(setting: bench_speed.Setting, scratch: Path) -> Dict[str, Any]:
    """Train, start and load the ``rasa init`` bot inside ``scratch``."""
    print("stock bot: rasa init --no-prompt (creates and trains it) ...", flush=True)
    training = bench_bots.train_stock(scratch)
    bot = bench_bots.start_stock(scratch, training)
    try:
        figures = bench_speed.load_figures(bot, setting)
        figures.update(bench_speed.fixed_figures(bot))
    finally:
        bot.stop()
    return figures


def profile_turn(servers: Servers, out: Path, conversations: int) -> Dict[str, Any]:
    """The profile of one turn, measured in a separate process on the running action server."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_profile.py"),
                    "--actions-port", str(servers.actions_port), "--database-url", servers.database_url,
                    "--conversations", str(conversations), "--out", str(out)],
                   cwd=ROOT, env=servers.env, check=True, timeout=1800)
    return json.loads(out.read_text())


def measure_ours(setting: bench_speed.Setting, scratch: Path, results: Dict[str, Any],
                 profile: bool, understanding: bool) -> Optional[List[str]]:
    """Start OI Advisor, load it, profile a turn, score understanding, then fill its database.

    Adds the figures to ``results``; returns the understanding section's lines, if measured.
    """
    database = f"sqlite:///{scratch / 'oi_advisor.db'}"
    print("OI Advisor: starting the servers on a fresh database ...", flush=True)
    bot = bench_bots.start_ours(database)
    servers = bot.servers
    assert servers is not None, "start_ours always sets the servers"
    lines: Optional[List[str]] = None
    try:
        figures = bench_speed.load_figures(bot, setting)
        if profile:
            results["profile"] = profile_turn(servers, scratch / "profile.json",
                                              conversations=1 if setting.name == "tiny" else 3)
        if understanding:
            lines = bench_understanding.held_out(str(MODEL)) + bench_understanding.firm_scripts(servers)
        figures["seeded"] = bench_speed.seeded_figures(bot, database, setting)
        figures.update(bench_speed.fixed_figures(bot))
        figures["training_s"] = last_training_seconds()
        results["bots"][bench_report.OURS] = figures
    finally:
        bot.stop()
    return lines


def last_training_seconds() -> Optional[float]:
    """How long the last real training took, as ``scripts/train.sh`` recorded it."""
    if not TRAINING_RECORD.exists():
        return None
    return json.loads(TRAINING_RECORD.read_text()).get("seconds")


def run(setting: bench_speed.Setting, stock: bool, understanding: bool, profile: bool,
        out_dir: Path, scale: bool = True) -> Dict[str, Any]:
    """Measure everything the options ask for; write and return the results."""
    scratch = Path(tempfile.mkdtemp(prefix="bench-", dir=ROOT / "var"))
    results: Dict[str, Any] = {"measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                               "cores": os.cpu_count(), "setting": setting.describe(), "bots": {}}
    try:
        if stock:
            results["bots"][bench_report.STOCK] = measure_stock(setting, scratch / "stock")
        understanding_lines = measure_ours(setting, scratch, results, profile, understanding)
        # after the single process has stopped: one Rasa server pair at a time on this machine
        results[bench_report.SCALE] = (bench_scale.measure(setting, scratch / "scale") if scale
                                       else bench_scale.skipped("not asked for (--no-scale)"))
        results["network"] = bench_network.run(pool=1_000 if setting.name == "tiny" else 10_000)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(bench_report.console(results))
    bench_docs.write(results, out_dir, understanding_lines, bench_network.markdown_lines(results["network"]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setting", choices=sorted(SETTINGS), default="full")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock rasa init bot")
    parser.add_argument("--no-understanding", action="store_true", help="keep the understanding figures")
    parser.add_argument("--no-profile", action="store_true", help="skip the profile of one turn")
    parser.add_argument("--no-scale", action="store_true", help="skip the two Rasa processes")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    run(SETTINGS[args.setting], not args.no_stock, not args.no_understanding, not args.no_profile,
        args.out_dir, scale=not args.no_scale)


if __name__ == "__main__":
    main()
