"""The tables behind the scoring: which offers answer which needs, stages and barriers.

Every table names the sources it is written from (knowledge-base source ids),
so each reason shown to staff can cite them. ``docs/network.md`` explains each
table in words.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, Tuple

#: what each innovation need calls for from a partner (Lee et al. 2010 on the
#: resources SMEs lack for commercialisation; the knowledge base's needs entries)
NEED_CALLS_FOR: Dict[str, Tuple[str, ...]] = {
    "new_product": ("technology_ip", "capacity"),
    "process_improvement": ("capacity", "technology_ip"),
    "service_innovation": ("market_access", "technology_ip"),
    "market_expansion": ("market_access",),
    "business_model": ("market_access", "technology_ip"),
    "technology_access": ("technology_ip",),
    "talent_and_skills": ("capacity",),
    "funding": ("funds",),
}
NEED_SOURCES = ("lee2010", "smb_collab")

#: what a barrier calls for (Lee et al. 2010, Table 6 and the network M case:
#: collaboration relieves shortages of staff, information and money)
BARRIER_CALLS_FOR: Dict[str, Tuple[str, ...]] = {
    "skills_shortage": ("capacity",),
    "staff_turnover": ("capacity",),
    "market_uncertainty": ("market_access",),
    "rd_management": ("technology_ip",),
    "lack_tech_info": ("technology_ip",),
    "lack_market_info": ("market_access",),
    "funding_gap": ("funds",),
    "commercialisation_cost": ("funds", "capacity"),
    "lack_infrastructure": ("capacity",),
}
BARRIER_SOURCES = ("lee2010",)
FUNDING_BARRIERS: FrozenSet[str] = frozenset({"funding_gap", "commercialisation_cost"})

#: what a firm at each stage most needs from partners: ideas and technology while
#: exploring; other SMEs' know-how and capacity from development to scaling up
#: (INSPIRE); production, money and routes to market when commercialising, the
#: step Lee et al. find SMEs least equipped for
STAGE_CALLS_FOR: Dict[str, Tuple[str, ...]] = {
    "exploration": ("technology_ip",),
    "development": ("technology_ip", "capacity"),
    "scaling_up": ("capacity", "funds"),
    "commercialisation": ("market_access", "capacity", "funds"),
}
STAGE_SOURCES = ("lee2010", "inspire")
#: how much a stage's call counts next to a need or barrier (1.0): fully at
#: commercialisation, where Lee et al. place SMEs' main lack of resources
#: (manufacturing, distribution, marketing, funding), half elsewhere
STAGE_WEIGHT = {"commercialisation": 1.0}
OTHER_STAGE_WEIGHT = 0.5

#: sectors that sit in one value chain, so their firms can specialise around one
#: product as the firms of network M did (electronics, telecom parts, moulding,
#: distribution); written from the sectors of the sources' cases
VALUE_CHAINS: Tuple[FrozenSet[str], ...] = (
    frozenset({"electronics_telecom", "manufacturing", "engineering", "logistics", "automation_robotics"}),
    frozenset({"food_beverage", "agriculture", "retail", "hospitality", "logistics"}),
    frozenset({"software_it", "automation_robotics", "electronics_telecom", "professional_services"}),
    frozenset({"biotech_health", "engineering", "manufacturing", "professional_services"}),
    frozenset({"construction", "energy", "engineering", "manufacturing"}),
    frozenset({"creative_design", "retail", "software_it", "manufacturing"}),
)
SECTOR_SOURCES = ("lee2010",)

SIZE_ORDER = {"micro": 0, "small": 1, "medium": 2, "large": 3}
#: Lee et al. (2010, after Narula 2002): alliances with large firms can cost an
#: SME the technology that is its advantage; their network reaches complementary
#: assets without any large firm
SIZE_SOURCES = ("lee2010",)

OFFER_WORDS = {
    "technology_ip": "technology or know-how",
    "capacity": "production or engineering capacity",
    "market_access": "market access and distribution",
    "funds": "funds to invest",
}


@lru_cache(maxsize=1024)
def sector_fit(one: str | None, other: str | None) -> float:
    """1 for one sector, 0.8 for one value chain, 0.5 when unknown, 0.2 for unrelated sectors."""
    if not one or not other:
        return 0.5
    if one == other:
        return 1.0
    if any(one in chain and other in chain for chain in VALUE_CHAINS):
        return 0.8
    return 0.2


@lru_cache(maxsize=64)
def size_balance(lead: str | None, partner: str | None) -> float:
    """1 within one size band; less the further apart, least for a large partner of a small firm."""
    if lead not in SIZE_ORDER or partner not in SIZE_ORDER:
        return 0.5
    gap = abs(SIZE_ORDER[lead] - SIZE_ORDER[partner])
    balance = {0: 1.0, 1: 1.0, 2: 0.5}.get(gap, 0.2)
    if partner == "large" and lead in ("micro", "small"):
        balance = min(balance, 0.2)
    return balance
