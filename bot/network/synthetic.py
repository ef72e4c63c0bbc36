"""Labelled synthetic networks, for measuring how well the suggestions find partners.

Each generated project is a lead firm planted with the partners it would need,
written from the consortium kinds and the network M case of Lee et al. (2010):
a lead that brings technology, capacity or market access, and specialists in
its value chain that bring what it lacks, each with a short text naming its
speciality and the project's product. The planted (lead, partner) pairs are the
known complementary pairs. Around them sit the other projects' firms, firms
with no project, large firms and firms that did not consent, so a ranking has
to tell the planted partners from plausible look-alikes.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Dict, List, Sequence, Set, Tuple

from bot.network.profile import NetworkProfile
from bot.network.rules import VALUE_CHAINS

#: (lead sector, what the lead brings, need, barriers, wanted specialities)
TEMPLATES: Tuple[Tuple[str, str, str, Tuple[str, ...], Tuple[str, ...]], ...] = (
    ("electronics_telecom", "technology_ip", "new_product", ("commercialisation_cost",),
     ("moulding", "circuits", "components", "export")),
    ("manufacturing", "capacity", "new_product", ("lack_tech_info", "lack_market_info"),
     ("control_software", "design", "export", "investor")),
    ("logistics", "market_access", "new_product", ("lack_tech_info", "lack_infrastructure"),
     ("circuits", "control_software", "moulding", "assembly")),
    ("food_beverage", "capacity", "market_expansion", ("lack_market_info", "funding_gap"),
     ("grocery_shelves", "restaurant_buyers", "investor", "delivery_boxes")),
    ("biotech_health", "technology_ip", "new_product", ("funding_gap", "lack_infrastructure"),
     ("clean_room", "investor", "clinic_network", "precision_parts")),
    ("software_it", "technology_ip", "business_model", ("lack_market_info", "lack_infrastructure"),
     ("reseller", "sensors", "integrator", "investor")),
)

#: the stage each template's lead is at: developing where it lacks technology, else selling
TEMPLATE_STAGES = ("commercialisation", "development", "development", "commercialisation", "development",
                   "commercialisation")

#: speciality -> (sectors it is found in, what it brings, words for it)
SPECIALITIES: Dict[str, Tuple[Tuple[str, ...], str, str]] = {
    "moulding": (("manufacturing",), "capacity", "injection moulding and plated casings"),
    "circuits": (("electronics_telecom",), "capacity", "circuit boards and gears production"),
    "components": (
        ("electronics_telecom", "manufacturing"),
        "capacity",
        "components sourcing at wholesale prices",
    ),
    "export": (("logistics",), "market_access", "export agency, customs and overseas delivery"),
    "control_software": (
        ("software_it", "automation_robotics"),
        "technology_ip",
        "control software and firmware",
    ),
    "design": (("engineering",), "technology_ip", "product design and prototyping know-how"),
    "assembly": (("manufacturing", "electronics_telecom"), "capacity", "final assembly and testing lines"),
    "grocery_shelves": (("retail",), "market_access", "regional grocery shelves and store promotions"),
    "restaurant_buyers": (("hospitality",), "market_access", "restaurant and hotel buyers"),
    "investor": (
        ("professional_services", "logistics", "manufacturing"),
        "funds",
        "capital to co-invest in projects",
    ),
    "packaging": (("agriculture", "food_beverage"), "capacity", "packing and cold storage"),
    "delivery_boxes": (("retail",), "market_access", "online shop and weekly delivery boxes"),
    "clean_room": (("manufacturing", "biotech_health"), "capacity", "clean room production"),
    "clinic_network": (("professional_services",), "market_access", "clinic and pharmacy network"),
    "precision_parts": (("engineering",), "capacity", "precision machined parts"),
    "reseller": (
        ("retail", "professional_services"),
        "market_access",
        "reseller channel to small businesses",
    ),
    "sensors": (("electronics_telecom",), "capacity", "sensor hardware production"),
    "integrator": (("automation_robotics",), "capacity", "systems integration on customer sites"),
}
PRODUCTS = (
    "satellite modem",
    "espresso machine",
    "e-bike",
    "insulin pen",
    "smart oven",
    "drone",
    "hearing aid",
    "heat pump",
    "baby monitor",
    "solar inverter",
    "water filter",
    "cargo scooter",
    "sauna heater",
    "3d printer",
    "beehive scale",
    "milking robot",
    "bike lock",
    "coffee grinder",
    "wheelchair",
    "greenhouse controller",
    "bread slicer",
    "fitness tracker",
    "label printer",
    "vending machine",
)
#: what firms with no project make: never a project's product, so they are look-alikes only
OTHER_PRODUCTS = ("garden furniture", "ski boots", "paint", "printed circuit toys", "boat hulls", "yoghurt",
                  "office chairs", "dog food", "roof tiles", "bicycle helmets", "window frames", "tea blends")
SIZES = ("micro", "small", "small", "medium")
STAGES = ("exploration", "development", "scaling_up", "commercialisation")
OWN_NEED = {"technology_ip": "technology_access", "capacity": "talent_and_skills",
            "market_access": "market_expansion", "funds": "funding"}


@dataclass(frozen=True)
class LabelledNetwork:
    """Profiles and, per lead, the partners planted for it."""

    profiles: List[NetworkProfile]
    partners: Dict[str, Set[str]]


def _near(sectors: Sequence[str], lead_sector: str) -> List[str]:
    """The speciality's sectors in the lead's value chain (all of them if none is)."""
    near = [s for s in sectors if any(lead_sector in c and s in c for c in VALUE_CHAINS)]
    return near or list(sectors)


def _partner(rng: random.Random, key: str, speciality: str, product: str, lead_offer: str,
             consented: bool = True, size: str = "", lead_sector: str = "") -> NetworkProfile:
    """A specialist that brings ``speciality`` and would gain from what the lead brings."""
    sectors, offer, phrase = SPECIALITIES[speciality]
    return NetworkProfile(
        key,
        sector=rng.choice(_near(sectors, lead_sector) if lead_sector else sectors),
        size=size or rng.choice(SIZES),
        stage=rng.choice(STAGES),
        needs=(OWN_NEED[lead_offer],),
        offers=(offer,),
        consented=consented,
        offers_text=f"{phrase} for {product} makers",
    )


def _project(rng: random.Random, index: int, product: str) -> Tuple[List[NetworkProfile], str, Set[str]]:
    """One lead, its planted partners, a non-consenting partner and a large look-alike."""
    sector, brings, need, barriers, wanted = TEMPLATES[index % len(TEMPLATES)]
    lead = NetworkProfile(
        f"p{index:03d}-lead", sector=sector, size="small", stage=TEMPLATE_STAGES[index % len(TEMPLATES)],
        needs=(need,), barriers=barriers, offers=(brings,), consented=True,
        seeks_text=f"partners for our {product}: " + ", ".join(SPECIALITIES[s][2] for s in wanted),
        offers_text=f"{product} {brings.replace('_', ' ')}")
    planted = [_partner(rng, f"p{index:03d}-{n}", speciality, product, brings, lead_sector=sector)
               for n, speciality in enumerate(wanted + wanted[:2])]
    others = [
        _partner(rng, f"p{index:03d}-x", wanted[0], product, brings, consented=False, lead_sector=sector),
        _partner(rng, f"p{index:03d}-big", wanted[1], product, brings, size="large", lead_sector=sector),
    ]
    return [lead, *planted, *others], lead.firm_id, {p.firm_id for p in planted}


def _loner(rng: random.Random, index: int, prefix: str = "solo") -> NetworkProfile:
    """A firm with no project: a random specialist making a random product."""
    speciality = rng.choice(sorted(SPECIALITIES))
    return _partner(rng, f"{prefix}{index:05d}", speciality, rng.choice(OTHER_PRODUCTS),
                    rng.choice(("technology_ip", "capacity", "market_access")))


def generate(firms: int = 320, *, seed: int = 16, projects: int = 0) -> LabelledNetwork:
    """At least ``firms`` profiles with planted projects (default: one per 10 firms, at most 24)."""
    rng = random.Random(seed)
    projects = projects or max(1, min(len(PRODUCTS), firms // 10))
    profiles: List[NetworkProfile] = []
    partners: Dict[str, Set[str]] = {}
    for index in range(projects):
        group, lead, planted = _project(rng, index, PRODUCTS[index % len(PRODUCTS)])
        profiles += group
        partners[lead] = planted
    profiles += [_loner(rng, n) for n in range(max(0, firms - len(profiles)))]
    return LabelledNetwork(profiles, partners)


def scaled(base: Sequence[NetworkProfile], total: int, *, seed: int = 16) -> List[NetworkProfile]:
    """``base`` padded with firms that have no project, up to ``total`` profiles (speed tests)."""
    rng = random.Random(seed)
    return list(base) + [_loner(rng, n, "pad") for n in range(max(0, total - len(base)))]
