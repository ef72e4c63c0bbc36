"""Every first step and every way to find a partner is a complete sentence.

A fragment such as "Your social media followers and newsletter readers." once
reached owners as a step to take; the knowledge check now rejects it.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.cli import main as cli
from bot.knowledge import KnowledgeError, knowledge_dir, load_knowledge
from bot.knowledge.validation import SENTENCE_FIELDS, sentence_problems

FRAGMENT = "Your social media followers and newsletter readers."


def with_text(tmp_path: Path, file: str, field: str, text: str) -> Path:
    """A copy of knowledge/ whose first entry of ``file`` has ``text`` as its first ``field`` item."""
    target = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), target)
    path = target / file
    entries = yaml.safe_load(path.read_text())
    entries[0][field][0] = text
    path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True))
    return target


def rejection(folder: Path) -> KnowledgeError:
    load_knowledge.cache_clear()
    try:
        with pytest.raises(KnowledgeError) as caught:
            load_knowledge(folder)
    finally:
        load_knowledge.cache_clear()
    return caught.value


def test_every_real_step_and_finding_hint_is_a_sentence() -> None:
    load_knowledge.cache_clear()
    kb = load_knowledge()
    checked = 0
    for kind, field in SENTENCE_FIELDS:
        for entry in kb.kind(kind).values():
            for text in getattr(entry, field):
                assert sentence_problems(text) == [], f"{kind} '{entry.id}' {field}: {text}"
                checked += 1
    assert checked >= 50


def test_the_cli_check_passes_on_the_real_knowledge_base(capsys) -> None:
    load_knowledge.cache_clear()
    assert cli(["knowledge", "check"]) == 0
    assert "knowledge base OK" in capsys.readouterr().out


@pytest.mark.parametrize("text", [
    "Ask your social media followers and newsletter readers for ideas.",
    "If it works, discuss a sponsored project with the department.",
    "After a failed project, ask the agency about support.",
    "Start with loyal, regular customers.",
    "Is there an association for your sector nearby?",
])
def test_complete_sentences_pass(text: str) -> None:
    assert sentence_problems(text) == []


def test_a_noun_phrase_has_no_verb() -> None:
    assert sentence_problems(FRAGMENT) == ["has no verb (opening imperative, auxiliary or -ed/-ing form)"]


def test_a_short_lower_case_phrase_breaks_every_rule_but_the_verb() -> None:
    problems = sentence_problems("ask partners")
    assert any("capital" in problem for problem in problems)
    assert any("end with" in problem for problem in problems)
    assert any("fewer than 5 words" in problem for problem in problems)
    assert len(problems) == 3


@pytest.mark.parametrize("text, problem", [
    ("Ask your suppliers what is new", "end with"),
    ("ask your suppliers what is new.", "capital"),
    ("Ask suppliers about trials.", "fewer than 5 words"),
])
def test_each_rule_is_reported(text: str, problem: str) -> None:
    assert [found for found in sentence_problems(text) if problem in found]


def test_a_fragment_in_how_to_find_is_named(tmp_path: Path) -> None:
    error = rejection(with_text(tmp_path, "partners.yml", "how_to_find", FRAGMENT))
    assert (error.file, error.field) == ("partners.yml", "how_to_find")
    assert FRAGMENT in error.problem and "no verb" in error.problem


def test_a_fragment_in_first_steps_is_named(tmp_path: Path) -> None:
    error = rejection(with_text(tmp_path, "models.yml", "first_steps", FRAGMENT))
    assert (error.file, error.field) == ("models.yml", "first_steps")
    assert "not a complete sentence" in error.problem


def test_ask_partners_is_rejected_in_first_steps(tmp_path: Path) -> None:
    error = rejection(with_text(tmp_path, "models.yml", "first_steps", "ask partners"))
    assert error.file == "models.yml" and error.field.startswith("first_steps")


def test_cli_check_reports_the_fragment(tmp_path: Path, capsys) -> None:
    folder = with_text(tmp_path, "partners.yml", "how_to_find", FRAGMENT)
    load_knowledge.cache_clear()
    try:
        assert cli(["knowledge", "--dir", str(folder), "check"]) == 1
    finally:
        load_knowledge.cache_clear()
    err = capsys.readouterr().err
    assert "partners.yml" in err and "how_to_find" in err and FRAGMENT in err
