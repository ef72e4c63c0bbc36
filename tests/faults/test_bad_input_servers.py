"""Property tests: random and hostile input to the real REST and socket.io channels.

Random unicode, very long messages, control characters, malformed JSON, wrong
content types, huge and missing senders, forged ``/intent{...}`` payloads with
unknown intents, slots and values. Expected: never a 5xx, a reply or a plain
reason, and a conversation stored before is exactly as it was afterwards.
"""
from __future__ import annotations

import json
import secrets

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scale.conversation_log import stored_events
from tests.servers import Chat, Servers

pytestmark = pytest.mark.servers

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
UNICODE = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)
FORGED = st.builds(
    lambda intent, fields: f"/{intent}{json.dumps(fields)}" if fields else f"/{intent}",
    st.sampled_from(["inform", "start_diagnosis", "no_such_intent", "misconception", "delete_my_data",
                     "request_followup", "restart", "session_start", "back", ""]),
    st.dictionaries(st.sampled_from(["sector", "company_size", "requested_slot", "no_such_slot",
                                     "email", "consent", "followup_consent"]),
                    st.one_of(st.text(max_size=30), st.integers(), st.none(), st.lists(st.integers()))))
MESSAGES = st.one_of(UNICODE, FORGED, st.just("x" * 5000), st.just("we bake bread\x00\x07 12 people"),
                     st.just("/inform{not json"), st.integers(), st.none())
SENDERS = st.one_of(st.text(min_size=1, max_size=40).map(lambda s: f"fuzz-{s}"), st.just("s" * 10000),
                    st.none(), st.integers(), st.just(""))
BODIES = st.one_of(
    st.builds(lambda sender, message: {"sender": sender, "message": message}, SENDERS, MESSAGES),
    st.builds(lambda message: {"message": message}, MESSAGES),
    st.builds(lambda meta: {"sender": "fuzz-meta", "message": "hi", "metadata": meta},
              st.one_of(st.text(max_size=10), st.integers(), st.lists(st.integers(), max_size=3))))
CONTENT_TYPES = st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded",
                                 "application/xml", "multipart/form-data"])


@pytest.fixture(scope="module")
def reference(servers: Servers) -> tuple:
    """A conversation stored before the fuzzing, and its events."""
    chat = Chat(servers, f"reference-{secrets.token_hex(4)}")
    for text in ("hello", "I'd like advice for my firm", "we bake bread, about 12 people"):
        chat.say(text)
    return chat, [event.as_dict() for event in stored_events(servers.database_url, chat.sender)]


def _post(servers: Servers, data: bytes, content_type: str) -> requests.Response:
    return requests.post(f"{servers.rasa_url}/webhooks/rest/webhook", data=data,
                         headers={"Content-Type": content_type}, timeout=120)


@FUZZ
@given(body=BODIES, content_type=CONTENT_TYPES)
def test_rest_json_bodies(servers: Servers, reference: tuple, body: dict, content_type: str) -> None:
    response = _post(servers, json.dumps(body).encode("utf-8", "surrogatepass"), content_type)
    assert response.status_code < 500, (body, response.text[:300])
    if response.status_code == 200:
        assert isinstance(response.json(), list)
        if isinstance(body.get("message"), str) and len(body["message"]) > 4000:
            assert "too long" in response.json()[0]["text"]
    else:
        assert response.json()["error"]


@FUZZ
@given(raw=st.binary(max_size=500), content_type=CONTENT_TYPES)
def test_rest_malformed_bodies(servers: Servers, reference: tuple, raw: bytes, content_type: str) -> None:
    response = _post(servers, raw, content_type)
    assert response.status_code < 500, (raw, response.text[:300])


def test_after_the_fuzzing_the_reference_is_intact_and_the_server_answers(
        servers: Servers, reference: tuple) -> None:
    chat, before = reference
    after = [event.as_dict() for event in stored_events(servers.database_url, chat.sender)]
    assert after == before
    assert Chat(servers, f"after-{secrets.token_hex(4)}").say("hello")


def test_socketio_hostile_messages_get_a_reason_or_a_reply(servers: Servers) -> None:
    import socketio

    received: list = []
    client = socketio.Client(reconnection=False)
    client.on("bot_uttered", received.append)
    client.connect(servers.rasa_url, socketio_path="/socket.io", transports=["polling"])
    try:
        session = f"sio-{secrets.token_hex(4)}"
        client.emit("session_request", {"session_id": session})
        for data in ({"message": "x" * 5000, "session_id": session},
                     {"message": "hello\x00\x1b", "session_id": session},
                     {"message": "hi", "session_id": "s" * 500},
                     {"message": "/no_such_intent{\"no_such_slot\": 1}", "session_id": session},
                     {"message": "hello", "session_id": session}):
            client.emit("user_uttered", data)
            client.sleep(3)
        texts = " ".join(str(item.get("text", "")) for item in received)
        assert "too long" in texts, received
        stored = [event.text for event in stored_events(servers.database_url, session)
                  if event.type_name == "user"]
        assert "hello" in stored and all("\x00" not in text for text in stored)
    finally:
        client.disconnect()
