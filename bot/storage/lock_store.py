"""Rasa's Redis lock store with each change of a lock made atomically.

Several Rasa servers behind a load balancer take turns on a conversation by
tickets kept in Redis. Rasa's ``RedisLockStore`` changes a lock by reading
it, changing it in Python and writing it back. When two servers receive
messages of one conversation at the same instant, both read "no lock", both
issue ticket 0 and both handle their message at once; the second to save
its tracker then skips its own events, and a message is lost.

Here every read-change-write runs in a Redis transaction that watches the
lock's key and starts again if another server changed it meanwhile, so
tickets are unique and served in order. Configured in
``deploy/endpoints-scaled.yml``::

    lock_store:
      type: bot.storage.lock_store.AtomicRedisLockStore
      url: ${OI_LOCK_HOST}
      port: ${OI_LOCK_PORT}
      db: ${OI_LOCK_DB}
      key_prefix: ${OI_LOCK_PREFIX}
"""
from __future__ import annotations

import json
from typing import Any, Callable, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

#: what a change does with the lock: keep it (the lock) or delete it (None)
Change = Callable[[TicketLock], Optional[TicketLock]]


class AtomicRedisLockStore(RedisLockStore):
    """``RedisLockStore`` whose tickets are issued, served and removed atomically."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        """Take the settings from ``endpoints.yml`` (Rasa passes the whole entry)."""
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
            kwargs.pop("type", None)
            kwargs = {key: _number(key, value) for key, value in kwargs.items()}
        super().__init__(**kwargs)

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """A new ticket, unique even when servers ask at the same instant."""
        issued = []

        def issue(lock: TicketLock) -> TicketLock:
            issued.append(lock.issue_ticket(lock_lifetime))
            return lock

        try:
            self._change(conversation_id, issue, create=True)
        except Exception as error:  # Rasa's own issue_ticket turns every failure into a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        return issued[-1]

    def update_lock(self, conversation_id: Text) -> None:
        """Drop expired tickets, as Rasa does, but atomically."""
        self._change(conversation_id, _without_expired)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        """Remove the served ticket atomically."""
        self._change(conversation_id, lambda lock: _without_ticket(lock, ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Remove the served ticket, and the lock once nobody waits, in one step."""

        def finish(lock: TicketLock) -> Optional[TicketLock]:
            lock.remove_ticket_for(ticket_number)
            return lock if lock.is_someone_waiting() else None

        self._change(conversation_id, finish)

    def _change(self, conversation_id: Text, change: Change, create: bool = False) -> None:
        """Apply ``change`` to the stored lock inside a watched Redis transaction."""
        key = self.key_prefix + conversation_id

        def transaction(pipe: Any) -> None:
            stored = pipe.get(key)
            if stored is None and not create:
                return
            lock = TicketLock.from_dict(json.loads(stored)) if stored else self.create_lock(conversation_id)
            changed = change(lock)
            pipe.multi()
            if changed is None:
                pipe.delete(key)
            else:
                pipe.set(key, changed.dumps())

        self.red.transaction(transaction, key)


def _without_expired(lock: TicketLock) -> TicketLock:
    lock.remove_expired_tickets()
    return lock


def _without_ticket(lock: TicketLock, ticket_number: int) -> TicketLock:
    lock.remove_ticket_for(ticket_number)
    return lock


def _number(key: str, value: Any) -> Any:
    """Ports and database numbers arrive as text when they come from environment variables."""
    if key in ("port", "db") and isinstance(value, str) and value.isdigit():
        return int(value)
    return value
