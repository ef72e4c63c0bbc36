"""The benchmark machinery end to end on a tiny setting, against the real servers.

Figures, not timings: nothing here asserts how fast anything is. It checks
that every figure ``make bench`` reports is measured from real answered turns,
that the database really holds the seeded conversations, that the profile of
a turn accounts for the NLU, the policies, the action server and the tracker
store, and that the table, docs page, JSON file and chart are written.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from scripts import bench, bench_bots, bench_docs, bench_load, bench_report, bench_speed
from tests.servers import Servers

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def results(servers: Servers, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The tiny setting measured on the session's servers, the profile included."""
    bot = bench_bots.attach_ours(servers)
    figures = bench_speed.load_figures(bot, bench_speed.TINY)
    figures["seeded"] = bench_speed.seeded_figures(bot, servers.database_url, bench_speed.TINY)
    figures.update(bench_speed.fixed_figures(bot))
    profile = bench.profile_turn(servers, tmp_path_factory.mktemp("profile") / "profile.json",
                                 conversations=1)
    return {"measured_at": time.strftime("%Y-%m-%d %H:%M UTC"), "cores": 2,
            "setting": bench_speed.TINY.describe(), "bots": {bench_report.OURS: figures}, "profile": profile}


def test_every_load_run_answers_real_turns(results: dict) -> None:
    ours = results["bots"][bench_report.OURS]
    runs = [ours["sequential"], *ours["closed_loop"].values(), *ours["open_loop"].values()]
    assert [run["errors"] for run in runs] == [0] * len(runs)
    assert ours["sequential"]["turns"] == bench_speed.TINY.sequential_turns
    for run in runs:
        assert run["turns"] > 0 and run["turns_per_s"] > 0
        assert 0 < run["p50_ms"] <= run["p95_ms"] <= run["p99_ms"] <= run["max_ms"]


def test_seeded_database_holds_the_copies(results: dict) -> None:
    seeded = results["bots"][bench_report.OURS]["seeded"]
    assert seeded["template_turns"] == len(bench_bots.OUR_SCRIPT)
    assert seeded["conversations_stored"] > bench_speed.TINY.seeded_conversations
    copies = bench_speed.TINY.seeded_conversations
    assert seeded["rows_added"]["events"] >= copies * len(bench_bots.OUR_SCRIPT)
    assert seeded["rows_added"]["conversations"] == bench_speed.TINY.seeded_conversations
    assert seeded["sequential"]["errors"] == 0 and seeded["sequential"]["turns"] > 0
    assert seeded["rows_added"]["events"] % bench_speed.TINY.seeded_conversations == 0


def test_memory_and_model_are_measured(results: dict) -> None:
    ours = results["bots"][bench_report.OURS]
    assert ours["peak_rasa_mb"] > 100 and ours["peak_actions_mb"] > 20
    assert ours["model_mb"] > 1


def test_profile_accounts_for_every_part_of_a_turn(results: dict) -> None:
    profile = results["profile"]
    parts = profile["parts_ms"]
    assert profile["turns"] == len(bench_bots.OUR_SCRIPT)
    assert any(label.startswith("graph: run_DIETClassifier") for label in parts)
    assert any(label.startswith("graph: run_") and "RulePolicy" in label for label in parts)
    assert any(label.startswith("action server round trip: ") for label in parts)
    assert any(label.startswith("our actions (replayed): ") for label in parts)
    assert {"tracker store: save", "tracker store: retrieve"} <= set(parts)
    assert 0 < sum(value for label, value in parts.items() if label.startswith("graph:")) < profile["turn_ms"]


def test_report_writes_table_docs_json_and_chart(results: dict, tmp_path: Path) -> None:
    (tmp_path / "benchmarks.md").write_text("# old\n\n## Reading the speed figures\n\nkept words\n")
    bench_docs.write(results, tmp_path, understanding=None)
    table = bench_report.console(results)
    assert "sequential p95 (ms)" in table and "closed loop 1: turns/s" in table
    page = (tmp_path / "benchmarks.md").read_text()
    assert "## Speed against the stock bot" in page and "## Where a turn's time goes" in page
    assert "kept words" in page
    assert json.loads((tmp_path / "benchmarks.json").read_text()) == json.loads(json.dumps(results))
    assert (tmp_path / bench_docs.CHART).read_text().lstrip().startswith("<?xml")


def test_load_generator_refuses_other_hosts() -> None:
    with pytest.raises(ValueError):
        bench_load.Client("http://example.org/webhooks/rest/webhook", session=None)  # type: ignore[arg-type]
