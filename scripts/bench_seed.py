"""Fill a database with many stored conversations, quickly, straight through SQL.

Rasa's SQL tracker store reads and writes a conversation's events by sender
id; its cost can grow with what is already stored. To measure that, the
benchmark copies one real conversation (typed through the bot, so every row
is what the servers really write) to thousands of new sender ids: one
``INSERT ... SELECT`` per table that has a ``sender_id`` column, in
foreign-key order, with a recursive query numbering the copies. It works the
same on SQLite and PostgreSQL and takes seconds, not the hours typing them would.
"""
from __future__ import annotations

import uuid
from typing import Dict, List

from sqlalchemy import Integer, MetaData, Table, func, select, text
from sqlalchemy.engine import Engine

from bot.storage.database import make_engine

SEED_PREFIX = "seed-"


def _copy_sql(table: Table, quote) -> str:  # type: ignore[no-untyped-def]
    """INSERT ... SELECT copying the template's rows once per number from ``low`` to ``high``."""
    columns = [column for column in table.columns
               if not (column.primary_key and isinstance(column.type, Integer))]
    names = ", ".join(quote(column.name) for column in columns)
    values = ", ".join("CAST(:prefix AS VARCHAR(40)) || n.i" if column.name == "sender_id" else f"t.{quote(column.name)}"
                       for column in columns)
    return (f"WITH RECURSIVE n(i) AS (SELECT :low UNION ALL SELECT i + 1 FROM n WHERE i < :high) "
            f"INSERT INTO {quote(table.name)} ({names}) "
            f"SELECT {values} FROM {quote(table.name)} AS t, n WHERE t.sender_id = :template")


def seed(database_url: str, template_sender: str, count: int, chunk: int = 1000) -> Dict[str, int]:
    """Copy ``template_sender``'s rows ``count`` times, ``chunk`` copies per transaction.

    Returns the rows added per table (counted, since drivers report no row
    count for ``WITH ... INSERT``).
    """
    engine = make_engine(database_url)
    metadata = MetaData()
    metadata.reflect(bind=engine)
    quote = engine.dialect.identifier_preparer.quote
    tables = [table for table in metadata.sorted_tables if "sender_id" in table.columns]
    prefix = f"{SEED_PREFIX}{uuid.uuid4().hex[:8]}-"
    try:
        before = _row_counts(engine, tables)
        for low in range(1, count + 1, chunk):
            bounds = {"low": low, "high": min(count, low + chunk - 1), "template": template_sender,
                      "prefix": prefix}
            with engine.begin() as connection:
                for table in tables:
                    connection.execute(text(_copy_sql(table, quote)), bounds)
        after = _row_counts(engine, tables)
    finally:
        engine.dispose()
    return {name: after[name] - before[name] for name in after}


def _row_counts(engine: Engine, tables: List[Table]) -> Dict[str, int]:
    with engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in tables}


def conversations_stored(database_url: str) -> int:
    """How many distinct conversations the tracker store holds."""
    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            events = Table("events", MetaData(), autoload_with=connection)
            return connection.execute(select(func.count(func.distinct(events.c.sender_id)))).scalar_one()
    finally:
        engine.dispose()
