"""Network M from Lee et al. (2010), rebuilt as network profiles.

Table 8 of the paper lists five firms: M (27 staff), which owned a wave-guide
horn antenna technology and led; H (145), a transport and export agency that
ran distribution and customs; C (15), a telecom components wholesaler that
supplied all but the core parts; K1 (10), an electronics maker that ran
production, circuits and gears; and K2 (10), a moulding firm that made the
casings. M could not commercialise alone for cost and quality problems; the
others joined to grow their sales through a promising product. The profiles
below say that in our vocabulary; the free texts summarise each firm's previous
business and its role in the network, in our words.
"""
from __future__ import annotations

from typing import List

from bot.network.profile import NetworkProfile

LEAD = "case:network-m:M"
MEMBERS = ("case:network-m:H", "case:network-m:C", "case:network-m:K1", "case:network-m:K2")


def network_m() -> List[NetworkProfile]:
    """The five firms of network M, lead first, all consenting."""
    firm = lambda key, **kw: NetworkProfile(f"case:network-m:{key}", consented=True,  # noqa: E731
                                            label=f"Firm {key} (network M)", **kw)
    return [
        firm("M", sector="electronics_telecom", size="small", stage="commercialisation",
             needs=("new_product",), barriers=("commercialisation_cost",), offers=("technology_ip",),
             ip_sensitivity="medium",
             seeks_text="a stable, price-competitive production system for our flat satellite antenna: "
                        "manufacturing of electric circuits and gears, injection moulding and plating "
                        "of the casing, telecommunication components at lower prices, and distribution "
                        "with customs and delivery of overseas orders",
             offers_text="wave guide horn antenna technology, antenna and system specifications"),
        firm("H", sector="logistics", size="medium", stage="commercialisation", needs=("new_product",),
             offers=("market_access",),
             offers_text="marketing and distribution, with customs and delivery of overseas orders"),
        firm("C", sector="electronics_telecom", size="small", stage="commercialisation",
             needs=("new_product",), offers=("capacity",),
             offers_text="telecommunication components supplied at lower wholesale prices"),
        firm("K1", sector="electronics_telecom", size="small", stage="commercialisation",
             needs=("new_product",), offers=("capacity",),
             offers_text="electronics manufacturing: managing production, electric circuits and gears"),
        firm("K2", sector="manufacturing", size="small", stage="commercialisation",
             needs=("new_product",), offers=("capacity",),
             offers_text="casings: injection moulding and plating"),
    ]
