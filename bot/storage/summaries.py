"""One conversation in a few figures: preview, length, outcome, flags, what the owner voiced.

The list page and the overview need these for many conversations at once, so
they are computed from the turns in one pass. The outcome is the furthest a
conversation got: a follow-up request beats a recommendation, and a
conversation with neither was dropped, at the last question the bot asked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.storage.tables import followups, recommendations
from bot.storage.transcript import events, has_events_table
from bot.storage.turns import MISCONCEPTION_INTENT, Turn, turns_by_sender

OUTCOMES = ("follow-up", "recommendation", "dropped")
PREVIEW_LENGTH = 120


@dataclass
class Summary:
    """What the list shows about one conversation besides its profile."""

    preview: str = ""
    length: int = 0
    fallbacks: int = 0
    low_confidence: int = 0
    intents: List[str] = field(default_factory=list)
    voiced: List[str] = field(default_factory=list)
    recommended: bool = False
    last_question: Optional[str] = None
    outcome: str = "dropped"


def summarise(turns: List[Turn]) -> Summary:
    """Figures of one conversation from its turns."""
    summary = Summary()
    owner = [t for t in turns if t.speaker == "user"]
    typed = [t for t in owner if not t.clicked and t.text.strip()]
    said = typed or owner
    first = said[0] if said else None
    summary.preview = _shorten(first.text) if first else ""
    summary.length = len(owner)
    summary.fallbacks = sum(1 for t in owner if t.fallback)
    summary.low_confidence = sum(1 for t in owner if t.low_confidence)
    summary.intents = list(dict.fromkeys(t.intent for t in owner if t.intent))
    summary.voiced = list(dict.fromkeys(t.misconception for t in owner if t.misconception))
    for turn in turns:
        payload = turn.payload or {}
        kind = payload.get("type")
        if kind == "recommendation":
            summary.recommended = True
        elif kind == "question" and not summary.recommended:
            summary.last_question = str(payload.get("slot") or "") or None
    return summary


def _shorten(text: str) -> str:
    """One line of at most :data:`PREVIEW_LENGTH` characters."""
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW_LENGTH else line[:PREVIEW_LENGTH - 1].rstrip() + "…"


def summaries(connection: Connection, senders: Optional[List[str]] = None) -> Dict[str, Summary]:
    """Summaries of some conversations (all when ``senders`` is None), outcome included."""
    turns = turns_by_sender(connection, senders)
    wanted = list(turns) if senders is None else senders
    result = {sender: summarise(turns.get(sender, [])) for sender in wanted}
    advised = _senders_in(connection, recommendations, wanted if senders is not None else None)
    asked = _senders_in(connection, followups, wanted if senders is not None else None)
    for sender, summary in result.items():
        summary.recommended = summary.recommended or sender in advised
        summary.outcome = ("follow-up" if sender in asked
                           else "recommendation" if summary.recommended else "dropped")
    return result


def _senders_in(connection: Connection, table, senders: Optional[List[str]]) -> set:
    """Which of ``senders`` have a row in ``table``."""
    query = select(table.c.sender_id).distinct()
    if senders is not None:
        query = query.where(table.c.sender_id.in_(senders))
    return set(connection.execute(query).scalars())


def voiced_by_sender(connection: Connection) -> Dict[str, List[str]]:
    """Misconceptions each owner voiced (``misconception`` intent), for charts and filters."""
    if not has_events_table(connection):
        return {}
    senders = list(connection.execute(
        select(events.c.sender_id).where(events.c.type_name == "user",
                                         events.c.intent_name == MISCONCEPTION_INTENT).distinct()
    ).scalars())
    voiced = {}
    for sender, turns in turns_by_sender(connection, senders).items():
        found = summarise(turns).voiced
        if found:
            voiced[sender] = found
    return voiced
