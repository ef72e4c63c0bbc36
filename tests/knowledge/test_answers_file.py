"""``knowledge/answers.yml``: example answers for every value of every question."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.knowledge import KnowledgeError, load_knowledge
from bot.knowledge.answers import ANSWER_SLOTS, allowed_values, load_examples

MINIMUM = 20


def test_every_value_of_every_question_has_many_example_answers() -> None:
    kb = load_knowledge()
    raw = yaml.safe_load((kb.directory / "answers.yml").read_text())
    for slot in ANSWER_SLOTS:
        for value in allowed_values(kb, slot):
            assert len(raw[slot][value]) >= MINIMUM, (slot, value)


def test_examples_add_each_entrys_name_and_synonyms() -> None:
    kb = load_knowledge()
    examples = load_examples(kb)
    assert "Food and drink".lower() in {text.lower() for text in examples["sector"]["food_beverage"]}
    assert set(examples) == set(ANSWER_SLOTS)


def test_no_example_answer_is_given_for_two_values() -> None:
    raw = yaml.safe_load((load_knowledge().directory / "answers.yml").read_text())
    for slot, values in raw.items():
        seen = {}
        for value, texts in values.items():
            for text in texts:
                key = str(text).strip().lower()
                assert seen.setdefault(key, value) == value, (slot, text)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(load_knowledge().directory, folder)
    return folder


def test_an_unknown_value_is_rejected_with_its_name(broken: Path) -> None:
    path = broken / "answers.yml"
    path.write_text(path.read_text().replace("  software_it:", "  software:", 1))
    with pytest.raises(KnowledgeError, match="software"):
        load_examples(load_knowledge.__wrapped__(broken))


def test_an_unknown_question_is_rejected(broken: Path) -> None:
    path = broken / "answers.yml"
    path.write_text(path.read_text() + "\nfavourite_colour:\n  blue: [blue]\n")
    with pytest.raises(KnowledgeError, match="favourite_colour"):
        load_examples(load_knowledge.__wrapped__(broken))
