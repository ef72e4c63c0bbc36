"""What a firm would gain from a partner, read from its needs, obstacles and stage.

Kept apart from the matching itself because the pool of firms is prepared
with it too: each firm's wants are worked out once, before any ranking.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Tuple

from bot.network import rules
from bot.network.profile import NetworkProfile


@dataclass(frozen=True)
class Wants:
    """What a firm would gain from a partner: offer -> weight, and why it is wanted."""

    weights: Dict[str, float]
    because: Dict[str, Tuple[str, ...]]
    from_stage: FrozenSet[str]
    #: the offers a partner could usefully bring (the keys of ``weights``)
    offers: FrozenSet[str]


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
    return Wants(weights, {o: tuple(b) for o, b in because.items()}, stage_calls, frozenset(weights))


@lru_cache(maxsize=4096)
def wanted_offers(needs: Tuple[str, ...], barriers: Tuple[str, ...], stage: Optional[str],
                   offers: Tuple[str, ...]) -> FrozenSet[str]:
    """What a firm with these answers wants (cached: many firms answer alike)."""
    return wants(NetworkProfile("", stage=stage, needs=needs, barriers=barriers, offers=offers)).offers
