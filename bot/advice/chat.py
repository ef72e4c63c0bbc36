"""The diagnosis result as a few short chat messages an owner reads to the end.

On a phone the result has about two screens: the profile in one line, the
three best models and partner types with one reason each, the main risk for
this firm with how to manage it, and three first steps. Everything else (all
reasons, the readiness chart, guidance, sources) is one question away ("Why?",
"Tell me more", "other options") or in the plan. The reasons shown here are
the ones the widget's cards show, so text and cards never disagree.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import List, Optional, Sequence

from bot.advice.lookup import lower_first
from bot.advice.profile import Profile
from bot.advice.result import Recommendation, ScoredEntry


def profile_line(recommendation: Recommendation, profile: Profile) -> str:
    """The firm in one line: who it is, what it wants, where it stands, what it brings."""
    label = recommendation.label
    who = label("company_size") or "Firm"
    if label("sector"):
        who = f"{who} in {lower_first(label('sector'))}"
    parts = [who]
    for field, prefix in (("innovation_need", "goal"), ("innovation_stage", "stage"),
                          ("offer", "brings")):
        if label(field):
            parts.append(f"{prefix}: {lower_first(label(field))}")
    if not (label("company_size") or label("sector")) and len(parts) == 1:
        return "Your profile: not much known yet."
    return "Your profile: " + " \u00b7 ".join(parts) + "."


def distinctive_reasons(items: Sequence[ScoredEntry]) -> List[str]:
    """One reason per item that sets it apart from the others listed with it.

    Reasons every listed item shares ("it serves your goal") say little about
    why this one; so the positive reason shared by the fewest items wins, then
    the larger delta, and a text already used for an earlier item is skipped.
    """
    shared = Counter(r.text for item in items for r in set(item.reasons) if r.delta > 0)
    used: List[str] = []
    for item in items:
        ranked = sorted((r for r in item.reasons if r.delta > 0), key=lambda r: (shared[r.text], -r.delta))
        fresh = [r.text for r in ranked if r.text not in used]
        used.append(fresh[0] if fresh else (ranked[0].text if ranked else item.summary))
    return used


@dataclass(frozen=True)
class Pick:
    """One recommended entry as the owner sees it: name and its one reason."""

    id: str
    name: str
    summary: str
    reason: str


def picks(items: Sequence[ScoredEntry]) -> List[Pick]:
    """The listed entries with their distinctive reasons, ready for text and cards alike."""
    return [Pick(item.id, item.name, item.summary, why)
            for item, why in zip(items, distinctive_reasons(items))]


def ranked_text(recommendation: Recommendation) -> str:
    """Top three models and partner types, one reason each."""
    lines = ["What fits you best:"]
    lines += [f"{n}. {p.name}: {p.reason}" for n, p in enumerate(picks(recommendation.top_models()), 1)]
    lines.append("Partners to look for:")
    lines += [f"{n}. {p.name}: {p.reason}" for n, p in enumerate(picks(recommendation.top_partners()), 1)]
    return "\n".join(lines)


def risk_text(recommendation: Recommendation) -> Optional[str]:
    """The main risk for this firm and one way to manage it."""
    if not recommendation.main_risk:
        return None
    text = f"The main risk for you: {recommendation.main_risk}"
    if recommendation.risk_step:
        text += f"\nHow to manage it: {recommendation.risk_step}"
    return text


def steps_text(recommendation: Recommendation) -> Optional[str]:
    """The first steps as a numbered list."""
    if not recommendation.first_steps:
        return None
    lines = [f"{n}. {step}" for n, step in enumerate(recommendation.first_steps, 1)]
    return "\n".join(["Your first steps:"] + lines)


def chat_messages(recommendation: Recommendation, profile: Profile) -> List[str]:
    """The result's chat bubbles: profile, what fits, the main risk, the first steps."""
    messages: List[Optional[str]] = [
        profile_line(recommendation, profile),
        ranked_text(recommendation) if recommendation.models else None,
        risk_text(recommendation),
        steps_text(recommendation),
    ]
    return [message for message in messages if message]
