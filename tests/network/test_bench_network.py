"""``scripts/bench_network.py`` on a tiny setting: it runs end to end and its figures meet floors."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import pytest

import tests.local_servers
import tests.storage.support  # imported before a test patches the server it binds
from scripts import bench_network


def test_bench_returns_its_figures_and_meets_the_floors(tmp_path: Path, capsys) -> None:
    figures = bench_network.run(firms=120, pool=600, url=f"sqlite:///{tmp_path / 'bench.db'}")
    assert figures["firms"] >= 120 and figures["pool"] == 600
    assert figures["precision_at_5"] >= 0.8
    assert figures["recall_at_10"] >= 0.7
    assert figures["network_m_recovered"] and figures["network_m_members_suggested"] == 4
    assert figures["unconsented_never_suggested"]
    assert figures["database"] == "sqlite" and figures["database_note"] == "the database URL given"
    assert 0 < figures["ms_per_firm_in_memory"] < 2000 and 0 < figures["ms_per_firm_database"] < 5000
    assert 0 < figures["ms_first_after_a_change"] and 0 < figures["ms_first_read"]
    printed = capsys.readouterr().out
    assert "precision@5" in printed and "network M: 4 of 4" in printed
    assert "NOT PostgreSQL" in printed and "target is for PostgreSQL" in printed

    lines = bench_network.markdown_lines(figures)
    first = [line for line in lines if line.startswith("| the first one after the network changed")]
    assert first == [f"| the first one after the network changed, from sqlite "
                     f"| {figures['ms_first_after_a_change']} ms | (reported) |"]
    assert (f"| the first one a new process reads, from sqlite | {figures['ms_first_read']} ms "
            f"| (reported) |") in lines
    assert f"| the same, read from sqlite | {figures['ms_per_firm_database']} ms " \
           f"| < 200 ms on PostgreSQL (not measured here) |" in lines


FIGURES: Dict[str, Any] = {
    "firms": 320, "leads": 40, "precision_at_5": 0.9, "recall_at_10": 0.8, "network_m_members_suggested": 4,
    "pool": 10_000, "ms_per_firm_in_memory": 20.0, "ms_per_firm_database": 30.0,
    "ms_first_after_a_change": 90.0, "ms_first_read": 900.0}


def test_markdown_says_which_database_and_that_the_target_is_for_postgresql() -> None:
    on_postgres = bench_network.markdown_lines({**FIGURES, "database": "postgresql", "database_note":
                                                "OI_BENCH_POSTGRES_URL not set; a scratch database on the "
                                                "tests' PostgreSQL server"})
    assert "| the same, read from postgresql | 30.0 ms | < 200 ms |" in on_postgres
    assert "| the first one after the network changed, from postgresql | 90.0 ms | (reported) |" \
        in on_postgres
    assert "| the first one a new process reads, from postgresql | 900.0 ms | (reported) |" in on_postgres
    assert on_postgres[-1] == ("Database timings ran on PostgreSQL (OI_BENCH_POSTGRES_URL not set; "
                               "a scratch database on the tests' PostgreSQL server).")

    on_sqlite = bench_network.markdown_lines({**FIGURES, "database": "sqlite", "database_note":
                                              "an SQLite file, because PostgreSQL is not installed"})
    assert "| the first one after the network changed, from sqlite | 90.0 ms | (reported) |" in on_sqlite
    assert on_sqlite[-1].startswith("Database timings ran on sqlite, NOT PostgreSQL: the 200 ms target is "
                                    "for PostgreSQL")
    assert on_sqlite[-1].endswith("(an SQLite file, because PostgreSQL is not installed).")

    in_memory_only = bench_network.markdown_lines(
        {k: v for k, v in FIGURES.items()
         if k not in ("ms_per_firm_database", "ms_first_after_a_change", "ms_first_read")})
    assert not any("first one" in line or "Database timings" in line for line in in_memory_only)


def test_without_postgresql_the_bench_says_why_it_fell_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(bench_network.POSTGRES_ENV, raising=False)
    monkeypatch.setattr(tests.local_servers, "postgres_url", lambda: None)
    with bench_network.bench_database(None) as (url, backend, note):
        assert url.startswith("sqlite:///") and backend == "sqlite"
    assert note == "an SQLite file, because OI_BENCH_POSTGRES_URL not set and PostgreSQL is not installed"

    monkeypatch.setenv(bench_network.POSTGRES_ENV, "postgresql://postgres@127.0.0.1:1/postgres")
    with bench_network.bench_database(None) as (url, backend, note):
        assert backend == "sqlite"
    assert note.startswith("an SQLite file, because PostgreSQL unreachable (wanted a scratch database on "
                           "the server OI_BENCH_POSTGRES_URL names): ")


def test_the_bench_finds_postgresql_the_way_the_tests_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(bench_network.POSTGRES_ENV, raising=False)
    problem = tests.storage.support.postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL not available: {problem}")
    with bench_network.bench_database(None) as (url, backend, note):
        assert url.startswith("postgresql://") and backend == "postgresql"
    assert note.startswith("OI_BENCH_POSTGRES_URL not set; a scratch database on ")
    assert "OI_TEST_POSTGRES_URL" in note or "started from the installed binaries" in note
