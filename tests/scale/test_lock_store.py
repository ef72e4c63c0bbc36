"""The Redis lock store that several Rasa servers share: unique tickets, one holder at a time.

Two store objects stand for two Rasa servers; a Redis server of the test
session's own holds their locks.
"""
from __future__ import annotations

import asyncio
import secrets
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List
from urllib.parse import urlparse

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.storage.lock_store import AtomicRedisLockStore
from tests.local_servers import redis_url
from tests.storage.support import redis_problem, unreachable

pytestmark = pytest.mark.servers

SERVERS = 2
THREADS = 8
TICKETS_EACH = 40


@pytest.fixture
def stores(request: pytest.FixtureRequest) -> Iterator[List[AtomicRedisLockStore]]:
    problem = redis_problem()
    if problem:
        unreachable(request, "Redis", problem)
    address = urlparse(redis_url())
    config = EndpointConfig(url=address.hostname, port=str(address.port), db="0",
                            key_prefix="oitest" + secrets.token_hex(6),
                            type="bot.storage.lock_store.AtomicRedisLockStore")
    made = [AtomicRedisLockStore(endpoint_config=config) for _ in range(SERVERS)]
    yield made
    for store in made:
        store.red.close()


def test_tickets_asked_for_at_once_by_two_servers_are_all_different(stores) -> None:  # type: ignore[no-untyped-def]
    conversation = "owner-" + secrets.token_hex(4)

    def ask(thread: int) -> List[int]:
        store = stores[thread % SERVERS]
        return [store.issue_ticket(conversation, 60) for _ in range(TICKETS_EACH)]

    with ThreadPoolExecutor(THREADS) as pool:
        tickets = [ticket for batch in pool.map(ask, range(THREADS)) for ticket in batch]
    assert len(tickets) == THREADS * TICKETS_EACH
    assert len(set(tickets)) == len(tickets), "two servers were given the same ticket"


def test_one_conversation_is_handled_by_one_server_at_a_time(stores) -> None:  # type: ignore[no-untyped-def]
    conversation = "owner-" + secrets.token_hex(4)
    inside: List[int] = []
    overlaps: List[int] = []

    async def handle(number: int) -> None:
        async with stores[number % SERVERS].lock(conversation, 60, wait_time_in_seconds=0.01):
            if inside:
                overlaps.append(number)
            inside.append(number)
            await asyncio.sleep(0.02)
            inside.remove(number)

    async def all_at_once() -> None:
        await asyncio.gather(*(handle(number) for number in range(12)))

    asyncio.run(all_at_once())
    assert not overlaps, f"messages {overlaps} were handled while another was"
    assert all(store.get_lock(conversation) is None for store in stores), "the lock is removed when done"
