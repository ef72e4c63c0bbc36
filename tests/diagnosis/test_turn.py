"""How the diagnosis form reads each owner message."""
from __future__ import annotations

from bot.diagnosis.form import SKIPPED, profile_slots
from bot.diagnosis.interpret import Message, interpret
from bot.diagnosis.turn import REASKS_SLOT, decide


def msg(text: str, intent: str = "inform", *entities) -> Message:
    return Message(text=text, intent=intent, entities=list(entities))


def test_one_message_fills_several_empty_slots() -> None:
    decision = decide(msg("we bake bread, about 12 people", "inform", ("sector", "food_beverage"),
                          ("company_size", "small")), "sector", {})
    assert decision.slots["sector"] == "food_beverage" and decision.slots["company_size"] == "small"


def test_earlier_answers_are_kept_unless_corrected() -> None:
    slots = {"sector": "food_beverage", "company_size": "small"}
    kept = decide(msg("we sell to restaurants", "inform", ("sector", "hospitality")), "innovation_need", slots)
    assert "sector" not in kept.slots
    corrected = decide(msg("actually we are 30 people", "inform", ("company_size", "small")), "innovation_need",
                       {"company_size": "micro"})
    assert corrected.slots["company_size"] == "small"


def test_skip_marks_the_question_skipped_and_profile_treats_it_as_unknown() -> None:
    decision = decide(msg("skip", "skip_question"), "barriers", {})
    assert decision.slots["barriers"] == SKIPPED
    assert profile_slots({"barriers": SKIPPED, "sector": SKIPPED}) == {"barriers": [], "sector": None}


def test_go_back_reopens_the_previous_answered_question() -> None:
    slots = {"sector": "retail", "company_size": "micro", "innovation_need": "new_product"}
    decision = decide(msg("go back", "go_back"), "innovation_stage", slots)
    assert decision.slots["innovation_need"] is None and decision.slots["requested_slot"] == "innovation_need"


def test_go_back_on_the_first_question_says_so() -> None:
    decision = decide(msg("back", "go_back"), "sector", {})
    assert decision.replies[0].payload["id"] == "first_question" and not decision.reject


def test_why_do_you_ask_explains_without_filling() -> None:
    decision = decide(msg("why do you need that?", "why_ask"), "ip_sensitivity", {})
    assert decision.replies[0].payload == {"type": "why", "slot": "ip_sensitivity"}
    assert set(decision.slots) == {REASKS_SLOT}


def test_unclear_answer_is_reasked_once_then_left_open() -> None:
    first = decide(msg("hmm", "inform"), "innovation_need", {}, reasks=0)
    assert first.slots == {REASKS_SLOT: 1}
    second = decide(msg("hmm", "inform"), "innovation_need", {}, reasks=1)
    assert second.slots["innovation_need"] == SKIPPED and second.replies[0].payload["id"] == "left_open"


def test_side_questions_are_handed_over() -> None:
    assert decide(msg("what is crowdsourcing?", "ask_definition", ("model", "crowdsourcing")), "sector", {}).reject
    question = msg("which partners suit scaling up?", "ask_partners_for_stage", ("innovation_stage", "scaling_up"))
    assert decide(question, "innovation_stage", {}).reject


def test_a_misread_answer_that_names_the_asked_value_is_taken() -> None:
    decision = decide(msg("we design antennas", "misconception", ("sector", "electronics_telecom")), "sector", {})
    assert decision.slots["sector"] == "electronics_telecom"
    assert decide(msg("this is only for big firms", "misconception"), "sector", {}).reject
    misread = msg("web development agency", "ask_partners_for_stage", ("sector", "software_it"))
    assert decide(misread, "sector", {}).slots["sector"] == "software_it"


def test_opening_message_fills_what_it_names() -> None:
    decision = decide(msg("advice please, we are a bakery", "start_diagnosis", ("sector", "food_beverage")), None, {})
    assert decision.slots["sector"] == "food_beverage"


def test_cue_word_questions_are_read_only_when_asked() -> None:
    assert interpret(msg("our recipes are very sensitive"), "ip_sensitivity", {}).updates["ip_sensitivity"] == "high"
    assert "ip_sensitivity" not in interpret(msg("our recipes are very sensitive"), "sector", {}).updates


def test_past_partners_come_with_the_experience_answer() -> None:
    reading = interpret(msg("worked with a university, it went badly", "inform", ("partner", "university")),
                        "partner_experience", {})
    assert reading.updates["partner_experience"] == "failed" and reading.past_partners == ["university"]


def test_buttons_and_none_answers() -> None:
    assert interpret(msg("/inform", "inform", ("barrier", "none")), "barriers", {}).updates["barriers"] == []
    assert interpret(msg("yes", "inform", ("international", "yes")), "international", {}).updates["international"] is True
