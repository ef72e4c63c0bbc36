"""Read back what the tracker store holds for a conversation, to check nothing was lost or reordered."""
from __future__ import annotations

import asyncio
from typing import List

from tests.storage.support import tracker_store


def stored_events(database_url: str, sender: str) -> list:
    """Every stored event of ``sender``, in the store's order."""
    store = tracker_store(database_url)
    try:
        tracker = asyncio.run(store.retrieve_full_tracker(sender))
    finally:
        store.engine.dispose()
    return list(tracker.events) if tracker else []


def user_texts(events: list) -> List[str]:
    """The owner's messages among ``events``, in order."""
    return [event.text for event in events if event.type_name == "user"]


def turns_are_whole(events: list) -> bool:
    """Each owner message is handled to its ``action_listen`` before the next one starts."""
    waiting = False
    for event in events:
        if event.type_name == "user":
            if waiting:
                return False
            waiting = True
        elif event.type_name == "action" and event.action_name == "action_listen":
            waiting = False
    return not waiting
