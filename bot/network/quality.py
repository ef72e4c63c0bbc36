"""Precision and recall of the suggestions on a labelled network, and the network M check."""
from __future__ import annotations

from dataclasses import dataclass
from statistics import mean
from typing import Dict, Sequence, Set

from bot.network.cases import LEAD, MEMBERS, network_m
from bot.network.consortium import suggest_consortium
from bot.network.matching import rank_matches
from bot.network.profile import NetworkProfile
from bot.network.synthetic import LabelledNetwork


@dataclass(frozen=True)
class Quality:
    """How well the planted partners were found."""

    precision_at_5: float
    recall_at_10: float
    leads: int
    never_unconsented: bool


def measure(network: LabelledNetwork) -> Quality:
    """Precision@5 and recall@10 over every lead with planted partners."""
    precision, recall, clean = [], [], True
    refused = {p.firm_id for p in network.profiles if not p.consented}
    for lead in (p for p in network.profiles if p.firm_id in network.partners):
        found = [m.firm_id for m in rank_matches(lead, network.profiles, limit=10)]
        truth: Set[str] = network.partners[lead.firm_id]
        precision.append(len(truth.intersection(found[:5])) / 5)
        recall.append(len(truth.intersection(found)) / len(truth))
        clean = clean and not refused.intersection(found)
    return Quality(round(mean(precision), 3), round(mean(recall), 3), len(precision), clean)


def network_m_check(pool: Sequence[NetworkProfile]) -> Dict[str, object]:
    """Whether network M's four partners are among its lead's ten suggestions, amid ``pool``."""
    case = network_m()
    everyone = [*case, *pool]
    found = [m.firm_id for m in rank_matches(case[0], everyone, limit=10)]
    consortium = suggest_consortium(case[0], everyone)
    in_consortium = [m.firm_id for m in consortium.members if m.firm_id in MEMBERS]
    return {"lead": LEAD, "members_suggested": sum(m in found for m in MEMBERS),
            "members": len(MEMBERS), "recovered": all(m in found for m in MEMBERS),
            "members_in_consortium": len(in_consortium), "consortium_kind": consortium.kind}
