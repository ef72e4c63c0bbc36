"""The chat's two network actions: the owner's yes to matching, and "don't match me any more".

Like the other storage calls the chat makes, these never raise: a database
problem is logged and reported as False, and the conversation goes on.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.storage import audit, network
from bot.storage.conversations import _never_raises
from bot.storage.database import transaction

OWNER = "owner"


@_never_raises(False)
def record_network_consent(sender_id: str, wording: str, slots: Mapping[str, Any], *,
                           url: Optional[str] = None) -> bool:
    """Store the owner's consent to be matched, with ``wording``, and their network profile."""
    with transaction(url) as connection:
        stored = network.give_consent(connection, sender_id, wording, slots)
        if stored:
            audit.record(connection, OWNER, "network_consent", sender_id)
    return stored


@_never_raises(False)
def withdraw_network_consent(sender_id: str, *, url: Optional[str] = None) -> bool:
    """End the owner's consent to be matched; True also when there was none to end."""
    with transaction(url) as connection:
        if network.withdraw(connection, sender_id, by=OWNER):
            audit.record(connection, OWNER, "network_withdraw", sender_id)
    return True
