"""Two Rasa servers on one PostgreSQL and one Redis lock store share conversations safely.

As behind a load balancer: a conversation's turns alternate between the two
servers, and some arrive at both at once. Every message must be stored once,
in the order sent, each turn whole before the next.
"""
from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, Tuple
from urllib.parse import urlparse

import pytest

from tests.local_servers import redis_url
from tests.scale.conversation_log import stored_events, turns_are_whole, user_texts
from tests.servers import Chat, Servers
from tests.storage.support import database_for, redis_problem, unreachable

pytestmark = pytest.mark.servers

TURNS = ["hello", "I'd like advice for my firm", "we bake bread, about 12 people",
         "we'd like to develop a new kind of bread", "it's just an idea for now",
         "we don't have the money for it", "nothing yet really",
         "our recipes are secret, very sensitive"]


@pytest.fixture(scope="module")
def two_servers(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                trained_model: str) -> Iterator[Tuple[Servers, Servers]]:
    """Rasa A with the action server, Rasa B using A's action server; one database, one lock store."""
    problem = redis_problem()
    if problem:
        unreachable(request, "Redis", problem)
    databases = database_for(request, "postgresql", tmp_path_factory.mktemp("two"))
    database_url = next(databases)
    redis = urlparse(redis_url())
    lock = {"OI_LOCK_HOST": redis.hostname, "OI_LOCK_PORT": str(redis.port), "OI_LOCK_DB": "0",
            "OI_LOCK_PREFIX": "oitest" + secrets.token_hex(6)}
    first = Servers(database_url=database_url, extra_env=lock).start()
    second = Servers(database_url=database_url, extra_env=lock, actions_port=first.actions_port,
                     programs=("rasa",))
    try:
        second.start()
        yield first, second
    finally:
        second.stop()
        first.stop()
        next(databases, None)


def test_alternating_turns_are_stored_once_and_in_order(two_servers) -> None:  # type: ignore[no-untyped-def]
    first, second = two_servers
    sender = f"scale-{secrets.token_hex(6)}"
    chats = [Chat(first, sender), Chat(second, sender)]
    for number, text in enumerate(TURNS):
        assert chats[number % 2].say(text), f"turn {number} unanswered"
    events = stored_events(first.database_url, sender)
    assert user_texts(events) == TURNS
    assert turns_are_whole(events)


def test_simultaneous_messages_to_both_servers_are_each_handled_whole(two_servers) -> None:  # type: ignore[no-untyped-def]
    first, second = two_servers
    sender = f"scale-{secrets.token_hex(6)}"
    Chat(first, sender).say("hello")
    pairs = [("what is open innovation?", "we make furniture"), ("thanks", "help")]
    for left, right in pairs:
        with ThreadPoolExecutor(2) as pool:
            replies = list(pool.map(lambda job: job[0].say(job[1]),
                                    [(Chat(first, sender), left), (Chat(second, sender), right)]))
        assert all(replies)
    events = stored_events(first.database_url, sender)
    said = user_texts(events)
    assert said[0] == "hello" and len(said) == 5
    assert sorted(said[1:3]) == sorted(pairs[0]) and sorted(said[3:]) == sorted(pairs[1])
    assert turns_are_whole(events), "a turn was interleaved with another"
