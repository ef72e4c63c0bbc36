"""A draft, anonymised partnering profile of a firm that asked for a follow-up.

Intermediaries' partnering databases hold profiles with a title, a summary,
what is offered, what is sought, the stage and the partner type sought; staff
paste this draft into such an entry. It is built only from the diagnosed
profile and the advice shown, which are choices from the knowledge base,
never from anything the owner typed freely, so no name, company, contact or
sender id can slip into it. Ids are written as the knowledge base names them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional

from bot.storage.review import SHOWN, ConversationRecord
from bot.storage.wording import name_of, value_words

OFFER_WORDING = {
    "technology_ip": "a technology, patent or know-how",
    "capacity": "production, engineering or service capacity",
    "market_access": "access to customers, distribution or a brand",
}


@dataclass(frozen=True)
class PartneringProfile:
    """The fields of a partnering-database entry, in words."""

    title: str
    summary: str
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
        """The profile as labelled paragraphs, ready to paste into a partnering database."""
        lines = [f"Title: {self.title}", "", f"Summary: {self.summary}", ""]
        lines.append("What is offered: " + ("; ".join(self.offers) or "not stated yet"))
        lines.append("What is sought: " + ("; ".join(self.seeks) or "not stated"))
        lines.append(f"Stage: {self.stage or 'not stated'}")
        lines.append("Partner type sought: " + (", ".join(self.partner_types) or "not stated"))
        if self.collaboration_models:
            lines.append("Suitable collaboration models: " + ", ".join(self.collaboration_models))
        return "\n".join(lines)


def _listed(values: Any) -> List[str]:
    """A profile value as a list of ids, whether it was stored as one id or many."""
    if values is None:
        return []
    items: Iterable[Any] = values if isinstance(values, (list, tuple)) else [values]
    return [str(item) for item in items if item not in (None, "")]


def _first(value: Any) -> Optional[str]:
    """The first id of a value that may be a list."""
    values = _listed(value)
    return values[0] if values else None


def _seeks(profile: Mapping[str, Any]) -> List[str]:
    """What the firm looks for: partners for its need, and help with what holds it back."""
    seeks = [f"partners to innovate in {name_of('needs', n).lower()}"
             for n in _listed(profile.get("innovation_need"))]
    barriers = [name_of("barriers", b).lower() for b in _listed(profile.get("barriers"))]
    if barriers:
        seeks.append("help with " + ", ".join(barriers))
    return seeks


def _title(sector: Optional[str], size: Optional[str], need: Optional[str]) -> str:
    """A one-line title such as "Small enterprise in Food and beverage seeks partners for new products"."""
    who = size or "Firm"
    where = f" in {sector}" if sector else ""
    what = f" for {need.lower()}" if need else ""
    return f"{who}{where} seeks partners{what}"


def draft(profile: Mapping[str, Any], models: List[str], partners: List[str]) -> PartneringProfile:
    """Build the profile from a slot-shaped firm profile and the advice shown (top three)."""
    offers = [OFFER_WORDING.get(o) or value_words("offer", o) for o in _listed(profile.get("offer"))
              if o != "nothing_yet"]
    sector = value_words("sector", _first(profile.get("sector"))) or None
    size = value_words("company_size", _first(profile.get("company_size"))) or None
    stage = value_words("innovation_stage", _first(profile.get("innovation_stage"))) or None
    need = value_words("innovation_need", _first(profile.get("innovation_need"))) or None
    partner_names = [name_of("partners", p) for p in partners[:SHOWN]]
    model_names = [name_of("models", m) for m in models[:SHOWN]]
    summary = " ".join(part for part in (
        f"A {(size or 'firm').lower()}{f' in {sector}' if sector else ''}"
        f"{f' at the {stage.lower()} stage' if stage else ''}"
        f"{f', looking to innovate in {need.lower()}' if need else ''}.",
        f"It could offer {' and '.join(offers)}." if offers else "",
        f"Partner types sought: {', '.join(partner_names)}." if partner_names else "",
    ) if part)
    return PartneringProfile(
        title=_title(sector, size, need), summary=summary, sector=sector, size=size, stage=stage,
        offers=offers, seeks=_seeks(profile), partner_types=partner_names,
        collaboration_models=model_names,
    )


def from_record(record: ConversationRecord) -> PartneringProfile:
    """The profile of a stored conversation, using its most recent recommendation."""
    latest = record.recommendations[-1] if record.recommendations else None
    profile = dict(record.profile)
    for key, column in (("sector", record.row.sector), ("company_size", record.row.company_size),
                        ("innovation_need", record.row.innovation_need),
                        ("innovation_stage", record.row.innovation_stage)):
        profile.setdefault(key, column)
    return draft(profile, latest.models if latest else [], latest.partners if latest else [])
