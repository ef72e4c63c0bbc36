"""Understanding owners' own words, measured on held-out sets never trained on.

Floors sit a little below the figures ``make bench`` reports
(docs/benchmarks.md), so a change that makes understanding worse fails.
"""
from __future__ import annotations

import pytest

from tests.nlu import quality

# Floors below the measured figures (docs/benchmarks.md), not the targets
# (90 %, 98 %, 2 %, 95 %), not all of which the assistant reaches yet.
FIRST_READING = 0.87
WITHIN_CHOICES = 0.91
CARDS_ON_ANSWERS = 0.05
DOUBTS_RECOGNISED = 0.91
#: doubts sent as replies to a question that still get their card (measured 84 %)
DOUBTS_INSIDE_THE_FORM = 0.74


def test_no_heldout_text_is_trained_on() -> None:
    """No held-out phrasing is in the training data.

    Stock replies of one or two words ("yes", "low", "3") are exempt: any
    two writers produce them, and a firm's script needs them.
    """
    leaked = {text for text in quality.shared(quality.heldout_texts(), quality.training_texts())
              if len(text.split()) > 2}
    assert not leaked, f"held-out texts also in the training data: {sorted(leaked)[:10]}"


def test_heldout_sets_are_large_enough() -> None:
    answers = quality.load(quality.ANSWERS)["answers"]
    per_question = {case["question"] for case in answers}
    assert len(answers) >= 360 and len(per_question) == 9
    assert all(sum(case["question"] == q for case in answers) >= 40 for q in per_question)
    assert len(quality.load(quality.SCRIPTS)["scripts"]) >= 30


@pytest.fixture(scope="module")
def parse(trained_model: str) -> quality.Parse:
    return quality.model_parser(trained_model)


@pytest.fixture(scope="module")
def answer_scores(parse: quality.Parse) -> quality.AnswerScores:
    return quality.score_answers(parse)


def test_answers_are_read_right_at_the_first_reading(answer_scores: quality.AnswerScores) -> None:
    rate = answer_scores.rate(answer_scores.first)
    print(f"first reading right: {rate:.3f} of {answer_scores.total}")
    assert rate >= FIRST_READING


def test_answers_are_within_the_clarifying_choices(answer_scores: quality.AnswerScores) -> None:
    rate = answer_scores.rate(answer_scores.within)
    print(f"within the choices: {rate:.3f}")
    assert rate >= WITHIN_CHOICES


def test_ordinary_answers_and_chat_rarely_draw_a_card(parse: quality.Parse,
                                                      answer_scores: quality.AnswerScores) -> None:
    cards, chat = quality.card_rate_on_chat(parse)
    rate = (answer_scores.cards + cards) / (answer_scores.total + chat)
    print(f"cards on ordinary messages: {rate:.3f}")
    assert rate <= CARDS_ON_ANSWERS


def test_voiced_doubts_are_still_recognised(parse: quality.Parse) -> None:
    recognised, _, total = quality.doubt_recall(parse)
    print(f"doubts recognised: {recognised}/{total}")
    assert recognised / total >= DOUBTS_RECOGNISED


def test_doubts_voiced_inside_the_questions_still_get_their_card(parse: quality.Parse) -> None:
    """The form's stronger bar for a doubt that answers the question must not silence doubts."""
    carded, doubts, _, _ = quality.doubts_inside_the_form(parse)
    print(f"doubts inside the form carded: {carded}/{doubts}")
    assert carded / doubts >= DOUBTS_INSIDE_THE_FORM
