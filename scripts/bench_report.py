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
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

OURS, STOCK = "oi_advisor", "stock"
#: results key and docs heading of the two Rasa processes (scripts/bench_scale.py)
SCALE, SCALE_HEADING = "scale", "## Two Rasa processes"
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


def closed_loop_rows(counts: Sequence[int]) -> List[Row]:
    """Throughput and latency of each closed loop, then the saturated throughput."""
    table: List[Row] = []
    for count in counts:
        run = ("closed_loop", str(count))
        table.append((f"closed loop {count}: turns/s", _get(*run, "turns_per_s")))
        table += [(f"closed loop {count}: {p} (ms)", _get(*run, f"{p}_ms")) for p in ("p50", "p95", "p99")]
    table.append(("saturated throughput (turns/s)", saturated))
    return table


def rows(results: Dict[str, Any]) -> List[Row]:
    """Every figure of the comparison, in reading order."""
    setting = results["setting"]
    table: List[Row] = [(f"sequential {p} (ms)", _get("sequential", f"{p}_ms"))
                        for p in ("p50", "p95", "p99")]
    table += closed_loop_rows(setting["concurrency"])
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
        lines.append((label, _fmt(mine), _fmt(theirs), _ratio(mine, theirs)))
    return lines


def targets(results: Dict[str, Any]) -> List[Tuple[str, str, str, str]]:
    """(target, threshold, measured, met?) for the targets of a 2-core machine."""
    ours, stock = results["bots"].get(OURS, {}), results["bots"].get(STOCK, {})
    top_rate = f"{max(results['setting']['rates']):g}"
    top_closed = str(max(results["setting"]["concurrency"]))
    mine_sat, stock_sat = saturated(ours), saturated(stock)
    p50 = _get("closed_loop", top_closed, "p50_ms")(ours)
    p99 = _get("closed_loop", top_closed, "p99_ms")(ours)
    checks = [
        ("sequential p95", "< 100 ms", _get("sequential", "p95_ms")(ours), lambda v: v < 100),
        ("saturated throughput ÷ stock", "≥ 1.0",
         mine_sat / stock_sat if mine_sat is not None and stock_sat else None, lambda v: v >= 1.0),
        (f"open loop {top_rate}/s p95", "< 250 ms", _get("open_loop", top_rate, "p95_ms")(ours),
         lambda v: v < 250),
        (f"open loop {top_rate}/s errors", "0", _get("open_loop", top_rate, "errors")(ours),
         lambda v: v == 0),
        (f"closed loop {top_closed}: p99 ÷ p50", "< 3", p99 / p50 if p50 and p99 else None, lambda v: v < 3),
        ("cold start", "< 20 s", ours.get("cold_start_s"), lambda v: v < 20),
        ("training", "< 180 s", ours.get("training_s"), lambda v: v < 180),
        ("Rasa server peak resident", "< 1200 MB", ours.get("peak_rasa_mb"), lambda v: v < 1200),
    ]
    return [(name, threshold, _fmt(value), "–" if value is None else ("yes" if test(value) else "no"))
            for name, threshold, value, test in checks]


def console(results: Dict[str, Any]) -> str:
    """The printed table: comparison, targets, then two Rasa processes beside one."""
    out = [f"{'figure':44} {'OI Advisor':>11} {'stock':>9} {'ratio':>7}"]
    out += [f"{label:44} {mine:>11} {theirs:>9} {ratio:>7}"
            for label, mine, theirs, ratio in comparison(results)]
    out += ["", f"{'target':44} {'threshold':>11} {'measured':>9} {'met':>7}"]
    out += [f"{name:44} {threshold:>11} {value:>9} {met:>7}"
            for name, threshold, value, met in targets(results)]
    return "\n".join(out + [""] + scale_console(results))


def _ratio(mine: Optional[float], theirs: Optional[float]) -> str:
    return f"{mine / theirs:.2f}" if mine is not None and theirs else "–"


def scale_comparison(results: Dict[str, Any]) -> List[Tuple[str, str, str, str, str, str]]:
    """(figure, two processes, one process, stock, ÷ one, ÷ stock) for the closed loops and saturation.

    Empty when the two processes were not measured.
    """
    scale = results.get(SCALE, {})
    if "closed_loop" not in scale:
        return []
    one, stock = results["bots"].get(OURS, {}), results["bots"].get(STOCK, {})
    lines = []
    for label, read in closed_loop_rows(results["setting"].get("scale_concurrency", ())):
        two, single, theirs = read(scale), read(one), read(stock)
        lines.append((label, _fmt(two), _fmt(single), _fmt(theirs), _ratio(two, single), _ratio(two, theirs)))
    return lines


