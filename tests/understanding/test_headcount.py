"""Head counts in the shapes owners type them."""
from __future__ import annotations

from typing import Optional

import pytest

from bot.understanding.headcount import head_count, size_band, words_to_number

BANDS = [{"id": "micro", "min": 0, "max": 9}, {"id": "small", "min": 10, "max": 49},
         {"id": "medium", "min": 50, "max": 249}, {"id": "large", "min": 250, "max": None}]


@pytest.mark.parametrize("text, count", [
    ("12", 12), ("a dozen of us", 12), ("8-10 people", 9), ("between 40 and 50", 45), ("just me", 1),
    ("me and two apprentices", 3), ("me and my wife", 2), ("around 30 counting part-timers", 30),
    ("two hundred odd", 200), ("12 full time and 4 part time staff", 16), ("forty odd", 40),
    ("under 10", 9), ("over 250 employees", 251), ("1,200 employees", 1200), ("founded in 1998, 30 staff", 30),
    ("fifty", 50), ("twenty-seven", 27),
])
def test_counts_when_size_is_asked(text: str, count: int) -> None:
    found = head_count(text, asked=True)
    assert found is not None and found.count == count


@pytest.mark.parametrize("text, count", [
    ("hi we run a bakery, 12 staff", 12), ("we're 27", 27), ("team of 6", 6), ("about 45 fte", 45),
    ("we sell 500 loaves a day", None), ("since 1998", None), ("12", None),
])
def test_counts_in_passing_need_a_word_for_people(text: str, count: Optional[int]) -> None:
    found = head_count(text, asked=False)
    assert (found.count if found else None) == count


def test_number_words_and_bands() -> None:
    assert words_to_number("two hundred and five") == 205
    assert words_to_number("bread") is None
    assert [size_band(n, BANDS) for n in (1, 10, 49, 50, 250)] == ["micro", "small", "small", "medium", "large"]
