"""The follow-up conversation: consent first, then contact details.

Nothing is asked, and so nothing personal is stored, until the owner agrees
to the consent text. Each answer is checked with the rules of
``bot.followup.request``; an invalid one is asked again with the reason.
"""
from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

import phonenumbers

from bot.conversation.control import FORMS
from bot.conversation.turns import Decision, Reply, intent_button
from bot.followup import contact
from bot.followup.request import (
    CONSENT_TEXT,
    FollowupError,
    clean_company,
    clean_email,
    clean_name,
    clean_phone,
    clean_preferred_time,
    confirmation_payload,
)

FOLLOWUP_SLOTS = ["contact_name", "contact_company", "contact_details", "contact_time"]
QUESTIONS = {
    "contact_name": "What is your name?",
    "contact_company": "And the name of your company?",
    "contact_details": "How can the advisor reach you? Please give an email address or a phone number.",
    "contact_time": "When is a good time to contact you? (for example \"weekday mornings\")",
}
WHY = ("An advisor needs these details to contact you. "
       "They are stored only because you agreed, and \"delete my data\" erases them.")
#: the only intents that interrupt the contact form: answers are free text
#: (a company called "Hello Bakery" is an answer, not a greeting)
CONTROL_INTENTS = FORMS["followup_form"].handed_over
NO_PREFERENCE = "any time"


def consent() -> Reply:
    """The consent text with yes/no buttons."""
    return Reply(CONSENT_TEXT, {"type": "consent", "id": "followup"},
                 [intent_button("Yes, I agree", "affirm"), intent_button("No, thanks", "deny")])


PRIVACY = ("Only what you type for the request: your name, your company, an email address or a phone "
           "number and a good time to call, kept with this conversation. Innovation-intermediary staff see "
           "them, only to contact you about this request; nothing is shared with anyone else. "
           "\"Delete my data\" erases all of it at any time.")


def privacy() -> Reply:
    """What is stored and who sees it, for a question about it at any point."""
    return Reply(PRIVACY, {"type": "notice", "id": "privacy"})


def privacy_then_consent() -> Reply:
    """A question in the middle of the consent step: the answer, then the consent request again.

    Without asking again, a later "ok I agree" would have nothing to agree to.
    """
    return Reply(f"{PRIVACY}\n\nSo, do you agree that I pass your request to an advisor?",
                 {"type": "consent", "id": "followup"},
                 [intent_button("Yes, I agree", "affirm"), intent_button("No, thanks", "deny")])


def declined() -> Reply:
    """Reply when the owner does not consent: nothing was stored."""
    return Reply("No problem: I haven't stored any contact details. "
                 "You can ask for an advisor later at any time.",
                 {"type": "notice", "id": "followup_declined"})


def question(slot: str, problem: Optional[str] = None) -> Reply:
    """One contact question; ``problem`` explains why the last answer was refused."""
    text = f"{problem} {QUESTIONS[slot]}" if problem else QUESTIONS[slot]
    buttons = [intent_button("Any time is fine", "skip_question")] if slot == "contact_time" else []
    return Reply(text, {"type": "question", "slot": slot}, buttons)


def decide(text: str, intent: Optional[str], requested: Optional[str]) -> Decision:
    """What one answer does to the contact form."""
    if requested is None:
        return Decision()
    if intent in CONTROL_INTENTS:
        return Decision(reject=True)
    if intent == "why_ask":
        return Decision(slots={"followup_problem": None},
                        replies=[Reply(WHY, {"type": "why", "slot": requested})])
    if intent == "skip_question" and requested == "contact_time":
        return Decision(slots={"contact_time": NO_PREFERENCE, "followup_problem": None})
    try:
        return Decision(slots={**_clean(requested, text), "followup_problem": None})
    except FollowupError as error:
        return Decision(slots={"followup_problem": str(error)})


#: what each contact answer must not be, and how to say so
NOT_THIS_KIND = {
    "contact_name": "That looks like {what}, not a name.",
    "contact_company": "That looks like {what}, not a company name.",
    "contact_time": "That looks like {what}, not a time. I have your contact details already.",
}
KIND_WORDS = {"email": "an email address", "phone": "a phone number"}


def _clean(slot: str, text: str) -> Dict[str, Any]:
    """The value of one contact answer, checked for its own kind."""
    kind = contact.looks_like_contact(text)
    if slot in NOT_THIS_KIND and kind:
        raise FollowupError(slot, NOT_THIS_KIND[slot].format(what=KIND_WORDS[kind]))
    if slot == "contact_name":
        return {slot: clean_name(contact.name_in(text))}
    if slot == "contact_company":
        return {slot: clean_company(contact.company_in(text))}
    if slot == "contact_details":
        return {slot: _details(text)}
    return {slot: clean_preferred_time(text) or NO_PREFERENCE}


def _details(text: str) -> str:
    """An e-mail address (also spelt out) or a phone number found anywhere in the answer."""
    email = contact.email_in(text)
    if email:
        return clean_email(email)
    number = contact.phone_in(text)
    if number is not None:
        return clean_phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    if any(ch.isdigit() for ch in text):
        return clean_phone(text)
    raise FollowupError("contact_details", "I could not find an email address or a phone number in that.")


def contact_fields(slots: Mapping[str, Any]) -> Dict[str, Any]:
    """Keyword arguments for ``create_followup`` from the form's slots."""
    details = str(slots.get("contact_details") or "")
    is_email = "@" in details
    return {"name": slots.get("contact_name"), "company": slots.get("contact_company"),
            "email": details if is_email else None, "phone": None if is_email else details,
            "preferred_time": slots.get("contact_time")}


def confirmed(reference: Optional[str]) -> Reply:
    """The confirmation with its reference number, or an apology if saving failed."""
    if reference is None:
        return Reply("I'm sorry, I couldn't save your request just now. Please try again in a few minutes.",
                     {"type": "notice", "id": "followup_not_saved"},
                     [intent_button("Try again", "request_followup")])
    return Reply(f"Thank you! An advisor will contact you. Your reference number is {reference}.",
                 confirmation_payload(reference))


def cancelled() -> Reply:
    """Reply when the owner stops the contact form: nothing stored."""
    return Reply("OK, I've cancelled the request and stored nothing.",
                 {"type": "notice", "id": "followup_cancelled"})


def confirm_erase() -> Reply:
    """Ask before deleting everything."""
    return Reply("Shall I delete this conversation and any contact request you made? This cannot be undone.",
                 {"type": "consent", "id": "erase"},
                 [intent_button("Yes, delete it", "affirm"), intent_button("No, keep it", "deny")])


def erased(done: bool) -> Reply:
    """Confirm the deletion, or apologise if it failed."""
    if done:
        return Reply("Done: I've deleted this conversation and any contact request from our records.",
                     {"type": "erased"})
    return Reply("I'm sorry, I couldn't delete your data just now. Please try again in a few minutes.",
                 {"type": "notice", "id": "erase_failed"})


def erase_kept() -> Reply:
    """Reply when the owner decides not to delete."""
    return Reply("OK, nothing was deleted. Your answers so far are kept.",
                 {"type": "notice", "id": "erase_cancelled"},
                 [intent_button("Continue the diagnosis", "start_diagnosis"),
                  intent_button("What can you do?", "help")])
