"""Conversations as staff review them: a filtered, searchable list and one full record.

Filters work on our own tables; the full-text search also looks into Rasa's
transcript, so staff can find a conversation by something the owner wrote.
Search is a case-insensitive substring match, identical on SQLite and
PostgreSQL so results do not depend on the database chosen.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Dict, Iterable, List, Optional, Tuple

from sqlalchemy import distinct, exists, func, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bot.storage import followups as followup_queries
from bot.storage.database import insert_if_missing
from bot.storage.tables import (
    CONVERSATION_STATUSES,
    conversations,
    followups,
    misconceptions_raised,
    recommendations,
    tutorial_progress,
)
from bot.storage.transcript import (
    Line,
    events,
    has_events_table,
    load_transcript,
    text_matches,
    to_datetime,
)


@dataclass(frozen=True)
class ConversationFilter:
    """What the staff chose on the list page; None means "any"."""

    date_from: Optional[date] = None
    date_to: Optional[date] = None
    sector: Optional[str] = None
    need: Optional[str] = None
    stage: Optional[str] = None
    misconception: Optional[str] = None
    has_followup: Optional[bool] = None
    status: Optional[str] = None
    text: Optional[str] = None

    def active(self) -> Dict[str, str]:
        """The filters in use, as text (for audit entries and export file details)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}


@dataclass(frozen=True)
class ConversationRow:
    """One line of the conversation list."""

    sender_id: str
    started_at: datetime
    last_seen_at: datetime
    status: str
    sector: Optional[str]
    company_size: Optional[str]
    innovation_need: Optional[str]
    innovation_stage: Optional[str]
    misconceptions: List[str] = field(default_factory=list)
    models: List[str] = field(default_factory=list)
    followup_status: Optional[str] = None


@dataclass(frozen=True)
class Recommendation:
    """Advice given once: ids (or names) of models, partner types and guidance."""

    models: List[str]
    partners: List[str]
    guidance: List[str]
    created_at: datetime


@dataclass(frozen=True)
class ConversationRecord:
    """Everything the conversation page shows."""

    row: ConversationRow
    profile: Dict[str, Any]
    recommendations: List[Recommendation]
    misconceptions: List[Tuple[str, datetime]]
    tutorial: List[Dict[str, Any]]
    followups: List[followup_queries.Followup]
    transcript: List[Line]


def ids_of(items: Optional[Iterable[Any]]) -> List[str]:
    """Ids from stored advice, which may hold plain ids or dicts with an id or name."""
    result = []
    for item in items or []:
        if isinstance(item, dict):
            item = item.get("id") or item.get("name") or item.get("title")
        if item:
            result.append(str(item))
    return result


def _conditions(connection: Connection, chosen: ConversationFilter) -> List[ColumnElement]:
    """SQL conditions on ``conversations`` for the chosen filters."""
    c = conversations.c
    found: List[ColumnElement] = []
    if chosen.date_from:
        found.append(c.last_seen_at >= datetime.combine(chosen.date_from, time.min))
    if chosen.date_to:
        found.append(c.started_at < datetime.combine(chosen.date_to + timedelta(days=1), time.min))
    for column, value in ((c.sector, chosen.sector), (c.innovation_need, chosen.need),
                          (c.innovation_stage, chosen.stage), (c.status, chosen.status)):
        if value:
            found.append(column == value)
    if chosen.misconception:
        found.append(exists().where(
            misconceptions_raised.c.sender_id == c.sender_id,
            misconceptions_raised.c.misconception_id == chosen.misconception,
        ))
    if chosen.has_followup is not None:
        asked = exists().where(followups.c.sender_id == c.sender_id)
        found.append(asked if chosen.has_followup else ~asked)
    if chosen.text and chosen.text.strip():
        found.append(_search(connection, chosen.text.strip()))
    return found


def _search(connection: Connection, needle: str) -> ColumnElement:
    """Conversations whose id, profile, follow-up company or transcript contains ``needle``."""
    pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    c = conversations.c
    options = [column.ilike(pattern, escape="\\") for column in
               (c.sender_id, c.sector, c.innovation_need, c.innovation_stage)]
    options.append(exists().where(
        followups.c.sender_id == c.sender_id, followups.c.company.ilike(pattern, escape="\\")
    ))
    if has_events_table(connection):
        options.append(exists().where(events.c.sender_id == c.sender_id, text_matches(needle)))
    return or_(*options)


def register_transcript_senders(connection: Connection) -> int:
    """Add conversations that exist only in Rasa's transcript, and refresh "last seen".

    An owner who leaves before any advice is recorded still has a transcript;
    staff should find that conversation in the list too. Returns how many rows
    were added.
    """
    if not has_events_table(connection):
        return 0
    spans = {
        sender: (to_datetime(first), to_datetime(last))
        for sender, first, last in connection.execute(
            select(events.c.sender_id, func.min(events.c.timestamp), func.max(events.c.timestamp))
            .where(events.c.timestamp.isnot(None)).group_by(events.c.sender_id))
    }
    known = {sender: seen for sender, seen in connection.execute(
        select(conversations.c.sender_id, conversations.c.last_seen_at))}
    added = 0
    for sender, (first, last) in spans.items():
        if sender not in known:
            insert_if_missing(connection, conversations, "sender_id",
                              sender_id=sender, started_at=first, last_seen_at=last)
            added += 1
        elif last > known[sender]:
            connection.execute(update(conversations).where(
                conversations.c.sender_id == sender).values(last_seen_at=last))
    return added


