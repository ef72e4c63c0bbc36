"""Write the results of ``make bench`` into docs/: benchmarks.md, benchmarks.json, the chart.

docs/benchmarks.md is rebuilt from the run's figures. Two sections are
carried over from the existing file when this run did not produce them: the
understanding figures (when the run skipped them) and the hand-written
reading of the figures, which explains what the numbers mean and why a
target is missed.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from scripts import bench_report

UNDERSTANDING = "## Understanding owners' own words"
READING = "## Reading the speed figures"
CHART = "benchmarks-latency.svg"


def section(text: str, heading: str) -> List[str]:
    """The lines of one ``## `` section of ``text``, heading included; empty when absent."""
    lines = text.splitlines()
    if heading not in lines:
        return []
    start = lines.index(heading)
    end = next((index for index in range(start + 1, len(lines)) if lines[index].startswith("## ")),
               len(lines))
    return lines[start:end]


def profile_lines(profile: Optional[Dict[str, Any]]) -> List[str]:
    """Where the milliseconds of one turn go, as measured by scripts/bench_profile.py."""
    if not profile:
        return []
    lines = ["## Where a turn's time goes", "",
             f"{profile['turns']} turns of the benchmark conversation, the model loaded in a process of its "
             "own with the same endpoints (SQL tracker store, the running action server); mean wall time "
             f"per turn {profile['turn_ms']:.1f} ms. Parts overlap where one contains another: a round trip "
             "to the action server contains our actions' own time (replayed in-process).", "",
             "| part | ms per turn | calls per turn |", "|---|---|---|"]
    calls = profile["calls_per_turn"]
    lines += [f"| {label} | {value:.2f} | {calls.get(label, '')} |"
              for label, value in profile["parts_ms"].items() if value >= 0.05 or label.startswith("Rasa")]
    lines += ["", "CPU time of the Rasa process by library (cProfile, own time, ms per turn):", "",
              "| library | ms per turn |", "|---|---|"]
    lines += [f"| {name} | {value:.2f} |" for name, value in profile["cpu_ms_by_library"].items()]
    return lines


def markdown(results: Dict[str, Any], existing: str, understanding: Optional[List[str]]) -> str:
    """The whole of docs/benchmarks.md for this run."""
    lines = ["# Benchmarks", "",
             f"Written by `make bench` on {results['measured_at']}, on a machine with {results['cores']} "
             "cores; figures of the same run in [benchmarks.json](benchmarks.json).", ""]
    lines += bench_report.markdown(results, CHART) + [""]
    lines += bench_report.scale_markdown(results) + [""]
    lines += profile_lines(results.get("profile")) + [""]
    reading = section(existing, READING)
    lines += reading + [""] if reading else []
    if understanding is not None:
        lines += [UNDERSTANDING, "", "Measured on held-out sets never trained on "
                  "(see [understanding.md](understanding.md)).", ""] + understanding
    else:
        lines += section(existing, UNDERSTANDING)
    return "\n".join(lines).rstrip() + "\n"


def write(results: Dict[str, Any], folder: Path, understanding: Optional[List[str]],
          network: Sequence[str] = ()) -> None:
    """benchmarks.md, benchmarks.json and the latency chart in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "benchmarks.md"
    existing = page.read_text(encoding="utf-8") if page.exists() else ""
    bench_report.write_json(results, folder / "benchmarks.json")
    bench_report.chart(results, folder / CHART)
    page.write_text(markdown(results, existing, understanding) + "\n".join(network) + "\n", encoding="utf-8")
    print(f"written: {page}, {folder / 'benchmarks.json'}, {folder / CHART} "
          f"({time.strftime('%H:%M:%S')})")
