"""``python -m bot COMMAND ...``: the admin command line.

The registry is :data:`COMMAND_MODULES`: each listed module defines
``register(subparsers)``, which adds its command (and sub-commands) to the
argparse sub-parsers and sets ``handler`` on each leaf with
``parser.set_defaults(handler=...)``. A handler takes the parsed arguments and
returns the exit status. To add a command, write a module and list it here.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import List, Optional

#: every command module, in the order ``--help`` lists them
COMMAND_MODULES = (
    "bot.cli.db",         # db upgrade | current
    "bot.cli.staff",      # staff create-user | set-password | list
    "bot.cli.followups",  # followups list [--json]
    "bot.cli.export",     # export [--dataset] [--format] [--output]
    "bot.cli.erase",      # purge --older-than DAYS, erase SENDER_ID
    "bot.cli.review",     # review export-nlu [--output]
    "bot.cli.knowledge",  # knowledge check | list | show (the knowledge base)
    "bot.cli.rules",      # rules [--check] (form-control rules from their table)
    "bot.cli.network",    # network matches | consortium REFERENCE [--json]
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser: one sub-parser per command module."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="OI Advisor administration.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    """Parse ``argv`` (default: the process arguments), run the command, return its status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args) or 0)
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
