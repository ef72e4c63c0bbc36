"""Questions an owner asks after the advice, typed over the REST channel.

The pure replies are tested in ``tests/dialogue/test_after_advice.py``; here
the trained model must route each typed question to them, with the advice of
this conversation remembered.
"""
from __future__ import annotations

from typing import List

import pytest

from tests.e2e.diagnosis import recommendation, run_diagnosis
from tests.e2e.test_diagnosis import BAKERY
from tests.servers import Chat

pytestmark = pytest.mark.servers


def kinds(messages: List[dict]) -> List[str]:
    """The payload types of the bot's messages, in order."""
    return [payload.get("type", "") for payload in Chat.payloads(messages)]


@pytest.fixture
def advised(chat: Chat) -> Chat:
    """A bakery's conversation that has just received its recommendation."""
    result, _ = run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    assert result["profile"]["innovation_stage"] == "exploration"
    return chat


@pytest.mark.parametrize("question", ["what should be my first step?",
                                      "ok so what do I do first, monday morning?"])
def test_first_step_questions_get_the_first_steps(advised: Chat, question: str) -> None:
    messages = advised.say(question)
    steps = next(p for p in Chat.payloads(messages) if p["type"] == "first_steps")["steps"]
    assert steps and steps[0] in Chat.texts(messages)


def test_is_it_real_says_what_kind_of_evidence_with_its_source(advised: Chat) -> None:
    messages = advised.say("is that a real bakery or made up?")
    assert set(kinds(messages)) & {"case_evidence", "notice"}, messages
    assert "fallback" not in kinds(messages)
    assert Chat.texts(messages).strip()


def test_where_does_that_come_from_gives_the_sources_once(advised: Chat) -> None:
    messages = advised.say("where does that come from?")
    assert "sources" in kinds(messages), messages
    text = Chat.texts(messages)
    assert text.strip()
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)), "no source is printed twice"


def test_partners_for_my_stage_use_the_known_stage(advised: Chat) -> None:
    messages = advised.say("which partners suit my stage?")
    explained = next(p for p in Chat.payloads(messages) if p["type"] == "explain")
    assert explained["kind"] == "partners_for_stage" and explained["id"] == "exploration"
    assert recommendation(messages) is None


def test_a_model_named_in_the_other_options_can_be_explained(advised: Chat) -> None:
    advised.say("show me other options")
    messages = advised.say("what is a living lab?")
    assert Chat.texts(messages).strip(), "every question gets an answer"
    assert "explain" in kinds(messages) or "notice" in kinds(messages), messages


def test_a_bare_why_after_the_advice_explains_the_first_recommendation(advised: Chat) -> None:
    explained = next(p for p in Chat.payloads(advised.say("why?")) if p["type"] == "explain")
    assert explained["kind"] == "why" and explained["reasons"]


@pytest.mark.parametrize("text", ["yes", "no", "ok", "next", "menu", "skip", "go back"])
def test_words_that_need_a_context_never_meet_silence_after_the_advice(advised: Chat, text: str) -> None:
    assert Chat.texts(advised.say(text)).strip(), f"{text!r} got no reply"


@pytest.mark.parametrize("question", ["can you show me the whole plan?", "/ask_plan"])
def test_the_full_plan_is_a_labelled_link_to_this_firms_plan(chat: Chat, question: str) -> None:
    result, _ = run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    messages = chat.say(question)
    plan = next(p for p in Chat.payloads(messages) if p["type"] == "plan")
    assert plan["plan_url"] == result["plan_url"]
    assert "http" not in Chat.texts(messages)
