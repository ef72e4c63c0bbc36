"""Ranking the firms that complement one firm, each with reasons, sources and gaps.

A partner is worth suggesting only if it brings something the firm lacks:
Lee et al. (2010, after Kogut et al. 1992) put partner selection on the
partner's potential to add resources to mutual benefit. Stage roles, a shared
value chain, balanced size and a need the firm itself can meet then order the
candidates. Firms without matching consent are never scored at all.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple

from bot.network import rules
from bot.network.profile import NetworkProfile
from bot.network.text import OfferWords

WEIGHTS = {"complement": 0.35, "stage": 0.10, "sector": 0.10, "size": 0.10, "mutual": 0.10, "text": 0.25}
IP_CAUTION = 0.10
#: what each further wanted offer adds to a partner that already brings one
EXTRA_OFFER = 0.15
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class Wants:
    """What a firm would gain from a partner: offer -> weight, and why it is wanted."""

    weights: Dict[str, float]
    because: Dict[str, Tuple[str, ...]]
    from_stage: FrozenSet[str]

    @property
    def offers(self) -> FrozenSet[str]:
        """The offers a partner could usefully bring."""
        return frozenset(self.weights)


def wants(firm: NetworkProfile) -> Wants:
    """The offers a firm's needs, barriers and stage call for, less what it already has."""
    own = set(firm.offers)
    weights: Dict[str, float] = {}
    because: Dict[str, List[str]] = {}
    for kind, table, items, weight in (("need", rules.NEED_CALLS_FOR, firm.needs, 1.0),
                                       ("barrier", rules.BARRIER_CALLS_FOR, firm.barriers, 1.0),
                                       ("stage", rules.STAGE_CALLS_FOR, (firm.stage,),
                                        rules.STAGE_WEIGHT.get(firm.stage or "", rules.OTHER_STAGE_WEIGHT))):
        for item in items:
            for offer in table.get(item or "", ()):
                if offer not in own:
                    weights[offer] = max(weights.get(offer, 0.0), weight)
                    because.setdefault(offer, []).append(f"{kind}:{item}")
    stage_calls = frozenset(rules.STAGE_CALLS_FOR.get(firm.stage or "", ())) - own
    return Wants(weights, {o: tuple(b) for o, b in because.items()}, stage_calls)


@lru_cache(maxsize=4096)
def _wanted_offers(needs: Tuple[str, ...], barriers: Tuple[str, ...], stage: Optional[str],
                   offers: Tuple[str, ...]) -> FrozenSet[str]:
    """What a firm with these answers wants (cached: many firms answer alike)."""
    return wants(NetworkProfile("", stage=stage, needs=needs, barriers=barriers, offers=offers)).offers


@dataclass(frozen=True)
class Match:
    """One suggested partner for a firm, explained."""

    firm_id: str
    score: float
    brings: Tuple[str, ...]
    reasons: Tuple[str, ...]
    sources: Tuple[str, ...]
    missing: Tuple[str, ...]
    label: str = ""

    def as_dict(self) -> Dict[str, object]:
        """Plain data for JSON."""
        return {"firm": self.firm_id, "label": self.label, "score": self.score,
                "brings": list(self.brings), "reasons": list(self.reasons),
                "sources": list(self.sources), "missing": list(self.missing)}


@dataclass(frozen=True, slots=True)
class _Parts:
    """The score's components for one candidate, kept to explain it."""

    brings: FrozenSet[str]
    complement: float
    stage: float
    sector: float
    size: float
    mutual: bool
    ip_clash: bool
    text: float
    total: float


def _weighted(complement: float, stage: float, sector: float, size: float, mutual: bool, text: float,
              ip_clash: bool) -> float:
    """The weighted score, between 0 and 1, rounded so that equal firms tie."""
    w = WEIGHTS
    value = (w["complement"] * complement + w["stage"] * stage + w["sector"] * sector + w["size"] * size
             + w["mutual"] * mutual + w["text"] * text - IP_CAUTION * ip_clash)
    return round(max(value, 0.0), 3)


def _parts(lead: NetworkProfile, wanted: Wants, candidate: NetworkProfile,
           texts: OfferWords) -> Optional[_Parts]:
    """The components for one candidate, or None when it brings nothing the lead lacks."""
    brings = wanted.offers.intersection(candidate.offers)
    if not brings:
        return None
    complement = min(1.0, max(wanted.weights[o] for o in brings) + EXTRA_OFFER * (len(brings) - 1))
    stage = len(wanted.from_stage & brings) / len(wanted.from_stage) if wanted.from_stage else 0.5
    mutual = bool(_wanted_offers(candidate.needs, candidate.barriers, candidate.stage,
                                 candidate.offers).intersection(lead.offers))
    clash = bool(lead.sector) and lead.sector == candidate.sector and lead.ip_sensitivity == "high"
    sector = rules.sector_fit(lead.sector, candidate.sector)
    size = rules.size_balance(lead.size, candidate.size)
    text = texts.overlap(candidate.offers_text)
    return _Parts(frozenset(brings), complement, stage, sector, size, mutual, clash, text,
                  _weighted(complement, stage, sector, size, mutual, text, clash))


def candidates(lead: NetworkProfile, pool: Iterable[NetworkProfile]) -> Iterable[NetworkProfile]:
    """Everyone in ``pool`` who may be suggested to ``lead``: consenting, and not the lead."""
    return (firm for firm in pool if firm.consented and firm.firm_id != lead.firm_id)


def scored(lead: NetworkProfile, pool: Iterable[NetworkProfile],
           limit: Optional[int] = None) -> List[Tuple[_Parts, NetworkProfile]]:
    """The complementary candidates (all, or the ``limit`` best) with their score parts, best first."""
    wanted = wants(lead)
    if not wanted.weights:
        return []
    found = []
    chosen = list(candidates(lead, pool))
    texts = OfferWords(lead.seeks_text, (firm.offers_text for firm in chosen))
    for candidate in chosen:
        parts = _parts(lead, wanted, candidate, texts)
        if parts is not None:
            found.append((parts, candidate))
    order = lambda pair: (-pair[0].total, pair[1].firm_id)  # noqa: E731 - ties by id
    return heapq.nsmallest(limit, found, key=order) if limit else sorted(found, key=order)


def rank_matches(lead: NetworkProfile, pool: Iterable[NetworkProfile],
                 limit: int = DEFAULT_LIMIT) -> List[Match]:
    """The ``limit`` best partners for ``lead``; nothing if the lead has not consented."""
    if not lead.consented:
        return []
    wanted = wants(lead)
    return [_explain(lead, wanted, parts, firm) for parts, firm in scored(lead, pool, limit)]


def _explain(lead: NetworkProfile, wanted: Wants, parts: _Parts, firm: NetworkProfile) -> Match:
    """A scored candidate as a :class:`Match` with reasons in words."""
    from bot.network.wording import reasons_for

    reasons, sources = reasons_for(lead, wanted, parts, firm)
    missing = tuple(rules.OFFER_WORDS[o] for o in sorted(wanted.offers - parts.brings))
    return Match(firm.firm_id, parts.total, tuple(sorted(parts.brings)), reasons, sources, missing, firm.label)