def list_conversations(
    connection: Connection, chosen: ConversationFilter, *, limit: int = 50, offset: int = 0
) -> Tuple[List[ConversationRow], int]:
    """One page of matching conversations, most recently active first, and the total."""
    where = _conditions(connection, chosen)
    total = connection.execute(
        select(func.count()).select_from(conversations).where(*where)
    ).scalar_one()
    query = (select(conversations).where(*where)
             .order_by(conversations.c.last_seen_at.desc(), conversations.c.sender_id)
             .limit(limit).offset(offset))
    rows = list(connection.execute(query))
    return _with_details(connection, rows), total


def all_conversations(connection: Connection, chosen: ConversationFilter) -> List[ConversationRow]:
    """Every matching conversation (for exports)."""
    rows, _total = list_conversations(connection, chosen, limit=10**9)
    return rows


def _with_details(connection: Connection, rows: List[Any]) -> List[ConversationRow]:
    """Add misconceptions, latest models and follow-up status to each listed row."""
    senders = [row.sender_id for row in rows]
    raised: Dict[str, List[str]] = {s: [] for s in senders}
    for sender, misconception in connection.execute(
        select(misconceptions_raised.c.sender_id, misconceptions_raised.c.misconception_id)
        .where(misconceptions_raised.c.sender_id.in_(senders)).order_by(misconceptions_raised.c.id)
    ):
        if misconception not in raised[sender]:
            raised[sender].append(misconception)
    models: Dict[str, List[str]] = {}
    for sender, items in connection.execute(
        select(recommendations.c.sender_id, recommendations.c.models)
        .where(recommendations.c.sender_id.in_(senders)).order_by(recommendations.c.id)
    ):
        models[sender] = ids_of(items)  # the latest recommendation wins
    asked: Dict[str, str] = {}
    for sender, status in connection.execute(
        select(followups.c.sender_id, followups.c.status)
        .where(followups.c.sender_id.in_(senders)).order_by(followups.c.id)
    ):
        asked[sender] = status
    return [_row(row, raised[row.sender_id], models.get(row.sender_id, []),
                 asked.get(row.sender_id)) for row in rows]


def _row(row: Any, raised: List[str], models: List[str], followup: Optional[str]) -> ConversationRow:
    """A ``conversations`` row plus its details as a :class:`ConversationRow`."""
    return ConversationRow(
        sender_id=row.sender_id, started_at=row.started_at, last_seen_at=row.last_seen_at,
        status=row.status, sector=row.sector, company_size=row.company_size,
        innovation_need=row.innovation_need, innovation_stage=row.innovation_stage,
        misconceptions=raised, models=models, followup_status=followup,
    )


def conversation_record(connection: Connection, sender_id: str) -> Optional[ConversationRecord]:
    """The full record of one conversation, or None when we hold nothing about it."""
    row = connection.execute(
        select(conversations).where(conversations.c.sender_id == sender_id)
    ).first()
    if row is None:
        return None
    advice = [
        Recommendation(ids_of(r.models), ids_of(r.partners), ids_of(r.guidance), r.created_at)
        for r in connection.execute(select(recommendations).where(
            recommendations.c.sender_id == sender_id).order_by(recommendations.c.id))
    ]
    raised = [(r.misconception_id, r.raised_at) for r in connection.execute(
        select(misconceptions_raised).where(misconceptions_raised.c.sender_id == sender_id)
        .order_by(misconceptions_raised.c.id))]
    tutorial = [dict(r._mapping) for r in connection.execute(
        select(tutorial_progress.c.lesson_id, tutorial_progress.c.step, tutorial_progress.c.best_score,
               tutorial_progress.c.done, tutorial_progress.c.updated_at)
        .where(tutorial_progress.c.sender_id == sender_id).order_by(tutorial_progress.c.lesson_id))]
    return ConversationRecord(
        row=_with_details(connection, [row])[0], profile=dict(row.profile or {}),
        recommendations=advice, misconceptions=raised, tutorial=tutorial,
        followups=followup_queries.for_sender(connection, sender_id),
        transcript=load_transcript(connection, sender_id),
    )


def set_status(connection: Connection, sender_id: str, status: str) -> bool:
    """Mark a conversation "new" or "reviewed"; False when it does not exist."""
    if status not in CONVERSATION_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    return bool(connection.execute(
        update(conversations).where(conversations.c.sender_id == sender_id).values(status=status)
    ).rowcount)


def filter_choices(connection: Connection) -> Dict[str, List[str]]:
    """The values present in the data, offered in the filter drop-downs."""
    def values(column: Any) -> List[str]:
        query = select(distinct(column)).where(column.isnot(None)).order_by(column)
        return [v for v in connection.execute(query).scalars() if v]

    return {
        "sector": values(conversations.c.sector),
        "need": values(conversations.c.innovation_need),
        "stage": values(conversations.c.innovation_stage),
        "misconception": values(misconceptions_raised.c.misconception_id),
        "status": list(CONVERSATION_STATUSES),
    }
