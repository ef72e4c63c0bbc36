"""Load: 50 owners talk at once, 20 turns each, against the real servers on 127.0.0.1.

Every turn must be answered within the time bound, and afterwards every
owner's messages must be in the store exactly once, in the order sent, each
turn whole.
"""
from __future__ import annotations

import os
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from typing import List, Tuple

import pytest

from tests.scale.conversation_log import stored_events, turns_are_whole, user_texts
from tests.servers import Chat, Servers

pytestmark = pytest.mark.servers

CONVERSATIONS = 50
#: 20 turns: a whole diagnosis with side questions, as owners talk
TURNS = [
    "hello", "I'd like advice for my firm", "we bake bread, about 12 people",
    "what does open innovation mean?", "we'd like to develop a new kind of bread",
    "it's just an idea for now", "why do you ask?", "we don't have the money for it",
    "nothing yet really", "our recipes are secret, very sensitive",
    "never worked with anyone outside", "no, only local partners", "why?",
    "tell me more", "isn't open innovation only for big companies?", "show me other options",
    "where does this come from?", "thanks", "help", "goodbye",
]
#: the whole run must finish within this many seconds (2 shared cores need about a third)
TIME_BOUND = float(os.environ.get("OI_LOAD_SECONDS", "1200"))


def converse(chat: Chat) -> List[Tuple[str, int]]:
    """Say every turn; return (text, number of bot messages) per turn."""
    return [(text, len(chat.say(text))) for text in TURNS]


def test_fifty_conversations_of_twenty_turns(servers: Servers) -> None:
    chats = [Chat(servers, f"load-{number}-{secrets.token_hex(4)}") for number in range(CONVERSATIONS)]
    started = time.monotonic()
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        results = list(pool.map(converse, chats))
    elapsed = time.monotonic() - started
    assert elapsed < TIME_BOUND, f"{CONVERSATIONS * len(TURNS)} turns took {elapsed:.0f} s"
    unanswered = [(chat.sender, text) for chat, result in zip(chats, results)
                  for text, replies in result if replies == 0]
    assert not unanswered, unanswered[:10]
    for chat in chats:
        events = stored_events(servers.database_url, chat.sender)
        assert user_texts(events) == TURNS, chat.sender
        assert turns_are_whole(events), chat.sender
    print(f"\n{CONVERSATIONS} conversations x {len(TURNS)} turns in {elapsed:.0f} s "
          f"({CONVERSATIONS * len(TURNS) / elapsed:.1f} turns/s)")
