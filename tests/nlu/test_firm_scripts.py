"""Whole held-out firms, typed by their owners, against the running assistant.

Floors sit a little below the figures in docs/benchmarks.md: at least
this share of firms reach the advice within 12 messages, and at least
this share of their answers are stored as a human advisor would record them.
"""
from __future__ import annotations

import uuid

import pytest

from tests.nlu import quality
from tests.nlu.owner_simulator import MAX_TURNS, play
from tests.servers import Chat

pytestmark = pytest.mark.servers

# Floors below the measured figures (docs/benchmarks.md), not the 90 % targets.
REACHED = 0.80
RIGHT_SLOTS = 0.84


@pytest.fixture(scope="module")
def outcomes(servers) -> list:
    scripts = quality.load(quality.SCRIPTS)["scripts"]
    return [(script, play(Chat(servers, f"script-{uuid.uuid4().hex[:10]}"), script)) for script in scripts]


def test_firms_reach_the_advice_within_twelve_messages(outcomes: list) -> None:
    reached = sum(outcome.reached and outcome.turns <= MAX_TURNS for _, outcome in outcomes)
    print(f"reached the advice: {reached}/{len(outcomes)}")
    assert reached / len(outcomes) >= REACHED


def test_stored_answers_match_what_an_advisor_would_record(outcomes: list) -> None:
    right = sum(outcome.right(script) for script, outcome in outcomes if outcome.reached)
    total = sum(len(script["expect"]) for script, outcome in outcomes if outcome.reached)
    print(f"answers stored right: {right}/{total}")
    assert total and right / total >= RIGHT_SLOTS
