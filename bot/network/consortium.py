"""A suggested consortium for a lead firm: 2 to 4 partners, typed as a CF2 kind.

Lee et al. (2010) found four kinds of cross-functional consortium (CF2) among
51 organised by the Korean intermediary KICMS, named after the firm that leads:
R&D-focused (15), manufacturing-focused (30), marketing-focused (3) and new
business-focused (3). Their network M, a lead with four partners, went from
product planning to a production system in eight months. Two cautions shape
the choice here: wider external search pays off only up to a point (an
inverted U, which the authors carry over from Laursen and Salter 2006 and say
"can be applied" to networks, without naming a number), and consortia have
stalled for lack of funds, which the intermediary answered by bringing in
members with substantial funds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

from bot.network import rules
from bot.network.matching import Match, ScoreParts, explain, scored
from bot.network.pool import Pool
from bot.network.profile import NetworkProfile
from bot.network.wants import Wants, wants
from bot.network.wording import offer_list

#: our limit on partners, set at the size of network M (a lead and four partners)
MIN_MEMBERS, MAX_MEMBERS = 2, 4
KINDS = {
    "rd": "R&D-focused",
    "manufacturing": "manufacturing-focused",
    "marketing": "marketing-focused",
    "new_business": "new business-focused",
}
SOURCES = ("lee2010",)


@dataclass(frozen=True)
class Consortium:
    """The lead, its suggested partners, what they cover and what is still missing."""

    lead_id: str
    kind: str
    members: Tuple[Match, ...]
    covers: Tuple[str, ...]
    missing: Tuple[str, ...]
    reasons: Tuple[str, ...]
    sources: Tuple[str, ...] = field(default=SOURCES)

    @property
    def kind_name(self) -> str:
        """The CF2 kind in words."""
        return KINDS[self.kind]

    def as_dict(self) -> Dict[str, object]:
        """Plain data for JSON."""
        return {"lead": self.lead_id, "kind": self.kind, "kind_name": self.kind_name,
                "members": [m.as_dict() for m in self.members], "covers": list(self.covers),
                "missing": list(self.missing), "reasons": list(self.reasons), "sources": list(self.sources)}


def cf2_kind(lead: NetworkProfile) -> str:
    """The consortium kind the lead's role makes it: whoever leads names the kind."""
    if "business_model" in lead.needs or (not lead.offers and lead.stage == "exploration"):
        return "new_business"
    if "capacity" in lead.offers:
        return "manufacturing"
    if "technology_ip" in lead.offers:
        return "rd"
    if "market_access" in lead.offers:
        return "marketing"
    return "manufacturing"  # the commonest kind in the sources (30 of 51)


def needs_funds(lead: NetworkProfile) -> bool:
    """Whether the lead's barriers include a funding gap, so a member must bring funds or capacity."""
    return bool(rules.FUNDING_BARRIERS.intersection(lead.barriers))


def _slots(lead: NetworkProfile, wanted: Wants) -> Dict[str, int]:
    """How many partners each wanted offer may take: two where a need and a barrier both ask for it."""
    slots = {}
    for offer, causes in wanted.because.items():
        kinds = {cause.split(":", 1)[0] for cause in causes}
        slots[offer] = 2 if {"need", "barrier"} <= kinds else 1
    return slots


def _pick(ranked: List[Tuple[ScoreParts, NetworkProfile]], slots: Dict[str, int],
          first: Optional[NetworkProfile]) -> List[Tuple[ScoreParts, NetworkProfile]]:
    """Walk the ranking, taking a firm while it fills an open slot, up to the limit."""
    chosen = [pair for pair in ranked if first is not None and pair[1] is first]
    for offer in chosen[0][0].brings if chosen else ():
        slots[offer] = slots.get(offer, 1) - 1
    for parts, firm in ranked:
        if len(chosen) >= MAX_MEMBERS:
            break
        open_offers = [o for o in parts.brings if slots.get(o, 0) > 0]
        if firm is first or not open_offers:
            continue
        chosen.append((parts, firm))
        for offer in open_offers:
            slots[offer] -= 1
    for pair in ranked:  # too few to be a consortium: add the best of the rest
        if len(chosen) >= MIN_MEMBERS:
            break
        if pair not in chosen:
            chosen.append(pair)
    return chosen


def _funder(ranked: List[Tuple[ScoreParts, NetworkProfile]]) -> Optional[NetworkProfile]:
    """The best-ranked firm bringing funds, else the best bringing capacity."""
    for offer in ("funds", "capacity"):
        for parts, firm in ranked:
            if offer in parts.brings:
                return firm
    return None


def suggest_consortium(lead: NetworkProfile, pool: "Pool | Iterable[NetworkProfile]") -> Consortium:
    """The suggested consortium for ``lead`` (no members if it has not consented)."""
    kind = cf2_kind(lead)
    wanted = wants(lead)
    ranked = scored(lead, pool) if lead.consented else []
    funder = _funder(ranked) if needs_funds(lead) else None
    chosen = _pick(ranked, _slots(lead, wanted), funder)
    members = tuple(explain(lead, wanted, parts, firm) for parts, firm in chosen)
    covered = set().union(*(m.brings for m in members)) if members else set()
    missing = [rules.OFFER_WORDS[o] for o in sorted(wanted.offers - covered)]
    if needs_funds(lead) and not covered & {"funds", "capacity"}:
        missing.append("a member with funds or capacity, which your funding barrier calls for")
    if len(members) < MIN_MEMBERS:
        missing.append(f"at least {MIN_MEMBERS} consenting partners")
    return Consortium(lead.firm_id, kind, members, tuple(sorted(covered)), tuple(missing),
                      _reasons(lead, kind, members, funder), SOURCES)


def _reasons(lead: NetworkProfile, kind: str, members: Tuple[Match, ...],
             funder: Optional[NetworkProfile]) -> Tuple[str, ...]:
    """Why this kind and these members, in words."""
    name = KINDS[kind]
    reasons = [f"{name[0].upper()}{name[1:]}: the lead brings "
               f"{offer_list(lead.offers) or 'the idea'} and the partners bring the rest, "
               "as in the consortia Lee et al. (2010) describe."]
    if funder is not None:
        reasons.append("Your barriers include a funding gap; consortia have stalled for lack of funds, "
                       "so a member who brings funds or capacity is included.")
    if len(members) == MAX_MEMBERS:
        reasons.append(f"Kept to {MAX_MEMBERS} partners: more partners help only up to a point.")
    return tuple(reasons)
