"""``python -m bot knowledge {check,list,show}``: inspect the knowledge base."""
from __future__ import annotations

import argparse
import json
import sys

import yaml

from bot.knowledge import KINDS, KnowledgeError, load_knowledge
from bot.knowledge.answers import load_examples
from bot.knowledge.figures import FIGURES_FILE, check_figures


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``knowledge`` command group."""
    parser = subparsers.add_parser("knowledge", help="check, list and show knowledge entries")
    parser.add_argument("--dir", default=None, help="knowledge folder (default: knowledge/)")
    commands = parser.add_subparsers(dest="knowledge_command", required=True)
    checker = commands.add_parser("check", help="validate every file, reference and listed figure")
    checker.set_defaults(handler=check)
    lister = commands.add_parser("list", help="list the ids of one kind, or count every kind")
    lister.add_argument("kind", nargs="?", choices=sorted(KINDS))
    lister.set_defaults(handler=list_entries)
    shower = commands.add_parser("show", help="show one entry by id")
    shower.add_argument("id")
    shower.add_argument("--json", action="store_true", help="print JSON instead of YAML")
    shower.set_defaults(handler=show)


def check(args: argparse.Namespace) -> int:
    """Load everything and compare figures with their list; print a count, or the problems found."""
    try:
        kb = load_knowledge(args.dir)
        load_examples(kb)
    except KnowledgeError as error:
        print(f"knowledge base is invalid: {error}", file=sys.stderr)
        return 1
    if (kb.directory / FIGURES_FILE).is_file():
        problems = check_figures(kb.directory)
        for problem in problems:
            print(f"figure not pinned: {problem}", file=sys.stderr)
        if problems:
            return 1
    total = sum(len(kb.kind(kind)) for kind in KINDS)
    print(f"knowledge base OK: {total} entries in {len(KINDS)} files ({kb.directory})")
    return 0


def list_entries(args: argparse.Namespace) -> int:
    """Ids and names of one kind, or the number of entries of each kind."""
    kb = load_knowledge(args.dir)
    if not args.kind:
        for kind in KINDS:
            print(f"{kind:18} {len(kb.kind(kind))}")
        return 0
    for entry in kb.kind(args.kind).values():
        label = getattr(entry, "name", None) or getattr(entry, "title", None) or getattr(entry, "claim", "")
        print(f"{entry.id:30} {label}")
    return 0


def show(args: argparse.Namespace) -> int:
    """Print every entry with the given id, with its kind."""
    matches = load_knowledge(args.dir).find(args.id)
    if not matches:
        print(f"no entry with id '{args.id}'", file=sys.stderr)
        return 1
    for kind, entry in matches:
        data = {"kind": kind, **json.loads(entry.json(exclude_none=True))}
        text = json.dumps(data, indent=2) if args.json else yaml.safe_dump(
            data, sort_keys=False, allow_unicode=True)
        print(text)
    return 0
