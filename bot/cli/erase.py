"""``python -m bot purge --older-than DAYS`` and ``python -m bot erase SENDER_ID``.

Both remove everything stored for a conversation, Rasa's transcript included,
and leave an audit entry that no longer contains the sender id.
"""
from __future__ import annotations

import argparse

from bot.cli.common import actor, database
from bot.storage import erasure


def _days(text: str) -> int:
    """A whole number of days, at least 1 (0 would erase today's conversations too)."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("DAYS must be 1 or more")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``purge`` and ``erase`` commands."""
    purge = subparsers.add_parser("purge", help="erase conversations idle for more than DAYS days")
    purge.add_argument("--older-than", type=_days, required=True, metavar="DAYS")
    purge.set_defaults(handler=run_purge)
    erase = subparsers.add_parser("erase", help="erase one conversation and its follow-up")
    erase.add_argument("sender_id")
    erase.set_defaults(handler=run_erase)


def run_purge(args: argparse.Namespace) -> int:
    """Erase the idle conversations and report how many."""
    with database() as connection:
        erased = erasure.purge(connection, args.older_than, actor=actor())
    print(f"purged {len(erased)} conversation(s) idle for more than {args.older_than} days")
    return 0


def run_erase(args: argparse.Namespace) -> int:
    """Erase one sender; exit 1 if nothing was stored for it."""
    with database() as connection:
        result = erasure.erase(connection, args.sender_id, actor=actor())
    if not result.anything:
        print(f"nothing stored for {args.sender_id}")
        return 1
    print(f"erased {args.sender_id}: {result.rows} row(s) of ours, {result.events} transcript event(s)")
    return 0
