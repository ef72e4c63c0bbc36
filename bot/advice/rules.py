"""Scoring rules for collaboration models, each small, named and tied to its source.

A rule looks at the profile and one knowledge entry and either stays silent
(``None``) or returns an ``Outcome``: how many points it adds or takes away
and one sentence to the owner saying why. ``@model_rule`` registers it with an
id and the source keys behind it, so every point of a score can be traced to
a rule and every rule to the literature. Partner rules live in
``partner_rules``; the rules table in ``docs/recommender.md`` mirrors both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Generic, List, Optional, Tuple, TypeVar, Union

from bot.advice import facts
from bot.advice.lookup import join_words, lower_first, name_of, names_of
from bot.advice.profile import Profile
from bot.advice.result import Reason
from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import Case, CollaborationModel, PartnerType

#: what the recommender scores: a collaboration model or a partner type
Scored = TypeVar("Scored", CollaborationModel, PartnerType)

_ABROAD = re.compile(r"\b(international\w*|abroad|overseas|cross-border|foreign|export\w*)\b", re.I)


@dataclass(frozen=True)
class Outcome:
    """What a rule that fired says: the points, why, and the sources of the entry it used."""

    delta: int
    text: str
    sources: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the profile, the knowledge base and, for partners, the top models."""

    profile: Profile
    kb: KnowledgeBase
    top_models: Tuple[str, ...] = ()


Check = Callable[[Context, Scored], Optional[Outcome]]


@dataclass(frozen=True)
class Rule(Generic[Scored]):
    """A registered rule: id, the source keys behind it and the check itself."""

    id: str
    sources: Tuple[str, ...]
    check: Check[Scored]

    @property
    def doc(self) -> str:
        """The rule's docstring, first line: what it does and why."""
        return (self.check.__doc__ or "").strip().splitlines()[0]

    def apply(self, ctx: Context, item: Scored) -> Optional[Reason]:
        """Run the check; a zero or missing outcome means the rule did not fire."""
        outcome = self.check(ctx, item)
        if outcome is None or outcome.delta == 0:
            return None
        sources = self.sources + tuple(key for key in outcome.sources if key not in self.sources)
        return Reason(self.id, outcome.text, outcome.delta, sources)


ModelCheck = Check[CollaborationModel]
MODEL_RULES: List[Rule[CollaborationModel]] = []


def model_rule(rule_id: str, *sources: str) -> Callable[[ModelCheck], ModelCheck]:
    """Register a model rule under ``rule_id`` citing ``sources``."""
    def register(check: ModelCheck) -> ModelCheck:
        MODEL_RULES.append(Rule(rule_id, tuple(sources), check))
        return check
    return register


def reaches_abroad(item: Union[CollaborationModel, PartnerType]) -> bool:
    """The entry's own description speaks of partners or markets abroad."""
    texts = [item.summary, item.more or ""]
    if isinstance(item, PartnerType):
        texts += item.brings
    return any(_ABROAD.search(text) for text in texts)


