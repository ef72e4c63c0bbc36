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
from typing import Dict, FrozenSet, Iterable, List, Optional, Tuple

from bot.network import rules
from bot.network.pool import Entry, Pool, as_pool
from bot.network.profile import NetworkProfile
from bot.network.wants import Wants, wants
from bot.network.wording import reasons_for

WEIGHTS = {"complement": 0.35, "stage": 0.10, "sector": 0.10, "size": 0.10, "mutual": 0.10, "text": 0.25}
IP_CAUTION = 0.10
#: what each further wanted offer adds to a partner that already brings one
EXTRA_OFFER = 0.15
DEFAULT_LIMIT = 10


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
class ScoreParts:
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


def _structure(lead: NetworkProfile, wanted: Wants, entry: Entry) -> Optional[tuple]:
    """The parts that depend only on a candidate's kind (offers, wants, sector, size), or None."""
    candidate, offers, their_wants = entry
    brings = wanted.offers & offers
    if not brings:
        return None
    weights = wanted.weights
    complement = min(1.0, max(map(weights.__getitem__, brings)) + EXTRA_OFFER * (len(brings) - 1))
    stage = len(wanted.from_stage & brings) / len(wanted.from_stage) if wanted.from_stage else 0.5
    mutual = not their_wants.isdisjoint(lead.offers)
    clash = bool(lead.sector) and lead.sector == candidate.sector and lead.ip_sensitivity == "high"
    return (brings, complement, stage, rules.sector_fit(lead.sector, candidate.sector),
            rules.size_balance(lead.size, candidate.size), mutual, clash)


def scored(lead: NetworkProfile, firms: "Pool | Iterable[NetworkProfile]",
           limit: Optional[int] = None) -> List[Tuple[ScoreParts, NetworkProfile]]:
    """The complementary candidates (all, or the ``limit`` best) with their score parts, best first.

    Candidates are everyone in the pool but the lead; the pool holds consenting firms only.
    Many firms share offers, wants, sector and size, so those parts are worked out once per kind.
    """
    wanted = wants(lead)
    if not wanted.weights:
        return []
    pool = as_pool(firms)
    search = pool.words.search(lead.seeks_text)
    kinds: Dict[tuple, Optional[tuple]] = {}
    found = []
    for entry in pool.entries:
        firm, offers, their_wants = entry
        if firm.firm_id == lead.firm_id:
            continue
        key = (offers, their_wants, firm.sector, firm.size)
        if key not in kinds:
            kinds[key] = _structure(lead, wanted, entry)
        parts = kinds[key]
        if parts is None:
            continue
        text = search.overlap(firm.offers_text)
        brings, complement, stage, sector, size, mutual, clash = parts
        total = _weighted(complement, stage, sector, size, mutual, text, clash)
        found.append((total, firm.firm_id, (*parts, text, total), firm))
    order = lambda item: (-item[0], item[1])  # noqa: E731 - best first, ties by id
    best = heapq.nsmallest(limit, found, key=order) if limit else sorted(found, key=order)
    return [(ScoreParts(*parts), firm) for _, _, parts, firm in best]


def rank_matches(lead: NetworkProfile, pool: "Pool | Iterable[NetworkProfile]",
                 limit: int = DEFAULT_LIMIT) -> List[Match]:
    """The ``limit`` best partners for ``lead``; nothing if the lead has not consented."""
    if not lead.consented:
        return []
    wanted = wants(lead)
    return [explain(lead, wanted, parts, firm) for parts, firm in scored(lead, pool, limit)]


def explain(lead: NetworkProfile, wanted: Wants, parts: ScoreParts, firm: NetworkProfile) -> Match:
    """A scored candidate as a :class:`Match` with reasons in words."""
    reasons, sources = reasons_for(lead, wanted, parts, firm)
    missing = tuple(rules.OFFER_WORDS[o] for o in sorted(wanted.offers - parts.brings))
    return Match(
        firm.firm_id, parts.total, tuple(sorted(parts.brings)), reasons, sources, missing, firm.label
    )
