"""When the content overrides the intent classifier."""
from __future__ import annotations

from bot.understanding.gate import gated_intent, unanswered_clauses
from bot.understanding.reader import BARE_COUNT, Reading

ANSWER = [Reading("innovation_stage", "commercialisation", 0.9, 0, 10, 0.95)]
WEAK = [Reading("sector", "retail", 0.3, 0, 10, 0.5)]
BARE = [Reading("company_size", "small", BARE_COUNT, 0, 2, 1.0)]


def test_a_misconception_that_voices_no_doubt_but_answers_is_an_answer() -> None:
    assert gated_intent("misconception", 0.1, ANSWER) == "inform"
    assert gated_intent("misconception", 0.1, ANSWER, clause_doubt=0.7) is None
    assert gated_intent("inform", 0.1, ANSWER, clause_doubt=0.95) is None
    assert gated_intent("misconception", 0.8, ANSWER) is None
    assert gated_intent("misconception", 0.1, WEAK) is None
    assert gated_intent("misconception", 0.6, ANSWER) is None


def test_a_greeting_stating_facts_is_an_answer_but_a_bare_number_is_not_enough() -> None:
    assert gated_intent("greet", 0.05, ANSWER) == "inform"
    assert gated_intent("greet", 0.05, BARE) is None
    assert gated_intent("greet", 0.05, []) is None


def test_a_clear_doubt_wins_over_answer_and_fallback() -> None:
    assert gated_intent("inform", 0.95, ANSWER) == "misconception"
    assert gated_intent("nlu_fallback", 0.95, []) == "misconception"


def test_control_intents_are_never_touched() -> None:
    for intent in ("stop", "delete_my_data", "start_over", "request_followup", "change_answer", "ask_privacy"):
        assert gated_intent(intent, 0.99, ANSWER) is None
        assert gated_intent(intent, 0.0, ANSWER) is None


def test_a_doubt_both_classifiers_lean_to_is_answered_instead_of_rephrase() -> None:
    assert gated_intent("nlu_fallback", 0.6, [], runner_up="misconception") == "misconception"
    assert gated_intent("nlu_fallback", 0.3, [], runner_up="misconception") is None
    assert gated_intent("nlu_fallback", 0.6, [], runner_up="ask_definition") is None


def test_a_doubt_beside_an_answer_is_read_in_its_own_clause() -> None:
    text = "we're a bakery, probably too small for all this"
    sector = Reading("sector", "food_beverage", 0.9, 0, len("we're a bakery"), 0.95)
    assert unanswered_clauses(text, [sector]) == ["probably too small for all this"]


def test_a_message_without_a_confident_answering_clause_is_read_whole() -> None:
    text = "we're small, so this is not for us"
    whole = Reading("company_size", "micro", 0.9, 0, len(text), 0.95)
    assert unanswered_clauses(text, [whole]) == []
    assert unanswered_clauses(text, []) == []
    assert unanswered_clauses(text, [Reading("company_size", "micro", 0.3, 0, 11, 0.9)]) == []
    assert unanswered_clauses("a bakery", [Reading("sector", "food_beverage", 0.9, 2, 8, 0.9)]) == []
