"""The chat's replies about being matched with other firms.

The offer comes after the recommendation and is a consent of its own, apart
from the follow-up consent: its full wording is shown, stored with the yes,
and the owner can take it back at any time with "don't match me any more".
"""
from __future__ import annotations

from bot.conversation.turns import Reply, intent_button
from bot.network.consent import CONSENT_TEXT

#: the slot that remembers where the owner stands on matching
SLOT = "network_matching"


def offer() -> Reply:
    """The question, with its full wording, and two answers."""
    return Reply(CONSENT_TEXT, {"type": "consent", "id": "network"},
                 [intent_button("Yes, suggest us", "agree_matching"),
                  intent_button("No, thanks", "decline_matching")])


def agreed(stored: bool) -> Reply:
    """The yes was stored (or could not be, in which case nothing is shared)."""
    if not stored:
        return Reply("Sorry, I could not record that just now, so we will not suggest your firm to anyone. "
                     "Please try again in a moment.", {"type": "notice", "id": "network_consent_failed"})
    return Reply("Thank you. Our advisors may now suggest your firm to others that complement it, and "
                 "suggest them to you. Your contact details are passed on only if both firms agree to be "
                 "introduced. Say \"don't match me any more\" whenever you want this to stop.",
                 {"type": "notice", "id": "network_consent_given"},
                 [intent_button("Talk to an advisor", "request_followup")])


def declined() -> Reply:
    """The no: nothing is stored for the network."""
    return Reply("Fine, we will not suggest your firm to others. You can still talk to an advisor.",
                 {"type": "notice", "id": "network_consent_declined"},
                 [intent_button("Talk to an advisor", "request_followup")])


def withdrawn(done: bool) -> Reply:
    """Matching stopped (or, on a storage failure, the owner is asked to try again)."""
    if not done:
        return Reply("Sorry, I could not stop the matching just now. Please try again in a moment.",
                     {"type": "notice", "id": "network_withdraw_failed"})
    return Reply("Done: your firm will no longer be suggested to other firms, and no firm will be suggested "
                 "to you. Your other answers stay; say \"delete my data\" to erase everything.",
                 {"type": "notice", "id": "network_consent_withdrawn"})
