"""Rank collaboration models and partner types for a profile and assemble the advice.

Scores are plain sums of rule deltas so an owner (or a reviewer) can follow
every point; ties are broken by id so the same profile always gives the same
answer. Partners are scored after models because a partner type gains when
the best-fitting models rely on it.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Sequence, Tuple

from bot.advice import guidance as guide
from bot.advice import risks as risk_choice
from bot.advice.lookup import citation, join_words, lower_first, name_of, names_of
from bot.advice.partner_rules import PARTNER_RULES
from bot.advice.profile import Profile
from bot.advice.result import Reason, Recommendation, ScoredEntry
from bot.advice.rules import MODEL_RULES, Context, Rule, Scored
from bot.knowledge import KnowledgeBase

TOP = 3


def score_entry(ctx: Context, item: Scored, rules: Sequence[Rule[Scored]]) -> ScoredEntry:
    """Apply every rule to one entry; the score is the sum of the fired deltas."""
    reasons: List[Reason] = []
    for rule in rules:
        reason = rule.apply(ctx, item)
        if reason is not None:
            reasons.append(reason)
    return ScoredEntry(
        id=item.id,
        name=item.name,
        summary=item.summary,
        score=sum(reason.delta for reason in reasons),
        reasons=tuple(reasons),
    )


def rank(scored: Iterable[ScoredEntry]) -> Tuple[ScoredEntry, ...]:
    """Highest score first, then id, so ties are resolved the same way every time."""
    return tuple(sorted(scored, key=lambda item: (-item.score, item.id)))


def score_models(profile: Profile, kb: KnowledgeBase) -> Tuple[ScoredEntry, ...]:
    """Every collaboration model in the knowledge base, ranked for the profile."""
    ctx = Context(profile, kb)
    return rank(score_entry(ctx, model, MODEL_RULES) for model in kb.models.values())


def score_partners(profile: Profile, kb: KnowledgeBase,
                   top_models: Sequence[str] = ()) -> Tuple[ScoredEntry, ...]:
    """Every partner type, ranked for the profile and the best-fitting models."""
    ctx = Context(profile, kb, tuple(top_models[:TOP]))
    return rank(score_entry(ctx, partner, PARTNER_RULES) for partner in kb.partners.values())


def recommend(profile: Profile, kb: KnowledgeBase) -> Recommendation:
    """The full advice for a profile: rankings, guidance, main risk, first steps, sources."""
    models = score_models(profile, kb)
    partners = score_partners(profile, kb, [item.id for item in models])
    best_model = models[0].id if models else None
    best_partner = partners[0].id if partners else None
    best = kb.models[best_model] if best_model else None
    standing = guide.Standing(
        profile=profile,
        models=tuple(item.id for item in models),
        partners=tuple(item.id for item in partners),
        best_directions=tuple(best.directions) if best else (),
    )
    notes = guide.applicable_guidance(kb, standing)
    main_risk = risk_choice.main_risk(profile, list(best.risks) if best else [])
    managed_by = guide.risk_guidance(kb, main_risk, [note.id for note in notes])
    managing = kb.guidance.get(managed_by) if managed_by else None
    if managing is not None and managed_by not in [note.id for note in notes]:
        notes.append(guide.risk_note(managing))
    sources = collect_sources(kb, models[:TOP], partners[:TOP], [n.id for n in notes] + [managed_by])
    return Recommendation(
        models=models,
        partners=partners,
        guidance_notes=tuple(notes),
        main_risk=main_risk,
        risk_guidance=managed_by,
        risk_management=managing.summary if managing else None,
        risk_step=risk_choice.management(kb, managed_by, main_risk),
        first_steps=guide.first_steps(kb, best_model, best_partner, spare_steps(kb, models[1:TOP])),
        sources=sources,
        citations=tuple((key, citation(kb, key)) for key in sources),
        labels=profile_labels(profile, kb),
    )


def spare_steps(kb: KnowledgeBase, runners_up: Sequence[ScoredEntry]) -> List[str]:
    """First steps of the next-best models, for when the best model's steps repeat each other."""
    steps: List[str] = []
    for item in runners_up:
        steps += kb.models[item.id].first_steps
    return steps


def collect_sources(kb: KnowledgeBase, models: Sequence[ScoredEntry], partners: Sequence[ScoredEntry],
                    guidance_ids: Sequence[Optional[str]]) -> Tuple[str, ...]:
    """Source keys behind the shown models, partners, their reasons and the guidance."""
    keys: List[str] = []
    for kind, shown in (("models", models), ("partners", partners)):
        for item in shown:
            keys += kb.kind(kind)[item.id].sources
            for reason in item.reasons:
                keys += list(reason.sources)
    for guidance_id in guidance_ids:
        if guidance_id in kb.guidance:
            keys += kb.guidance[guidance_id].sources
    known = list(kb.sources)
    unique = set(keys)
    return tuple([key for key in known if key in unique] + sorted(unique - set(known)))


def profile_labels(profile: Profile, kb: KnowledgeBase) -> Tuple[Tuple[str, str], ...]:
    """Readable names of the profile's values, taken from the knowledge base."""
    def listed(kind: str, ids: Sequence[str]) -> str:
        return join_words([lower_first(name) for name in names_of(kb, kind, ids)])

    labels = [
        ("sector", name_of(kb, "sectors", profile.sector)),
        ("company_size", name_of(kb, "sizes", profile.company_size)),
        ("innovation_need", name_of(kb, "needs", profile.innovation_need)),
        ("innovation_stage", name_of(kb, "stages", profile.innovation_stage)),
        ("barriers", listed("barriers", profile.barriers)),
        ("offer", listed("offers", profile.offer)),
        ("past_partners", listed("partners", profile.past_partners)),
    ]
    return tuple((field, label) for field, label in labels if label)
