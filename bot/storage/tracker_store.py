"""Rasa's SQL tracker store, configured by the one database URL OI Advisor uses.

Rasa builds a custom tracker store named in ``endpoints.yml`` by calling
``cls(host=<url>, domain=..., event_broker=..., **other_keys)``. Rasa's own
``SQLTrackerStore`` accepts a complete URL as ``host``; this subclass fills in
``OI_DATABASE_URL`` (or the default SQLite file) when the URL is missing or
empty, creates the SQLite folder, and gives Rasa's SQLite connections the same
pragmas as ours so Rasa and the action server can share the file::

    tracker_store:
      type: bot.storage.tracker_store.UrlTrackerStore
      url: ${OI_DATABASE_URL}        # optional; may be empty
      erase_action: action_delete_my_data   # optional, this is the default

Erasure from the chat needs the store's help: Rasa saves the whole current
session at the end of the turn, after the erasing action ran, which would put
the deleted events straight back. So when a turn ran ``erase_action``, the
store deletes the sender's events again right after saving them.

Rasa wraps every tracker store in a ``FailSafeTrackerStore`` that, when the
database is away, carries on with an empty conversation held in memory and
never writes it. :func:`conversations_can_be_saved` lets the channels ask
before a message is handled, so the owner is told it was not taken in
rather than finding the conversation forgotten.
"""
from __future__ import annotations

import asyncio
import logging
import time
import weakref
from typing import Any, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.storage.database import database_url, ensure_sqlite_folder, install_sqlite_pragmas
from bot.storage.transcript import delete_sender_events

logger = logging.getLogger(__name__)

ERASE_ACTION = "action_delete_my_data"
CHECK_SECONDS = 3.0
DOWN_REMEMBERED_SECONDS = 5.0

_STORES: "weakref.WeakSet[UrlTrackerStore]" = weakref.WeakSet()
_last_down = 0.0


class UrlTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` whose whole configuration is one SQLAlchemy URL."""

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[str] = None,
        event_broker: Optional[EventBroker] = None,
        url: Optional[str] = None,
        erase_action: str = ERASE_ACTION,
        **kwargs: Any,
    ) -> None:
        chosen = database_url(url or host)
        ensure_sqlite_folder(chosen)
        super().__init__(domain=domain, host=chosen, event_broker=event_broker, **kwargs)
        install_sqlite_pragmas(self.engine)
        self.erase_action = erase_action
        _STORES.add(self)

    def reachable(self) -> bool:
        """Whether the database answers a trivial query now."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError as error:
            logger.warning("tracker store: database unreachable: %s", error.__class__.__name__)
            return False

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Save as Rasa does, then drop the transcript if this turn erased the owner's data."""
        await super().save(tracker)
        if erased_this_turn(tracker, self.erase_action):
            with self.engine.begin() as connection:
                gone = delete_sender_events(connection, tracker.sender_id)
            logger.info("tracker store: erased %d events after %s", gone, self.erase_action)


def erased_this_turn(tracker: DialogueStateTracker, erase_action: str) -> bool:
    """Whether ``erase_action`` ran since the owner's latest message."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == erase_action:
            return True
    return False


async def conversations_can_be_saved() -> bool:
    """Whether every conversation store of this process can be written to.

    The check runs in a worker thread with a time limit, since a database
    host that vanished can leave a connection hanging. A failed check is
    remembered for a few seconds, so that owners writing during an outage
    get their answer at once and no threads pile up waiting.
    """
    global _last_down
    if time.monotonic() - _last_down < DOWN_REMEMBERED_SECONDS:
        return False
    loop = asyncio.get_running_loop()
    for store in list(_STORES):
        try:
            up = await asyncio.wait_for(loop.run_in_executor(None, store.reachable), CHECK_SECONDS)
        except asyncio.TimeoutError:
            up = False
        if not up:
            _last_down = time.monotonic()
            return False
    return True
