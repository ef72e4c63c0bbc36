"""Alembic environment: runs on the connection that ``bot.storage.migrate`` passes in.

Without one (someone running the ``alembic`` command by hand) it connects to
the database named by ``OI_DATABASE_URL`` like the rest of OI Advisor.
"""
from __future__ import annotations

from alembic import context

from bot.storage.database import get_engine
from bot.storage.migrate import include_object
from bot.storage.tables import metadata


def run_on(connection) -> None:
    """Run the pending migrations on ``connection``."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Use the caller's connection when there is one, else our own engine."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    with get_engine().begin() as own:
        run_on(own)


run_online()
