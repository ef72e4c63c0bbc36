"""``python -m bot db upgrade|current``: schema migrations."""
from __future__ import annotations

import argparse

from bot.cli.common import shown_url
from bot.storage import migrate


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``db`` command group."""
    parser = subparsers.add_parser("db", help="database schema migrations")
    commands = parser.add_subparsers(dest="db_command", required=True)
    commands.add_parser("upgrade", help="apply every pending migration").set_defaults(handler=upgrade)
    commands.add_parser("current", help="show the schema revision").set_defaults(handler=current)


def upgrade(_args: argparse.Namespace) -> int:
    """Migrate to the newest revision."""
    before = migrate.current_revision()
    after = migrate.upgrade()
    change = "already at" if before == after else f"upgraded from {before or 'empty'} to"
    print(f"{shown_url()}: {change} revision {after}")
    return 0


def current(_args: argparse.Namespace) -> int:
    """Print the revision; exit 1 when the database is behind the code."""
    revision, head = migrate.current_revision(), migrate.head_revision()
    state = "up to date" if revision == head else f"behind (newest is {head})"
    print(f"{shown_url()}: revision {revision or 'none'}, {state}")
    return 0 if revision == head else 1
