"""A broken knowledge base is rejected with a message naming file, entry and field."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest
import yaml

from bot.cli import main as cli
from bot.knowledge import KnowledgeError, knowledge_dir, load_knowledge


@pytest.fixture
def broken_copy(tmp_path: Path) -> Callable:
    """Copy knowledge/ and apply one edit to one file's entries."""
    target = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), target)

    def edit(file: str, change: Callable[[list], None]) -> Path:
        path = target / file
        entries = yaml.safe_load(path.read_text())
        change(entries)
        path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True))
        return target

    return edit


def rejection(folder: Path) -> KnowledgeError:
    load_knowledge.cache_clear()
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return caught.value


def first_with(entries: list, key: str) -> dict:
    return next(entry for entry in entries if key in entry)


def test_the_real_knowledge_base_loads() -> None:
    kb = load_knowledge()
    assert len(kb.models) >= 16 and len(kb.misconceptions) >= 14


def test_unknown_source_key_is_named(broken_copy) -> None:
    folder = broken_copy("models.yml", lambda e: e[0]["sources"].append("nobody2099"))
    error = rejection(folder)
    assert (error.file, error.field) == ("models.yml", "sources") and "nobody2099" in str(error)


def test_dangling_reference_is_named(broken_copy) -> None:
    folder = broken_copy("models.yml", lambda e: e[1]["partners"].append("alien_partner"))
    error = rejection(folder)
    assert error.field == "partners" and "alien_partner" in error.problem


def test_missing_field_is_named(broken_copy) -> None:
    folder = broken_copy("misconceptions.yml", lambda e: e[2].pop("reality"))
    error = rejection(folder)
    assert error.file == "misconceptions.yml" and error.field == "reality" and "required" in error.problem


def test_duplicate_id_is_named(broken_copy) -> None:
    folder = broken_copy("partners.yml", lambda e: e.append(dict(e[0])))
    error = rejection(folder)
    assert error.problem == "duplicate id" and error.entry == yaml.safe_load(
        (folder / "partners.yml").read_text())[0]["id"]


def test_synonym_claimed_twice_is_named(broken_copy) -> None:
    kb = load_knowledge()
    taken = kb.sectors["food_beverage"].synonyms[0]
    folder = broken_copy("partners.yml", lambda e: first_with(e, "synonyms")["synonyms"].append(taken))
    error = rejection(folder)
    assert error.field == "synonyms" and taken.lower() in error.problem and "food_beverage" in error.problem


def test_invalid_level_is_named(broken_copy) -> None:
    folder = broken_copy("models.yml", lambda e: e[0].update(resources="enormous"))
    assert rejection(folder).field == "resources"


def test_cli_check_reports_ok_and_errors(broken_copy, capsys) -> None:
    load_knowledge.cache_clear()
    assert cli(["knowledge", "check"]) == 0
    assert "knowledge base OK" in capsys.readouterr().out
    folder = broken_copy("cases.yml", lambda e: e[0]["models"].append("ghost_model"))
    load_knowledge.cache_clear()
    assert cli(["knowledge", "--dir", str(folder), "check"]) == 1
    assert "cases.yml" in capsys.readouterr().err


def test_cli_show_prints_an_entry(capsys) -> None:
    assert cli(["knowledge", "show", "intermediated_network"]) == 0
    assert "kind: models" in capsys.readouterr().out
