"""Staff corrections of misread owner messages: the right intent, and a slot value if wrong.

A correction belongs to one owner message (Rasa's event id) and records who
made it and when; correcting the same message again replaces the earlier
correction, so each message yields at most one training example. The owner's
words are kept with the correction because Rasa's event may be purged later;
they go when the conversation is erased, like everything else about it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Dict, List, Optional

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.tables import corrections
from bot.storage.turns import Turn


class CorrectionError(ValueError):
    """A correction that cannot become a training example; the message says why."""


@dataclass(frozen=True)
class Correction:
    """The right reading of one owner message."""

    sender_id: str
    event_id: int
    text: str
    predicted_intent: Optional[str]
    intent: str
    slot: Optional[str]
    value: Optional[str]
    span: Optional[str]
    created_by: str
    created_at: datetime


def _span(turn: Turn, slot: Optional[str], span: Optional[str]) -> Optional[str]:
    """The words that carry the value: as given, else those the model marked, else the whole message."""
    if not slot:
        return None
    span = " ".join((span or "").split())
    if span:
        if span.lower() not in turn.raw.lower():
            raise CorrectionError("The words for the value must appear in the message.")
        start = turn.raw.lower().index(span.lower())
        return turn.raw[start:start + len(span)]
    for entity in turn.entities:
        if entity.entity == slot and entity.start is not None and entity.end is not None:
            return turn.raw[entity.start:entity.end]
    return turn.raw.strip()


def record(connection: Connection, sender_id: str, turn: Turn, *, intent: str, author: str,
           slot: Optional[str] = None, value: Optional[str] = None, span: Optional[str] = None) -> Correction:
    """Keep (or replace) the correction of one typed owner message."""
    if turn.speaker != "user" or turn.clicked:
        raise CorrectionError("Only messages the owner typed can be corrected.")
    if not intent:
        raise CorrectionError("Choose the right intent.")
    if bool(slot) != bool(value):
        raise CorrectionError("Choose both a slot and its value, or neither.")
    correction = Correction(
        sender_id=sender_id, event_id=turn.event_id, text=turn.raw, predicted_intent=turn.intent,
        intent=intent[:255], slot=(slot or None), value=(value or None),
        span=_span(turn, slot, span), created_by=author[:80], created_at=utcnow(),
    )
    where = (corrections.c.sender_id == sender_id) & (corrections.c.event_id == turn.event_id)
    connection.execute(delete(corrections).where(where))
    connection.execute(insert(corrections).values(**correction.__dict__))
    return correction


def _correction(row) -> Correction:
    """A ``corrections`` row as a :class:`Correction`."""
    return Correction(**{name: getattr(row, name) for name in Correction.__dataclass_fields__})


def for_sender(connection: Connection, sender_id: str) -> Dict[int, Correction]:
    """A conversation's corrections by the event id of the message they correct."""
    query = select(corrections).where(corrections.c.sender_id == sender_id)
    return {row.event_id: _correction(row) for row in connection.execute(query)}


def every_correction(connection: Connection) -> List[Correction]:
    """All corrections, oldest first (for the training-data export)."""
    return [_correction(row) for row in connection.execute(
        select(corrections).order_by(corrections.c.created_at, corrections.c.id))]
