"""Cue words for the questions that have no knowledge-base vocabulary."""
from __future__ import annotations

import pytest

from bot.diagnosis import answers


@pytest.mark.parametrize("text, level", [
    ("our recipes are our crown jewels", "high"),
    ("very sensitive", "high"),
    ("somewhat, a bit", "medium"),
    ("not really sensitive", "low"),
    ("nothing secret here", "low"),
    ("no idea", None),
])
def test_ip_sensitivity(text: str, level) -> None:
    assert answers.ip_sensitivity(text) == level


@pytest.mark.parametrize("text, outcome", [
    ("we worked with a uni and it flopped", "failed"),
    ("never collaborated", "none"),
    ("yes, it went well", "good"),
    ("it didn't work out well", "failed"),
])
def test_experience(text: str, outcome: str) -> None:
    assert answers.experience(text) == outcome


@pytest.mark.parametrize("text, intent, expected", [
    ("abroad is fine", "inform", True),
    ("only local partners", "inform", False),
    ("no, not abroad", "inform", False),
    ("sure", "affirm", True),
    ("nope", "deny", False),
    ("hmm", "inform", None),
])
def test_international(text: str, intent: str, expected) -> None:
    assert answers.international(text, intent) is expected
