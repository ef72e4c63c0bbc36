"""``python -m bot review export-nlu [--output FILE]``: staff corrections as Rasa NLU training data.

The file is for review before its examples are moved into ``data/nlu/``;
contact details in the owners' words are masked (see :mod:`bot.storage.nlu_export`).
"""
from __future__ import annotations

import argparse
import sys

from bot.cli.common import actor, database, write_private
from bot.storage.nlu_export import export_nlu


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``review`` command group."""
    parser = subparsers.add_parser("review", help="conversation review: corrections as training data")
    commands = parser.add_subparsers(dest="review_command", required=True)
    nlu = commands.add_parser("export-nlu", help="write corrected turns as a Rasa NLU YAML file")
    nlu.add_argument("--output", help="file to write (default: standard output)")
    nlu.set_defaults(handler=export_corrections)


def export_corrections(args: argparse.Namespace) -> int:
    """Write the NLU file; the export is audited."""
    with database() as connection:
        result = export_nlu(connection, actor=actor())
    if args.output:
        write_private(args.output, result.content)
        print(f"wrote {result.examples} corrected example(s) to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(result.content)
    return 0
