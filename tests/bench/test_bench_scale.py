"""Two Rasa processes measured by the benchmark on the tiny setting, against real servers.

Figures, not timings: nothing here asserts how fast two processes are. It
checks that the two-process closed loop really spreads conversations over
both processes, that every turn was answered, that both stored into the one
database, that the figures reach the table, the docs page and the JSON file
beside the single process's, and that a missing Redis is said out loud.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts import bench_docs, bench_report, bench_scale, bench_seed, bench_speed
from tests.local_servers import free_port, redis_url
from tests.storage.support import redis_problem, unreachable

pytestmark = pytest.mark.servers

TINY = bench_speed.TINY
#: a single process's figures, made up, so that the ratios can be checked by hand
ONE_PROCESS = {"closed_loop": {str(count): {"turns_per_s": 1.0, "p50_ms": 1.0, "p95_ms": 1.0, "p99_ms": 1.0}
                               for count in TINY.scale_concurrency}}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("scale")


@pytest.fixture(scope="module")
def results(request: pytest.FixtureRequest, scratch: Path, trained_model: str) -> dict:
    """The tiny setting on two Rasa processes with the session's Redis, beside made-up single figures."""
    problem = redis_problem()
    if problem:
        unreachable(request, "Redis", problem)
    scale = bench_scale.measure(TINY, scratch, redis_url=redis_url())
    return {"measured_at": "now", "cores": 2, "setting": TINY.describe(),
            "bots": {bench_report.OURS: ONE_PROCESS}, bench_report.SCALE: scale}


def test_both_processes_answer_every_turn(results: dict) -> None:
    scale = results[bench_report.SCALE]
    assert "skipped" not in scale, scale
    assert sorted(scale["closed_loop"]) == sorted(map(str, TINY.scale_concurrency))
    for run in scale["closed_loop"].values():
        assert run["turns"] > 0 and run["errors"] == 0 and run["silent"] == 0
        assert len(run["turns_per_server"]) == bench_scale.PROCESSES
        assert all(turns > 0 for turns in run["turns_per_server"]), "a process got no conversation"
        assert sum(run["turns_per_server"]) == run["turns"] <= TINY.closed_turns
        assert 0 < run["p50_ms"] <= run["p95_ms"] <= run["p99_ms"] <= run["max_ms"]
    assert [mb > 100 for mb in scale["peak_rasa_mb"]] == [True] * bench_scale.PROCESSES


def test_both_processes_store_into_one_database(results: dict, scratch: Path) -> None:
    stored = bench_seed.conversations_stored(f"sqlite:///{scratch / bench_scale.DATABASE_FILE}")
    # the warm-up conversation of each process, and at least one load conversation on each
    assert stored >= 1 + bench_scale.PROCESSES


def test_figures_reach_table_docs_and_json(results: dict, tmp_path: Path) -> None:
    bench_docs.write(results, tmp_path, understanding=None)
    written = json.loads((tmp_path / "benchmarks.json").read_text())
    assert written[bench_report.SCALE]["closed_loop"]["10"]["turns"] > 0
    two = results[bench_report.SCALE]["closed_loop"]["10"]["turns_per_s"]
    row = next(row for row in bench_report.scale_comparison(results) if row[0] == "closed loop 10: turns/s")
    assert row[4] == f"{two:.2f}", "÷ one process, against 1 turn/s"
    page = (tmp_path / "benchmarks.md").read_text()
    assert bench_report.SCALE_HEADING in page and "| figure | two processes | one process |" in page
    table = bench_report.scale_console(results)
    print("\n".join(table))  # the figures, for whoever reads the run with -s
    assert any(line.startswith("closed loop 50: p99 (ms)") for line in table)
    assert "\n".join(table) in bench_report.console(results)


def test_without_redis_the_measurement_is_skipped_loudly(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    scale = bench_scale.measure(TINY, tmp_path, redis_url=f"redis://127.0.0.1:{free_port()}/0")
    assert "Redis NOT AVAILABLE" in scale["skipped"]
    assert "!!! SKIPPING" in capsys.readouterr().out
    results = {"setting": TINY.describe(), "bots": {}, bench_report.SCALE: scale}
    assert "Not measured in this run" in "\n".join(bench_report.scale_markdown(results))
    assert "NOT MEASURED" in "\n".join(bench_report.scale_console(results))
