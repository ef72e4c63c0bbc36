"""Follow-up requests and erasure, end to end: chat over REST, check the database."""
from __future__ import annotations

import pytest

from bot.storage import followups, review
from bot.storage.database import transaction
from tests.e2e.diagnosis import last_question, run_diagnosis
from tests.e2e.test_diagnosis import BAKERY
from tests.servers import Chat

pytestmark = pytest.mark.servers


def record(servers, sender: str):
    with transaction(servers.database_url) as connection:
        return review.conversation_record(connection, sender)


def ask_for_advisor(chat: Chat) -> dict:
    consent = Chat.payloads(chat.say("I'd like an advisor to contact me"))
    assert consent == [{"type": "consent", "id": "followup"}]
    assert last_question(chat.say("yes, I agree")) == "contact_name"
    assert last_question(chat.say("Maria Rossi")) == "contact_company"
    assert last_question(chat.say("Forno Rossi <b>bakery</b>")) == "contact_details"
    refused = chat.say("not an address")
    assert last_question(refused) == "contact_details" and "phone" in Chat.texts(refused).lower()
    assert last_question(chat.say("maria@fornorossi.it")) == "contact_time"
    done = Chat.payloads(chat.say("tuesday mornings"))
    return next(p for p in done if p["type"] == "followup")


def test_followup_after_a_diagnosis_reaches_the_queue_with_profile_and_transcript(chat: Chat, servers) -> None:
    chat.say("I need advice for my business")
    run_diagnosis(chat, "we bake bread, about 12 people", BAKERY)
    confirmation = ask_for_advisor(chat)
    assert confirmation["reference"].startswith("OI-")
    with transaction(servers.database_url) as connection:
        queued = [f for f in followups.queue(connection) if f.reference == confirmation["reference"]]
    assert queued and queued[0].sender_id == chat.sender and queued[0].email == "maria@fornorossi.it"
    assert queued[0].company == "Forno Rossi <b>bakery</b>" and queued[0].consent_text
    stored = record(servers, chat.sender)
    assert stored.profile["sector"] == "food_beverage" and stored.recommendations
    assert any(line.speaker == "user" and "12 people" in line.text for line in stored.turns)


def test_without_consent_nothing_personal_is_stored(chat: Chat, servers) -> None:
    chat.say("can a person call me?")
    declined = Chat.payloads(chat.say("no thanks"))
    assert declined == [{"type": "notice", "id": "followup_declined"}]
    with transaction(servers.database_url) as connection:
        assert followups.for_sender(connection, chat.sender) == []


def test_stopping_the_contact_form_stores_nothing(chat: Chat, servers) -> None:
    chat.say("talk to a human advisor")
    chat.say("yes")
    chat.say("Jan Novak")
    assert {"type": "notice", "id": "followup_cancelled"} in Chat.payloads(chat.say("stop"))
    with transaction(servers.database_url) as connection:
        assert followups.for_sender(connection, chat.sender) == []


def test_delete_my_data_erases_conversation_and_request(chat: Chat, servers) -> None:
    chat.say("isn't open innovation only for big companies?")
    ask_for_advisor(chat)
    assert record(servers, chat.sender) is not None
    assert Chat.payloads(chat.say("please delete my data")) == [{"type": "consent", "id": "erase"}]
    assert Chat.payloads(chat.say("yes")) == [{"type": "erased"}]
    assert record(servers, chat.sender) is None
    with transaction(servers.database_url) as connection:
        assert followups.for_sender(connection, chat.sender) == []
        from bot.storage.transcript import load_transcript
        assert load_transcript(connection, chat.sender) == []


def test_keeping_the_data_when_the_owner_changes_their_mind(chat: Chat, servers) -> None:
    chat.say("isn't open innovation only for big companies?")
    chat.say("delete everything you stored about me")
    assert Chat.payloads(chat.say("no")) == [{"type": "notice", "id": "erase_cancelled"}]
    assert record(servers, chat.sender) is not None


def test_contact_details_are_read_as_people_type_them(chat: Chat, servers) -> None:
    chat.say("I'd like an advisor to contact me")
    assert last_question(chat.say("yes, I agree")) == "contact_name"
    assert last_question(chat.say("my name is Maria Baker")) == "contact_company"
    assert last_question(chat.say("it's called Sonnenbrot")) == "contact_details"
    assert last_question(chat.say("maria at sonnenbrot dot de")) == "contact_time"
    refused = chat.say("0711 5550199")
    assert last_question(refused) == "contact_time" and "not a time" in Chat.texts(refused)
    done = next(p for p in Chat.payloads(chat.say("weekday mornings")) if p["type"] == "followup")
    with transaction(servers.database_url) as connection:
        stored = next(f for f in followups.queue(connection) if f.reference == done["reference"])
    assert (stored.name, stored.company, stored.email) == ("Maria Baker", "Sonnenbrot", "maria@sonnenbrot.de")


@pytest.mark.parametrize("agreement", ["ok I agree", "I agree to that, fine"])
def test_a_question_at_the_consent_step_is_answered_and_consent_asked_again(chat: Chat, agreement: str) -> None:
    chat.say("I'd like an advisor to contact me")
    answered = chat.say("what exactly do you store?")
    assert {"type": "consent", "id": "followup"} in Chat.payloads(answered)
    assert Chat.texts(answered).rstrip().endswith("do you agree that I pass your request to an advisor?")
    assert last_question(chat.say(agreement)) == "contact_name"
