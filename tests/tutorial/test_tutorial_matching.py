"""Typed answers mapped to quiz options and lesson titles, without Rasa."""
from __future__ import annotations

import pytest

from bot.tutorial.matching import choice_index, looks_like_question, match_option, normalise

KINDS = ["Inbound", "Outbound", "Coupled", "Closed innovation"]
SALE = ["Inbound for both", "Outbound for the small firm, inbound for the large firm", "Coupled for both",
        "None, it is an ordinary sale"]
SMALL = ["It is true, small firms lack the budget",
         "Small firms can gain even more, since outside resources offset their limits",
         "Only tech startups can use it"]
MONTHS = ["Three years", "Two months", "Eight months", "Five years"]


@pytest.mark.parametrize("typed, options, expected", [
    ("inbound", KINDS, 0),
    ("  INBOUND. ", KINDS, 0),
    ("2", KINDS, 1),
    ("option 3", KINDS, 2),
    ("b", KINDS, 1),
    ("(d)", KINDS, 3),
    ("the first one", KINDS, 0),
    ("I think it's the last", KINDS, 3),
    ("closed", KINDS, 3),
    ("i think it's closed innovation", KINDS, 3),
    ("outbound for the small one, inbound for the large", SALE, 1),
    ("it's an ordinary sale", SALE, 3),
    ("small firms can gain more", SMALL, 1),
    ("they lack the budget", SMALL, 0),
    ("only startups", SMALL, 2),
    ("two months", MONTHS, 1),
    ("eight months", MONTHS, 2),
    ("closed innovation?", KINDS, 3),   # a hesitant answer, not a question
])
def test_typed_answers_find_their_option(typed: str, options: list, expected: int) -> None:
    assert match_option(typed, options) == expected


@pytest.mark.parametrize("typed, options", [
    ("", KINDS),
    ("7", KINDS),
    ("f", KINDS),
    ("no idea", KINDS),
    ("months", MONTHS),               # shared by two options: ambiguous
    ("small firms", SMALL),           # shared too
    ("what is coupled innovation?", KINDS),
    ("explain inbound please", KINDS),
])
def test_unclear_or_ambiguous_text_matches_nothing(typed: str, options: list) -> None:
    assert match_option(typed, options) is None


def test_without_loose_matching_only_exact_text_and_choices_count() -> None:
    assert match_option("closed", KINDS, loose=False) is None
    assert match_option("Closed innovation", KINDS, loose=False) == 3
    assert match_option("4", KINDS, loose=False) == 3


def test_an_exact_option_counts_even_when_it_reads_like_a_question() -> None:
    options = ["Which partners?", "None"]
    assert match_option("which partners?", options, loose=False) == 0


@pytest.mark.parametrize("text, question", [
    ("what is licensing out?", True), ("whats a spin-off", True), ("explain coupled", True),
    ("I don't understand inbound", True), ("is it inbound", True),
    ("inbound", False), ("it is true, they lack the budget", False), ("the second one", False),
    ("coupled?", False),
])
def test_questions_are_told_from_answers(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def test_choice_index_reads_numbers_letters_and_ordinals_within_range() -> None:
    assert [choice_index(t, 3) for t in ("1", "3", "4", "c", "d", "third", "last", "one", "two")] == \
        [0, 2, None, 2, None, 2, 2, 0, 1]


def test_normalise_drops_case_accents_and_punctuation() -> None:
    assert normalise("  Café, R&D — it's “Closed”! ") == "cafe r d its closed"
