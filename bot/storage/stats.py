"""Figures for the overview page, computed from our own tables only.

Grouping by week and counting models inside JSON lists is done in Python:
the volumes of one intermediary are small, and the result is then identical on
SQLite and PostgreSQL without dialect-specific date or JSON functions.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Dict, List, Set, Tuple

from sqlalchemy import distinct, func, select
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.review import ids_of
from bot.storage.tables import conversations, followups, misconceptions_raised, recommendations

UNKNOWN = "(not given)"


@dataclass(frozen=True)
class Overview:
    """Everything the overview page charts."""

    per_week: List[Tuple[date, int]]
    needs_by_sector: Dict[str, Dict[str, int]]
    misconceptions: List[Tuple[str, int]]
    models: List[Tuple[str, int]]
    conversations: int
    with_followup: int

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


def top_misconceptions(connection: Connection, limit: int = 10) -> List[Tuple[str, int]]:
    """Misconceptions by the number of conversations that raised them."""
    senders = func.count(distinct(misconceptions_raised.c.sender_id))
    query = (select(misconceptions_raised.c.misconception_id, senders)
             .group_by(misconceptions_raised.c.misconception_id)
             .order_by(senders.desc(), misconceptions_raised.c.misconception_id).limit(limit))
    return [(name, count) for name, count in connection.execute(query)]


def top_models(connection: Connection, limit: int = 10) -> List[Tuple[str, int]]:
    """Collaboration models by the number of conversations they were recommended in."""
    seen: Set[Tuple[str, str]] = set()
    for sender, models in connection.execute(select(recommendations.c.sender_id, recommendations.c.models)):
        seen.update((sender, model) for model in ids_of(models))
    counts = Counter(model for _sender, model in seen)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]


def overview(connection: Connection, weeks: int = 12) -> Overview:
    """All overview figures in one go."""
    total = connection.execute(select(func.count()).select_from(conversations)).scalar_one()
    asked = connection.execute(select(func.count(distinct(followups.c.sender_id)))).scalar_one()
    return Overview(
        per_week=conversations_per_week(connection, weeks),
        needs_by_sector=needs_by_sector(connection),
        misconceptions=top_misconceptions(connection),
        models=top_models(connection),
        conversations=total,
        with_followup=asked,
    )
