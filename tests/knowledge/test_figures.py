"""Every figure in knowledge/ is listed in figures.yml with its source and where it comes from."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Dict

import pytest
import yaml

from bot.cli import main as cli
from bot.knowledge import knowledge_dir, load_knowledge
from bot.knowledge.figures import (
    FigureListing, KNOWLEDGE_MAP, check_figures, figures_in, load_listings, unquoted,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"


def source_texts() -> Dict[str, str]:
    """Source id -> text of its seed document, plus the knowledge map."""
    sources = yaml.safe_load((knowledge_dir() / "sources.yml").read_text(encoding="utf-8"))
    texts = {
        source["id"]: (SHARED / "seeds" / source["seed_file"]).read_text(encoding="utf-8", errors="ignore")
        for source in sources
    }
    texts[KNOWLEDGE_MAP] = (SHARED / "knowledge-map.md").read_text(encoding="utf-8")
    return texts


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), target)
    return target


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_figures_are_found_as_written() -> None:
    text = "Sales rose 437% to 7,752; 4,415 members by 2007; ranked 1st (3.12 of 5), about 0.03."
    assert figures_in(text) == ["437%", "7,752", "4,415", "2007", "1st", "3.12", "5", "0.03"]
    assert figures_in("CF2s, B2B and R&D carry no figures.") == []


def test_every_figure_in_the_knowledge_base_is_listed_for_its_entry() -> None:
    assert check_figures(knowledge_dir()) == []


def test_every_listing_is_quoted_from_its_source() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"seed documents not found at {SHARED / 'seeds'}")
    assert unquoted(load_listings(knowledge_dir()), source_texts()) == []


def test_a_figure_changed_in_one_entry_is_reported(copy: Path) -> None:
    replace_once(copy / "cases.yml", "total sales up 437%", "total sales up 347%")
    problems = check_figures(copy)
    assert "cases/network_m_satellite: states 347%, which figures.yml does not list for it" in problems
    assert "cases/network_m_satellite: figures.yml lists 437%, which it does not state" in problems
    assert len(problems) == 2


def test_a_figure_moved_to_another_entry_is_reported(copy: Path) -> None:
    replace_once(copy / "barriers.yml", "(score 3.00 of 5)", "(score 3.10 of 5)")
    problems = check_figures(copy)
    assert "barriers/market_uncertainty: states 3.10, which figures.yml does not list for it" in problems


def test_a_new_figure_without_a_listing_is_reported(copy: Path) -> None:
    replace_once(copy / "misconceptions.yml", "Few SMEs can handle", "Only 12% of SMEs can handle")
    assert check_figures(copy) == [
        "misconceptions/we_can_do_it_alone: states 12%, which figures.yml does not list for it"]


def test_a_figure_in_an_entry_that_does_not_cite_its_source_is_reported(copy: Path) -> None:
    entries = yaml.safe_load((copy / "sectors.yml").read_text(encoding="utf-8"))
    manufacturing = next(entry for entry in entries if entry["id"] == "manufacturing")
    manufacturing["sources"].remove("lee2010")
    (copy / "sectors.yml").write_text(yaml.safe_dump(entries, sort_keys=False), encoding="utf-8")
    problems = check_figures(copy)
    assert "sectors/manufacturing: states ['51'] from lee2010 without citing it" in problems
    assert "sectors/manufacturing: states ['30'] from lee2010 without citing it" in problems


def test_the_cli_check_fails_on_an_unlisted_figure(copy: Path, capsys) -> None:
    replace_once(copy / "partners.yml", "3.27 out of 5", "3.72 out of 5")
    load_knowledge.cache_clear()
    assert cli(["knowledge", "--dir", str(copy), "check"]) == 1
    assert "partners/supplier: states 3.72" in capsys.readouterr().err


def test_misquoted_listings_are_reported() -> None:
    texts = {"lee2010": "Sales (total) 1443 000 7752000 437% increase"}
    good = FigureListing(values=["437%"], source="lee2010", location="table 9",
                         quote="437% increase", stated_in=["cases/x"])
    absent = good.copy(update={"quote": "473% increase"})
    silent = good.copy(update={"values": ["438%"]})
    explained = silent.copy(update={"note": "Rounded from the table's exact sales figures."})
    elsewhere = good.copy(update={"source": "nowhere"})
    assert unquoted([good, explained], texts) == []
    problems = unquoted([absent, silent, elsewhere], texts)
    assert len(problems) == 3
    assert "is not in the source" in problems[0]
    assert "does not show ['438%']" in problems[1]
    assert "unknown source 'nowhere'" in problems[2]
