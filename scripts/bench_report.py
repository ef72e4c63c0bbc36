"""Turn the figures of ``make bench`` into a printed table, Markdown, JSON and a chart.

The results are one dictionary (see ``scripts/bench.py``); every figure about
OI Advisor is set beside the stock bot's from the same run and their ratio
(OI Advisor ÷ stock: above 1 means more time, memory or throughput), then held
against the targets.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

OURS, STOCK = "oi_advisor", "stock"
Row = Tuple[str, Callable[[Dict[str, Any]], Optional[float]]]


def _get(*path: str) -> Callable[[Dict[str, Any]], Optional[float]]:
    """A reader of one nested figure; None where the run did not measure it."""
    def read(figures: Dict[str, Any]) -> Optional[float]:
        value: Any = figures
        for key in path:
            if not isinstance(value, dict) or key not in value:
                return None
            value = value[key]
        return value
    return read


def saturated(figures: Dict[str, Any]) -> Optional[float]:
    """The highest closed-loop throughput measured, in turns per second."""
    rates = [run["turns_per_s"] for run in figures.get("closed_loop", {}).values()]
    return max(rates) if rates else None


def rows(results: Dict[str, Any]) -> List[Row]:
    """Every figure of the comparison, in reading order."""
    setting = results["setting"]
    table: List[Row] = [(f"sequential {p} (ms)", _get("sequential", f"{p}_ms")) for p in ("p50", "p95", "p99")]
    for count in setting["concurrency"]:
        run = ("closed_loop", str(count))
        table.append((f"closed loop {count}: turns/s", _get(*run, "turns_per_s")))
        table += [(f"closed loop {count}: {p} (ms)", _get(*run, f"{p}_ms")) for p in ("p50", "p95", "p99")]
    table.append(("saturated throughput (turns/s)", saturated))
    for rate in setting["rates"]:
        run = ("open_loop", f"{rate:g}")
        table += [(f"open loop {rate:g}/s: {p} (ms)", _get(*run, f"{p}_ms")) for p in ("p50", "p95", "p99")]
        table.append((f"open loop {rate:g}/s: errors", _get(*run, "errors")))
    table += [(f"{setting['seeded_conversations']} stored: sequential {p} (ms)",
               _get("seeded", "sequential", f"{p}_ms")) for p in ("p50", "p95")]
    table += [("training (s)", _get("training_s")), ("model (MB)", _get("model_mb")),
              ("cold start, launch to first answer (s)", _get("cold_start_s")),
              ("Rasa server peak resident (MB)", _get("peak_rasa_mb")),
              ("action server peak resident (MB)", _get("peak_actions_mb"))]
    return table


def _fmt(value: Optional[float]) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"


def comparison(results: Dict[str, Any]) -> List[Tuple[str, str, str, str]]:
    """(figure, OI Advisor, stock, ratio) for every row."""
    ours, stock = results["bots"].get(OURS, {}), results["bots"].get(STOCK, {})
    lines = []
    for label, read in rows(results):
        mine, theirs = read(ours), read(stock)
        ratio = mine / theirs if mine is not None and theirs else None
        lines.append((label, _fmt(mine), _fmt(theirs), f"{ratio:.2f}" if ratio is not None else "–"))
    return lines


def targets(results: Dict[str, Any]) -> List[Tuple[str, str, str, str]]:
    """(target, threshold, measured, met?) for the targets of a 2-core machine."""
    ours, stock = results["bots"].get(OURS, {}), results["bots"].get(STOCK, {})
    top_rate = f"{max(results['setting']['rates']):g}"
    top_closed = str(max(results["setting"]["concurrency"]))
    mine_sat, stock_sat = saturated(ours), saturated(stock)
    p50, p99 = _get("closed_loop", top_closed, "p50_ms")(ours), _get("closed_loop", top_closed, "p99_ms")(ours)
    checks = [
        ("sequential p95", "< 100 ms", _get("sequential", "p95_ms")(ours), lambda v: v < 100),
        ("saturated throughput ÷ stock", "≥ 1.0",
         mine_sat / stock_sat if mine_sat is not None and stock_sat else None, lambda v: v >= 1.0),
        (f"open loop {top_rate}/s p95", "< 250 ms", _get("open_loop", top_rate, "p95_ms")(ours),
         lambda v: v < 250),
        (f"open loop {top_rate}/s errors", "0", _get("open_loop", top_rate, "errors")(ours), lambda v: v == 0),
        (f"closed loop {top_closed}: p99 ÷ p50", "< 3", p99 / p50 if p50 and p99 else None, lambda v: v < 3),
        ("cold start", "< 20 s", ours.get("cold_start_s"), lambda v: v < 20),
        ("training", "< 180 s", ours.get("training_s"), lambda v: v < 180),
        ("Rasa server peak resident", "< 1200 MB", ours.get("peak_rasa_mb"), lambda v: v < 1200),
    ]
    return [(name, threshold, _fmt(value), "–" if value is None else ("yes" if test(value) else "no"))
            for name, threshold, value, test in checks]


def console(results: Dict[str, Any]) -> str:
    """The printed table: comparison, then targets."""
    out = [f"{'figure':44} {'OI Advisor':>11} {'stock':>9} {'ratio':>7}"]
    out += [f"{label:44} {mine:>11} {theirs:>9} {ratio:>7}" for label, mine, theirs, ratio in comparison(results)]
    out += ["", f"{'target':44} {'threshold':>11} {'measured':>9} {'met':>7}"]
    out += [f"{name:44} {threshold:>11} {value:>9} {met:>7}" for name, threshold, value, met in targets(results)]
    return "\n".join(out)


def markdown(results: Dict[str, Any], chart_name: str) -> List[str]:
    """The speed section of docs/benchmarks.md (without the profile)."""
    setting = results["setting"]
    lines = ["## Speed against the stock bot", "",
             f"Setting `{setting['name']}`: sequential {setting['sequential_turns']} turns; closed loop at "
             f"{', '.join(map(str, setting['concurrency']))} conversations for at most "
             f"{setting['closed_turns']} turns or {setting['closed_seconds']:g} s each; open loop at "
             f"{', '.join(f'{rate:g}' for rate in setting['rates'])} turns/s for {setting['open_seconds']:g} s "
             f"each; then {setting['seeded_turns']} sequential turns on a database holding "
             f"{setting['seeded_conversations']} conversations. All over the REST channel on 127.0.0.1; "
             "the stock bot is `rasa init --no-prompt`, trained and started in the same run.", "",
             "| figure | OI Advisor | stock | ratio |", "|---|---|---|---|"]
    lines += [f"| {label} | {mine} | {theirs} | {ratio} |" for label, mine, theirs, ratio in comparison(results)]
    lines += ["", f"![Latency against concurrency]({chart_name})", "", "### Targets", "",
              "| target | threshold | measured | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {threshold} | {value} | {met} |" for name, threshold, value, met in targets(results)]
    return lines


def chart(results: Dict[str, Any], path: Path) -> None:
    """p50 and p95 latency against closed-loop concurrency, both bots, log scale."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6.4, 4.0))
    for key, label, colour in ((OURS, "OI Advisor", "#0b5cad"), (STOCK, "stock rasa init", "#c2410c")):
        runs = results["bots"].get(key, {}).get("closed_loop", {})
        counts = sorted(runs, key=int)
        if not counts:
            continue
        for share, style in (("p50", "-"), ("p95", "--")):
            axes.plot([int(c) for c in counts], [runs[c][f"{share}_ms"] for c in counts], style,
                      marker="o", color=colour, label=f"{label} {share}")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("conversations at once (closed loop)")
    axes.set_ylabel("latency per turn (ms)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)


def write_json(results: Dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
