"""The chat's two network actions: the owner's yes to matching, and "don't match me any more".

Like the other storage calls the chat makes, a database problem is raised
as a ``StorageError``, which the actions catch in one place.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from bot.storage import audit, network
from bot.storage.conversations import chat_call
from bot.storage.database import transaction

OWNER = "owner"


@chat_call
def record_network_consent(sender_id: str, wording: str, slots: Mapping[str, Any], *,
                           url: Optional[str] = None) -> bool:
    """Store the owner's consent to be matched, with ``wording``, and their network profile."""
    with transaction(url) as connection:
        stored = network.give_consent(connection, sender_id, wording, slots)
        if stored:
            audit.record(connection, OWNER, "network_consent", sender_id)
    return stored


@chat_call
def withdraw_network_consent(sender_id: str, *, url: Optional[str] = None) -> bool:
    """End the owner's consent to be matched; True also when there was none to end."""
    with transaction(url) as connection:
        if network.withdraw(connection, sender_id, by=OWNER):
            audit.record(connection, OWNER, "network_withdraw", sender_id)
    return True
