"""Matching consent in the chat, end to end: real Rasa and action servers over REST, then the database."""
from __future__ import annotations

import pytest

from bot.network.consent import QUESTION
from bot.storage import network, review
from bot.storage.database import transaction
from tests.e2e.diagnosis import run_diagnosis
from tests.e2e.test_diagnosis import BAKERY
from tests.servers import Chat

pytestmark = pytest.mark.servers


def bot_said(servers, sender: str) -> list:
    with transaction(servers.database_url) as connection:
        record = review.conversation_record(connection, sender)
    return [line.text for line in record.turns if line.speaker != "user"]


def test_the_offer_follows_the_advice_and_yes_stores_the_consent(chat: Chat, servers) -> None:
    chat.say("I need advice for my business")
    run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    assert any(text.startswith(QUESTION) for text in bot_said(servers, chat.sender))
    assert {"type": "notice", "id": "network_consent_given"} in Chat.payloads(chat.say("/agree_matching"))
    with transaction(servers.database_url) as connection:
        profile = network.load(connection, chat.sender)
        assert profile is not None and profile.consented and profile.sector == "food_beverage"
        assert chat.sender in [p.firm_id for p in network.consenting(connection)]

    withdrawn = Chat.payloads(chat.say("don't match me any more"))
    assert {"type": "notice", "id": "network_consent_withdrawn"} in withdrawn
    with transaction(servers.database_url) as connection:
        assert not network.has_consent(connection, chat.sender)


def test_a_typed_no_after_the_advice_stores_nothing(chat: Chat, servers) -> None:
    run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    assert {"type": "notice", "id": "network_consent_declined"} in Chat.payloads(chat.say("no thanks"))
    with transaction(servers.database_url) as connection:
        assert network.load(connection, chat.sender) is None


def test_delete_my_data_erases_the_network_profile(chat: Chat, servers) -> None:
    run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    chat.say("yes")
    with transaction(servers.database_url) as connection:
        assert network.has_consent(connection, chat.sender)
    chat.say("delete my data")
    chat.say("yes")
    with transaction(servers.database_url) as connection:
        assert network.load(connection, chat.sender) is None
        assert not network.has_consent(connection, chat.sender)
