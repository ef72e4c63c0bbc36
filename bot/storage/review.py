"""Conversations as staff review them: a filtered, searchable list and one full record.

Counts mean what the owner met: the models and partner types are the three
shown in the latest advice (the stored ranking holds every candidate), and the
misconceptions are those the owner voiced, read from the turns the model
classified as ``misconception``, not every card the bot sent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional, Tuple

from sqlalchemy import distinct, func, select, update
from sqlalchemy.engine import Connection

from bot.storage import corrections
from bot.storage import followups as followup_queries
from bot.storage.annotations import Note, all_tags, notes_of, tags_of
from bot.storage.database import insert_if_missing
from bot.storage.review_filter import ConversationFilter, conditions  # the filter is part of this API
from bot.storage.summaries import OUTCOMES, Summary, summaries, voiced_by_sender
from bot.storage.tables import (
    CONVERSATION_STATUSES,
    conversations,
    followups,
    recommendations,
    tutorial_progress,
)
from bot.storage.transcript import events, has_events_table, to_datetime
from bot.storage.turns import Turn, load_turns

#: how many models and partner types the owner is shown
SHOWN = 3
#: slots that make up the firm profile
PROFILE_SLOTS = ("sector", "company_size", "innovation_need", "innovation_stage", "barriers", "offer",
                 "ip_sensitivity", "partner_experience", "past_partners", "international")

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
    partners: List[str] = field(default_factory=list)
    followup_status: Optional[str] = None
    preview: str = ""
    length: int = 0
    outcome: str = "dropped"
    fallbacks: int = 0
    low_confidence: int = 0
    tags: List[str] = field(default_factory=list)


@dataclass(frozen=True)
class Recommendation:
    """Advice given once: ids of the models and partner types shown, and guidance."""

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
    misconceptions: List[Tuple[str, Optional[datetime]]]
    tutorial: List[Dict[str, Any]]
    followups: List[followup_queries.Followup]
    turns: List[Turn]
    notes: List[Note]
    corrections: Dict[int, corrections.Correction]


def ids_of(items: Optional[Iterable[Any]]) -> List[str]:
    """Ids from stored advice, which may hold plain ids or dicts with an id or name."""
    result = []
    for item in items or []:
        if isinstance(item, dict):
            item = item.get("id") or item.get("name") or item.get("title")
        if item:
            result.append(str(item))
    return result


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
    where = conditions(connection, chosen)
    query = (select(conversations).where(*where)
             .order_by(conversations.c.last_seen_at.desc(), conversations.c.sender_id))
    if chosen.reads_turns():
        rows = list(connection.execute(query))
        found = summaries(connection, [row.sender_id for row in rows])
        kept = [row for row in rows if chosen.keeps(found[row.sender_id])]
        page = kept[offset:offset + limit]
        return _with_details(connection, page, {r.sender_id: found[r.sender_id] for r in page}), len(kept)
    total = connection.execute(
        select(func.count()).select_from(conversations).where(*where)
    ).scalar_one()
    rows = list(connection.execute(query.limit(limit).offset(offset)))
    return _with_details(connection, rows), total


def all_conversations(connection: Connection, chosen: ConversationFilter) -> List[ConversationRow]:
    """Every matching conversation (for exports)."""
    rows, _total = list_conversations(connection, chosen, limit=10**9)
    return rows


def latest_advice(connection: Connection, senders: List[str]) -> Dict[str, Tuple[List[str], List[str]]]:
    """The models and partner types shown to each owner (the top three) in the latest advice."""
    shown: Dict[str, Tuple[List[str], List[str]]] = {}
    for sender, models, partners in connection.execute(
        select(recommendations.c.sender_id, recommendations.c.models, recommendations.c.partners)
        .where(recommendations.c.sender_id.in_(senders)).order_by(recommendations.c.id)
    ):
        shown[sender] = (ids_of(models)[:SHOWN], ids_of(partners)[:SHOWN])  # the latest wins
    return shown


def _with_details(connection: Connection, rows: List[Any],
                  found: Optional[Dict[str, Summary]] = None) -> List[ConversationRow]:
    """Add the summary, the advice shown, tags and follow-up status to each listed row."""
    senders = [row.sender_id for row in rows]
    found = found if found is not None else summaries(connection, senders)
    advice = latest_advice(connection, senders)
    tags = tags_of(connection, senders)
    asked: Dict[str, str] = {}
    for sender, status in connection.execute(
        select(followups.c.sender_id, followups.c.status)
        .where(followups.c.sender_id.in_(senders)).order_by(followups.c.id)
    ):
        asked[sender] = status
    return [_row(row, found[row.sender_id], advice.get(row.sender_id, ([], [])),
                 tags.get(row.sender_id, []), asked.get(row.sender_id)) for row in rows]


def _row(row: Any, summary: Summary, advice: Tuple[List[str], List[str]], tags: List[str],
         followup: Optional[str]) -> ConversationRow:
    """A ``conversations`` row plus its details as a :class:`ConversationRow`."""
    return ConversationRow(
        sender_id=row.sender_id, started_at=row.started_at, last_seen_at=row.last_seen_at,
        status=row.status, sector=row.sector, company_size=row.company_size,
        innovation_need=row.innovation_need, innovation_stage=row.innovation_stage,
        misconceptions=summary.voiced, models=advice[0], partners=advice[1],
        followup_status=followup, preview=summary.preview, length=summary.length,
        outcome=summary.outcome, fallbacks=summary.fallbacks,
        low_confidence=summary.low_confidence, tags=tags,
    )


def conversation_record(connection: Connection, sender_id: str) -> Optional[ConversationRecord]:
    """The full record of one conversation, or None when we hold nothing about it."""
    row = connection.execute(
        select(conversations).where(conversations.c.sender_id == sender_id)
    ).first()
    if row is None:
        return None
    advice = [
        Recommendation(ids_of(r.models)[:SHOWN], ids_of(r.partners)[:SHOWN], ids_of(r.guidance),
                       r.created_at)
        for r in connection.execute(select(recommendations).where(
            recommendations.c.sender_id == sender_id).order_by(recommendations.c.id))
    ]
    turns = load_turns(connection, sender_id)
    voiced = [(t.misconception, t.at) for t in turns if t.misconception]
    tutorial = [dict(r._mapping) for r in connection.execute(
        select(tutorial_progress.c.lesson_id, tutorial_progress.c.step, tutorial_progress.c.best_score,
               tutorial_progress.c.done, tutorial_progress.c.updated_at)
        .where(tutorial_progress.c.sender_id == sender_id).order_by(tutorial_progress.c.lesson_id))]
    summary = summaries(connection, [sender_id])[sender_id]
    return ConversationRecord(
        row=_with_details(connection, [row], {sender_id: summary})[0],
        profile=dict(row.profile or {}) or profile_from_turns(turns),
        recommendations=advice, misconceptions=voiced, tutorial=tutorial,
        followups=followup_queries.for_sender(connection, sender_id), turns=turns,
        notes=notes_of(connection, sender_id),
        corrections=corrections.for_sender(connection, sender_id),
    )


def profile_from_turns(turns: List[Turn]) -> Dict[str, Any]:
    """The profile slots as the turns last set them, for owners who left before any advice.

    The stored profile is written with the recommendation; without one, the
    slot events are the only record of what the owner had told the bot.
    """
    profile: Dict[str, Any] = {}
    for turn in turns:
        for name, value in turn.slots:
            if name in PROFILE_SLOTS:
                profile[name] = value
    return {name: value for name, value in profile.items() if value not in (None, "", [])}


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
        "misconception": sorted({m for found in voiced_by_sender(connection).values() for m in found}),
        "status": list(CONVERSATION_STATUSES),
        "tag": all_tags(connection),
        "intent": _intents(connection),
        "outcome": list(OUTCOMES),
    }


def _intents(connection: Connection) -> List[str]:
    """Intents the model chose for owner messages so far."""
    if not has_events_table(connection):
        return []
    query = (select(distinct(events.c.intent_name))
             .where(events.c.type_name == "user", events.c.intent_name.isnot(None))
             .order_by(events.c.intent_name))
    return [v for v in connection.execute(query).scalars() if v]


def conversation_exists(connection: Connection, sender_id: str) -> bool:
    """Whether a conversation row exists (review work attaches to it)."""
    return connection.execute(
        select(conversations.c.sender_id).where(conversations.c.sender_id == sender_id)
    ).first() is not None
