"""Engines and transactions for the one database named by ``OI_DATABASE_URL``.

Every part of OI Advisor asks this module for its engine so that a single
setting moves all of it from the default SQLite file to PostgreSQL. Engines are
cached per URL because creating one per call would defeat connection pooling.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

from sqlalchemy import Table, create_engine, event, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import QueuePool

REPO_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = REPO_ROOT / "var"
DEFAULT_SQLITE_PATH = VAR_DIR / "oi_advisor.db"
URL_VARIABLE = "OI_DATABASE_URL"

_engines: Dict[str, Engine] = {}
_lock = threading.Lock()


class StorageError(Exception):
    """The database could not do what was asked; the driver's own error is its cause."""


def database_url(url: Optional[str] = None) -> str:
    """The URL to use: the argument, else ``OI_DATABASE_URL``, else the SQLite file."""
    chosen = (url or os.environ.get(URL_VARIABLE, "")).strip()
    if not chosen:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    if chosen.startswith("postgres://"):
        # Hosting platforms hand out postgres://, which SQLAlchemy no longer accepts.
        chosen = "postgresql://" + chosen[len("postgres://"):]
    return chosen


def is_sqlite(url: str) -> bool:
    """Whether ``url`` names an SQLite database (file or memory)."""
    return make_url(url).get_backend_name() == "sqlite"


def ensure_sqlite_folder(url: str) -> None:
    """Create the folder of an SQLite file so a fresh checkout can start at once."""
    if not is_sqlite(url):
        return
    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)


def engine_options(url: str) -> Dict[str, Any]:
    """``create_engine`` options that keep SQLite file connections open between uses.

    SQLAlchemy 1.4 opens and closes a new connection for every use of an
    SQLite file, and each new one runs the pragmas below: about twice the
    cost of the query itself on every turn. A pool keeps them; pooled
    connections may be handed to another thread, which SQLite allows when
    a connection is used by one thread at a time, as the pool ensures.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return {}
    return {"poolclass": QueuePool, "connect_args": {"check_same_thread": False}}


def install_sqlite_pragmas(engine: Engine) -> None:
    """Turn on foreign keys, WAL and a busy timeout on every new SQLite connection.

    SQLite enforces foreign keys only when asked, per connection; WAL and the
    timeout let Rasa, the action server and the staff desk share one file.
    In WAL mode ``synchronous=NORMAL`` writes a commit without waiting for
    the disk; a crash of the process loses nothing, and only a power cut can
    undo the last commits (SQLite's recommended setting for WAL). Waiting
    for the disk was a third of the time a turn spent saving.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()


def make_engine(url: Optional[str] = None) -> Engine:
    """A new 2.0-style engine for ``url`` (see :func:`database_url`)."""
    url = database_url(url)
    ensure_sqlite_folder(url)
    engine = create_engine(url, future=True, pool_pre_ping=True, **engine_options(url))
    install_sqlite_pragmas(engine)
    return engine


def get_engine(url: Optional[str] = None) -> Engine:
    """The shared engine for ``url``, created on first use."""
    url = database_url(url)
    with _lock:
        if url not in _engines:
            _engines[url] = make_engine(url)
        return _engines[url]


def dispose_engines() -> None:
    """Close every pooled connection, e.g. before a test drops its database."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def transaction(url: Optional[str] = None) -> Iterator[Connection]:
    """A connection inside one transaction: committed on success, rolled back on error."""
    with get_engine(url).begin() as connection:
        yield connection


def insert_if_missing(connection: Connection, table: Table, key: str, **values: object) -> None:
    """Insert a row unless one with the same ``key`` column exists, without a race.

    Two processes (Rasa's action server and the staff desk) may create the same
    conversation row at once; ``ON CONFLICT DO NOTHING`` lets both succeed.
    """
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        module = sqlite if dialect == "sqlite" else postgresql
        connection.execute(module.insert(table).values(**values).on_conflict_do_nothing())
        return
    column = table.c[key]
    if connection.execute(select(column).where(column == values[key])).first() is None:
        connection.execute(insert(table).values(**values))


def utcnow() -> datetime:
    """Naive UTC now: stored the same way on SQLite and PostgreSQL, so values compare."""
    return datetime.now(timezone.utc).replace(tzinfo=None)
