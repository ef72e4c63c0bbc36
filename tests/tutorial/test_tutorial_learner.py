"""Class codes and learner names as typed in the chat."""
from __future__ import annotations

import pytest

from bot.tutorial.learner import ALPHABET, find_codes, is_code, new_code, parse_name


def test_new_codes_are_well_formed_and_avoid_look_alikes() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(is_code(code) for code in codes)
    assert not set("ILO01") & set("".join(codes).replace("-", ""))
    assert set("".join(codes).replace("-", "")) <= set(ALPHABET)


@pytest.mark.parametrize("typed, found", [
    ("K7QM-2PXD", ["K7QM-2PXD"]),
    ("k7qm2pxd", ["K7QM-2PXD"]),
    ("my code is k7qm 2pxd thanks", ["K7QM-2PXD"]),
    ("codes: AAAA-BBBB and CCCC-DDDD", ["AAAA-BBBB", "CCCC-DDDD"]),
    ("K7QM-2PXDX", []),          # too long
    ("we have no class code", []),
    ("OI10-LL00", []),           # look-alikes are never part of a code
])
def test_codes_are_found_in_what_learners_type(typed: str, found: list) -> None:
    assert find_codes(typed) == found


def test_is_code_accepts_only_the_stored_form() -> None:
    assert is_code("K7QM-2PXD")
    assert not is_code("k7qm-2pxd") and not is_code("K7QM2PXD") and not is_code("../../etc")


@pytest.mark.parametrize("typed, name", [
    ("Anna", "Anna"), ("  anna  ", "anna"), ("I'm Anna", "Anna"), ("Hi, I'm Anna!", "Anna"),
    ("my name is Anna Berg", "Anna Berg"), ("call me Jean-Luc", "Jean-Luc"), ("Zoë", "Zoë"),
    ("O'Brien", "O'Brien"),
])
def test_names_are_read_from_short_answers(typed: str, name: str) -> None:
    assert parse_name(typed) == name


@pytest.mark.parametrize("typed", [
    "", "   ", "<script>alert(1)</script>", "I would rather not tell you my name at all", "Anna2",
    "x" * 41, "anna@example.org", "=HYPERLINK(1)",
])
def test_anything_else_is_not_a_name(typed: str) -> None:
    assert parse_name(typed) is None
