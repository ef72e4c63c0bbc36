"""``python -m bot network matches|consortium REFERENCE [--json]``: suggestions for one firm.

REFERENCE is what the staff desk shows for a firm: its follow-up reference
(OI-XXXX-XXXX) or its conversation id. Looking is audited like a desk view.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, Optional

from sqlalchemy.engine import Connection

from bot.cli.common import actor, database
from bot.network.wording import offer_list
from bot.storage import audit, network, suggestions

MAX_REFERENCE = 255


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``network`` command group."""
    parser = subparsers.add_parser("network", help="partner and consortium suggestions")
    commands = parser.add_subparsers(dest="network_command", required=True)
    for name, handler, text in (("matches", show_matches, "ranked partners for one firm"),
                                ("consortium", show_consortium, "suggested consortium for one firm")):
        command = commands.add_parser(name, help=text)
        command.add_argument("reference", help="follow-up reference or conversation id")
        command.add_argument("--json", action="store_true", help="print JSON")
        if name == "matches":
            command.add_argument("--limit", type=int, default=10, help="how many partners (default 10)")
        command.set_defaults(handler=handler)


def _problem(reference: str) -> Optional[str]:
    """Why a reference cannot even be looked up, or None."""
    if not reference.strip() or len(reference) > MAX_REFERENCE or not reference.isprintable():
        return "is not a follow-up reference (OI-XXXX-XXXX) or a conversation id"
    return None


def _run(args: argparse.Namespace, kind: str) -> int:
    """Resolve the reference, compute the suggestions, audit, print; 1 with a message on error."""
    reference = str(args.reference)
    problem = _problem(reference)
    if problem:
        print(f"error: {reference[:40]!r} {problem}", file=sys.stderr)
        return 1
    with database() as connection:
        sender_id = network.resolve(connection, reference)
        if sender_id is None:
            print(f"error: no firm with the reference or conversation id {reference!r}", file=sys.stderr)
            return 1
        try:
            data = _suggestions(connection, sender_id, kind, getattr(args, "limit", 10))
        except suggestions.NotInNetwork as error:
            print(f"error: {reference}: {error}", file=sys.stderr)
            return 1
        audit.record(connection, actor(), "view", sender_id, {"via": "cli", "network": kind})
    print(json.dumps(data, indent=2, ensure_ascii=False) if args.json else _text(data, kind))
    return 0


def _suggestions(connection: Connection, sender_id: str, kind: str, limit: int) -> Dict[str, Any]:
    """The firm and its matches or consortium as plain data."""
    if kind == "matches":
        lead, found = suggestions.matches(connection, sender_id, limit=max(1, limit))
        return {"firm": lead.label, "conversation": sender_id, "matches": [m.as_dict() for m in found]}
    lead, consortium = suggestions.consortium(connection, sender_id)
    return {"firm": lead.label, "conversation": sender_id, "consortium": consortium.as_dict()}


def _text(data: Dict[str, Any], kind: str) -> str:
    """A short readable listing."""
    lines = [f"{data['firm']}:"]
    if kind == "matches":
        for match in data["matches"]:
            lines.append(f"  {match['score']:.3f}  {match['label'] or match['firm']}  "
                         f"brings {offer_list(match['brings'])}")
        return "\n".join(lines if data["matches"] else lines + ["  no complementary firm yet"])
    consortium = data["consortium"]
    lines.append(f"  {consortium['kind_name']} consortium")
    lines += [f"  - {m['label'] or m['firm']}: {offer_list(m['brings'])}" for m in consortium["members"]]
    lines += [f"  missing: {item}" for item in consortium["missing"]]
    return "\n".join(lines)


def show_matches(args: argparse.Namespace) -> int:
    """Print the ranked partners."""
    return _run(args, "matches")


def show_consortium(args: argparse.Namespace) -> int:
    """Print the suggested consortium."""
    return _run(args, "consortium")
