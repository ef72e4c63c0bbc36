"""A message in another language: "English for now" in that language, no card, the form goes on."""
from __future__ import annotations

import pytest

from bot.language import SORRY_ENGLISH_ONLY
from tests.e2e.diagnosis import last_question
from tests.servers import Chat

pytestmark = pytest.mark.servers


@pytest.mark.parametrize("code,text", [
    ("de", "Wir sind eine Bäckerei mit 12 Mitarbeitern"),
    ("fr", "Bonjour, nous sommes une PME de 20 personnes"),
])
def test_a_foreign_introduction_gets_the_english_for_now_reply_and_no_card(
        chat: Chat, code: str, text: str) -> None:
    messages = chat.say(text)
    assert SORRY_ENGLISH_ONLY[code] in Chat.texts(messages), messages
    assert not Chat.payloads(messages), "no card and no question are drawn from it"


def test_the_diagnosis_goes_on_at_the_same_question(chat: Chat) -> None:
    chat.say("I'd like advice for my firm")
    assert last_question(chat.say("we bake bread, about 12 people")) == "innovation_need"
    messages = chat.say("Wir möchten ein neues Brot mit Partnern entwickeln")
    assert SORRY_ENGLISH_ONLY["de"] in Chat.texts(messages)
    assert last_question(messages) == "innovation_need", "the same question is asked again"
    assert last_question(chat.say("we'd like to develop a new kind of bread")) == "innovation_stage"
