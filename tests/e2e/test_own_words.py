"""Owners who type: the conversations that used to misread, loop or draw cards nobody voiced."""
from __future__ import annotations

import pytest

from tests.e2e.diagnosis import button_payload, last_question, recommendation, run_diagnosis
from tests.servers import Chat

pytestmark = pytest.mark.servers

REST = {
    "innovation_stage": "just an idea so far", "barriers": "no money and no time",
    "offer": "nothing really", "ip_sensitivity": "our recipes are pretty secret yes",
    "partner_experience": "never done that", "international": "no, we stay local",
    "sector": "bakery", "company_size": "12", "innovation_need": "new products",
}


def kinds(messages: list) -> list:
    return [payload.get("type") for payload in Chat.payloads(messages)]


def test_an_opener_with_several_facts_fills_what_it_clearly_states_and_draws_no_card(chat: Chat) -> None:
    messages = chat.say("hi we run a bakery, 12 staff. want to come up with some new products but no time")
    assert "misconception" not in kinds(messages)
    assert last_question(messages) not in ("sector", "company_size")
    result, asked = run_diagnosis(chat, "hello", REST)
    assert not {"sector", "company_size"} & set(asked)
    assert result["profile"]["sector"] == "food_beverage"
    assert result["profile"]["company_size"] == "small"


def test_typed_answers_are_read_for_the_question_asked(chat: Chat) -> None:
    chat.say("diagnose my firm")
    assert last_question(chat.say("machine shop")) == "company_size"
    assert last_question(chat.say("12")) == "innovation_need"
    reply = chat.say("automating a manual step in production")
    offered = str(reply)
    assert last_question(reply) == "innovation_stage" or "process_improvement" in offered


def test_no_question_comes_a_third_time_whatever_is_typed(chat: Chat) -> None:
    chat.say("diagnose my firm")
    slots = [last_question(chat.say(text)) for text in ("hello", "hello", "hello", "start the diagnosis")]
    sequence = ["sector"] + slots
    assert all(not (a == b == c) for a, b, c in zip(sequence, sequence[1:], sequence[2:])), sequence
    assert "diagnosis_intro" not in str(chat.say("start the diagnosis"))


def test_an_answer_with_a_doubt_gets_the_card_and_is_kept(chat: Chat) -> None:
    chat.say("diagnose my firm")
    messages = chat.say("we're a bakery, probably too small for all this")
    assert "misconception" in kinds(messages)
    assert last_question(messages) == "company_size"


def test_delete_my_data_inside_the_diagnosis_confirms_with_buttons_then_deletes(chat: Chat) -> None:
    chat.say("diagnose my firm")
    chat.say("we make furniture")
    confirmation = chat.say("delete my data")
    assert any(message.get("buttons") for message in confirmation)
    assert last_question(confirmation) is None
    done = chat.say("yes delete it")
    assert "erased" in kinds(done)


def test_a_correction_after_the_advice_updates_it(chat: Chat) -> None:
    answers = dict(REST, sector="we run a little shop")
    result, _ = run_diagnosis(chat, "diagnose my firm", answers)
    assert result["profile"]["sector"] == "retail"
    messages = chat.say("we are not retail, we are a manufacturer")
    assert "changed" in kinds(messages) and "diagnosis_intro" not in str(messages)
    assert recommendation(messages)["profile"]["sector"] == "manufacturing"


def test_change_an_answer_by_name(chat: Chat) -> None:
    run_diagnosis(chat, "diagnose my firm", REST)
    assert last_question(chat.say("change the company size")) == "company_size"
    result = recommendation(chat.say("about 60 people"))
    assert result and result["profile"]["company_size"] == "medium"


def test_the_summary_shows_what_was_understood(chat: Chat) -> None:
    answers = {"sector": "food_beverage", "company_size": "small", "innovation_need": "new_product",
               "innovation_stage": "exploration", "barriers": "funding_gap", "offer": "nothing_yet",
               "ip_sensitivity": "high", "partner_experience": "none", "international": "no"}
    chat.say("diagnose my firm")
    messages = chat.say("we run a bakery")
    for slot in ("company_size", "innovation_need", "innovation_stage", "barriers", "offer",
                 "ip_sensitivity", "partner_experience", "international"):
        messages = chat.say(button_payload(messages, answers[slot]))
    summary = next(p for p in Chat.payloads(messages) if p.get("type") == "summary")
    assert summary["answers"]["sector"] == "food_beverage" and summary["answers"]["barriers"] == ["funding_gap"]


def test_privacy_questions_are_answered_inside_the_contact_form(chat: Chat) -> None:
    chat.say("I'd like an advisor to contact me")
    chat.say("yes")
    messages = chat.say("what do you store, and for how long?")
    payloads = Chat.payloads(messages)
    assert {"type": "notice", "id": "privacy"} in payloads
    assert last_question(messages) == "contact_name"
