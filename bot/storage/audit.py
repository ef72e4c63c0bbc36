"""The audit log: who changed, exported or erased what, who viewed personal data, and when.

Callers write the entry in the same transaction as the action it describes,
so an action is never done without its entry (nor logged without being done).
Only changes and views of personal data (a conversation's transcript, a
follow-up's contact details) are logged, not every page: a log full of list
views hides the entries that matter. Details must not repeat personal data;
they hold counts, filters, formats and the old and new values of a change.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Dict, List, Mapping, Optional

from sqlalchemy import distinct, insert, or_, select
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


@dataclass(frozen=True)
class AuditFilter:
    """What the admin chose on the audit page; None means "any"."""

    actor: Optional[str] = None
    action: Optional[str] = None
    date_from: Optional[date] = None
    date_to: Optional[date] = None
    text: Optional[str] = None


def recent(connection: Connection, limit: Optional[int] = 200, actor: Optional[str] = None,
           chosen: Optional[AuditFilter] = None) -> List[Entry]:
    """The newest entries first, filtered; ``limit=None`` for all (exports)."""
    chosen = chosen or AuditFilter(actor=actor)
    query = select(audit_log).order_by(audit_log.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    c = audit_log.c
    if chosen.actor:
        query = query.where(c.actor == chosen.actor)
    if chosen.action:
        query = query.where(c.action == chosen.action)
    if chosen.date_from:
        query = query.where(c.at >= datetime.combine(chosen.date_from, time.min))
    if chosen.date_to:
        query = query.where(c.at < datetime.combine(chosen.date_to + timedelta(days=1), time.min))
    if chosen.text and chosen.text.strip():
        escaped = chosen.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = "%" + escaped + "%"
        query = query.where(or_(c.target.ilike(pattern, escape="\\"), c.actor.ilike(pattern, escape="\\")))
    return [
        Entry(at=r.at, actor=r.actor, action=r.action, target=r.target, detail=r.detail)
        for r in connection.execute(query)
    ]


def choices(connection: Connection) -> Dict[str, List[str]]:
    """The actors and actions present, for the filter drop-downs."""
    def values(column: Any) -> List[str]:
        return list(connection.execute(select(distinct(column)).order_by(column)).scalars())

    return {"actor": values(audit_log.c.actor), "action": values(audit_log.c.action)}
