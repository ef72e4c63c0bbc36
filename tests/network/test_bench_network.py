"""``scripts/bench_network.py`` on a tiny setting: it runs end to end and its figures meet floors."""
from __future__ import annotations

from pathlib import Path

from scripts import bench_network


def test_bench_returns_its_figures_and_meets_the_floors(tmp_path: Path, capsys) -> None:
    figures = bench_network.run(firms=120, pool=600, url=f"sqlite:///{tmp_path / 'bench.db'}")
    assert figures["firms"] >= 120 and figures["pool"] == 600
    assert figures["precision_at_5"] >= 0.8
    assert figures["recall_at_10"] >= 0.7
    assert figures["network_m_recovered"] and figures["network_m_members_suggested"] == 4
    assert figures["unconsented_never_suggested"]
    assert figures["database"] == "sqlite"
    assert 0 < figures["ms_per_firm_in_memory"] < 2000 and 0 < figures["ms_per_firm_database"] < 5000
    assert figures["ms_first_after_a_change"] > 0
    printed = capsys.readouterr().out
    assert "precision@5" in printed and "network M: 4 of 4" in printed
