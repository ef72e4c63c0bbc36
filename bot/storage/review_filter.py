"""The filters of the conversation list, and the SQL they become.

Most filters are conditions on our tables or on Rasa's ``events`` table and
run in the database. Four depend on reading the turns (fallback, low
confidence, outcome and the misconception the owner voiced); those are
applied in Python to the conversations the SQL part already narrowed down,
which stays fast at the volumes of one intermediary.
Search is a case-insensitive substring match, identical on SQLite and
PostgreSQL so results do not depend on the database chosen.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Dict, List, Optional

from sqlalchemy import exists, or_
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bot.storage.summaries import Summary
from bot.storage.tables import conversation_tags, conversations, followups
from bot.storage.transcript import events, has_events_table, text_matches


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
    tag: Optional[str] = None
    intent: Optional[str] = None
    fallback: Optional[bool] = None
    low_confidence: Optional[bool] = None
    outcome: Optional[str] = None

    def active(self) -> Dict[str, str]:
        """The filters in use, as text (for audit entries and export file details)."""
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "")}

    def reads_turns(self) -> bool:
        """Whether some filter needs the turns, not only SQL."""
        return any(v is not None for v in (self.misconception, self.fallback,
                                           self.low_confidence, self.outcome))

    def keeps(self, summary: Summary) -> bool:
        """Whether a conversation with this summary passes the turn-based filters."""
        checks = (
            self.misconception is None or self.misconception in summary.voiced,
            self.fallback is None or bool(summary.fallbacks) == self.fallback,
            self.low_confidence is None or bool(summary.low_confidence) == self.low_confidence,
            self.outcome is None or summary.outcome == self.outcome,
        )
        return all(checks)


def conditions(connection: Connection, chosen: ConversationFilter) -> List[ColumnElement]:
    """SQL conditions on ``conversations`` for the filters SQL can answer."""
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
    if chosen.has_followup is not None:
        asked = exists().where(followups.c.sender_id == c.sender_id)
        found.append(asked if chosen.has_followup else ~asked)
    if chosen.tag:
        found.append(exists().where(conversation_tags.c.sender_id == c.sender_id,
                                    conversation_tags.c.tag == chosen.tag))
    if chosen.intent:
        found.append(_said_with_intent(connection, chosen.intent))
    if chosen.text and chosen.text.strip():
        found.append(_search(connection, chosen.text.strip()))
    return found


def _said_with_intent(connection: Connection, intent: str) -> ColumnElement:
    """Conversations with at least one owner message classified as ``intent``."""
    if not has_events_table(connection):
        return conversations.c.sender_id.is_(None)  # nothing matches without a transcript
    return exists().where(events.c.sender_id == conversations.c.sender_id,
                          events.c.type_name == "user", events.c.intent_name == intent)


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
