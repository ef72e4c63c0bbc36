"""Network profiles and matching consent in the database.

A firm is in the network while it has a consent that has not been withdrawn;
every query for candidates joins on that, so withdrawing removes the firm from
all suggestions at once (suggestions are computed, never stored). The profile
starts as a copy of the diagnosis and staff may edit it; callers audit edits.
Firms are named on the desk by their follow-up reference if they have one,
else by their conversation id, as the rest of the desk names them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from bot.followup.request import is_reference
from bot.network.profile import NetworkProfile
from bot.storage.database import insert_if_missing, utcnow
from bot.storage.introductions import close_open
from bot.storage.network_consent import has_consent
from bot.storage.network_pool import consenting_profiles, profile_from_row
from bot.storage.tables import conversations, followups, network_consents, network_profiles
from bot.storage.transcript import events, has_events_table

EDITABLE = ("sector", "size", "stage", "needs", "barriers", "offers", "ip_sensitivity", "abroad",
            "past_partners", "seeks_text", "offers_text")


def give_consent(connection: Connection, sender_id: str, wording: str, slots: Mapping[str, Any]) -> bool:
    """Store the owner's yes with its wording and time, and the profile from ``slots``.

    Returns False (storing nothing) without wording; a second yes keeps the first.
    """
    wording = str(wording or "").strip()
    if not wording:
        return False
    now = utcnow()
    insert_if_missing(connection, conversations, "sender_id", sender_id=sender_id, started_at=now,
                      last_seen_at=now)
    if not has_consent(connection, sender_id):
        connection.execute(insert(network_consents).values(sender_id=sender_id, wording=wording,
                                                           consented_at=now))
    if _profile_row(connection, sender_id) is None:
        fields = NetworkProfile.from_slots(sender_id, slots).stored_fields()
        connection.execute(insert(network_profiles).values(sender_id=sender_id, created_at=now,
                                                           updated_at=now, **fields))
    return True


def withdraw(connection: Connection, sender_id: str, *, by: str) -> bool:
    """End the firm's consent now; returns whether there was one to end."""
    c = network_consents.c
    ended = connection.execute(update(network_consents)
                               .where(c.sender_id == sender_id, c.withdrawn_at.is_(None))
                               .values(withdrawn_at=utcnow(), withdrawn_by=by[:80])).rowcount
    if ended:
        close_open(connection, sender_id)
    return bool(ended)


def _profile_row(connection: Connection, sender_id: str):
    """The stored profile row, if any."""
    return connection.execute(select(network_profiles)
                              .where(network_profiles.c.sender_id == sender_id)).first()


def labels(connection: Connection, senders: Iterable[str]) -> Dict[str, str]:
    """How the desk names each firm: its first follow-up reference, else its conversation id."""
    wanted = list(senders)
    named = {s: s for s in wanted}
    rows = connection.execute(select(followups.c.sender_id, followups.c.reference)
                              .where(followups.c.sender_id.in_(wanted)).order_by(followups.c.id.desc()))
    for sender_id, reference in rows:
        named[sender_id] = reference
    return named


def load(connection: Connection, sender_id: str) -> Optional[NetworkProfile]:
    """One firm's profile with its consent state, None when it never joined."""
    row = _profile_row(connection, sender_id)
    if row is None:
        return None
    return profile_from_row(
        row, labels(connection, [sender_id])[sender_id], has_consent(connection, sender_id)
    )


@dataclass(frozen=True)
class NetworkFilter:
    """What staff chose on the network list; None means "any"."""

    sector: Optional[str] = None
    size: Optional[str] = None
    stage: Optional[str] = None
    offer: Optional[str] = None


def consenting(connection: Connection, chosen: Optional[NetworkFilter] = None) -> List[NetworkProfile]:
    """Every firm that agrees to be matched (filtered), oldest member first."""
    chosen = chosen or NetworkFilter()
    return [
        p
        for p in consenting_profiles(connection)
        if (not chosen.sector or p.sector == chosen.sector)
        and (not chosen.size or p.size == chosen.size)
        and (not chosen.stage or p.stage == chosen.stage)
        and (not chosen.offer or chosen.offer in p.offers)
    ]


def edit(connection: Connection, sender_id: str, changes: Mapping[str, Any], *, by: str
         ) -> Optional[Dict[str, List[Any]]]:
    """Apply staff edits; returns what changed (old, new), None when there is no profile."""
    current = load(connection, sender_id)
    if current is None:
        return None
    before = current.stored_fields()
    after = current.edited(**{k: v for k, v in changes.items() if k in EDITABLE}).stored_fields()
    changed = {key: [before[key], after[key]] for key in EDITABLE if before[key] != after[key]}
    if changed:
        connection.execute(update(network_profiles).where(network_profiles.c.sender_id == sender_id)
                           .values(**{k: after[k] for k in changed}, updated_at=utcnow(), updated_by=by[:80]))
    return changed


def resolve(connection: Connection, reference: str) -> Optional[str]:
    """The conversation id behind a follow-up reference or conversation id, None when unknown."""
    reference = str(reference or "").strip()
    if not reference or len(reference) > 255:
        return None
    if is_reference(reference):
        return connection.execute(select(followups.c.sender_id)
                                  .where(followups.c.reference == reference)).scalar()
    known = connection.execute(select(conversations.c.sender_id)
                               .where(conversations.c.sender_id == reference)).scalar()
    if known is None and has_events_table(connection):  # a chat not yet in our tables
        known = connection.execute(select(events.c.sender_id).where(events.c.sender_id == reference)
                                   .limit(1)).scalar()
    return known
