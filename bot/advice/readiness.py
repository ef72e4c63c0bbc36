"""How ready the firm is for open innovation, on five dimensions scored 0-100.

The scores are a conversation aid, not a measurement: each is computed from
the profile by a visible rule and comes with one sentence saying what drives
it and what would raise it. The breadth dimension follows the inverted U that
Lee et al. (2010) cite from Laursen and Salter: too few kinds of outside
partners and, past some point, too many may both cost innovation performance,
so it also says which side of the peak the firm is on. Lee et al.'s own survey
found only small positive correlations, so the peak is a rule of thumb.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from bot.advice import facts
from bot.advice.profile import Profile

#: staff-based starting point for absorptive resources (smb_oi_models: assess internal capabilities)
SIZE_BASE = {"micro": 30, "small": 50, "medium": 70, "large": 85}
#: barriers that eat into the capacity to take in outside knowledge (lee2010 table 6)
ABSORPTION_BARRIERS = ("skills_shortage", "funding_gap", "staff_turnover", "rd_management",
                       "lack_infrastructure")
EXPERIENCE_BASE = {"good": 80, "failed": 45, "none": 20}
#: kinds of outside partners -> breadth score; peaks at three (lee2010 inverted U)
BREADTH_CURVE = {0: 10, 1: 35, 2: 75, 3: 100, 4: 90, 5: 60, 6: 45}


@dataclass(frozen=True)
class Dimension:
    """One readiness dimension with its score and the reason for it."""

    id: str
    name: str
    score: int
    explanation: str
    sources: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Readiness:
    """The five readiness dimensions and where the firm sits on the breadth curve."""

    dimensions: Tuple[Dimension, ...]
    breadth_side: str

    @property
    def overall(self) -> int:
        """Unweighted mean of the dimensions, rounded."""
        if not self.dimensions:
            return 0
        return round(sum(item.score for item in self.dimensions) / len(self.dimensions))

    def get(self, dimension_id: str) -> Optional[Dimension]:
        """One dimension by id."""
        return next((item for item in self.dimensions if item.id == dimension_id), None)

    def to_dict(self) -> Dict[str, object]:
        """Plain data for payloads: id -> score and explanation, plus the breadth side."""
        return {
            "overall": self.overall,
            "breadth_side": self.breadth_side,
            "dimensions": {d.id: {"name": d.name, "score": d.score, "explanation": d.explanation}
                           for d in self.dimensions},
        }


def _clamp(value: int) -> int:
    return max(0, min(100, value))


def goal_clarity(profile: Profile) -> Dimension:
    """Goal 50, stage 30, a stated starting point (barriers or offer) 20 (smb_collab step 1)."""
    parts = [("your goal", 50, bool(profile.innovation_need)),
             ("your stage", 30, bool(profile.innovation_stage)),
             ("what you bring or what blocks you", 20, bool(profile.barriers or profile.offer))]
    score = sum(points for _, points, known in parts if known)
    missing = [label for label, _, known in parts if not known]
    text = ("Clear: you know what you want, where you stand and where you start from."
            if not missing else "Still open: " + ", ".join(missing) + ".")
    return Dimension("goal_clarity", "Clarity of goal", score, text, ("smb_collab", "smb_oi_models"))


def absorptive_resources(profile: Profile) -> Dimension:
    """Size sets the base; capacity +10; each absorption barrier -15 (smb_oi_models, lee2010)."""
    base = SIZE_BASE.get(profile.company_size or "", 45)
    hits = [b for b in profile.barriers if b in ABSORPTION_BARRIERS]
    bonus = 10 if "capacity" in profile.offer else 0
    score = _clamp(base + bonus - 15 * len(hits))
    if score >= 60:
        text = "You have room to take in and use outside knowledge."
    elif hits:
        text = "Thin on people or money to absorb outside knowledge; start with light, low-cost projects."
    else:
        text = "A small team can absorb only so much at once; pick one focused project."
    return Dimension("absorptive_resources", "Absorptive resources", score, text,
                     ("smb_oi_models", "lee2010", "koporcic2023"))


def collaboration_experience(profile: Profile) -> Dimension:
    """good 80, failed 45, none 20, unknown 30; +5 per kind of past partner up to +15 (inspire)."""
    base = EXPERIENCE_BASE.get(profile.partner_experience or "", 30)
    score = _clamp(base + min(5 * facts.breadth(profile), 15))
    texts = {
        "good": "Good past collaborations are a solid base to build on.",
        "failed": "A failed collaboration dents confidence, but what it taught you counts; go step by step.",
        "none": "No collaboration yet: a small, low-risk first project builds the habit.",
    }
    text = texts.get(profile.partner_experience or "", "Tell us about past collaborations to judge this.")
    return Dimension("collaboration_experience", "Collaboration experience", score, text,
                     ("inspire", "smb_collab"))


def ip_management(profile: Profile) -> Dimension:
    """Knowing what to protect scores higher; a technology rated low-risk or imitation risk lowers it.

    (smb_collab)
    """
    level = profile.ip_sensitivity
    if level == "high":
        score, text = 55, ("You know your know-how needs protecting; "
                           "name what must stay inside and prepare NDAs.")
    elif level == "medium":
        score, text = 70, "You take IP seriously without closing up."
    elif level == "low" and facts.owns_technology(profile):
        score, text = 35, "You bring a technology but rate IP risk low; check what must stay protected first."
    elif level == "low":
        score, text = 75, "Little to protect, so you can open up freely."
    else:
        score, text = 30, "You have not yet judged how sensitive your know-how is."
    if "imitation_risk" in profile.barriers:
        score, text = score - 15, text + " Imitation is a worry, so agree IP terms early."
    return Dimension("ip_management", "IP management", _clamp(score), text,
                     ("smb_collab", "smb_oi_models", "lee2010"))


def breadth_of_sources(profile: Profile) -> Dimension:
    """Inverted U over kinds of past partners, peak at three (lee2010, after Laursen and Salter).

    An owner who collaborated but did not say with whom has at least one kind
    of partner; reading that as "no partners yet" would contradict the answer.
    """
    count = facts.breadth(profile)
    collaborated = profile.partner_experience in ("good", "failed")
    if count == 0 and collaborated:
        return Dimension("breadth", "Breadth of outside sources", BREADTH_CURVE[1],
                         "You have worked with outside partners, but I do not know which kinds. "
                         "More varied outside sources go with more innovation, up to a point.", ("lee2010",))
    score = BREADTH_CURVE.get(count, max(10, 45 - 15 * (count - 6)))
    side = facts.breadth_side(profile)
    kinds = {0: "No kinds of outside partners yet", 1: "1 kind of outside partner"}.get(
        count, f"{count} kinds of outside partners")
    texts = {
        "too_few": f"{kinds}: too few. More varied outside sources go with more innovation, up to a point.",
        "balanced": f"{kinds}: a balanced spread. Add partners only when each brings something new.",
        "too_many": (f"{kinds}: perhaps too many at once. "
                     "Past some point, more sources may bring negative returns."),
    }
    return Dimension("breadth", "Breadth of outside sources", score, texts[side], ("lee2010",))


DIMENSIONS = (goal_clarity, absorptive_resources, collaboration_experience, ip_management,
              breadth_of_sources)


def assess_readiness(profile: Profile) -> Readiness:
    """Score every readiness dimension for the profile."""
    dimensions: List[Dimension] = [dimension(profile) for dimension in DIMENSIONS]
    return Readiness(tuple(dimensions), facts.breadth_side(profile))
