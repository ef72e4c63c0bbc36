"""The audit log: who viewed, exported, changed or erased what, and when.

Callers write the entry in the same transaction as the action it describes,
so an action is never done without its entry (nor logged without being done).
Details must not repeat personal data; they hold counts, filters and formats.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.tables import audit_log

MAX_ACTOR = 80
MAX_TARGET = 255


@dataclass(frozen=True)
class Entry:
    """One line of the audit log."""

    at: datetime
    actor: str
    action: str
    target: str
    detail: Optional[Dict[str, Any]]


def record(
    connection: Connection,
    actor: str,
    action: str,
    target: str = "",
    detail: Optional[Mapping[str, Any]] = None,
) -> None:
    """Append one entry; long values are cut rather than failing the action."""
    connection.execute(
        insert(audit_log).values(
            at=utcnow(),
            actor=(actor or "unknown")[:MAX_ACTOR],
            action=action[:50],
            target=(target or "")[:MAX_TARGET],
            detail=dict(detail) if detail else None,
        )
    )


def recent(connection: Connection, limit: int = 200, actor: Optional[str] = None) -> List[Entry]:
    """The newest entries first, optionally only one actor's."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if actor:
        query = query.where(audit_log.c.actor == actor)
    return [
        Entry(at=r.at, actor=r.actor, action=r.action, target=r.target, detail=r.detail)
        for r in connection.execute(query)
    ]
