"""``python -m bot export``: conversations or follow-ups as CSV or JSON.

Writes to standard output, or with ``--output`` to a file readable only by its
owner (follow-up exports contain contact details). CSV cells are neutralised
against spreadsheet formula injection; see :mod:`bot.storage.export`.
"""
from __future__ import annotations

import argparse
import sys

from bot.cli.common import actor, database, write_private
from bot.storage import export


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` command."""
    parser = subparsers.add_parser("export", help="export conversations or follow-ups")
    parser.add_argument("--dataset", choices=export.DATASETS, default="conversations")
    parser.add_argument("--format", choices=export.FORMATS, default="csv")
    parser.add_argument("--output", help="file to write (default: standard output)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Build the export and write it where asked."""
    with database() as connection:
        result = export.export(connection, args.dataset, args.format, actor=actor())
    if args.output:
        write_private(args.output, result.content)
        print(f"wrote {result.count} {args.dataset} to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(result.content)
    return 0
