"""A draft, anonymised partnering profile of a firm that asked for a follow-up.

Intermediaries post such profiles on partnering platforms to find a match. It
is built only from the diagnosed profile and the advice given, which are
choices from the knowledge base, never from anything the owner typed freely,
so no name, company, contact or sender id can slip into it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional

from bot.storage.review import ConversationRecord

OFFER_WORDING = {
    "technology_ip": "a technology, patent or know-how",
    "capacity": "production, engineering or service capacity",
    "market_access": "access to customers, distribution or a brand",
}


def humanise(identifier: Optional[str]) -> Optional[str]:
    """``new_products`` -> ``new products``: readable without the knowledge base at hand."""
    return identifier.replace("_", " ") if identifier else None


@dataclass(frozen=True)
class PartneringProfile:
    """What the firm offers and seeks, with its sector, size and stage."""

    sector: Optional[str]
    size: Optional[str]
    stage: Optional[str]
    offers: List[str]
    seeks: List[str]
    partner_types: List[str]
    collaboration_models: List[str]

    def as_dict(self) -> Dict[str, Any]:
        """Plain data for the JSON export."""
        return {"kind": "partnering_profile", "anonymised": True, **asdict(self)}

    def as_text(self) -> str:
        """The profile as a short text, ready to paste into a partnering platform."""
        lines = ["Partnering profile (draft, anonymised)"]
        for label, value in (("Sector", self.sector), ("Company size", self.size),
                             ("Innovation stage", self.stage)):
            lines.append(f"{label}: {value or 'not stated'}")
        lines.append("Offers: " + ("; ".join(self.offers) or "not stated yet"))
        lines.append("Seeks: " + ("; ".join(self.seeks) or "not stated"))
        if self.partner_types:
            lines.append("Partner types sought: " + ", ".join(self.partner_types))
        if self.collaboration_models:
            lines.append("Suitable collaboration models: " + ", ".join(self.collaboration_models))
        return "\n".join(lines)


def _listed(values: Any) -> List[str]:
    """A profile value as a list of ids, whether it was stored as one id or many."""
    if values is None:
        return []
    items: Iterable[Any] = values if isinstance(values, (list, tuple)) else [values]
    return [str(item) for item in items if item not in (None, "")]


def draft(profile: Mapping[str, Any], models: List[str], partners: List[str]) -> PartneringProfile:
    """Build the profile from a slot-shaped firm profile and the latest advice."""
    offers = [OFFER_WORDING.get(o, humanise(o) or o) for o in _listed(profile.get("offer"))
              if o != "nothing_yet"]
    seeks = [humanise(n) or n for n in _listed(profile.get("innovation_need"))]
    return PartneringProfile(
        sector=humanise(_first(profile.get("sector"))),
        size=humanise(_first(profile.get("company_size"))),
        stage=humanise(_first(profile.get("innovation_stage"))),
        offers=offers,
        seeks=seeks,
        partner_types=[humanise(p) or p for p in partners],
        collaboration_models=[humanise(m) or m for m in models],
    )


def _first(value: Any) -> Optional[str]:
    """The first id of a value that may be a list."""
    values = _listed(value)
    return values[0] if values else None


def from_record(record: ConversationRecord) -> PartneringProfile:
    """The profile of a stored conversation, using its most recent recommendation."""
    latest = record.recommendations[-1] if record.recommendations else None
    profile = dict(record.profile)
    for key, column in (("sector", record.row.sector), ("company_size", record.row.company_size),
                        ("innovation_need", record.row.innovation_need),
                        ("innovation_stage", record.row.innovation_stage)):
        profile.setdefault(key, column)
    return draft(profile, latest.models if latest else [], latest.partners if latest else [])
