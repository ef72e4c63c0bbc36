"""Which guidance applies, the main risk and how to manage it, and the first steps.

Guidance is chosen by explicit conditions (each a named function with its
source), never by the score alone, so an owner with highly sensitive IP always
hears about selective openness even when the ranking already protects them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bot.advice import facts
from bot.advice.profile import Profile
from bot.advice.result import GuidanceNote
from bot.advice.risks import stems
from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import Guidance

#: share of the shorter step's content words two steps may have in common before one repeats the other
SAME_STEP_OVERLAP = 0.5


@dataclass(frozen=True)
class Standing:
    """The profile and the ranking outcome: what a guidance condition looks at."""

    profile: Profile
    models: Tuple[str, ...]
    partners: Tuple[str, ...]
    best_directions: Tuple[str, ...] = ()

    def top_models(self, count: int = 3) -> Tuple[str, ...]:
        """Ids of the best-fitting models."""
        return self.models[:count]

    def top_partners(self, count: int = 3) -> Tuple[str, ...]:
        """Ids of the best-fitting partner types."""
        return self.partners[:count]


Condition = Callable[[Standing], Optional[str]]


def needs_selective_openness(standing: Standing) -> Optional[str]:
    """High IP sensitivity calls for selective openness (smb_collab)."""
    if facts.ip_concern(standing.profile) == "high":
        return "You rate your know-how as highly sensitive."
    return None


def needs_resilience(standing: Standing) -> Optional[str]:
    """A failed collaboration calls for the resilience guidance (inspire)."""
    if standing.profile.partner_experience == "failed":
        return "A past collaboration of yours did not work out."
    return None


def needs_large_partner_risks(standing: Standing) -> Optional[str]:
    """A large firm or corporate partnership in the top three calls for large_partner_risks (lee2010)."""
    if "corporate_partnership" in standing.top_models() or "large_firm" in standing.top_partners():
        return "A large partner is among your best options."
    return None


def needs_partner_count(standing: Standing) -> Optional[str]:
    """Too many kinds of partners, or a network as the best model, calls for partner_count (lee2010)."""
    if facts.breadth_side(standing.profile) == "too_many":
        return "You already work with many kinds of partners."
    if "network" in standing.best_directions:
        return "Your best-fitting model brings several partners together at once."
    return None


def needs_intermediary_roles(standing: Standing) -> Optional[str]:
    """An intermediated network or an intermediary in the top three calls for intermediary_roles (lee2010)."""
    if "intermediated_network" in standing.top_models() or "intermediary" in standing.top_partners():
        return "A go-between that organises partners is among your best options."
    return None


def needs_implementation_steps(standing: Standing) -> Optional[str]:
    """Newcomers and owners without a clear goal get the implementation steps (smb_oi_models, smb_collab)."""
    if standing.profile.partner_experience in (None, "none") or not standing.profile.innovation_need:
        return "It helps to follow a simple path from goal to measured results."
    return None


#: guidance id -> condition, in the order the guidance is shown
CONDITIONS: Dict[str, Condition] = {
    "selective_openness": needs_selective_openness,
    "resilience": needs_resilience,
    "large_partner_risks": needs_large_partner_risks,
    "partner_count": needs_partner_count,
    "intermediary_roles": needs_intermediary_roles,
    "implementation_steps": needs_implementation_steps,
}

#: words in a risk text that point to the guidance that manages it (checked applicable-first)
RISK_CUES: Dict[str, re.Pattern] = {
    "selective_openness": re.compile(
        r"\b(ip|intellectual property|know-how|confidential\w*|competitors?|ownership|secrets?"
        r"|imitat\w*|leak\w*)\b", re.I),
    "large_partner_risks": re.compile(
        r"\b(power|larger partner|bigger partner|much bigger|dictate\w*|lowest specification)\b", re.I),
    "partner_count": re.compile(
        r"\b(too many|inverted u|dependen\w*|single (supplier|partner)|spreading effort)\b", re.I),
    "intermediary_roles": re.compile(r"\b(trust|coordinat\w*|transaction costs?|consorti\w*)\b", re.I),
    "resilience": re.compile(r"\b(few early wins|slow to (show|pay)|before it pays off)\b", re.I),
    "implementation_steps": re.compile(
        r"\b(screen\w*|brief|fitt\w*|integrat\w*|follow\w* up|get lost)\b", re.I),
}


def applicable_guidance(kb: KnowledgeBase, standing: Standing) -> List[GuidanceNote]:
    """Guidance notes whose condition holds and whose entry exists in the knowledge base."""
    notes = []
    for guidance_id, condition in CONDITIONS.items():
        why = condition(standing)
        found = kb.guidance.get(guidance_id)
        if why and found is not None:
            notes.append(GuidanceNote(guidance_id, found.title, found.summary, why))
    return notes


def risk_note(found: Guidance) -> GuidanceNote:
    """A note for guidance brought in only because it manages the main risk."""
    return GuidanceNote(found.id, found.title, found.summary,
                        "It manages the main risk of your best-fitting model.")


def risk_guidance(kb: KnowledgeBase, risk: Optional[str], applicable: Sequence[str]) -> Optional[str]:
    """The guidance that manages ``risk``: cue words first, else the first applicable, else the steps."""
    available = kb.guidance
    if risk:
        ordered = list(applicable) + [gid for gid in CONDITIONS if gid not in applicable]
        for guidance_id in ordered:
            cue = RISK_CUES.get(guidance_id)
            if cue and guidance_id in available and cue.search(risk):
                return guidance_id
    for guidance_id in applicable:
        if guidance_id in available:
            return guidance_id
    return "implementation_steps" if "implementation_steps" in available else None


def first_steps(kb: KnowledgeBase, model_id: Optional[str], partner_id: Optional[str],
                spare: Sequence[str] = ()) -> Tuple[str, ...]:
    """Three distinct steps: the top model's first two, then how to find the top partner type.

    A step that repeats one already chosen is skipped, so the owner never reads
    the same advice twice in three lines; ``spare`` steps (the next models')
    fill the gap.
    """
    model = kb.models.get(model_id) if model_id else None
    partner = kb.partners.get(partner_id) if partner_id else None
    model_steps = list(model.first_steps) if model is not None else []
    finding = list(partner.how_to_find) if partner is not None else []
    if partner is not None and partner.name.lower() in " ".join(model_steps[:2]).lower():
        finding = []  # the model's steps already say how to reach this partner
    candidates = model_steps[:2] + finding[:1] + model_steps[2:] + finding[1:] + list(spare)
    steps: List[str] = []
    for step in candidates:
        if not any(repeats(step, kept) for kept in steps):
            steps.append(step)
    return tuple(steps[:3])


def repeats(step: str, other: str) -> bool:
    """Whether two steps say much the same ("Start with loyal, regular customers" twice over)."""
    mine, theirs = stems(step), stems(other)
    if not mine or not theirs:
        return step == other
    return len(mine & theirs) / min(len(mine), len(theirs)) >= SAME_STEP_OVERLAP
