"""Whether a firm agrees to be matched, as the network's queries ask it.

Its own module because profiles, the pool of candidates and introductions
all ask it, and none of them should depend on another for that.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.engine import Connection

from bot.storage.tables import network_consents


def active_consent(sender_column: Any) -> Any:
    """SQL: the sender has a consent that has not been withdrawn."""
    c = network_consents.c
    return exists().where(and_(c.sender_id == sender_column, c.withdrawn_at.is_(None)))


def consent_held_since(sender_column: Any, moment: Any) -> Any:
    """SQL: the sender's active consent was given at or before ``moment``.

    A consent given again after a withdrawal is a new one: it does not
    reach back to what was agreed under the one withdrawn.
    """
    c = network_consents.c
    return exists().where(and_(c.sender_id == sender_column, c.withdrawn_at.is_(None),
                               c.consented_at <= moment))


def has_consent(connection: Connection, sender_id: str) -> bool:
    """Whether the firm currently agrees to be matched."""
    return bool(connection.execute(select(active_consent(sender_id))).scalar())
