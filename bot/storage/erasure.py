"""Erasing one owner's data and purging old conversations, inside a caller's transaction.

Erasure must reach everything tied to a sender: our per-conversation rows, the
follow-up with its contact details, the network profile, matching consent and
every introduction naming the firm, and Rasa's transcript. The audit log keeps
that an erasure happened, but the sender id and references in it are replaced
by a one-way digest so the log itself no longer points at the owner.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Dict, List

from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import Connection

from bot.storage import audit
from bot.storage.database import utcnow
from bot.storage.tables import PER_SENDER_TABLES, audit_log, conversations, followups, introductions
from bot.storage.transcript import delete_sender_events, last_event_times


@dataclass(frozen=True)
class Erased:
    """How many rows an erasure removed: our rows and Rasa's events."""

    rows: int
    events: int

    @property
    def anything(self) -> bool:
        """Whether there was anything to erase."""
        return bool(self.rows or self.events)


def erased_label(sender_id: str) -> str:
    """A stable stand-in for an erased sender id: lets audits match without the id."""
    return "erased:" + hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:16]


def erase(connection: Connection, sender_id: str, *, actor: str) -> Erased:
    """Delete everything stored for ``sender_id`` and record the erasure."""
    references = list(
        connection.execute(
            select(followups.c.reference).where(followups.c.sender_id == sender_id)
        ).scalars()
    )
    rows = connection.execute(delete(introductions).where(_introduced(sender_id))).rowcount
    for table in PER_SENDER_TABLES:
        rows += connection.execute(delete(table).where(table.c.sender_id == sender_id)).rowcount
    rows += connection.execute(
        delete(conversations).where(conversations.c.sender_id == sender_id)
    ).rowcount
    events = delete_sender_events(connection, sender_id)
    label = erased_label(sender_id)
    connection.execute(
        update(audit_log)
        .where(audit_log.c.target.in_([sender_id, *references]))
        .values(target=label)
    )
    audit.record(connection, actor, "erase", label, {"rows": rows, "events": events})
    return Erased(rows=rows, events=events)


def _introduced(sender_id: str):
    """SQL: an introduction that names the sender on either side."""
    return or_(introductions.c.first_sender == sender_id, introductions.c.second_sender == sender_id)


def last_activity(connection: Connection) -> Dict[str, datetime]:
    """Each known sender's latest activity, from our table and from Rasa's events."""
    latest = last_event_times(connection)
    rows = connection.execute(select(conversations.c.sender_id, conversations.c.last_seen_at))
    for sender_id, seen in rows:
        if sender_id not in latest or seen > latest[sender_id]:
            latest[sender_id] = seen
    return latest


def stale_senders(connection: Connection, days: float, now: datetime) -> List[str]:
    """Senders whose conversation has been idle for more than ``days`` days."""
    if days < 0:
        raise ValueError("days must not be negative")
    cutoff = now - timedelta(days=days)
    return sorted(s for s, seen in last_activity(connection).items() if seen < cutoff)


def purge(connection: Connection, days: float, *, actor: str) -> List[str]:
    """Erase every conversation idle for more than ``days`` days; returns their labels."""
    senders = stale_senders(connection, days, utcnow())
    for sender_id in senders:
        erase(connection, sender_id, actor=actor)
    audit.record(connection, actor, "purge", f"older-than:{days:g}d", {"conversations": len(senders)})
    return [erased_label(s) for s in senders]
