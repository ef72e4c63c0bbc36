"""Corrections as Rasa NLU training data, with contact details masked.

The file has the shape of ``data/nlu/*.yml`` so that, once reviewed, its
examples can be moved there. Owners sometimes type their e-mail address,
phone number, name or company into the chat; none of that may end up in
training data, so e-mail addresses, phone numbers, web addresses and the
name and company of any follow-up request of the same conversation are
replaced by placeholders. Square brackets, which Rasa reads as entity
markup, are turned into round ones in the owner's text.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.storage import audit
from bot.storage.corrections import Correction, every_correction
from bot.storage.tables import followups

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
PHONE = re.compile(r"(?<!\w)\+?\d[\d ()/.-]{5,}\d(?!\w)")
PLACEHOLDERS = {"email": "<email>", "phone": "<phone>", "url": "<web address>",
                "name": "<name>", "company": "<company>"}


@dataclass(frozen=True)
class NluFile:
    """The YAML text and how many examples it holds."""

    content: str
    examples: int


def mask(text: str, known: Mapping[str, Iterable[str]]) -> str:
    """``text`` without contact details; ``known`` maps "name"/"company" to values to hide."""
    text = " ".join(str(text).split())
    for kind in ("company", "name"):
        for value in sorted({v for v in known.get(kind, ()) if v}, key=len, reverse=True):
            text = re.sub(re.escape(value), PLACEHOLDERS[kind], text, flags=re.IGNORECASE)
    text = EMAIL.sub(PLACEHOLDERS["email"], text)
    text = URL.sub(PLACEHOLDERS["url"], text)
    text = PHONE.sub(PLACEHOLDERS["phone"], text)
    return text.replace("[", "(").replace("]", ")")


def _known_contacts(connection: Connection) -> Dict[str, Dict[str, List[str]]]:
    """Names and companies given in follow-up requests, by conversation."""
    known: Dict[str, Dict[str, List[str]]] = defaultdict(lambda: {"name": [], "company": []})
    for sender, name, company in connection.execute(
            select(followups.c.sender_id, followups.c.name, followups.c.company)):
        known[sender]["name"].append(name)
        known[sender]["company"].append(company)
    return known


def example(correction: Correction, known: Mapping[str, Iterable[str]]) -> str:
    """One training example, with the corrected slot value marked on its words."""
    text = mask(correction.text, known)
    if not (correction.slot and correction.value and correction.span):
        return text
    words = mask(correction.span, known)
    if words not in text or not words.strip():
        return text
    markup = json.dumps({"entity": correction.slot, "value": correction.value}, ensure_ascii=False)
    return text.replace(words, f"[{words}]{markup}", 1)


def to_yaml(examples: Dict[str, List[str]]) -> str:
    """Rasa NLU YAML (format 3.1), intents and examples sorted, duplicates dropped."""
    lines = ['version: "3.1"', "nlu:"]
    for intent in sorted(examples):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in sorted(set(examples[intent]))]
    return "\n".join(lines) + "\n"


def export_nlu(connection: Connection, *, actor: str) -> NluFile:
    """Every correction as one NLU file; the export is audited."""
    known = _known_contacts(connection)
    grouped: Dict[str, List[str]] = defaultdict(list)
    for correction in every_correction(connection):
        text = example(correction, known[correction.sender_id] if correction.sender_id in known else {})
        if text.strip():
            grouped[correction.intent].append(text)
    count = sum(len(set(v)) for v in grouped.values())
    audit.record(connection, actor, "export", "nlu-corrections", {"format": "yaml", "rows": count})
    return NluFile(to_yaml(grouped) if grouped else 'version: "3.1"\nnlu: []\n', count)
