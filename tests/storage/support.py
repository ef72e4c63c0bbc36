"""Real servers and real conversations for the storage and web tests.

PostgreSQL and Redis are throwaway servers the session starts in a temporary
folder from the installed binaries (:mod:`tests.local_servers`), or the ones
``OI_TEST_POSTGRES_URL`` and ``OI_TEST_REDIS_URL`` name. Each test gets a
database of its own, created here and dropped afterwards. Only where the
binaries are missing are the tests that need them skipped, with a loud notice,
and under ``CI=true`` even that is a failure.
Conversations are written the way production writes them: Rasa's own tracker
store for the transcript and :mod:`bot.storage.conversations` for the rest.
"""
from __future__ import annotations

import asyncio
import os
import secrets
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, NoReturn, Optional, Sequence, Tuple

import pytest
from sqlalchemy import create_engine, func, or_, select, text
from sqlalchemy.engine import Connection, make_url

from bot.storage.database import dispose_engines
from bot.storage.erasure import PER_SENDER_TABLES
from bot.storage.migrate import forget_upgrades
from bot.storage.tables import conversations, introductions
from tests.local_servers import postgres_url, redis_url

MISSING = "not installed (Debian: apt-get install postgresql redis-server, or scripts/services.sh)"

BACKENDS = ("sqlite", "postgresql")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def in_ci() -> bool:
    """Whether missing servers must fail the run instead of skipping tests."""
    return os.environ.get("CI", "").strip().lower() == "true"


_announced: set = set()


def unreachable(request: pytest.FixtureRequest, what: str, problem: str) -> NoReturn:
    """Skip loudly, or fail under CI, because a server the test needs is down."""
    message = (f"{what} NOT AVAILABLE ({problem}). Install it with scripts/services.sh; "
               f"under CI=true this is a failure.")
    if in_ci():
        pytest.fail(message, pytrace=False)
    if what not in _announced:
        _announced.add(what)
        _shout(request, f"!!! SKIPPING every {what} test: {message}")
    pytest.skip(message)


def _shout(request: pytest.FixtureRequest, line: str) -> None:
    """Write one line straight to the terminal, past pytest's output capture."""
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write("\n")
        reporter.write_line(line, red=True, bold=True)


def postgres_problem(server_url: Optional[str] = None) -> Optional[str]:
    """Why PostgreSQL cannot be used, or None when it can."""
    server_url = server_url or postgres_url()
    if server_url is None:
        return f"PostgreSQL {MISSING}"
    engine = create_engine(server_url, future=True, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return None
    except Exception as error:  # noqa: BLE001 - any failure means "not usable"
        return f"{make_url(server_url)!r}: {str(error).strip().splitlines()[0]}"
    finally:
        engine.dispose()


def redis_problem(url: Optional[str] = None) -> Optional[str]:
    """Why Redis cannot be used, or None when it can."""
    import redis

    url = url or redis_url()
    if url is None:
        return f"redis-server {MISSING}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
        return None
    except redis.RedisError as error:
        return f"{url}: {error}"


@contextmanager
def scratch_postgres(server_url: Optional[str] = None) -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped (with its connections) afterwards."""
    server_url = server_url or postgres_url()
    assert server_url, "PostgreSQL is not available"
    name = "oi_test_" + secrets.token_hex(6)
    admin = create_engine(server_url, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(make_url(server_url).set(database=name))
    finally:
        dispose_engines()
        forget_upgrades()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def database_for(request: pytest.FixtureRequest, backend: str, folder: Path) -> Iterator[str]:
    """The body of the ``database_url`` fixtures: a fresh SQLite file or PostgreSQL database."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'oi_advisor.db'}"
        dispose_engines()
        forget_upgrades()
        return
    problem = postgres_problem()
    if problem:
        unreachable(request, "PostgreSQL", problem)
    with scratch_postgres() as url:
        yield url


def tracker_store(url: str):  # type: ignore[no-untyped-def]
    """Rasa's tracker store as endpoints.yml configures it, on ``url``."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import EndpointConfig

    config = EndpointConfig(url=url, type="bot.storage.tracker_store.UrlTrackerStore")
    return TrackerStore.create(config, Domain.empty())


def save_chat(url: str, sender_id: str, turns: Sequence[Tuple[str, str]],
              extra_actions: Sequence[str] = (), at: Optional[float] = None) -> None:
    """Store a conversation through Rasa's tracker store: (owner text, bot text) per turn.

    ``at`` backdates every event to that Unix time (for retention tests).
    """
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    store = tracker_store(url)
    tracker = DialogueStateTracker(sender_id, [])
    events: List = [ActionExecuted("action_session_start", timestamp=at),
                    SessionStarted(timestamp=at), ActionExecuted("action_listen", timestamp=at)]
    for said, answered in turns:
        events += [UserUttered(said, {"name": "inform", "confidence": 1.0}, timestamp=at),
                   BotUttered(answered, timestamp=at), ActionExecuted("action_listen", timestamp=at)]
    events += [ActionExecuted(name, timestamp=at) for name in extra_actions]
    for event in events:
        tracker.update(event)
    asyncio.run(store.save(tracker))
    store.engine.dispose()


def count_rows(connection: Connection, sender_id: str) -> int:
    """How many of our rows still mention ``sender_id`` (zero after an erasure)."""
    total = connection.execute(
        select(func.count()).select_from(introductions)
        .where(or_(introductions.c.first_sender == sender_id, introductions.c.second_sender == sender_id))
    ).scalar_one()
    for table in (*PER_SENDER_TABLES, conversations):
        total += connection.execute(
            select(func.count()).select_from(table).where(table.c.sender_id == sender_id)
        ).scalar_one()
    return total
