"""Immutable result types of the recommender.

A recommendation carries everything the chat, the download and the review
dashboard show (names, reasons, texts, source keys), so rendering needs no
knowledge base and a stored recommendation reads the same later.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Dict, Optional, Tuple


@dataclass(frozen=True)
class Reason:
    """One fired rule: how much it moved the score and why, in the owner's terms."""

    id: str
    text: str
    delta: int
    sources: Tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoredEntry:
    """A collaboration model or partner type with its score and the reasons behind it."""

    id: str
    name: str
    summary: str
    score: int
    reasons: Tuple[Reason, ...] = ()

    def main_reason(self) -> Optional[Reason]:
        """The strongest positive reason, the one-line 'why' shown in chat."""
        positive = [reason for reason in self.reasons if reason.delta > 0]
        return max(positive, key=lambda reason: reason.delta) if positive else None


@dataclass(frozen=True)
class GuidanceNote:
    """A guidance entry that applies to this firm, and why it was brought up."""

    id: str
    title: str
    summary: str
    why: str


@dataclass(frozen=True)
class Recommendation:
    """Ranked models and partners, guidance, the main risk, first steps and sources."""

    models: Tuple[ScoredEntry, ...]
    partners: Tuple[ScoredEntry, ...]
    guidance_notes: Tuple[GuidanceNote, ...] = ()
    main_risk: Optional[str] = None
    risk_guidance: Optional[str] = None
    risk_management: Optional[str] = None
    risk_step: Optional[str] = None
    first_steps: Tuple[str, ...] = ()
    sources: Tuple[str, ...] = ()
    citations: Tuple[Tuple[str, str], ...] = ()
    labels: Tuple[Tuple[str, str], ...] = ()

    @property
    def guidance(self) -> Tuple[str, ...]:
        """Ids of the guidance entries that apply."""
        return tuple(note.id for note in self.guidance_notes)

    def top_models(self, count: int = 3) -> Tuple[ScoredEntry, ...]:
        """The best-fitting collaboration models."""
        return self.models[:count]

    def top_partners(self, count: int = 3) -> Tuple[ScoredEntry, ...]:
        """The best-fitting partner types."""
        return self.partners[:count]

    def label(self, field: str) -> str:
        """The readable form of a profile field (empty if unknown)."""
        return dict(self.labels).get(field, "")

    def to_dict(self) -> Dict[str, Any]:
        """Plain JSON-ready data for slots, payloads and the review dashboard."""
        data = asdict(self)
        data["guidance"] = list(self.guidance)
        data["labels"] = dict(self.labels)
        data["citations"] = dict(self.citations)
        return data
