"""A firm's network profile: what it is, what it needs, what it can bring.

Built from the diagnosis (the slot values, which are knowledge-base ids) plus
two things only the network needs: whether the firm agreed to be matched, and
the short texts of what it seeks and offers. ``funds`` is an offer the
diagnosis does not ask about; staff add it on the desk, because Lee et al.
(2010) point to members with substantial funds as the cure for consortia that
stall for lack of money.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple

#: what a firm can bring to a partner; the first three are the diagnosis' offers
OFFERS = ("technology_ip", "capacity", "market_access", "funds")
SIZES = ("micro", "small", "medium", "large")
STAGES = ("exploration", "development", "scaling_up", "commercialisation")
IP_LEVELS = ("low", "medium", "high")
MAX_TEXT = 500


def _ids(value: Any) -> Tuple[str, ...]:
    """A slot value as a tuple of ids, whether stored as one id, a list or nothing."""
    if value is None or value == "":
        return ()
    items: Iterable[Any] = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    return tuple(dict.fromkeys(str(item) for item in items if item not in (None, "")))


def _one(value: Any, allowed: Optional[Tuple[str, ...]] = None) -> Optional[str]:
    """The first id of a value, or None when missing or outside ``allowed``."""
    values = _ids(value)
    chosen = values[0] if values else None
    return chosen if allowed is None or chosen in allowed else None


def _text(value: Any) -> str:
    """A short one-line text; owners' words are kept as typed but never rendered unescaped."""
    return " ".join(str(value or "").split())[:MAX_TEXT]


def _yes(value: Any) -> Optional[bool]:
    """A yes/no slot value (True, False, "yes", "no") as a bool, None when unknown."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    return True if text in ("true", "yes", "1") else False if text in ("false", "no", "0") else None


@dataclass(frozen=True)
class NetworkProfile:
    """One firm in the network; ``firm_id`` is the conversation's sender id."""

    firm_id: str
    sector: Optional[str] = None
    size: Optional[str] = None
    stage: Optional[str] = None
    needs: Tuple[str, ...] = ()
    barriers: Tuple[str, ...] = ()
    offers: Tuple[str, ...] = ()
    ip_sensitivity: Optional[str] = None
    abroad: Optional[bool] = None
    past_partners: Tuple[str, ...] = ()
    seeks_text: str = ""
    offers_text: str = ""
    consented: bool = False
    label: str = field(default="", compare=False)

    @classmethod
    def from_slots(cls, firm_id: str, slots: Mapping[str, Any], *, consented: bool = False,
                   extra: Optional[Mapping[str, Any]] = None) -> "NetworkProfile":
        """A profile from diagnosis slots, plus stored network fields in ``extra``."""
        extra = extra or {}
        offers = _ids(extra.get("offers")) or _ids(slots.get("offer"))
        return cls(
            firm_id=firm_id,
            sector=_one(extra.get("sector") or slots.get("sector")),
            size=_one(extra.get("size") or slots.get("company_size"), SIZES),
            stage=_one(extra.get("stage") or slots.get("innovation_stage"), STAGES),
            needs=_ids(extra.get("needs") or slots.get("innovation_need")),
            barriers=_ids(extra.get("barriers") or slots.get("barriers")),
            offers=tuple(o for o in offers if o in OFFERS),
            ip_sensitivity=_one(extra.get("ip_sensitivity") or slots.get("ip_sensitivity"), IP_LEVELS),
            abroad=_yes(extra["abroad"] if "abroad" in extra else slots.get("international")),
            past_partners=_ids(extra.get("past_partners") or slots.get("past_partners")),
            seeks_text=_text(extra.get("seeks_text")),
            offers_text=_text(extra.get("offers_text")),
            consented=consented,
            label=_text(extra.get("label")),
        )

    def edited(self, **changes: Any) -> "NetworkProfile":
        """A copy with staff edits applied, each value cleaned like a diagnosis value."""
        cleaned = NetworkProfile.from_slots(self.firm_id, {}, consented=self.consented,
                                            extra={**self.stored_fields(), **changes})
        return replace(cleaned, label=self.label)

    def stored_fields(self) -> Dict[str, Any]:
        """The fields kept in the network profile table (everything but id and consent)."""
        data = asdict(self)
        for key in ("firm_id", "consented", "label"):
            data.pop(key)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
