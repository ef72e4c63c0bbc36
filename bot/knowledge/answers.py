"""What each diagnosis question can be answered with, and how owners say it.

The table in ``bot.knowledge.slots`` names, for every question, the slot it
fills, the entity that button payloads use, and where its values come from:
a kind of knowledge (sectors, needs, ...) or a fixed scale (low / medium /
high). The answer reader trains on ``knowledge/answers.yml`` (example
answers written per value) plus each entry's name and synonyms, so a value
added to the knowledge base is understood after the next training.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.slots import ANSWER_SLOTS
from bot.knowledge.vocabulary import phrases_of

ANSWERS_FILE = "answers.yml"
Examples = Dict[str, Dict[str, List[str]]]


def allowed_values(kb: KnowledgeBase, slot: str) -> List[str]:
    """Every value the question ``slot`` can take, in the knowledge base's order."""
    spec = ANSWER_SLOTS[slot]
    if not spec.kind:
        return list(spec.fixed)
    entries = sorted(kb.kind(spec.kind).values(), key=lambda entry: getattr(entry, "order", 0))
    return [entry.id for entry in entries] + list(spec.extra)


def load_examples(kb: KnowledgeBase, path: Optional[Path] = None) -> Examples:
    """Example answers per slot and value: ``answers.yml`` plus names and synonyms.

    Raises ``KnowledgeError`` naming the slot or value when the file refers
    to something the knowledge base does not have.
    """
    raw = _read(path or kb.directory / ANSWERS_FILE)
    examples: Examples = {}
    for slot, spec in ANSWER_SLOTS.items():
        allowed = allowed_values(kb, slot)
        given = raw.get(slot) or {}
        unknown = sorted(set(map(str, given)) - set(allowed))
        if unknown:
            raise KnowledgeError(ANSWERS_FILE, slot, None, f"unknown values {unknown}")
        examples[slot] = {value: _texts(given.get(value)) for value in allowed}
        if spec.kind:
            for entry in kb.kind(spec.kind).values():
                examples[slot][entry.id] += _framed(slot, phrases_of(entry))
    extra = sorted(set(raw) - set(ANSWER_SLOTS))
    if extra:
        raise KnowledgeError(ANSWERS_FILE, None, None, f"unknown questions {extra}")
    return examples


#: how owners frame a name when they answer ("we are a bakery"); the same frames
#: for every value teach the reader that the frame says nothing, the name does
FRAMES: Dict[str, Tuple[str, ...]] = {
    "sector": ("{}", "we are a {}", "we run a {}", "a small {} business"),
}


def _framed(slot: str, phrases: List[str]) -> List[str]:
    return [frame.format(phrase) for phrase in phrases for frame in FRAMES.get(slot, ("{}",))]


def _read(path: Path) -> dict:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise KnowledgeError(ANSWERS_FILE, None, None, "expected a mapping of questions to values")
    return {str(key): value for key, value in data.items()}


def _texts(items: object) -> List[str]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise KnowledgeError(ANSWERS_FILE, None, None, f"expected a list of example answers, got {items!r}")
    return [str(item).strip() for item in items if str(item).strip()]
