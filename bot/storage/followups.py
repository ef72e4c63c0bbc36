"""The staff side of follow-up requests: the queue, one request, and updating it.

Creating a request belongs to the conversation (``conversations.create_followup``);
here staff read requests and record what they did: status, who took it on and
notes. The queue puts requests nobody has handled yet first.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import List, Optional

from sqlalchemy import case, select, update
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.tables import FOLLOWUP_STATUSES, followups

MAX_NOTES = 10_000


@dataclass(frozen=True)
class Followup:
    """One follow-up request with its contact details (show to staff only)."""

    reference: str
    sender_id: str
    name: str
    company: str
    email: Optional[str]
    phone: Optional[str]
    preferred_time: Optional[str]
    consent_text: str
    consented_at: datetime
    status: str
    assignee: Optional[str]
    notes: str
    created_at: datetime
    updated_at: datetime


def _followup(row) -> Followup:  # type: ignore[no-untyped-def]
    """A ``followups`` row as a :class:`Followup`."""
    return Followup(**{name: getattr(row, name) for name in Followup.__dataclass_fields__})


def queue(connection: Connection, status: Optional[str] = None) -> List[Followup]:
    """Requests with "new" ones first, then "contacted", then "closed"; newest first within."""
    rank = case({s: i for i, s in enumerate(FOLLOWUP_STATUSES)}, value=followups.c.status, else_=9)
    query = select(followups).order_by(rank, followups.c.created_at.desc(), followups.c.id.desc())
    if status:
        query = query.where(followups.c.status == status)
    return [_followup(row) for row in connection.execute(query)]


def get(connection: Connection, reference: str) -> Optional[Followup]:
    """The request with this reference, if it exists."""
    row = connection.execute(select(followups).where(followups.c.reference == reference)).first()
    return _followup(row) if row else None


def for_sender(connection: Connection, sender_id: str) -> List[Followup]:
    """A conversation's requests, oldest first."""
    rows = connection.execute(
        select(followups).where(followups.c.sender_id == sender_id).order_by(followups.c.id)
    )
    return [_followup(row) for row in rows]


def update_request(
    connection: Connection,
    reference: str,
    *,
    status: str,
    assignee: Optional[str],
    notes: str,
) -> bool:
    """Record the handling of a request; False when there is no such request."""
    if status not in FOLLOWUP_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    return bool(
        connection.execute(
            update(followups)
            .where(followups.c.reference == reference)
            .values(
                status=status,
                assignee=(assignee or None),
                notes=(notes or "")[:MAX_NOTES],
                updated_at=utcnow(),
            )
        ).rowcount
    )
