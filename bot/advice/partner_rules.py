"""Scoring rules for partner types; same contract as the model rules in ``rules``.

Partners are scored after models, so ``ctx.top_models`` holds the three
best-fitting models and a partner type gains when those models rely on it.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional

from bot.advice import facts
from bot.advice.lookup import join_words, lower_first, name_of
from bot.advice.rules import Check, Context, Outcome, Rule, case_outcome, international_outcome
from bot.knowledge.schema import PartnerType

PartnerCheck = Check[PartnerType]
PARTNER_RULES: List[Rule[PartnerType]] = []

#: points for a partner's importance at the firm's stage (stage_roles in the knowledge base)
IMPORTANCE_POINTS = {"high": 3, "medium": 1, "low": 0}
#: partners that bring what a technology-only firm lacks (lee2010 KICMS, koporcic2023)
GAP_PARTNERS = {"intermediary": 3, "other_sme": 2, "large_firm": 1}
#: low-cost entry points named by smb_oi_models and smb_collab
LOW_COST_PARTNERS = ("university", "startup", "crowd", "customer")
#: who helps a firm recover from a failed collaboration (lee2010 trust basis, inspire support agencies)
RECOVERY_PARTNERS = {"intermediary": 2, "government_agency": 1}


def partner_rule(rule_id: str, *sources: str) -> Callable[[PartnerCheck], PartnerCheck]:
    """Register a partner rule under ``rule_id`` citing ``sources``."""
    def register(check: PartnerCheck) -> PartnerCheck:
        PARTNER_RULES.append(Rule(rule_id, tuple(sources), check))
        return check
    return register


@partner_rule("stage_importance", "inspire", "lee2010")
def stage_importance(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """+3 / +1 / 0 by the partner's importance at the firm's stage, -1 if it has no role there (inspire)."""
    stage = ctx.profile.innovation_stage
    if not stage:
        return None
    label = lower_first(name_of(ctx.kb, "stages", stage))
    roles = [role for role in partner.stage_roles if role.stage == stage]
    if not roles:
        return Outcome(-1, f"They play little part at the {label} stage.")
    points = max(IMPORTANCE_POINTS.get(role.importance, 0) for role in roles)
    if points >= 3:
        return Outcome(points, f"They play a significant role at the {label} stage you are at.")
    if points > 0:
        return Outcome(points, f"They can help at the {label} stage you are at.")
    return None


@partner_rule("fits_top_models", "smb_oi_models", "smb_collab")
def fits_top_models(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """+2 if the best model works with this partner, +1 for each of the next two (model entries' partners)."""
    models = ctx.kb.models
    weights = (2, 1, 1)
    hits = [
        (weight, model_id)
        for weight, model_id in zip(weights, ctx.top_models)
        if model_id in models and partner.id in models[model_id].partners
    ]
    if not hits:
        return None
    names = join_words([lower_first(name_of(ctx.kb, "models", model_id)) for _, model_id in hits])
    return Outcome(sum(weight for weight, _ in hits), f"They work with your best options: {names}.")


@partner_rule("trusted_before", "smb_collab", "inspire")
def trusted_before(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """+2 for a kind of partner the firm already worked with well (smb_collab track record of trust)."""
    if ctx.profile.partner_experience == "good" and partner.id in ctx.profile.past_partners:
        return Outcome(2, "You have worked well with this kind of partner before.")
    return None


@partner_rule("complementary_partner", "lee2010", "koporcic2023")
def complementary_partner(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """Technology but no way to market: intermediary +3, other SMEs +2, large firms +1 (lee2010 KICMS)."""
    delta = GAP_PARTNERS.get(partner.id, 0)
    if delta and facts.commercialisation_gap(ctx.profile):
        return Outcome(delta, "They can supply or organise the production and sales capacity you lack.")
    return None


@partner_rule("low_cost_entry", "smb_oi_models", "smb_collab")
def low_cost_entry(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """+1 for low-cost entry partners when resources are tight (smb_oi_models: universities, startups)."""
    if partner.id in LOW_COST_PARTNERS and facts.resource_constrained(ctx.profile):
        return Outcome(1, "Working with them can start small and cheap.")
    return None


@partner_rule("ip_large_partner", "lee2010", "koporcic2023")
def ip_large_partner(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """-2 for large firms when IP is highly sensitive (lee2010: alliances oblige SMEs to share technology)."""
    if partner.id == "large_firm" and facts.ip_concern(ctx.profile) == "high":
        return Outcome(-2, "Large partners may push you to share the know-how you want to protect.")
    return None


_RECOVERY_TEXT: Dict[str, str] = {
    "intermediary": "A neutral go-between can lay a basis of trust with new partners after a failure.",
    "government_agency": "Support agencies can help you turn a failed project into a successful next one.",
}


@partner_rule("recovery_support", "inspire", "lee2010")
def recovery_support(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """After a failed collaboration, intermediaries +2 and support agencies +1 (inspire, lee2010 trust)."""
    delta = RECOVERY_PARTNERS.get(partner.id, 0)
    if delta and ctx.profile.partner_experience == "failed":
        return Outcome(delta, _RECOVERY_TEXT[partner.id])
    return None


@partner_rule("similar_case")
def partner_similar_case(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """+2 when a case from the owner's sector worked with this kind of partner; cites the case."""
    return case_outcome(ctx, partner, "partners")


@partner_rule("international_reach", "inspire", "smb_oi_models")
def partner_international(ctx: Context, partner: PartnerType) -> Optional[Outcome]:
    """Mild +/-1 when the partner type's description involves going abroad (inspire)."""
    return international_outcome(ctx.profile, partner, "they")
