"""What staff may pick when correcting a turn: intents the model knows, slot values the knowledge base knows.

Intents come from ``domain.yml`` plus one ``misconception/<id>`` per
misconception in the knowledge base (Rasa's retrieval intent), so every
corrected example names an intent that ``rasa data validate`` accepts. Slot
values come from ``knowledge/`` and the closed sets of the profile.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from bot.advice.profile import EXPERIENCES, LEVELS
from bot.knowledge import load_knowledge
from bot.knowledge.slots import KIND_OF_ENTITY
from bot.storage.database import REPO_ROOT
from bot.storage.wording import CLOSED_WORDS, choices

DOMAIN = REPO_ROOT / "domain.yml"
#: entity -> knowledge kind its values come from; guidance and cases are what owners ask
#: about, never what they say of their firm, so staff do not correct them
KNOWLEDGE_SLOTS = {entity: kind for entity, kind in KIND_OF_ENTITY.items()
                   if kind not in ("guidance", "cases")}
CLOSED_SLOTS = {"ip_sensitivity": LEVELS, "partner_experience": EXPERIENCES}
UNCORRECTABLE = {"nlu_fallback"}


@dataclass(frozen=True)
class CorrectionChoices:
    """Pick lists for the correction form."""

    intents: List[str]
    slots: Dict[str, List[Tuple[str, str]]]

    def valid(self, intent: str, slot: str, value: str) -> bool:
        """Whether the picked intent, and slot value if any, are known."""
        if intent not in self.intents:
            return False
        if not slot and not value:
            return True
        return slot in self.slots and value in {v for v, _label in self.slots[slot]}


def domain_intents(path: Path = DOMAIN) -> List[str]:
    """Intents declared in the domain."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found = []
    for item in data.get("intents") or []:
        found.append(next(iter(item)) if isinstance(item, dict) else str(item))
    return found


@functools.lru_cache(maxsize=1)
def correction_choices() -> CorrectionChoices:
    """The pick lists (read once per process: domain and knowledge change only with a deploy)."""
    intents = [i for i in domain_intents() if i not in UNCORRECTABLE]
    intents += [f"misconception/{m}" for m in load_knowledge().misconceptions]
    slots = {slot: choices(kind) for slot, kind in KNOWLEDGE_SLOTS.items()}
    for slot, values in CLOSED_SLOTS.items():
        words = CLOSED_WORDS.get(slot, {})
        slots[slot] = [(v, words.get(v, v)) for v in values]
    return CorrectionChoices(sorted(intents), slots)
