"""Helpers shared by the storage commands: the database, the audit actor, output."""
from __future__ import annotations

import getpass
import os
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy.engine import Connection, make_url

from bot.storage.database import database_url, transaction
from bot.storage.migrate import ensure_schema


def actor() -> str:
    """Who the audit log names for command-line actions: ``cli:<login name>``."""
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def shown_url() -> str:
    """The database URL with any password hidden, for messages."""
    return make_url(database_url()).__repr__()


@contextmanager
def database() -> Iterator[Connection]:
    """A transaction on the configured database, migrated to the newest schema first."""
    ensure_schema()
    with transaction() as connection:
        yield connection


def write_private(path: str, content: str) -> None:
    """Write a file only its owner can read: exports may hold contact details."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
        handle.write(content)
