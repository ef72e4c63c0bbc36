"""How the diagnosis form reads each owner message, from the answer reader's readings."""
from __future__ import annotations

from typing import Tuple

from bot.conversation.turns import Message
from bot.diagnosis.form import SKIPPED, profile_slots
from bot.diagnosis.interpret import interpret
from bot.diagnosis.turn import ASKS_SLOT, CHOICES_SLOT, MAX_ASKS, REASKS_SLOT, decide
from bot.understanding.reader import Reading


def said(text: str, intent: str = "inform", *readings: Tuple[str, str, float, float, str],
         entities=()) -> Message:
    """A message with readings given as (slot, value, confidence, share, part of the text)."""
    found = []
    for slot, value, confidence, share, part in readings:
        start = text.index(part)
        found.append(Reading(slot, value, confidence, start, start + len(part), share))
    return Message(text=text, intent=intent, entities=list(entities), readings=found)


BAKERY = "bakery, 12 staff, new products"


def bakery_opener() -> Message:
    return said(BAKERY, "inform",
                ("sector", "food_beverage", 0.6, 0.9, BAKERY), ("sector", "food_beverage", 0.95, 0.97, "bakery"),
                ("company_size", "small", 0.99, 1.0, "12"),
                ("innovation_need", "new_product", 0.9, 0.95, "new products"),
                ("offer", "technology_ip", 0.4, 0.6, "new products"))


def test_one_message_fills_every_slot_it_clearly_states() -> None:
    decision = decide(bakery_opener(), None, {})
    assert decision.slots["sector"] == "food_beverage"
    assert decision.slots["company_size"] == "small"
    assert decision.slots["innovation_need"] == "new_product"
    assert "offer" not in decision.slots


def test_the_asked_question_comes_first_and_one_phrase_fills_one_slot() -> None:
    text = "no time and lack of know how"
    message = said(text, "inform", ("barriers", "skills_shortage", 0.5, 0.7, text),
                   ("barriers", "lack_tech_info", 0.4, 0.6, text),
                   ("barriers", "lack_tech_info", 0.6, 0.8, "lack of know how"),
                   ("offer", "technology_ip", 0.9, 0.95, "lack of know how"))
    decision = decide(message, "barriers", {})
    assert set(decision.slots["barriers"]) == {"skills_shortage", "lack_tech_info"}
    assert "offer" not in decision.slots


def test_a_second_slot_needs_high_confidence() -> None:
    text = "machines idle in the afternoon, we make parts"
    message = said(text, "inform", ("offer", "capacity", 0.8, 0.9, text),
                   ("sector", "manufacturing", 0.55, 0.8, "we make parts"))
    assert set(decide(message, "offer", {}).slots) >= {"offer"}
    assert "sector" not in decide(message, "offer", {}).slots


def test_earlier_answers_are_kept_unless_corrected() -> None:
    slots = {"sector": "food_beverage"}
    text = "we want new products, we sell to restaurants"
    message = said(text, "inform", ("innovation_need", "new_product", 0.9, 0.9, "we want new products"),
                   ("sector", "hospitality", 0.9, 0.9, "we sell to restaurants"))
    assert "sector" not in decide(message, "innovation_need", slots).slots
    text = "actually we are a caterer"
    correction = said(text, "inform", ("sector", "hospitality", 0.95, 0.95, text))
    assert interpret(correction, None, slots).updates["sector"] == "hospitality"


def test_a_denied_value_is_never_taken() -> None:
    text = "we are not retail, we are a manufacturer"
    message = said(text, "inform", ("sector", "retail", 0.9, 0.9, "we are not retail"),
                   ("sector", "manufacturing", 0.9, 0.95, "we are a manufacturer"))
    assert interpret(message, None, {"sector": "retail"}, correcting=True).updates["sector"] == "manufacturing"


def test_unsure_answers_offer_the_likeliest_values_then_move_on() -> None:
    text = "we sort of do a bit of everything"
    message = said(text, "inform", ("sector", "other", 0.2, 0.4, text), ("sector", "retail", 0.2, 0.3, text),
                   ("sector", "professional_services", 0.1, 0.2, text))
    first = decide(message, "sector", {}, reasks=0, asks=1)
    assert first.slots == {REASKS_SLOT: 1, CHOICES_SLOT: ["other", "retail", "professional_services"]}
    second = decide(message, "sector", {CHOICES_SLOT: first.slots[CHOICES_SLOT]}, reasks=1, asks=2)
    assert second.slots["sector"] == SKIPPED and second.replies[0].payload["id"] == "left_open"


