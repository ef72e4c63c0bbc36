"""Facts derived from a profile that several rules and the readiness check share.

Keeping each derived judgement in one named function means a rule reads like
its source ("a resource-constrained firm ...") and the threshold behind it is
written down exactly once.
"""
from __future__ import annotations

from typing import Optional, Tuple

from bot.advice.profile import Profile

LEVEL_RANK = {"low": 0, "medium": 1, "high": 2}

#: barriers that signal thin money or people (lee2010 table 6; koporcic2023)
RESOURCE_BARRIERS = ("funding_gap", "skills_shortage")
#: barriers that signal a gap between invention and market (lee2010 section 4.2)
COMMERCIALISATION_BARRIERS = ("commercialisation_cost", "lack_infrastructure", "lack_market_info")
#: offers that are capacity to produce or to sell
DOWNSTREAM_OFFERS = ("capacity", "market_access")

#: goals that ask for money or new income rather than a better product (smb_oi_models: new revenue streams)
EARNING_NEEDS = ("funding", "business_model")

#: kinds of outside partners; below / above these counts the inverted U bites (lee2010)
BREADTH_TOO_FEW = 1
BREADTH_TOO_MANY = 5


def resource_constrained(profile: Profile) -> bool:
    """Micro firms and firms short of money or skilled people (smb_oi_models, koporcic2023, lee2010).

    smb_oi_models advises firms with limited resources to begin with cheap
    inbound approaches; lee2010 table 6 ranks labour shortage and funding
    difficulties among the top SME barriers.
    """
    return profile.company_size == "micro" or any(
        barrier in RESOURCE_BARRIERS for barrier in profile.barriers
    )


def real_offers(profile: Profile) -> Tuple[str, ...]:
    """What the firm can actually bring to partners (``nothing_yet`` removed)."""
    return tuple(offer for offer in profile.offer if offer != "nothing_yet")


def nothing_to_offer(profile: Profile) -> bool:
    """The owner said there is nothing to offer yet (an unanswered question is not 'nothing')."""
    return "nothing_yet" in profile.offer and not real_offers(profile)


def owns_technology(profile: Profile) -> bool:
    """The firm owns a technology, patent or know-how it could license or share."""
    return "technology_ip" in profile.offer


def wants_income_from_technology(profile: Profile, outbound_named: bool = False) -> bool:
    """The firm owns a technology and wants to earn from it (smb_oi_models, Inside-Out model).

    smb_oi_models: "an SMB with underutilized internal technologies might focus
    on the Inside-Out model, seeking to license or spin off these technologies
    to generate new revenue". A goal of income (funding or a new business model)
    or the owner naming an outbound route himself shows the wish.
    """
    return owns_technology(profile) and (profile.innovation_need in EARNING_NEEDS or outbound_named)


def commercialisation_gap(profile: Profile) -> bool:
    """A technology without the capacity to make or sell it, or barriers on the way to market (lee2010).

    Firm M owned the antenna technology but had cost and quality problems
    producing and marketing it alone; lee2010 names manufacturing,
    distribution and marketing as what SMEs lack for commercialisation.
    """
    tech_alone = owns_technology(profile) and not any(
        offer in DOWNSTREAM_OFFERS for offer in profile.offer
    )
    blocked = any(barrier in COMMERCIALISATION_BARRIERS for barrier in profile.barriers)
    return tech_alone or blocked


def ip_concern(profile: Profile) -> Optional[str]:
    """How much IP protection matters: the stated sensitivity, at least medium with imitation risk.

    lee2010 table 6 ranks imitation of innovations 4th among SME barriers, so a
    firm that names it is treated as IP-sensitive even if it rated itself low.
    """
    level = profile.ip_sensitivity
    if "imitation_risk" in profile.barriers and LEVEL_RANK.get(level or "low", 0) < 1:
        return "medium"
    return level


def breadth(profile: Profile) -> int:
    """Number of kinds of outside partners the firm has worked with (lee2010 breadth)."""
    return len(set(profile.past_partners))


def breadth_side(profile: Profile) -> str:
    """Where the firm sits on lee2010's inverted U: too_few, balanced or too_many."""
    count = breadth(profile)
    if count <= BREADTH_TOO_FEW:
        return "too_few"
    if count >= BREADTH_TOO_MANY:
        return "too_many"
    return "balanced"


def risk_level(resources: str, ip_exposure: str) -> int:
    """A model's commitment risk: the higher of what it costs and what it exposes (0-2)."""
    return max(LEVEL_RANK.get(resources, 1), LEVEL_RANK.get(ip_exposure, 1))
