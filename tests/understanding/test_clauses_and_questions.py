"""Clauses of a message, and the question an owner names."""
from __future__ import annotations

import pytest

from bot.understanding.clauses import clauses
from bot.understanding.questions import which_question
from bot.understanding.reader import mark_negation


def test_a_message_splits_into_its_clauses_with_offsets() -> None:
    text = "hi we run a bakery, 12 staff. want new products but no time"
    parts = clauses(text)
    assert [part.text for part in parts] == ["hi we run a bakery", "12 staff", "want new products", "no time"]
    assert all(text[part.start:part.end] == part.text for part in parts)
    assert [part.text for part in clauses("machine shop")] == ["machine shop"]
    assert clauses("   ") == []


@pytest.mark.parametrize("text, parts", [
    ("no money or staff", ["no money", "staff"]),
    ("cash/people", ["cash", "people"]),
    ("kit & know-how", ["kit", "know-how"]),
    ("we do proper r&d", ["we do proper r&d"]),
])
def test_two_answers_in_one_clause_are_split(text: str, parts: list) -> None:
    """"X or Y" and "X/Y" name two values of a list question; "r&d" is one word."""
    assert [part.text for part in clauses(text)] == parts


@pytest.mark.parametrize("text, slot", [
    ("change the sector", "sector"), ("the size is wrong", "company_size"), ("change our stage", "innovation_stage"),
    ("let me fix the obstacles", "barriers"), ("change my answer about secrets", "ip_sensitivity"),
    ("change the answer on going abroad", "international"), ("change an answer", None),
])
def test_the_question_an_owner_names(text: str, slot) -> None:
    assert which_question(text) == slot


def test_negation_marks_the_words_in_its_scope() -> None:
    assert mark_negation("not really sensitive") == "not not_really not_sensitive"
    assert mark_negation("didnt go well, but fine") == "didnt not_go not_well , but fine"


def test_a_stated_head_count_is_set_aside_before_the_text_is_classified() -> None:
    from bot.understanding.clauses import Clause
    from bot.understanding.headcount import head_count
    from bot.understanding.reader import _without_count

    for text, rest in (("We are a furniture maker with 25 employees", "We are a furniture maker"),
                       ("bakery, 12 staff", "bakery"), ("25", "25")):
        assert _without_count(Clause(text, 0, len(text)), head_count(text, asked=False)) == rest