def test_yes_to_did_you_mean_takes_the_first_choice_and_no_shows_all() -> None:
    offered = {CHOICES_SLOT: ["retail", "other"]}
    assert decide(said("yes", "affirm"), "sector", offered, reasks=1).slots["sector"] == "retail"
    refused = decide(said("no", "deny"), "sector", offered, reasks=1)
    assert refused.slots[CHOICES_SLOT] is None and "sector" not in refused.slots


def test_no_question_is_asked_a_third_time_after_side_remarks() -> None:
    greeting = said("hello again", "greet")
    assert decide(greeting, "sector", {}, asks=1, returning=True).slots == {}
    moved_on = decide(greeting, "sector", {}, asks=MAX_ASKS, returning=True)
    assert moved_on.slots["sector"] == SKIPPED


def test_an_answer_with_a_doubt_is_handed_over_then_stored() -> None:
    text = "we're a bakery, probably too small for this"
    read = said(text, "misconception", ("sector", "food_beverage", 0.9, 0.95, "we're a bakery"))
    message = Message(text, "misconception", readings=read.readings, doubt=0.9)
    assert decide(message, "sector", {}).reject
    assert decide(message, "sector", {}, asks=1, returning=True).slots["sector"] == "food_beverage"


def test_side_questions_and_control_are_handed_over() -> None:
    for intent in ("ask_definition", "delete_my_data", "stop", "start_over", "help", "ask_privacy"):
        assert decide(said("what now", intent), "sector", {}).reject, intent
    doubt = Message("isn't this only for big firms?", "misconception", doubt=0.9)
    assert decide(doubt, "sector", {}).reject
    question = said("which partners suit scaling up?", "ask_partners_for_stage",
                    ("innovation_stage", "scaling_up", 0.9, 0.9, "scaling up"))
    assert decide(question, "innovation_stage", {}, asks=1, returning=True).slots == {}


def test_greetings_and_restarts_inside_the_form_are_acknowledged_never_restart() -> None:
    for intent in ("greet", "start_diagnosis", "thank"):
        decision = decide(said("hi", intent), "sector", {}, asks=1)
        assert not decision.reject and decision.replies[0].payload["id"] == "carry_on"
        assert "sector" not in decision.slots
    assert decide(said("hi", "greet"), "sector", {}, asks=MAX_ASKS).slots["sector"] == SKIPPED


def test_skip_marks_the_question_skipped_and_profile_treats_it_as_unknown() -> None:
    decision = decide(said("skip", "skip_question"), "barriers", {})
    assert decision.slots["barriers"] == SKIPPED
    assert profile_slots({"barriers": SKIPPED, "sector": SKIPPED}) == {"barriers": [], "sector": None}


def test_a_skip_that_plainly_answers_the_question_is_an_answer() -> None:
    text = "no, not really, we only sell locally"
    answered = decide(said(text, "skip_question", ("international", "no", 0.8, 0.9, text)),
                      "international", {})
    assert answered.slots["international"] is False
    vague = decide(said("no idea, skip", "skip_question", ("international", "no", 0.3, 0.9, "no idea, skip")),
                   "international", {})
    assert vague.slots["international"] == SKIPPED


def test_go_back_reopens_the_previous_answered_question() -> None:
    slots = {"sector": "retail", "company_size": "micro", "innovation_need": "new_product"}
    decision = decide(said("go back", "go_back"), "innovation_stage", slots)
    assert decision.slots["innovation_need"] is None and decision.slots["requested_slot"] == "innovation_need"
    first = decide(said("back", "go_back"), "sector", {})
    assert first.replies[0].payload["id"] == "first_question" and not first.reject


def test_why_do_you_ask_explains_without_filling() -> None:
    decision = decide(said("why do you need that?", "why_ask"), "ip_sensitivity", {})
    assert decision.replies[0].payload == {"type": "why", "slot": "ip_sensitivity"}
    assert set(decision.slots) == {REASKS_SLOT}


def test_buttons_are_explicit_and_none_answers_are_empty_lists() -> None:
    assert interpret(said("/inform", entities=[("barrier", "none")]), "barriers", {}).updates["barriers"] == []
    assert interpret(said("yes", entities=[("international", "yes")]), "international", {}).updates[
        "international"] is True
    text = "nothing really"
    nothing = said(text, "inform", ("barriers", "none", 0.8, 0.9, text))
    assert interpret(nothing, "barriers", {}).updates["barriers"] == []


def test_past_partners_come_with_the_experience_answer() -> None:
    text = "worked with a university, it went badly"
    reading = interpret(said(text, "inform", ("partner_experience", "failed", 0.8, 0.9, text),
                             entities=[("partner", "university")]), "partner_experience", {})
    assert reading.updates["partner_experience"] == "failed" and reading.past_partners == ["university"]


def test_the_ask_counter_slot_is_named_for_the_actions() -> None:
    assert ASKS_SLOT == "diagnosis_asks"


