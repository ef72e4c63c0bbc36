"""A small knowledge base built in code from the schema models, for the advice tests.

The entries mirror the attributes the curated knowledge gives the same ids
(directions, resources, IP exposure, stage roles ...), so the ranking tests
exercise realistic trade-offs while staying independent of ``knowledge/*.yml``.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Dict, Iterable, Optional

from bot.advice import Profile
from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import (Barrier, Case, CollaborationModel, Example, Guidance, Need,
                                  Offer, PartnerType, Sector, Size, Source, Stage, StageRole)

STAGES = ("exploration", "development", "scaling_up", "commercialisation")
SOURCE_KEYS = ("koporcic2023", "smb_oi_models", "smb_collab", "inspire", "lee2010")


def title(entry_id: str) -> str:
    return entry_id.replace("_", " ").capitalize()


def make_model(entry_id: str, directions: str, needs: str, stages: str, resources: str, ip: str,
               partners: str, offers: str = "", barriers: str = "", summary: Optional[str] = None,
               risk: Optional[str] = None) -> CollaborationModel:
    """A model from space-separated id lists; requires_offer follows from ``offers``."""
    name = title(entry_id)
    return CollaborationModel(
        id=entry_id, name=name, sources=["smb_oi_models"], directions=directions.split(),
        summary=summary or f"{name} is a collaboration model in the test knowledge.",
        needs=needs.split(), stages=stages.split(), resources=resources, ip_exposure=ip,
        requires_offer=bool(offers), offers=offers.split(), barriers_addressed=barriers.split(),
        partners=partners.split(), risks=[risk or f"The main risk of {name.lower()} in tests."],
        first_steps=[f"Write down what {name.lower()} should achieve.",
                     f"Budget a month of evenings for {name.lower()} trials.",
                     f"Review {name.lower()} results with colleagues."],
        example=Example(text=f"An example of {name.lower()} from the tests."),
    )


def make_partner(entry_id: str, importance: Dict[str, str], summary: Optional[str] = None) -> PartnerType:
    """A partner type with one stage role per stage named in ``importance``."""
    name = title(entry_id)
    roles = [StageRole(stage=stage, role=f"{name} helps at the {stage} stage.", importance=level)
             for stage, level in importance.items()]
    return PartnerType(
        id=entry_id, name=name, sources=["inspire"], stage_roles=roles,
        summary=summary or f"{name} is a kind of partner in the test knowledge.",
        brings=[f"What {name.lower()} brings in tests."], cautions=[f"A caution about {name.lower()}."],
        how_to_find=[f"Phone three {name.lower()} contacts this week.",
                     f"Visit trade fairs where {name.lower()} exhibitors gather."],
    )


def levels(exploration: str, development: str, scaling_up: str, commercialisation: str) -> Dict[str, str]:
    return dict(zip(STAGES, (exploration, development, scaling_up, commercialisation)))


MODELS = [
    make_model("internal_collaboration", "internal", "process_improvement new_product service_innovation",
               "exploration development", "low", "low", "customer"),
    make_model("crowdsourcing", "inbound", "new_product service_innovation", "exploration development",
               "low", "medium", "crowd customer", barriers="lack_market_info"),
    make_model("technology_scouting", "inbound", "technology_access new_product process_improvement",
               "exploration development", "medium", "low", "startup supplier university"),
    make_model("university_partnership", "inbound coupled", "technology_access new_product talent_and_skills",
               "exploration development", "low", "medium", "university public_research_centre",
               barriers="skills_shortage"),
    make_model("supplier_collaboration", "inbound", "new_product process_improvement",
               "exploration development scaling_up", "low", "low", "supplier"),
    make_model("customer_cocreation", "inbound coupled", "new_product service_innovation",
               "exploration development commercialisation", "low", "low", "customer",
               barriers="lack_market_info"),
    make_model("licensing_out", "outbound", "funding market_expansion", "commercialisation", "medium", "high",
               "large_firm other_sme", offers="technology_ip", barriers="commercialisation_cost funding_gap",
               risk="A licensee may learn enough to copy your know-how and compete with you."),
    make_model("spin_off", "outbound", "business_model market_expansion", "scaling_up commercialisation",
               "high", "medium", "startup", offers="technology_ip"),
    make_model("open_source_sharing", "outbound", "market_expansion business_model",
               "development commercialisation", "low", "high", "crowd other_sme", offers="technology_ip"),
    make_model("joint_venture_alliance", "coupled", "market_expansion new_product",
               "development scaling_up commercialisation", "high", "medium", "large_firm other_sme",
               offers="technology_ip capacity market_access",
               summary="A joint venture shares a new business with a partner, often to expand internationally."),
    make_model("corporate_partnership", "inbound outbound", "funding market_expansion",
               "scaling_up commercialisation", "medium", "high", "large_firm", offers="technology_ip",
               barriers="funding_gap commercialisation_cost",
               risk="Power imbalance: the larger partner may dictate terms."),
    make_model("coupled_codevelopment", "coupled", "new_product technology_access", "development scaling_up",
               "medium", "medium", "startup other_sme university", offers="technology_ip capacity"),
    make_model("intermediated_network", "network", "new_product market_expansion",
               "development scaling_up commercialisation", "medium", "medium", "intermediary other_sme",
               offers="technology_ip capacity market_access",
               barriers="lack_infrastructure commercialisation_cost lack_market_info",
               risk="Coordination brings transaction costs; the network pays off only when well run."),
    make_model("ecosystem_cluster", "network", "market_expansion technology_access",
               "exploration development scaling_up", "low", "low", "university other_sme intermediary"),
]

PARTNERS = [
    make_partner("university", levels("high", "high", "medium", "low")),
    make_partner("public_research_centre", levels("medium", "high", "medium", "low")),
    make_partner("large_firm", levels("low", "medium", "high", "high")),
    make_partner("other_sme", levels("medium", "high", "high", "high")),
    make_partner("startup", levels("medium", "high", "medium", "low")),
    make_partner("supplier", levels("medium", "high", "medium", "low")),
    make_partner("customer", levels("high", "high", "medium", "high")),
    make_partner("crowd", levels("high", "medium", "low", "low")),
    make_partner("intermediary", levels("medium", "medium", "medium", "high"),
                 summary="An intermediary matches SMEs with partners, including partners abroad."),
    make_partner("government_agency", {"exploration": "medium", "development": "medium"}),
]

GUIDANCE = ["implementation_steps", "selective_openness", "intermediary_roles", "resilience",
            "partner_count", "large_partner_risks"]

CASES = [
    ("bakery", "food_beverage", "crowdsourcing customer_cocreation", "crowd customer other_sme"),
    ("furniture_codesign", "creative_design manufacturing", "customer_cocreation", "customer supplier"),
    ("network_m_satellite", "electronics_telecom", "intermediated_network coupled_codevelopment",
     "intermediary other_sme"),
    ("automation_iot_startup", "automation_robotics", "coupled_codevelopment technology_scouting", "startup"),
]


def _vocabulary(kind: type, ids: Iterable[str], **extra: Any) -> Dict[str, Any]:
    return {i: kind(id=i, name=title(i), sources=["lee2010"],
                    description=f"{title(i)} as described in the test knowledge.", **extra)
            for i in ids}


def build_kb() -> KnowledgeBase:
    """The whole fixture knowledge base; its kinds the advice never reads stay empty."""
    kb = KnowledgeBase(directory=Path(__file__).parent)
    kb.models = {m.id: m for m in MODELS}
    kb.partners = {p.id: p for p in PARTNERS}
    kb.guidance = {g: Guidance(id=g, title=f"Guide: {title(g)}", sources=["lee2010"],
                               summary=f"How to handle {title(g).lower()} well, in the tests.",
                               points=[f"First point on {g}.", f"Second point on {g}."])
                   for g in GUIDANCE}
    kb.needs = _vocabulary(Need, ["new_product", "process_improvement", "service_innovation",
                                  "market_expansion", "business_model", "technology_access",
                                  "talent_and_skills", "funding"])
    kb.stages = {s: Stage(id=s, name=title(s), sources=["inspire"], order=n,
                          description=f"The {s} stage of the innovation journey.")
                 for n, s in enumerate(STAGES, 1)}
    kb.barriers = _vocabulary(Barrier, ["skills_shortage", "funding_gap", "commercialisation_cost",
                                        "lack_infrastructure", "lack_market_info", "imitation_risk"])
    kb.barriers["lack_tech_info"] = Barrier(
        id="lack_tech_info", name="Lack of technical information", sources=["lee2010"],
        description="Not knowing which technologies exist or fit.", related_models=["technology_scouting"])
    kb.offers = _vocabulary(Offer, ["technology_ip", "capacity", "market_access", "nothing_yet"])
    kb.sectors = {s: Sector(id=s, name=title(s), sources=["smb_oi_models"],
                            openness=f"Openness in {s} as the tests describe it.")
                  for s in ["food_beverage", "creative_design", "manufacturing", "electronics_telecom",
                            "automation_robotics", "biotech_health"]}
    kb.sizes = _vocabulary(Size, ["micro", "small", "medium"], min_staff=0)
    kb.sources = {k: Source(id=k, title=f"Title of {k}", authors=f"Author {k}", year="2010",
                            seed_file=f"{k}.txt", about=f"About the {k} document, for the tests.")
                  for k in SOURCE_KEYS}
    kb.cases = {c: Case(id=c, title=title(c), evidence="real", sources=["lee2010"],
                        summary=f"The {c} case in the tests.",
                        lesson=f"The lesson of the {c} case.", sectors=s.split(), models=m.split(),
                        partners=p.split())
                for c, s, m, p in CASES}
    return kb


#: profile slots for each case; shared with the real-knowledge tests
CASE_PROFILES: Dict[str, Dict] = {
    # smb_oi_models: a small bakery with bloggers, a coffee roaster and customer feedback
    "bakery": dict(sector="food_beverage", company_size="micro", innovation_need="new_product",
                   innovation_stage="exploration", barriers=["funding_gap"], offer=["market_access"],
                   ip_sensitivity="low", partner_experience="none", international=False),
    # smb_collab: a furniture maker whose customers co-design pieces online
    "furniture": dict(sector="creative_design", company_size="small", innovation_need="new_product",
                      innovation_stage="development", offer=["capacity", "market_access"],
                      ip_sensitivity="low", partner_experience="none"),
    # lee2010: firm M owns the antenna technology but cannot produce and market it alone
    "firm_m": dict(sector="electronics_telecom", company_size="small", innovation_need="market_expansion",
                   innovation_stage="commercialisation", offer=["technology_ip"],
                   barriers=["commercialisation_cost", "lack_infrastructure"], ip_sensitivity="medium",
                   partner_experience="none", international=True),
    # smb_oi_models: an AGV maker scaling up with an IoT startup's sensors
    "automation": dict(sector="automation_robotics", company_size="small",
                       innovation_need="technology_access", innovation_stage="scaling_up",
                       offer=["capacity", "market_access"], ip_sensitivity="medium",
                       partner_experience="good", past_partners=["customer", "supplier"]),
    # inspire: a firm whose last collaboration failed
    "failed": dict(sector="manufacturing", company_size="small", innovation_need="process_improvement",
                   innovation_stage="development", offer=["capacity"], ip_sensitivity="medium",
                   partner_experience="failed", past_partners=["large_firm"]),
    # smb_collab: a firm whose know-how is its crown jewel
    "high_ip": dict(sector="biotech_health", company_size="small", innovation_need="new_product",
                    innovation_stage="development", offer=["technology_ip"], ip_sensitivity="high",
                    partner_experience="good", past_partners=["university"]),
    # smb_oi_models: a 20-person software firm with an unused code library it wants to earn from,
    # whose owner asked "why not just license it out?"
    "software_library": dict(sector="software_it", company_size="small", innovation_need="business_model",
                             innovation_stage="development", offer=["technology_ip"], ip_sensitivity="low",
                             partner_experience="none", international=True, interests=["licensing_out"]),
}


def profile(**slots: Any) -> Profile:
    """A profile from slot values, as the assistant would build it."""
    return Profile.from_slots(slots)


def replaced(kb: KnowledgeBase, kind: str, entry_id: str, **changes: Any) -> KnowledgeBase:
    """A copy of ``kb`` with one entry's fields changed."""
    mapping = dict(kb.kind(kind))
    mapping[entry_id] = mapping[entry_id].copy(update=changes)
    return replace(kb, **{kind: mapping})
