"""Schema migrations with Alembic, driven from Python instead of an ini file.

``python -m bot db upgrade``, the web app and the action server all call
:func:`upgrade`, so there is no ``alembic.ini`` to find and the migrations run
the same from any working directory. The upgrade shares one transaction with a
PostgreSQL advisory lock so that services starting together do not race.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional, Set

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bot.storage.database import database_url, get_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_LOCK_KEY = 0x01A0_2024  # any constant; identifies our migrations to pg_advisory_lock

RASA_TABLES = frozenset({"events"})

_upgraded: Set[str] = set()
_upgraded_lock = threading.Lock()


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave Rasa's tracker-store table out of comparisons: Rasa creates and owns it."""
    return not (type_ == "table" and name in RASA_TABLES)


def alembic_config(connection: Optional[Connection] = None) -> Config:
    """An Alembic config pointing at our migrations, optionally on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision the code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has revisions"
    return head


def current_revision(url: Optional[str] = None) -> Optional[str]:
    """The revision the database is at, or None for a database never migrated."""
    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: Optional[str] = None, revision: str = "head") -> Optional[str]:
    """Bring the database up to ``revision`` and return the revision it is at."""
    engine = get_engine(url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        command.upgrade(alembic_config(connection), revision)
    return current_revision(url)


def ensure_schema(url: Optional[str] = None) -> None:
    """Upgrade to head once per process and URL; later calls cost nothing."""
    url = database_url(url)
    with _upgraded_lock:
        if url in _upgraded:
            return
        upgrade(url)
        _upgraded.add(url)


def forget_upgrades() -> None:
    """Make :func:`ensure_schema` check again, e.g. after a test dropped a database."""
    with _upgraded_lock:
        _upgraded.clear()
