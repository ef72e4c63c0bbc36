"""Figures for the overview page: what owners were shown and voiced, and how far they got.

Grouping by week and counting models inside JSON lists is done in Python:
the volumes of one intermediary are small, and the result is then identical on
SQLite and PostgreSQL without dialect-specific date or JSON functions.
Models and partner types count only the three shown in each conversation's
latest advice; misconceptions count only those the owner voiced.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Dict, List, Tuple

from sqlalchemy import distinct, func, select
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.review import latest_advice
from bot.storage.summaries import summaries, voiced_by_sender
from bot.storage.tables import conversations, followups

UNKNOWN = "(not given)"


@dataclass(frozen=True)
class Overview:
    """Everything the overview page charts."""

    per_week: List[Tuple[date, int]]
    needs_by_sector: Dict[str, Dict[str, int]]
    misconceptions: List[Tuple[str, int]]
    models: List[Tuple[str, int]]
    partners: List[Tuple[str, int]]
    conversations: int
    with_followup: int
    funnel: "Funnel"

    @property
    def followup_share(self) -> float:
        """Share of conversations that asked for a follow-up, 0 to 1."""
        return self.with_followup / self.conversations if self.conversations else 0.0


def week_start(moment: datetime) -> date:
    """The Monday of the ISO week ``moment`` falls in."""
    day = moment.date()
    return day - timedelta(days=day.weekday())


def conversations_per_week(connection: Connection, weeks: int = 12) -> List[Tuple[date, int]]:
    """Conversations started in each of the last ``weeks`` weeks, oldest first, zeros kept."""
    this_week = week_start(utcnow())
    first = this_week - timedelta(weeks=weeks - 1)
    counts = Counter(
        week_start(started) for started in connection.execute(
            select(conversations.c.started_at).where(
                conversations.c.started_at >= datetime.combine(first, datetime.min.time()))
        ).scalars()
    )
    return [(first + timedelta(weeks=i), counts.get(first + timedelta(weeks=i), 0))
            for i in range(weeks)]


def needs_by_sector(connection: Connection) -> Dict[str, Dict[str, int]]:
    """For each sector, how many conversations named each need."""
    table: Dict[str, Dict[str, int]] = {}
    query = (select(conversations.c.sector, conversations.c.innovation_need, func.count())
             .where(conversations.c.sector.isnot(None) | conversations.c.innovation_need.isnot(None))
             .group_by(conversations.c.sector, conversations.c.innovation_need))
    for sector, need, count in connection.execute(query):
        table.setdefault(sector or UNKNOWN, {})[need or UNKNOWN] = count
    return table


@dataclass(frozen=True)
class Funnel:
    """How far conversations got, and the question at which dropped ones stopped."""

    started: int
    recommended: int
    followup: int
    dropped: int
    dropped_at: List[Tuple[str, int]]


def ranked(counts: Counter, limit: int) -> List[Tuple[str, int]]:
    """Most frequent first, ties by name, at most ``limit``."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def top_misconceptions(connection: Connection, limit: int = 10) -> List[Tuple[str, int]]:
    """Misconceptions by the number of conversations whose owner voiced them."""
    return ranked(Counter(m for found in voiced_by_sender(connection).values() for m in found), limit)


def top_shown(connection: Connection, limit: int = 10) -> Tuple[List[Tuple[str, int]], List[Tuple[str, int]]]:
    """Models and partner types by the number of conversations they were shown in."""
    senders = list(connection.execute(select(distinct(conversations.c.sender_id))).scalars())
    shown = latest_advice(connection, senders).values()
    models = Counter(m for found, _partners in shown for m in found)
    partners = Counter(p for _models, found in shown for p in found)
    return ranked(models, limit), ranked(partners, limit)


NO_QUESTION = "(before any question)"


def funnel(connection: Connection) -> Funnel:
    """Started, reached a recommendation, asked for follow-up, dropped (and where)."""
    senders = list(connection.execute(select(conversations.c.sender_id)).scalars())
    found = summaries(connection, senders)
    outcomes = Counter(summary.outcome for summary in found.values())
    dropped_at = Counter(summary.last_question or NO_QUESTION
                         for summary in found.values() if summary.outcome == "dropped")
    return Funnel(
        started=len(senders),
        recommended=sum(1 for summary in found.values() if summary.recommended),
        followup=outcomes["follow-up"], dropped=outcomes["dropped"],
        dropped_at=ranked(dropped_at, 20),
    )


def overview(connection: Connection, weeks: int = 12) -> Overview:
    """All overview figures in one go."""
    total = connection.execute(select(func.count()).select_from(conversations)).scalar_one()
    asked = connection.execute(select(func.count(distinct(followups.c.sender_id)))).scalar_one()
    models, partners = top_shown(connection)
    return Overview(
        per_week=conversations_per_week(connection, weeks),
        needs_by_sector=needs_by_sector(connection),
        misconceptions=top_misconceptions(connection),
        models=models,
        partners=partners,
        conversations=total,
        with_followup=asked,
        funnel=funnel(connection),
    )