def scale_console(results: Dict[str, Any]) -> List[str]:
    """The printed table of two Rasa processes, or the loud line saying why there is none."""
    scale = results.get(SCALE)
    if scale is None:
        return []
    if "skipped" in scale:
        return [f"!!! two Rasa processes NOT MEASURED: {scale['skipped']}"]
    out = [f"{'two Rasa processes':34} {'two':>7} {'one':>7} {'stock':>7} {'÷ one':>7} {'÷ stock':>7}"]
    out += [f"{label:34} {two:>7} {one:>7} {stock:>7} {per_one:>7} {per_stock:>7}"
            for label, two, one, stock, per_one, per_stock in scale_comparison(results)]
    return out


def scale_markdown(results: Dict[str, Any]) -> List[str]:
    """The "Two Rasa processes" section of docs/benchmarks.md; says so when it was not measured."""
    scale = results.get(SCALE)
    lines = [SCALE_HEADING, ""]
    if scale is None or "skipped" in scale:
        reason = scale["skipped"] if scale else "this run did not include it"
        return lines + [f"**Not measured in this run**: {reason}. Only the single process's figures above "
                        "are from this run; `make bench` measures two processes where `redis-server` is "
                        "installed or `OI_BENCH_REDIS_URL` names a Redis server."]
    setting = results["setting"]
    lines += [f"OI Advisor served by {scale['processes']} Rasa processes with the same model, one "
              f"{scale['database']} database and one action server shared by both, and a Redis lock store "
              f"(`{scale['lock_store']}`, a key prefix of its own), as `deploy/endpoints-scaled.yml` deploys "
              "it. The load generator plays the balancer: conversation *i* goes to process *i* mod 2 and "
              "stays there, which spares the lock a wait (the lock store keeps turns in order either way). "
              f"Closed loop at {', '.join(map(str, setting['scale_concurrency']))} conversations with the "
              f"single process's bounds, {setting['closed_turns']} turns or {setting['closed_seconds']:g} s, "
              "the turns split evenly between the processes.", "",
              "| figure | two processes | one process | stock | ÷ one | ÷ stock |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in scale_comparison(results)]
    two, one = saturated(scale), saturated(results["bots"].get(OURS, {}))
    stock = saturated(results["bots"].get(STOCK, {}))
    lines += ["", f"Saturated throughput of two processes: {_ratio(two, stock)}× the stock bot's (goal: 2×), "
              f"{_ratio(two, one)}× one process's. Each Rasa process peaked at "
              f"{' and '.join(_fmt(mb) for mb in scale['peak_rasa_mb'])} MB resident. A second process "
              f"can only add throughput where a core is spare: this machine has {results['cores']} cores "
              "shared by the Rasa processes, the action server, the database and the load generator."]
    return lines


def markdown(results: Dict[str, Any], chart_name: str) -> List[str]:
    """The speed section of docs/benchmarks.md (without the profile)."""
    setting = results["setting"]
    lines = ["## Speed against the stock bot", "",
             f"Setting `{setting['name']}`: sequential {setting['sequential_turns']} turns; closed loop at "
             f"{', '.join(map(str, setting['concurrency']))} conversations for at most "
             f"{setting['closed_turns']} turns or {setting['closed_seconds']:g} s each; open loop at "
             f"{', '.join(f'{rate:g}' for rate in setting['rates'])} turns/s for "
             f"{setting['open_seconds']:g} s each; then {setting['seeded_turns']} sequential turns on a "
             f"database holding {setting['seeded_conversations']} conversations. All over the REST channel "
             "on 127.0.0.1; the stock bot is `rasa init --no-prompt`, trained and started in the same run.",
             "",
             "| figure | OI Advisor | stock | ratio |", "|---|---|---|---|"]
    lines += [f"| {label} | {mine} | {theirs} | {ratio} |"
              for label, mine, theirs, ratio in comparison(results)]
    lines += ["", f"![Latency against concurrency]({chart_name})", "", "### Targets", "",
              "| target | threshold | measured | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {threshold} | {value} | {met} |"
              for name, threshold, value, met in targets(results)]
    return lines


def chart(results: Dict[str, Any], path: Path) -> None:
    """p50 and p95 latency against closed-loop concurrency, both bots and two processes, log scale."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(6.4, 4.0))
    sources = ((results["bots"].get(OURS, {}), "OI Advisor", "#0b5cad"),
               (results["bots"].get(STOCK, {}), "stock rasa init", "#c2410c"),
               (results.get(SCALE) or {}, "OI Advisor, 2 Rasa processes", "#15803d"))
    for figures, label, colour in sources:
        runs = figures.get("closed_loop", {})
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
