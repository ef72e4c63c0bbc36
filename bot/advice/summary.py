"""Turn a recommendation into the owner's plan, as Markdown to download and keep.

The chat shows the short version (``chat``); the plan holds the rest: every
reason for and against, the readiness chart, the guidance and the sources.

All knowledge shown here (names, summaries, risks, steps, citations) was taken
from the knowledge base when the recommendation was made; this module only
arranges it, so editing ``knowledge/*.yml`` changes what owners read without
touching code.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from bot.advice.lookup import lower_first
from bot.advice.profile import Profile
from bot.advice.readiness import Readiness
from bot.advice.result import Recommendation, ScoredEntry

BAR_CELLS = 10
EXPERIENCE_WORDS = {"none": "none yet", "good": "went well", "failed": "did not work out"}
SIDE_WORDS = {"too_few": "too few kinds of partners", "balanced": "a balanced spread of partners",
              "too_many": "too many kinds of partners"}


def profile_summary(recommendation: Recommendation, profile: Profile) -> str:
    """Everything the owner told us in one paragraph, with names from the knowledge base."""
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
    lines = ["# Your open innovation plan", "", profile_summary(rec, profile), ""]
    if readiness is not None:
        lines += _readiness_markdown(readiness) + [""]
    lines += ["## Collaboration models that fit you best", ""] + _ranked_markdown(rec.top_models())
    lines += ["", "## Partners to look for", ""] + _ranked_markdown(rec.top_partners())
    if rec.main_risk:
        lines += ["", "## Main risk and how to manage it", "", f"**Risk:** {rec.main_risk}"]
        if rec.risk_step:
            lines += ["", f"**How to manage it:** {rec.risk_step}"]
    if rec.guidance_notes:
        lines += ["", "## Advice for your situation", ""]
        lines += [f"- **{n.title}**: {n.why} {n.summary}" for n in rec.guidance_notes]
    if rec.first_steps:
        lines += ["", "## Your first steps", ""]
        lines += [f"{n}. {step}" for n, step in enumerate(rec.first_steps, 1)]
    if rec.citations:
        lines += ["", "## Sources", ""] + [f"- {text} [{key}]" for key, text in rec.citations]
    return "\n".join(lines).rstrip() + "\n"
