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
      keep_trackers: true                   # optional, this is the default

Erasure from the chat needs the store's help: Rasa saves the whole current
session at the end of the turn, after the erasing action ran, which would put
the deleted events straight back. So when a turn ran ``erase_action``, the
store deletes the sender's events again right after saving them.

Rasa wraps every tracker store in a ``FailSafeTrackerStore`` that, when the
database is away, carries on with an empty conversation held in memory and
never writes it. :func:`conversations_can_be_saved` lets the channels ask
before a message is handled, so the owner is told it was not taken in
rather than finding the conversation forgotten.

Rebuilding a conversation from its events is the largest cost of a turn, so
the tracker saved at the end of one turn serves the next, for as long as the
database confirms it is still exactly what is stored (:mod:`bot.storage.tracker_cache`).
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import time
import weakref
from typing import Any, Iterator, Optional

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, func, or_, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from bot.storage.database import (
    database_url,
    engine_options,
    ensure_sqlite_folder,
    install_sqlite_pragmas,
)
from bot.storage.tracker_cache import StoredKey, TrackerCache
from bot.storage.transcript import delete_sender_events

logger = logging.getLogger(__name__)

ERASE_ACTION = "action_delete_my_data"
CHECK_SECONDS = 3.0
DOWN_REMEMBERED_SECONDS = 5.0

_STORES: "weakref.WeakSet[UrlTrackerStore]" = weakref.WeakSet()
_last_down = 0.0


class UrlTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` whose whole configuration is one SQLAlchemy URL."""

    engine: Engine  # made by Rasa's constructor, replaced by a pooled one for SQLite files

    def __init__(
        self,
        domain: Optional[Domain] = None,
        host: Optional[str] = None,
        event_broker: Optional[EventBroker] = None,
        url: Optional[str] = None,
        erase_action: str = ERASE_ACTION,
        keep_trackers: bool = True,
        **kwargs: Any,
    ) -> None:
        chosen = database_url(url or host)
        ensure_sqlite_folder(chosen)
        super().__init__(domain=domain, host=chosen, event_broker=event_broker, **kwargs)
        self._pool_connections(chosen)
        self.erase_action = erase_action
        self.kept: Optional[TrackerCache] = TrackerCache() if keep_trackers else None
        _STORES.add(self)

    def _pool_connections(self, url: str) -> None:
        """Rasa's engine again, with our pool and pragmas (see :func:`engine_options`)."""
        options = engine_options(url)
        if options:
            self.engine.dispose()
            self.engine = create_engine(url, **options)
            self.sessionmaker = sessionmaker(bind=self.engine)
        install_sqlite_pragmas(self.engine)

    @property
    def domain(self) -> Domain:
        """The domain whose slots the trackers use."""
        return self._domain

    @domain.setter
    def domain(self, domain: Optional[Domain]) -> None:
        """A new model may change the slots, so kept trackers are dropped."""
        self._domain = domain or Domain.empty()
        kept: Optional[TrackerCache] = getattr(self, "kept", None)
        if kept is not None:
            kept.clear()

    def reachable(self) -> bool:
        """Whether the database answers a trivial query now."""
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError as error:
            logger.warning("tracker store: database unreachable: %s", error.__class__.__name__)
            return False

    def stored_key(self, sender_id: str) -> StoredKey:
        """The event count and newest event id of the sender's stored session.

        The same selection as Rasa's ``_event_query`` (events from the latest
        ``SessionStarted`` on), written in SQLAlchemy Core: a fraction of a
        millisecond against about nine for the ORM query on every turn.
        """
        table = self.SQLEvent.__table__
        mine = table.c.sender_id == sender_id
        started = (select(func.max(table.c.timestamp))
                   .where(mine, table.c.type_name == SessionStarted.type_name)
                   .scalar_subquery())
        query = (select(func.count(table.c.id), func.max(table.c.id))
                 .where(mine, or_(table.c.timestamp >= started, started.is_(None))))
        with self.engine.connect() as connection:
            count, newest = connection.execute(query).one()
        return int(count), newest

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not stored yet, counted with the quick query above."""
        stored, _ = self.stored_key(tracker.sender_id)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The kept tracker while the database confirms it, else the stored session."""
        if self.kept is not None:
            tracker = self.kept.take(sender_id, self.stored_key(sender_id))
            if tracker is not None:
                return tracker
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Save as Rasa does, then drop the transcript if this turn erased the owner's data."""
        await super().save(tracker)
        if erased_this_turn(tracker, self.erase_action):
            if self.kept is not None:
                self.kept.drop(tracker.sender_id)
            with self.engine.begin() as connection:
                gone = delete_sender_events(connection, tracker.sender_id)
            logger.info("tracker store: erased %d events after %s", gone, self.erase_action)
            return
        self._keep(tracker)

    def _keep(self, tracker: DialogueStateTracker) -> None:
        """Keep the tracker when it holds exactly the stored session, as a fresh read would."""
        if self.kept is None:
            return
        key = self.stored_key(tracker.sender_id)
        if key[0] == len(tracker.events):
            self.kept.keep(tracker, key)
        else:
            self.kept.drop(tracker.sender_id)


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
