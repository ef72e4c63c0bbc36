"""Suggestions for one stored firm: the network logic run over the consenting firms.

Nothing here is stored: each call reads the consenting profiles afresh, so a
withdrawal or an erasure shows at once in every suggestion.
"""
from __future__ import annotations

from typing import List, Tuple

from sqlalchemy.engine import Connection

from bot.network import Consortium, Match, NetworkProfile, rank_matches, suggest_consortium
from bot.storage import network
from bot.storage.network_pool import consenting_pool


class NotInNetwork(LookupError):
    """The firm is unknown, never joined the network, or withdrew; the message says which."""


def member(connection: Connection, sender_id: str) -> NetworkProfile:
    """The consenting firm's profile, or :class:`NotInNetwork`."""
    profile = network.load(connection, sender_id)
    if profile is None:
        raise NotInNetwork("This firm has no network profile: it never agreed to be matched.")
    if not profile.consented:
        raise NotInNetwork("This firm withdrew its consent to be matched.")
    return profile


def matches(connection: Connection, sender_id: str, limit: int = 10) -> Tuple[NetworkProfile, List[Match]]:
    """The firm and its ranked partners."""
    lead = member(connection, sender_id)
    return lead, rank_matches(lead, consenting_pool(connection), limit=limit)


def consortium(connection: Connection, sender_id: str) -> Tuple[NetworkProfile, Consortium]:
    """The firm and its suggested consortium."""
    lead = member(connection, sender_id)
    return lead, suggest_consortium(lead, consenting_pool(connection))
