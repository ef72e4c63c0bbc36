"""Reasons for a suggestion in words staff can pass on, each with its sources."""
from __future__ import annotations

from typing import List, Tuple

from bot.network import rules
from bot.network.profile import NetworkProfile


def words(identifier: str | None) -> str:
    """A knowledge-base id in words: ``scaling_up`` -> ``scaling up``."""
    return (identifier or "").replace("_", " ")


def offer_list(offers) -> str:
    """Offers as "a, b and c"."""
    named = [rules.OFFER_WORDS.get(o, words(o)) for o in sorted(offers)]
    return " and ".join(named) if len(named) < 3 else ", ".join(named[:-1]) + " and " + named[-1]


def _why_wanted(wanted, brings) -> str:
    """What in the lead's profile asks for the offers the partner brings."""
    causes = []
    for offer in sorted(brings):
        for cause in wanted.because.get(offer, ()):
            kind, item = cause.split(":", 1)
            phrase = {"need": f"your aim ({words(item)})", "barrier": f"your barrier ({words(item)})",
                      "stage": f"your stage ({words(item)})"}[kind]
            if phrase not in causes:
                causes.append(phrase)
    return ", ".join(causes)


def reasons_for(lead: NetworkProfile, wanted, parts, firm: NetworkProfile
                ) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """The reasons for one match and the sources behind them."""
    reasons: List[str] = [
        f"Brings {offer_list(parts.brings)}, wanted for {_why_wanted(wanted, parts.brings)}."
    ]
    sources = set(rules.NEED_SOURCES) | set(rules.BARRIER_SOURCES)
    if wanted.from_stage & parts.brings:
        reasons.append(f"At the {words(lead.stage)} stage the sources see a part for partners who bring "
                       f"{offer_list(wanted.from_stage & parts.brings)}.")
        sources |= set(rules.STAGE_SOURCES)
    reasons.append(_sector_reason(lead, firm, parts.sector))
    reasons.append(_size_reason(lead, firm, parts.size))
    if parts.mutual:
        reasons.append(f"It lacks what you offer ({offer_list(set(lead.offers))}), so both sides gain.")
    if parts.text >= 0.3:
        reasons.append(
            f"What it says it offers matches {round(parts.text * 100)}% of the words of what you seek."
        )
    if parts.ip_clash:
        reasons.append("Same sector and your know-how is very sensitive: let the intermediary share "
                       "its assessment rather than your technical details.")
    sources |= set(rules.SECTOR_SOURCES) | set(rules.SIZE_SOURCES)
    return tuple(r for r in reasons if r), tuple(sorted(sources))


def _sector_reason(lead: NetworkProfile, firm: NetworkProfile, fit: float) -> str:
    """Sector fit in words."""
    if fit >= 1.0:
        return f"Same sector ({words(firm.sector)})."
    if fit >= 0.8:
        return (f"{words(firm.sector).capitalize()} and {words(lead.sector)} sit in one value chain, "
                "as the specialised firms of network M did.")
    if fit <= 0.2:
        return f"Different value chains ({words(firm.sector)}): check you can work on one product."
    return "Sector not known for one of you."


def _size_reason(lead: NetworkProfile, firm: NetworkProfile, balance: float) -> str:
    """Size balance in words."""
    if firm.size == "large" and lead.size in ("micro", "small"):
        return "A large firm: alliances with large firms can cost a small firm its technological edge."
    if balance >= 1.0:
        return f"Balanced sizes ({words(lead.size)} and {words(firm.size)})."
    if balance <= 0.5 and lead.size and firm.size:
        return f"Sizes far apart ({words(lead.size)} and {words(firm.size)})."
    return ""
