"""Rasa's transcript, read from the SQL tracker store's ``events`` table.

Rasa writes every event of a conversation there as JSON; the staff desk only
needs who said what and when. The table is declared here in a private
``MetaData`` so our migrations never create or alter it: Rasa owns it, and it
may not exist yet on a database Rasa has never used. Apart from erasure (which
must remove the owner's words too) nothing here writes to it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    inspect,
    or_,
    select,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)

SPOKEN = ("user", "bot")


@dataclass(frozen=True)
class Line:
    """One utterance: ``speaker`` is "user" or "bot"; texts are raw, escape them on output."""

    speaker: str
    text: str
    at: Optional[datetime]
    intent: Optional[str] = None
    buttons: List[str] = field(default_factory=list)
    payload: Optional[Dict[str, Any]] = None


def has_events_table(connection: Connection) -> bool:
    """Whether Rasa has created its table in this database yet."""
    return inspect(connection).has_table("events")


def load_transcript(connection: Connection, sender_id: str) -> List[Line]:
    """Everything the owner and the bot said in ``sender_id``'s conversation, in order."""
    if not has_events_table(connection):
        return []
    rows = connection.execute(
        select(events.c.type_name, events.c.timestamp, events.c.intent_name, events.c.data)
        .where(events.c.sender_id == sender_id, events.c.type_name.in_(SPOKEN))
        .order_by(events.c.id)
    )
    return [_line(row.type_name, row.timestamp, row.intent_name, row.data) for row in rows]


def _line(speaker: str, timestamp: Optional[float], intent: Optional[str], data: str) -> Line:
    """Turn one stored event into a line, tolerating events without text."""
    event = _json(data)
    message = event.get("data") or {}
    buttons = [str(b.get("title", "")) for b in message.get("buttons") or [] if isinstance(b, dict)]
    return Line(
        speaker=speaker,
        text=str(event.get("text") or ""),
        at=to_datetime(timestamp),
        intent=intent if speaker == "user" else None,
        buttons=buttons,
        payload=message.get("custom") if isinstance(message.get("custom"), dict) else None,
    )


def _json(data: Optional[str]) -> Dict[str, Any]:
    """The event's JSON, or an empty dict when it is missing or damaged."""
    try:
        value = json.loads(data or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def to_datetime(timestamp: Optional[float]) -> Optional[datetime]:
    """Rasa's Unix timestamp as naive UTC, the way our own tables store times."""
    return None if timestamp is None else moment(timestamp)


def moment(timestamp: float) -> datetime:
    """A Unix timestamp that is surely there, as naive UTC."""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).replace(tzinfo=None)


def text_matches(needle: str) -> ColumnElement:
    """A condition on ``events`` matching utterances that contain ``needle``, any case.

    Rasa stores texts JSON-encoded, so non-ASCII letters are escaped in the
    column; both spellings are searched. LIKE wildcards in the needle are literal.
    """
    spellings = {needle, json.dumps(needle)[1:-1]}
    conditions = [events.c.data.ilike(f"%{_escape_like(s)}%", escape="\\") for s in spellings]
    return (events.c.type_name.in_(SPOKEN)) & or_(*conditions)


def _escape_like(text: str) -> str:
    """Make ``%``, ``_`` and the escape character match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def last_event_times(connection: Connection) -> Dict[str, datetime]:
    """When each sender's conversation last had an event."""
    if not has_events_table(connection):
        return {}
    rows = connection.execute(
        select(events.c.sender_id, func.max(events.c.timestamp)).group_by(events.c.sender_id)
    )
    return {sender: moment(latest) for sender, latest in rows if latest is not None}


def delete_sender_events(connection: Connection, sender_id: str) -> int:
    """Remove ``sender_id``'s events (erasure only); returns how many went."""
    if not has_events_table(connection):
        return 0
    return connection.execute(delete(events).where(events.c.sender_id == sender_id)).rowcount
