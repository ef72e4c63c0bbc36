"""Turn a recommendation into chat messages and a one-page Markdown document.

All knowledge shown here (names, summaries, risks, steps, citations) was taken
from the knowledge base when the recommendation was made; this module only
arranges it, so editing ``knowledge/*.yml`` changes what owners read without
touching code.
"""
from __future__ import annotations

from collections import Counter
from typing import List, Optional, Sequence

from bot.advice.lookup import lower_first
from bot.advice.profile import Profile
from bot.advice.readiness import Readiness
from bot.advice.result import GuidanceNote, Recommendation, ScoredEntry

BAR_CELLS = 10
EXPERIENCE_WORDS = {"none": "none yet", "good": "went well", "failed": "did not work out"}
SIDE_WORDS = {"too_few": "too few kinds of partners", "balanced": "a balanced spread of partners",
              "too_many": "too many kinds of partners"}


def profile_line(recommendation: Recommendation, profile: Profile) -> str:
    """One sentence restating what the owner told us, with names from the knowledge base."""
    label = recommendation.label
    parts = []
    if label("company_size") or label("sector"):
        size = label("company_size") or "Firm"
        parts.append(f"{size} in {lower_first(label('sector'))}" if label("sector") else size)
    for field, prefix in (("innovation_need", "goal"), ("innovation_stage", "stage"),
                          ("barriers", "obstacles"), ("offer", "you can offer"),
                          ("past_partners", "past partners")):
        if label(field):
            parts.append(f"{prefix}: {lower_first(label(field))}")
    if profile.ip_sensitivity:
        parts.append(f"IP sensitivity: {profile.ip_sensitivity}")
    if profile.partner_experience:
        parts.append(f"past collaboration: {EXPERIENCE_WORDS[profile.partner_experience]}")
    if profile.international is not None:
        parts.append("open to partners abroad" if profile.international else "partners at home for now")
    return "Your profile: " + ("; ".join(parts) if parts else "not much known yet") + "."


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


def ranked_lines(title: str, items: Sequence[ScoredEntry]) -> str:
    """A numbered list of names, each with its most distinctive reason."""
    reasons = distinctive_reasons(items)
    lines = [title] + [f"{n}. {item.name}: {why}" for n, (item, why) in enumerate(zip(items, reasons), 1)]
    return "\n".join(lines)


def risk_text(recommendation: Recommendation) -> Optional[str]:
    """The main risk and the guidance that manages it."""
    if not recommendation.main_risk:
        return None
    text = f"Main risk: {recommendation.main_risk}"
    note = managing_note(recommendation)
    if note is not None:
        text += f"\nHow to manage it ({note.title}): {note.summary}"
    return text


def managing_note(recommendation: Recommendation) -> Optional[GuidanceNote]:
    """The guidance note chosen to manage the main risk."""
    return next((n for n in recommendation.guidance_notes if n.id == recommendation.risk_guidance), None)


def steps_text(recommendation: Recommendation) -> Optional[str]:
    """The first steps as a numbered list."""
    if not recommendation.first_steps:
        return None
    lines = [f"{n}. {step}" for n, step in enumerate(recommendation.first_steps, 1)]
    return "\n".join(["Your first steps:"] + lines)


def sources_text(recommendation: Recommendation) -> Optional[str]:
    """The citations behind the advice, one line."""
    if not recommendation.citations:
        return None
    return "Sources: " + "; ".join(text for _, text in recommendation.citations) + "."


def readiness_line(readiness: Readiness) -> str:
    """Overall readiness with the strongest and weakest dimension."""
    ordered = sorted(readiness.dimensions, key=lambda d: (d.score, d.id))
    weakest, strongest = ordered[0], ordered[-1]
    return (f"Readiness {readiness.overall}/100: strongest is {strongest.name.lower()} "
            f"({strongest.score}), weakest is {weakest.name.lower()} ({weakest.score}).")


def chat_messages(recommendation: Recommendation, profile: Profile,
                  readiness: Optional[Readiness] = None) -> List[str]:
    """Short chat bubbles: profile, top models, top partners, risk, steps, sources."""
    head = profile_line(recommendation, profile)
    if readiness is not None:
        head += "\n" + readiness_line(readiness)
    messages: List[Optional[str]] = [
        head,
        ranked_lines("Collaboration models that fit you best:", recommendation.top_models()),
        ranked_lines("Partners to look for:", recommendation.top_partners()),
        risk_text(recommendation),
        steps_text(recommendation),
        sources_text(recommendation),
    ]
    return [message for message in messages if message]


def bar(score: int, cells: int = BAR_CELLS) -> str:
    """A text bar such as '██████░░░░' for a 0-100 score."""
    filled = max(0, min(cells, round(score * cells / 100)))
    return "█" * filled + "░" * (cells - filled)


def readiness_chart(readiness: Readiness) -> str:
    """The readiness dimensions as aligned text bars."""
    width = max(len(d.name) for d in readiness.dimensions)
    rows = [f"{d.name.ljust(width)}  {bar(d.score)} {d.score:>3}" for d in readiness.dimensions]
    return "\n".join(rows)


def _ranked_markdown(items: Sequence[ScoredEntry]) -> List[str]:
    lines: List[str] = []
    for n, item in enumerate(items, 1):
        lines.append(f"{n}. **{item.name}** (score {item.score}): {item.summary}")
        plus = [r.text for r in item.reasons if r.delta > 0]
        minus = [r.text for r in item.reasons if r.delta < 0]
        if plus:
            lines.append("   - Why: " + " ".join(plus))
        if minus:
            lines.append("   - Mind: " + " ".join(minus))
    return lines


def _readiness_markdown(readiness: Readiness) -> List[str]:
    lines = ["## Readiness", "", "```", readiness_chart(readiness), "```", ""]
    lines += [f"- **{d.name}** ({d.score}): {d.explanation}" for d in readiness.dimensions]
    lines += ["", f"Overall readiness: {readiness.overall}/100. On the breadth curve you have "
                  f"{SIDE_WORDS[readiness.breadth_side]}."]
    return lines


def markdown_report(recommendation: Recommendation, profile: Profile,
                    readiness: Optional[Readiness] = None) -> str:
    """A tidy one-page Markdown document of the whole advice, for download."""
    rec = recommendation
    lines = ["# Your open innovation plan", "", profile_line(rec, profile), ""]
    if readiness is not None:
        lines += _readiness_markdown(readiness) + [""]
    lines += ["## Collaboration models that fit you best", ""] + _ranked_markdown(rec.top_models())
    lines += ["", "## Partners to look for", ""] + _ranked_markdown(rec.top_partners())
    if rec.main_risk:
        lines += ["", "## Main risk and how to manage it", "", f"**Risk:** {rec.main_risk}"]
        note = managing_note(rec)
        if note is not None:
            lines += ["", f"**How to manage it ({note.title}):** {note.summary}"]
    if rec.guidance_notes:
        lines += ["", "## Advice for your situation", ""]
        lines += [f"- **{n.title}**: {n.why} {n.summary}" for n in rec.guidance_notes]
    if rec.first_steps:
        lines += ["", "## Your first steps", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(rec.first_steps, 1)]
    if rec.citations:
        lines += ["", "## Sources", ""] + [f"- {text} [{key}]" for key, text in rec.citations]
    return "\n".join(lines).rstrip() + "\n"
