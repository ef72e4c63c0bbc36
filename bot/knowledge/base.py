"""The knowledge base in memory: every kind of entry, by kind and then by id.

Kept apart from loading so that the checks run while loading can name the
type without importing the loader back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Type

from pydantic import BaseModel

from bot.knowledge import schema

#: file stem -> (attribute of KnowledgeBase, entry model)
KINDS: Dict[str, Type[BaseModel]] = {
    "sources": schema.Source,
    "misconceptions": schema.Misconception,
    "models": schema.CollaborationModel,
    "partners": schema.PartnerType,
    "needs": schema.Need,
    "stages": schema.Stage,
    "barriers": schema.Barrier,
    "sectors": schema.Sector,
    "sizes": schema.Size,
    "offers": schema.Offer,
    "benefits_dangers": schema.BenefitOrDanger,
    "guidance": schema.Guidance,
    "cases": schema.Case,
    "lessons": schema.Lesson,
}


@dataclass
class KnowledgeBase:
    """All entries of the knowledge base, by kind and then by id."""

    directory: Path
    sources: Dict[str, schema.Source] = field(default_factory=dict)
    misconceptions: Dict[str, schema.Misconception] = field(default_factory=dict)
    models: Dict[str, schema.CollaborationModel] = field(default_factory=dict)
    partners: Dict[str, schema.PartnerType] = field(default_factory=dict)
    needs: Dict[str, schema.Need] = field(default_factory=dict)
    stages: Dict[str, schema.Stage] = field(default_factory=dict)
    barriers: Dict[str, schema.Barrier] = field(default_factory=dict)
    sectors: Dict[str, schema.Sector] = field(default_factory=dict)
    sizes: Dict[str, schema.Size] = field(default_factory=dict)
    offers: Dict[str, schema.Offer] = field(default_factory=dict)
    benefits_dangers: Dict[str, schema.BenefitOrDanger] = field(default_factory=dict)
    guidance: Dict[str, schema.Guidance] = field(default_factory=dict)
    cases: Dict[str, schema.Case] = field(default_factory=dict)
    lessons: Dict[str, schema.Lesson] = field(default_factory=dict)

    def kind(self, name: str) -> Dict[str, Any]:
        """Entries of one kind by its file stem, e.g. ``kind("models")``."""
        if name not in KINDS:
            raise KeyError(f"unknown kind of knowledge: {name}")
        return getattr(self, name)

    def find(self, entry_id: str) -> List[tuple]:
        """Every ``(kind, entry)`` whose id is ``entry_id``."""
        return [
            (kind, self.kind(kind)[entry_id])
            for kind in KINDS
            if entry_id in self.kind(kind)
        ]
