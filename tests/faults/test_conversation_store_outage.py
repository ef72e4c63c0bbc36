"""The conversation store goes away while an owner chats: told, nothing lost, then on as before.

Rasa and the action server run under supervisord on a PostgreSQL server of
this module's own, which the test stops and starts again as a database host
that goes away would.
"""
from __future__ import annotations

import asyncio
import time
import uuid
from typing import Iterator, List, Tuple

import pytest

from bot.channels.checks import NOT_SAVED
from tests.e2e.diagnosis import last_question
from tests.faults.test_process_faults import ANSWERS, start_diagnosis
from tests.local_servers import LocalPostgres, postgres_bin
from tests.servers import Chat, Servers
from tests.storage.support import tracker_store, unreachable

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def outage(request: pytest.FixtureRequest, trained_model: str) -> Iterator[Tuple[LocalPostgres, Servers]]:
    binaries = postgres_bin()
    if binaries is None:
        unreachable(request, "PostgreSQL", "binaries not installed")
    database = LocalPostgres(binaries).start()
    servers = Servers(database_url=database.url).start()
    yield database, servers
    servers.stop()
    database.stop()


def stored(servers: Servers, sender: str) -> List[Tuple[str, str]]:
    """(type, text) of every message the conversation store holds for ``sender``."""
    store = tracker_store(servers.database_url)
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    store.engine.dispose()
    return [(event.type_name, event.text) for event in tracker.events
            if getattr(event, "type_name", "") in ("user", "bot")]


def say_until_taken_in(chat: Chat, text: str, seconds: float = 60) -> List[dict]:
    """Send ``text`` again, as the owner is asked to, until it is no longer refused."""
    deadline = time.monotonic() + seconds
    while True:
        messages = chat.say(text)
        if Chat.texts(messages) != NOT_SAVED or time.monotonic() > deadline:
            return messages
        time.sleep(2)


def test_a_message_during_the_outage_is_refused_with_the_reason_and_nothing_is_lost(
        outage: Tuple[LocalPostgres, Servers]) -> None:
    database, servers = outage
    chat = Chat(servers, f"outage-{uuid.uuid4().hex[:10]}")
    slot = start_diagnosis(chat)
    before = stored(servers, chat.sender)

    database.pause()
    try:
        for _ in range(2):
            assert Chat.texts(chat.say(ANSWERS[slot])) == NOT_SAVED
    finally:
        database.resume()

    messages = say_until_taken_in(chat, ANSWERS[slot])
    assert last_question(messages) == "innovation_stage", f"the form goes on from its question: {messages!r}"
    after = stored(servers, chat.sender)
    assert after[:len(before)] == before, "what was stored before the outage is kept"
    assert [text for kind, text in after if kind == "user"].count(ANSWERS[slot]) == 1, \
        "the refused messages were not taken in"