@model_rule("need_match", "smb_collab", "smb_oi_models")
def need_match(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+3 when the model serves the owner's stated need (smb_collab step 1, smb_oi_models goals)."""
    need = ctx.profile.innovation_need
    if need and need in model.needs:
        return Outcome(3, f"It serves your goal: {lower_first(name_of(ctx.kb, 'needs', need))}.")
    return None


@model_rule("stage_match", "inspire", "lee2010")
def stage_match(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+2 when the model suits the firm's stage, -1 when it does not (inspire journey, lee2010)."""
    stage = ctx.profile.innovation_stage
    if not stage:
        return None
    label = lower_first(name_of(ctx.kb, "stages", stage))
    if stage in model.stages:
        return Outcome(2, f"It suits the {label} stage you are at.")
    return Outcome(-1, f"It fits other stages better than {label}.")


@model_rule("resource_fit", "smb_oi_models", "koporcic2023", "lee2010")
def resource_fit(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """With tight resources, low-cost (inbound) routes +2/+3 and costly ones -2 (smb_oi_models)."""
    if not facts.resource_constrained(ctx.profile):
        return None
    if model.resources == "low":
        bonus = 1 if "inbound" in model.directions else 0
        return Outcome(2 + bonus, "It takes little money or staff time, which suits your resources.")
    if model.resources == "high":
        return Outcome(-2, "It needs more money and people than you can easily spare now.")
    return None


@model_rule("ip_protection", "smb_collab", "koporcic2023")
def ip_protection(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """High IP sensitivity: high exposure -3, medium -1, low +1; medium sensitivity: high -1 (smb_collab)."""
    concern = facts.ip_concern(ctx.profile)
    exposure = model.ip_exposure
    if concern == "high":
        delta = {"high": -3, "medium": -1, "low": 1}[exposure]
    elif concern == "medium":
        delta = -1 if exposure == "high" else 0
    else:
        return None
    if delta > 0:
        return Outcome(delta, "It keeps your know-how well protected, which matters to you.")
    amount = "a lot of" if exposure == "high" else "some of"
    return Outcome(delta, f"It exposes {amount} your know-how, and protecting it matters to you.")


@model_rule("technology_outbound", "smb_oi_models", "koporcic2023")
def technology_outbound(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+2 for outbound routes when the firm owns a technology or IP (smb_oi_models licensing, spin-offs)."""
    if facts.owns_technology(ctx.profile) and "outbound" in model.directions:
        return Outcome(2, "It turns the technology you own into income or market reach.")
    return None


def inside_out(model: CollaborationModel) -> bool:
    """Purely outbound routes that take an owned technology out: licensing, spin-off, open source."""
    return set(model.directions) == {"outbound"} and "technology_ip" in (model.offers or [])


@model_rule("technology_income", "smb_oi_models")
def technology_income(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """Own technology, wish to earn: inside-out routes +3, the one the owner named +5 (smb_oi_models)."""
    if not inside_out(model):
        return None
    named = [key for key in ctx.profile.interests if key in ctx.kb.models]
    outbound_named = any(inside_out(ctx.kb.models[key]) for key in named)
    if not facts.wants_income_from_technology(ctx.profile, outbound_named):
        return None
    if model.id in named:
        return Outcome(5, "You asked about it yourself, and it earns from the technology you own.")
    return Outcome(3, "It puts the technology you own to work beyond your own products, as you want.")


@model_rule("offer_used", "smb_oi_models", "lee2010")
def offer_used(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+1 when the model builds on something the firm can bring (lee2010 complementary resources)."""
    used = [offer for offer in facts.real_offers(ctx.profile) if offer in model.offers]
    if used:
        names = join_words([lower_first(n) for n in names_of(ctx.kb, "offers", used)])
        return Outcome(1, f"It builds on what you can bring: {names}.")
    return None


@model_rule("offer_required", "smb_oi_models", "lee2010")
def offer_required(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """-3 when the model needs an asset to offer that the firm does not have.

    lee2010: with fewer assets, an SME has less to exchange.
    """
    if not model.requires_offer:
        return None
    if facts.nothing_to_offer(ctx.profile):
        return Outcome(-3, "It needs something to offer partners, and you have nothing to offer yet.")
    have = facts.real_offers(ctx.profile)
    if have and model.offers and not set(have) & set(model.offers):
        wanted = join_words([lower_first(n) for n in names_of(ctx.kb, "offers", model.offers)])
        return Outcome(-3, f"It works only if you can bring {wanted}.")
    return None


#: models that supply complementary assets for a technology stuck before market
GAP_MODELS = {"intermediated_network": 3, "corporate_partnership": 1}


@model_rule("complementary_assets", "lee2010", "koporcic2023")
def complementary_assets(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """Technology but no production or sales capacity: intermediated_network +3, corporate_partnership +1.

    lee2010 (KICMS) for the network, koporcic2023 for the corporate partnership.
    """
    delta = GAP_MODELS.get(model.id, 0)
    if delta and facts.commercialisation_gap(ctx.profile):
        return Outcome(delta, "It brings in the production, sales or funding you lack to reach the market.")
    return None


@model_rule("barriers_addressed", "lee2010")
def barriers_addressed(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+1 per named barrier the model eases, at most +3 (lee2010 table 6: collaboration relieves barriers)."""
    eased = [b for b in ctx.profile.barriers if _eases(ctx, model, b)]
    if not eased:
        return None
    names = join_words([lower_first(n) for n in names_of(ctx.kb, "barriers", eased)])
    return Outcome(min(len(eased), 3), f"It helps with obstacles you named: {names}.")


def _eases(ctx: Context, model: CollaborationModel, barrier: str) -> bool:
    """A barrier counts as eased if either the model or the barrier entry says so."""
    entry = ctx.kb.barriers.get(barrier)
    related = entry.related_models if entry is not None else []
    return barrier in model.barriers_addressed or model.id in related


@model_rule("small_steps_after_failure", "inspire", "smb_collab")
def small_steps_after_failure(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """After a failed collaboration, low-risk models +2 and high-risk ones -2.

    inspire on resilience, smb_collab on a low-risk start.
    """
    if ctx.profile.partner_experience != "failed":
        return None
    risk = facts.risk_level(model.resources, model.ip_exposure)
    if risk == 0:
        return Outcome(2, "A light, low-risk project is a good way to rebuild confidence after a failed one.")
    if risk == 2:
        return Outcome(-2, "It is a big commitment to take on straight after a collaboration that failed.")
    return None


@model_rule("phased_start", "smb_oi_models", "smb_collab")
def phased_start(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """First collaboration: low-resource models +1, high-resource ones -1 (smb_oi_models phased approach)."""
    if ctx.profile.partner_experience != "none":
        return None
    if model.resources == "low":
        return Outcome(1, "It is a simple first project to learn how collaboration works.")
    if model.resources == "high":
        return Outcome(-1, "It is demanding as a very first collaboration; build experience first.")
    return None


@model_rule("trusted_partner_type", "smb_collab", "inspire")
def trusted_partner_type(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+1 when the model works with a kind of partner the firm collaborated with well.

    smb_collab: a track record of trust.
    """
    if ctx.profile.partner_experience != "good":
        return None
    known = [p for p in ctx.profile.past_partners if p in model.partners]
    if known:
        names = join_words([lower_first(n) for n in names_of(ctx.kb, "partners", known)])
        return Outcome(1, f"It involves partners you already work well with: {names}.")
    return None


@model_rule("similar_case")
def similar_case(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """+2 when a case from the owner's sector used the model; cites the case's own sources."""
    return case_outcome(ctx, model, "models")


def sector_cases(ctx: Context) -> List[Case]:
    """Cases in the knowledge base set in the owner's sector, in id order."""
    sector = ctx.profile.sector
    cases = ctx.kb.cases
    return [cases[key] for key in sorted(cases) if sector and sector in cases[key].sectors]


#: how a case is introduced, by its evidence: only a documented firm is called real
CASE_LEADS = {
    ("models", "real"): "A real case from your sector used it",
    ("models", "guide_example"): "A guide's example from your sector used it",
    ("models", "illustration"): "A hypothetical example from your sector uses it",
    ("partners", "real"): "A real case from your sector involved them",
    ("partners", "guide_example"): "A guide's example from your sector involved them",
    ("partners", "illustration"): "A hypothetical example from your sector involves them",
}


def case_outcome(ctx: Context, item: Union[CollaborationModel, PartnerType],
                 field: str) -> Optional[Outcome]:
    """Shared by model and partner rules: the first same-sector case featuring the entry.

    The wording follows the case's ``evidence`` so that a scenario a source
    only imagines is never presented as something that happened.
    """
    for case in sector_cases(ctx):
        featured = case.models if field == "models" else case.partners
        if item.id in featured:
            lead = CASE_LEADS[(field, case.evidence)]
            return Outcome(2, f"{lead}: {case.title}.", tuple(case.sources))
    return None


@model_rule("international_reach", "inspire", "smb_oi_models")
def international_reach(ctx: Context, model: CollaborationModel) -> Optional[Outcome]:
    """Mild +/-1 when the model's description involves going abroad (inspire: OI trapped in borders)."""
    return international_outcome(ctx.profile, model)


def international_outcome(profile: Profile, item: Union[CollaborationModel, PartnerType],
                          subject: str = "it") -> Optional[Outcome]:
    """Shared by model and partner rules: only entries whose text speaks of going abroad move."""
    if profile.international is None or not reaches_abroad(item):
        return None
    if profile.international:
        return Outcome(1, f"{subject.capitalize()} can open doors abroad, which you are open to.")
    offers = "it offers" if subject == "it" else "they offer"
    return Outcome(-1, f"Part of what {offers} lies abroad, which you would rather leave for later.")
