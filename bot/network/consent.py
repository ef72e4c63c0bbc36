"""The wording of the matching consent, kept apart from the follow-up consent.

Being suggested to other firms is a different use of the owner's answers than
being called back by an advisor, so it is asked for on its own and stored with
this exact wording and the time of the answer.
"""
from __future__ import annotations

QUESTION = "May our advisors suggest you to other firms, and other firms to you?"

CONSENT_TEXT = (
    QUESTION + " If you agree, intermediary staff keep a partner profile of your firm "
    "(sector, size, stage, what you need and what you could offer, from your answers) "
    "and may suggest it to firms that complement yours. Your name and contact details "
    "are passed on only when both firms agree to an introduction. Say \"don't match me "
    "any more\" to stop, or \"delete my data\" to erase everything."
)
