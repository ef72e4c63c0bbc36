"""The firms a lead is ranked against, prepared once so that each ranking is quick.

An intermediary asks for many firms' suggestions from one set of members, so
what does not depend on the lead (each firm's offers as a set, what each firm
itself wants, how rare each word of the offers is) is computed once here.
Firms without consent are left out at this point and can never be scored.
"""
from __future__ import annotations

from typing import FrozenSet, Iterable, List, Tuple

from bot.network.profile import NetworkProfile
from bot.network.text import WordRarity
from bot.network.wants import wanted_offers

Entry = Tuple[NetworkProfile, FrozenSet[str], FrozenSet[str]]


def prepare(firm: NetworkProfile) -> Entry:
    """The firm with its offers and what it wants as sets: what ranking needs of it, whoever the lead."""
    return firm, frozenset(firm.offers), wanted_offers(firm.needs, firm.barriers, firm.stage, firm.offers)


class Pool:
    """Consenting firms with their offers and wants as sets, and the word rarity of their offers."""

    def __init__(self, profiles: Iterable[NetworkProfile]) -> None:
        self._take([prepare(firm) for firm in profiles if firm.consented])

    @classmethod
    def of_prepared(cls, entries: Iterable[Entry]) -> "Pool":
        """A pool of firms already prepared, e.g. kept from the last read; unconsented ones are left out."""
        pool = cls.__new__(cls)
        pool._take([entry for entry in entries if entry[0].consented])
        return pool

    def _take(self, entries: List[Entry]) -> None:
        self.entries = entries
        self.words = WordRarity(firm.offers_text for firm, _, _ in entries)

    def __len__(self) -> int:
        return len(self.entries)


def as_pool(firms: "Pool | Iterable[NetworkProfile]") -> Pool:
    """``firms`` as a :class:`Pool` (prepared now unless it already is one)."""
    return firms if isinstance(firms, Pool) else Pool(firms)