def test_a_one_clause_opener_fills_its_sector_and_its_head_count() -> None:
    text = "We are a furniture maker with 25 employees"
    message = said(text, "inform", ("sector", "manufacturing", 0.92, 0.95, text),
                   ("innovation_need", "new_product", 0.3, 0.5, text), ("company_size", "small", 0.99, 1.0, "25"))
    assert decide(message, None, {}).slots["sector"] == "manufacturing"
    assert decide(message, None, {}).slots["company_size"] == "small"
    assert "innovation_need" not in decide(message, None, {}).slots


def test_an_answer_misread_as_a_doubt_is_stored_without_a_card() -> None:
    text = "its finished, works, just sitting in a repo"
    reading = ("innovation_stage", "commercialisation", 0.4, 0.8, text)
    calm = Message(text, "misconception", readings=said(text, "inform", reading).readings, doubt=0.2)
    assert decide(calm, "innovation_stage", {}).slots["innovation_stage"] == "commercialisation"
    unsure = Message(text, "misconception", readings=calm.readings, doubt=0.8)
    assert decide(unsure, "innovation_stage", {}).slots["innovation_stage"] == "commercialisation"
    worried = Message(text, "misconception", readings=calm.readings, doubt=0.95)
    assert decide(worried, "innovation_stage", {}).reject


def test_a_doubt_that_answers_nothing_interrupts_with_its_card() -> None:
    text = "open innovation is only for big corporations"
    reading = ("innovation_stage", "exploration", 0.05, 0.3, text)
    doubt = Message(text, "misconception", readings=said(text, "inform", reading).readings, doubt=0.6)
    assert decide(doubt, "innovation_stage", {}).reject


def test_an_answer_to_another_question_after_the_second_ask_still_moves_on() -> None:
    text = "we run a bakery"
    message = said(text, "inform", ("sector", "food_beverage", 0.9, 0.95, text))
    decision = decide(message, "company_size", {}, asks=MAX_ASKS)
    assert decision.slots["sector"] == "food_beverage" and decision.slots["company_size"] == SKIPPED


def test_a_misconception_the_doubt_detector_does_not_hear_is_an_unclear_answer_not_a_card() -> None:
    text = "engineers who could help out on projects"
    message = said(text, "misconception", ("offer", "capacity", 0.3, 0.45, text),
                   ("offer", "market_access", 0.2, 0.3, text))
    decision = decide(Message(text, "misconception", readings=message.readings, doubt=0.1), "offer", {})
    assert not decision.reject
    assert decision.slots[CHOICES_SLOT][0] == "capacity" and decision.slots[REASKS_SLOT] == 1


def test_after_a_side_remark_an_answer_half_read_offers_its_likeliest_values() -> None:
    text = "a big kitchen that is idle in the afternoons"
    message = said(text, "misconception", ("offer", "capacity", 0.35, 0.45, text),
                   ("offer", "nothing_yet", 0.2, 0.3, text))
    decision = decide(message, "offer", {}, asks=1, returning=True)
    assert decision.slots == {CHOICES_SLOT: ["capacity", "nothing_yet"]}
    question = said("could a kitchen be shared?", "ask_definition", ("offer", "capacity", 0.35, 0.45, "kitchen"))
    assert decide(question, "offer", {}, asks=1, returning=True).slots == {}


def test_no_to_did_you_mean_on_the_second_ask_moves_on_never_a_third_time() -> None:
    offered = {CHOICES_SLOT: ["capacity", "market_access"]}
    assert decide(said("no", "deny"), "offer", offered, asks=1).slots == {CHOICES_SLOT: None, REASKS_SLOT: 1}
    moved_on = decide(said("no", "deny"), "offer", offered, asks=MAX_ASKS)
    assert moved_on.slots["offer"] == SKIPPED and moved_on.replies[0].payload["id"] == "left_open"


def test_a_bare_no_to_a_question_with_a_nothing_answer_means_nothing() -> None:
    misread = ("barriers", "lack_infrastructure", 0.4, 0.65, "no")
    assert decide(said("no", "deny", misread), "barriers", {}).slots["barriers"] == []
    assert decide(said("nope.", "deny"), "offer", {}).slots["offer"] == ["nothing_yet"]
    assert "sector" not in decide(said("no", "deny", ("sector", "other", 0.1, 0.27, "no")), "sector", {}).slots


def test_a_bare_no_to_did_you_mean_refuses_the_choices_even_where_it_could_answer() -> None:
    offered = {CHOICES_SLOT: ["funding_gap", "skills_shortage"]}
    misread = ("barriers", "lack_infrastructure", 0.4, 0.65, "no")
    refused = decide(said("no", "deny", misread), "barriers", offered, reasks=1)
    assert refused.slots[CHOICES_SLOT] is None and "barriers" not in refused.slots
