"""What the plan page shows, assembled once for the HTML page and its PDF.

The page and the PDF are the same document: the PDF is the page printed by
WeasyPrint, so what the owner reads on a phone is what he keeps on paper.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from bot.advice import Profile, assess_readiness, recommend
from bot.advice.chat import picks
from bot.advice.readiness import Readiness
from bot.advice.result import Recommendation, ScoredEntry
from bot.advice.risks import main_risk
from bot.advice.summary import profile_summary
from bot.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Choice:
    """One recommended model or partner type with everything for and against it."""

    id: str
    name: str
    summary: str
    reason: str
    plus: Tuple[str, ...]
    minus: Tuple[str, ...]
    risk: Optional[str] = None


@dataclass(frozen=True)
class SourceLine:
    """One source: where to find it in the list, how to cite it, what it is."""

    key: str
    citation: str
    about: str


@dataclass(frozen=True)
class Plan:
    """The whole plan: profile, readiness, choices, risk, steps, guidance and sources."""

    profile: str
    readiness: Readiness
    models: Tuple[Choice, ...]
    partners: Tuple[Choice, ...]
    advice: Recommendation
    sources: Tuple[SourceLine, ...]


def choices(kb: KnowledgeBase, profile: Profile, items: Tuple[ScoredEntry, ...],
            kind: str) -> Tuple[Choice, ...]:
    """The top entries with their one-line reason (as in the chat), all reasons and the risk for this firm."""
    found: List[Choice] = []
    for item, pick in zip(items, picks(items)):
        entry = getattr(kb, kind).get(item.id)
        risks = list(getattr(entry, "risks", None) or getattr(entry, "cautions", None) or [])
        found.append(Choice(item.id, item.name, item.summary, pick.reason,
                            tuple(r.text for r in item.reasons if r.delta > 0),
                            tuple(r.text for r in item.reasons if r.delta < 0),
                            main_risk(profile, risks)))
    return tuple(found)


def source_lines(kb: KnowledgeBase, keys: Any) -> Tuple[SourceLine, ...]:
    """The sources behind the advice, in the knowledge base's order."""
    return tuple(SourceLine(key, text, getattr(kb.sources.get(key), "about", ""))
                 for key, text in keys)


def build_plan(kb: KnowledgeBase, profile: Profile) -> Plan:
    """Everything the plan page shows for one profile."""
    advice = recommend(profile, kb)
    return Plan(
        profile=profile_summary(advice, profile),
        readiness=assess_readiness(profile),
        models=choices(kb, profile, advice.top_models(), "models"),
        partners=choices(kb, profile, advice.top_partners(), "partners"),
        advice=advice,
        sources=source_lines(kb, advice.citations),
    )
