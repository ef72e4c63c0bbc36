"""The staff side of follow-up requests: the queue, one request, and handling it.

Creating a request belongs to the conversation (``conversations.create_followup``);
here staff find requests (search, sort), take them on, set a status and a due
date, and add notes. Notes form a thread: each has its author and time and
none is ever overwritten. By default the queue puts requests nobody has
handled yet first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Dict, List, Optional

from sqlalchemy import case, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from bot.storage.annotations import MAX_NOTE, Note
from bot.storage.database import utcnow
from bot.storage.tables import FOLLOWUP_STATUSES, followup_notes, followups

MAX_NOTES = MAX_NOTE
#: sort keys offered on the queue page; "status" puts new requests first
SORTS = ("status", "received", "due", "company", "assignee")


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
    created_at: datetime
    updated_at: datetime
    due_on: Optional[date] = None
    notes: List[Note] = field(default_factory=list)

    def age_days(self, today: Optional[date] = None) -> int:
        """Whole days since the request arrived."""
        return ((today or utcnow().date()) - self.created_at.date()).days

    def overdue(self, today: Optional[date] = None) -> bool:
        """Whether an open request is past its due date."""
        return bool(self.due_on and self.status != "closed" and self.due_on < (today or utcnow().date()))


def _followup(row, notes: Optional[List[Note]] = None) -> Followup:
    """A ``followups`` row as a :class:`Followup`."""
    names = [n for n in Followup.__dataclass_fields__ if n != "notes"]
    return Followup(**{name: getattr(row, name) for name in names}, notes=notes or [])


def _notes(connection: Connection, references: List[str]) -> Dict[str, List[Note]]:
    """The note threads of some requests, oldest note first."""
    threads: Dict[str, List[Note]] = {}
    query = (select(followup_notes).where(followup_notes.c.reference.in_(references))
             .order_by(followup_notes.c.id))
    for row in connection.execute(query):
        threads.setdefault(row.reference, []).append(Note(row.author, row.body, row.created_at))
    return threads


def _order(sort: str):
    """ORDER BY terms for a sort key; unknown keys sort by status."""
    c = followups.c
    rank = case({s: i for i, s in enumerate(FOLLOWUP_STATUSES)}, value=c.status, else_=9)
    no_due = case((c.due_on.is_(None), 1), else_=0)
    return {
        "received": [c.created_at.desc()],
        "due": [no_due, c.due_on, rank],
        "company": [c.company],
        "assignee": [case((c.assignee.is_(None), 1), else_=0), c.assignee],
    }.get(sort, [rank]) + [c.created_at.desc(), c.id.desc()]


def queue(connection: Connection, status: Optional[str] = None, *, text: Optional[str] = None,
          sort: str = "status", assignee: Optional[str] = None) -> List[Followup]:
    """Requests matching the filters; by default "new", then "contacted", then "closed"."""
    query = select(followups).order_by(*_order(sort))
    if status:
        query = query.where(followups.c.status == status)
    if assignee:
        query = query.where(followups.c.assignee == assignee)
    if text and text.strip():
        query = query.where(_matches(text.strip()))
    rows = list(connection.execute(query))
    threads = _notes(connection, [row.reference for row in rows])
    return [_followup(row, threads.get(row.reference)) for row in rows]


PHONE_SEARCH_DIGITS = 4


def _matches(needle: str):
    """Requests whose reference, name, company, e-mail, phone or notes contain ``needle``."""
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    c = followups.c
    noted = select(followup_notes.c.reference).where(followup_notes.c.body.ilike(pattern, escape="\\"))
    columns = (c.reference, c.name, c.company, c.email, c.phone)
    found = [column.ilike(pattern, escape="\\") for column in columns]
    digits = re.sub(r"\D", "", needle)
    if len(digits) >= PHONE_SEARCH_DIGITS:  # phones are stored as "+43 1 2345678": match "234 5678" too
        found.append(func.replace(func.replace(c.phone, " ", ""), "-", "").like(f"%{digits}%"))
    return or_(*found, c.reference.in_(noted))


def get(connection: Connection, reference: str) -> Optional[Followup]:
    """The request with this reference and its notes, if it exists."""
    row = connection.execute(select(followups).where(followups.c.reference == reference)).first()
    return _followup(row, _notes(connection, [reference]).get(reference)) if row else None


def for_sender(connection: Connection, sender_id: str) -> List[Followup]:
    """A conversation's requests, oldest first."""
    rows = list(connection.execute(
        select(followups).where(followups.c.sender_id == sender_id).order_by(followups.c.id)))
    threads = _notes(connection, [row.reference for row in rows])
    return [_followup(row, threads.get(row.reference)) for row in rows]


def update_request(connection: Connection, reference: str, *, status: str,
                   assignee: Optional[str],
                   due_on: Optional[date] = None) -> Optional[Dict[str, List[object]]]:
    """Record the handling of a request; returns what changed (old, new), None when it does not exist."""
    if status not in FOLLOWUP_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    before = get(connection, reference)
    if before is None:
        return None
    after = {"status": status, "assignee": assignee or None, "due_on": due_on}
    changed = {key: [_plain(getattr(before, key)), _plain(value)]
               for key, value in after.items() if getattr(before, key) != value}
    if changed:
        connection.execute(update(followups).where(followups.c.reference == reference)
                           .values(**after, updated_at=utcnow()))
    return changed


def _plain(value: object) -> object:
    """A value as JSON can hold it (for the audit log)."""
    return value.isoformat() if isinstance(value, date) else value


def assign(connection: Connection, reference: str, assignee: str) -> bool:
    """Give the request to ``assignee``; False when there is no such request."""
    return bool(connection.execute(update(followups).where(followups.c.reference == reference)
                                   .values(assignee=assignee, updated_at=utcnow())).rowcount)


def add_note(connection: Connection, reference: str, body: str, *, author: str) -> bool:
    """Append a note to the request's thread; False when empty or no such request."""
    body = str(body or "").strip()[:MAX_NOTES]
    row = connection.execute(select(followups.c.sender_id).where(followups.c.reference == reference)).first()
    if not body or row is None:
        return False
    connection.execute(insert(followup_notes).values(
        sender_id=row.sender_id, reference=reference, author=author[:80], body=body, created_at=utcnow()))
    connection.execute(update(followups).where(followups.c.reference == reference)
                       .values(updated_at=utcnow()))
    return True
