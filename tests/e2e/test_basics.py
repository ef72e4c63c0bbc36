"""The conversation basics over the real REST channel."""
from __future__ import annotations

import pytest
import requests

from tests.servers import Chat

pytestmark = pytest.mark.servers


def test_greeting_says_what_the_assistant_can_do(chat: Chat) -> None:
    messages = chat.say("hi there")
    text = Chat.texts(messages).lower()
    assert "diagnose" in text and "advisor" in text and "tutorial" in text
    buttons = [button["payload"] for message in messages for button in message.get("buttons", [])]
    assert "/start_diagnosis" in buttons and "/request_followup" in buttons
    assert {"type": "menu", "id": "main"} in Chat.payloads(messages)


@pytest.mark.parametrize("text, expected", [
    ("what can you do?", "diagnosis"),
    ("are you a bot?", "bot"),
    ("thanks a lot", "welcome"),
    ("bye for now", "thanks for stopping by"),
])
def test_basic_intents_get_their_answer(chat: Chat, text: str, expected: str) -> None:
    assert expected in Chat.texts(chat.say(text)).lower()


def test_out_of_scope_is_answered_with_what_it_can_do(chat: Chat) -> None:
    messages = chat.say("what will the weather be like in Lisbon tomorrow?")
    assert "outside what i know" in Chat.texts(messages).lower()
    assert Chat.payloads(messages)[0]["id"] == "out_of_scope"


def test_gibberish_asks_to_rephrase_with_buttons(chat: Chat) -> None:
    messages = chat.say("qwpoe zxmcn vbvbvb")
    payloads = Chat.payloads(messages)
    assert payloads and payloads[0]["type"] in {"fallback", "menu"}
    assert any(message.get("buttons") for message in messages)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "x" * 20000,
    "🙂🚀🤝",
    "<script>alert('x')</script><b>hello</b>",
    "Bonjour, nous sommes une petite boulangerie à Lyon.",
])
def test_bad_input_gets_a_polite_reply_and_the_server_keeps_serving(chat: Chat, text: str) -> None:
    messages = chat.say(text)
    assert messages, "every message deserves an answer"
    assert all("<script>" not in message.get("text", "") for message in messages)
    assert "diagnose" in Chat.texts(chat.say("hello")).lower()


def test_restart_starts_afresh(chat: Chat) -> None:
    chat.say("hello")
    messages = chat.say("let's start over")
    assert Chat.payloads(messages) == [{"type": "menu", "id": "restart"}]


def test_http_api_is_not_exposed_without_a_token(servers) -> None:
    response = requests.get(f"{servers.rasa_url}/status", timeout=10)
    assert response.status_code in {401, 403, 404}


def test_socketio_channel_answers_hi(servers) -> None:
    import socketio

    replies = []
    client = socketio.Client()
    client.on("bot_uttered", lambda data: replies.append(data))
    client.connect(servers.rasa_url, socketio_path="/socket.io", transports=["polling"])
    try:
        client.emit("session_request", {"session_id": "socket-test-1"})
        client.emit("user_uttered", {"message": "hi", "session_id": "socket-test-1"})
        for _ in range(100):
            if any("custom" in reply for reply in replies):
                break
            client.sleep(0.1)
    finally:
        client.disconnect()
    assert any("diagnose" in reply.get("text", "").lower() for reply in replies)
    assert {"custom": {"type": "menu", "id": "main"}} in replies
