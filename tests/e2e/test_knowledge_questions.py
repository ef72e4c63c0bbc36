"""Misconceptions and knowledge questions, anywhere in the conversation."""
from __future__ import annotations

import pytest

from bot.knowledge import load_knowledge
from bot.storage import review
from bot.storage.database import transaction
from tests.e2e.diagnosis import last_question
from tests.servers import Chat

pytestmark = pytest.mark.servers


def payload(messages, kind: str) -> dict:
    return next(p for p in Chat.payloads(messages) if p["type"] == kind)


def test_misconception_is_answered_with_reality_and_source_and_logged(chat: Chat, servers) -> None:
    messages = chat.say("honestly, isn't this open innovation thing only for big corporations?")
    answer = payload(messages, "misconception")
    entry = load_knowledge().misconceptions["only_for_large_firms"]
    assert answer["id"] == "only_for_large_firms" and answer["sources"] == list(entry.sources)
    text = Chat.texts(messages)
    assert entry.reality in text and entry.first_step in text and "Sources:" in text
    sources = payload(chat.say("where does that come from?"), "sources")
    assert sources["ids"] == list(entry.sources)
    with transaction(servers.database_url) as connection:
        raised = review.conversation_record(connection, chat.sender).misconceptions
    assert [item[0] for item in raised] == ["only_for_large_firms"]


def test_misconception_in_the_middle_of_the_diagnosis_then_the_form_resumes(chat: Chat) -> None:
    chat.say("I'd like advice for my firm")
    assert last_question(chat.say("we make furniture, 20 people")) == "innovation_need"
    messages = chat.say("but wouldn't we be giving away our secrets?")
    assert payload(messages, "misconception")["id"] == "giving_away_secrets"
    assert last_question(messages) == "innovation_need", "the form asks its question again"
    assert last_question(chat.say("we want new products")) == "innovation_stage"


def test_definition_question_during_the_diagnosis_then_resume(chat: Chat) -> None:
    chat.say("help me find the right partners")
    messages = chat.say("what is crowdsourcing?")
    explained = payload(messages, "explain")
    assert explained["id"] == "crowdsourcing" and explained["sources"]
    assert last_question(messages) == "sector"


@pytest.mark.parametrize("text, kind, expected", [
    ("what is coupled open innovation?", "explain", "coupled_codevelopment"),
    ("what does an intermediary do?", "explain", "intermediary"),
    ("explain licensing out to me", "explain", "licensing_out"),
])
def test_definitions_name_the_entry(chat: Chat, text: str, kind: str, expected: str) -> None:
    assert payload(chat.say(text), kind)["id"] == expected


def test_partners_for_a_stage(chat: Chat) -> None:
    answer = payload(chat.say("which partners suit the scaling-up stage?"), "explain")
    assert answer["kind"] == "partners_for_stage" and answer["id"] == "scaling_up"
    assert "large_firm" in answer["partners"][:4]


def test_example_follows_the_last_answer(chat: Chat) -> None:
    chat.say("what is an intermediated network?")
    case = payload(chat.say("give me an example"), "case")
    assert case["id"] == "network_m_satellite"
    assert "437" in Chat.texts(chat.say("give me an example"))
