"""``python -m bot followups list [--json] [--status S]``: the follow-up queue."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime

from bot.cli.common import actor, database
from bot.storage import audit, followups
from bot.storage.export import neutralise
from bot.storage.tables import FOLLOWUP_STATUSES


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``followups`` command group."""
    parser = subparsers.add_parser("followups", help="follow-up requests")
    commands = parser.add_subparsers(dest="followups_command", required=True)
    lister = commands.add_parser("list", help="list requests, new ones first")
    lister.add_argument("--json", action="store_true", help="print JSON")
    lister.add_argument("--status", choices=FOLLOWUP_STATUSES)
    lister.set_defaults(handler=list_requests)


def list_requests(args: argparse.Namespace) -> int:
    """Print the queue as a table or JSON; the viewing is audited."""
    with database() as connection:
        items = followups.queue(connection, args.status)
        audit.record(connection, actor(), "view", "followups", {"via": "cli", "rows": len(items)})
    if args.json:
        rows = [{k: v.isoformat(sep=" ", timespec="seconds") if hasattr(v, "isoformat") else v
                 for k, v in asdict(item).items()} for item in items]
        print(json.dumps(rows, indent=2, ensure_ascii=False, default=_when))
        return 0
    if not items:
        print("no follow-up requests")
    for item in items:
        contact = " / ".join(c for c in (item.email, item.phone) if c)
        print(f"{item.reference}  {item.created_at:%Y-%m-%d %H:%M}  {item.status:9} "
              f"{(item.assignee or '-'):12} {_flat(item.company)} | {_flat(item.name)} | {contact}")
    return 0


def _when(value: object) -> str:
    """Times inside the note thread, written like the request's own times."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return str(value)


def _flat(text: str) -> str:
    """Owner-typed text made safe for one terminal line (no control characters)."""
    return str(neutralise("".join(ch if ch.isprintable() else " " for ch in text)))
