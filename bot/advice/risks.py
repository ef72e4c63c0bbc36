"""The main risk for this firm, and one concrete way to manage it.

A model's risks are listed in the knowledge base in no particular order of
relevance; the first one is not necessarily the one that bites this firm.
A bakery short of money and a software firm with code to protect share a
best model now and then, but not the same worry: each risk is matched
against what the owner said (IP, money and people, experience, the way to
market), so the risk shown is the one this firm's answers point to.
"""
from __future__ import annotations

import re
from typing import Callable, List, Optional, Sequence, Tuple

from bot.advice import facts
from bot.advice.profile import Profile
from bot.knowledge import KnowledgeBase

Concern = Tuple[Callable[[Profile], bool], re.Pattern]

#: what the owner said -> words in a risk that speak to it
CONCERNS: Tuple[Concern, ...] = (
    (lambda p: facts.ip_concern(p) in ("medium", "high") or facts.owns_technology(p),
     re.compile(r"\b(know-how|ip|intellectual property|compet\w*|rights?|licen[cs]\w*|secrets?"
                r"|imitat\w*|confidential|ownership|owns?|give away|taken back)\b", re.I)),
    (facts.resource_constrained,
     re.compile(r"\b(money|costs?|time|people|stretch\w*|fund\w*|effort)\b", re.I)),
    (lambda p: p.partner_experience in (None, "none", "failed"),
     re.compile(r"\b(trust|agree\w*|roles?|conflicts?|clash\w*|coordinat\w*|check\w*)\b", re.I)),
    (facts.commercialisation_gap,
     re.compile(r"\b(production|sales|products?|market)\b", re.I)),
    (lambda p: facts.breadth_side(p) == "too_many",
     re.compile(r"\b(too many|inverted u|spreading)\b", re.I)),
)

_WORD = re.compile(r"[a-z]{4,}")


def relevance(profile: Profile, risk: str) -> int:
    """How many of the owner's concerns the risk speaks to."""
    return sum(1 for applies, words in CONCERNS if applies(profile) and words.search(risk))


def main_risk(profile: Profile, risks: Sequence[str]) -> Optional[str]:
    """The risk that speaks to most of the owner's concerns; the listed order breaks ties."""
    if not risks:
        return None
    scored = [(relevance(profile, risk), -n, risk) for n, risk in enumerate(risks)]
    return max(scored)[2]


def stems(text: str) -> set:
    """Content words cut to five letters, so 'customers' and 'customer' meet."""
    return {word[:5] for word in _WORD.findall(text.lower())}


def first_sentence(text: str) -> str:
    """The first sentence of a longer text, with its full stop."""
    head = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    return head if head.endswith((".", "!", "?")) else head + "."


def management(kb: KnowledgeBase, guidance_id: Optional[str], risk: Optional[str]) -> Optional[str]:
    """The guidance point that shares most words with the risk, as one sentence.

    A point ("Neutral evaluation: it can assess ...") is a concrete move; the
    guidance summary around it is background the plan keeps.
    """
    found = kb.guidance.get(guidance_id) if guidance_id else None
    if found is None or not risk:
        return None
    points: List[str] = list(found.points)
    words = stems(risk)
    best = max(points, key=lambda point: (len(words & stems(point)), -points.index(point)))
    return first_sentence(best)
