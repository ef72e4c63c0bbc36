"""The follow-up request: consent wording, field validation and reference numbers.

Kept free of Rasa and of the database so that the chat form, the storage layer
and the tests all apply the very same rules. Every ``clean_*`` function returns
the normalised value or raises :class:`FollowupError` whose message can be shown
to the owner as it is.
"""
from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, Optional

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bot.followup.contact import phone_region

CONSENT_TEXT = (
    "To pass your request to an advisor, OI Advisor stores your name, company, "
    "email or phone and preferred time together with this conversation. Only the "
    "innovation-intermediary staff see them, and only to contact you about this "
    "request. You can say \"delete my data\" at any time to erase them. "
    "Do you agree?"
)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to read aloud
REFERENCE_PATTERN = re.compile(r"^OI-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")

MAX_NAME = 120
MAX_COMPANY = 160
MAX_EMAIL = 254
MAX_PREFERRED_TIME = 200


class FollowupError(ValueError):
    """A field the owner has to give again; ``str(error)`` is the message for them."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class FollowupRequest:
    """A validated request, ready to be stored once consent has been given."""

    name: str
    company: str
    email: Optional[str]
    phone: Optional[str]
    preferred_time: Optional[str]


def _single_line(value: Any) -> str:
    """Trimmed text with runs of whitespace collapsed and control characters refused."""
    text = " ".join(str(value or "").split())
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        raise ValueError("control characters")
    return text


def _text_field(field: str, value: Any, longest: int, what: str) -> str:
    """A required one-line text of sensible length that contains a letter or digit."""
    try:
        text = _single_line(value)
    except ValueError as error:
        raise FollowupError(field, f"Please type your {what} using ordinary characters.") from error
    if not any(ch.isalnum() for ch in text):
        raise FollowupError(field, f"Please tell me your {what}.")
    if len(text) > longest:
        raise FollowupError(field, f"Please keep your {what} under {longest} characters.")
    return text


def clean_name(value: Any) -> str:
    """The contact person's name: at least two characters and one letter."""
    name = _text_field("name", value, MAX_NAME, "name")
    if len(name) < 2 or not any(ch.isalpha() for ch in name):
        raise FollowupError("name", "Please tell me your name (at least two letters).")
    return name


def clean_company(value: Any) -> str:
    """The firm's name as the owner writes it."""
    return _text_field("company", value, MAX_COMPANY, "company name")


def clean_email(value: Any) -> str:
    """A syntactically valid address, normalised; no DNS look-up (works offline)."""
    text = str(value or "").strip()
    if len(text) > MAX_EMAIL:
        raise FollowupError("email", "That email address is too long.")
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise FollowupError(
            "email", "That does not look like an email address, e.g. name@firm.eu.") from error


def clean_phone(value: Any, region: Optional[str] = None) -> str:
    """A valid phone number in international form, e.g. '+49 711 5550199'.

    ``phonenumbers`` (libphonenumber) checks it against the numbering plan of
    its country; a national number ("0711 5550199") is read in ``region``
    (``OI_PHONE_REGION``, default DE). Non-ASCII digits and extensions are
    refused so that what staff dial is exactly what was checked.
    """
    text = str(value or "").strip()
    problem = FollowupError(
        "phone", "That is not a phone number I can use. Please give it with its area code, "
                 "e.g. 0711 5550199, or in international form, e.g. +43 1 234 5678.")
    if not text or any(ch.isdigit() and not ch.isascii() for ch in text) or len(text) > 40:
        raise problem
    try:
        number = phonenumbers.parse(text, region or phone_region())
    except phonenumbers.NumberParseException as error:
        raise problem from error
    if number.extension or not phonenumbers.is_valid_number(number):
        raise problem
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def clean_preferred_time(value: Any) -> Optional[str]:
    """Free text such as "Tuesday mornings"; None when the owner has no preference."""
    try:
        text = _single_line(value)
    except ValueError as error:
        raise FollowupError("preferred_time", "Please type the time using ordinary characters.") from error
    if len(text) > MAX_PREFERRED_TIME:
        raise FollowupError(
            "preferred_time", f"Please keep the preferred time under {MAX_PREFERRED_TIME} characters."
        )
    return text or None


def validate_request(
    *, name: Any, company: Any, email: Any = None, phone: Any = None, preferred_time: Any = None
) -> FollowupRequest:
    """Check every field; email or phone (or both) must be given."""
    email_text = str(email or "").strip()
    phone_text = str(phone or "").strip()
    if not email_text and not phone_text:
        raise FollowupError("email", "Please give an email address or a phone number.")
    return FollowupRequest(
        name=clean_name(name),
        company=clean_company(company),
        email=clean_email(email_text) if email_text else None,
        phone=clean_phone(phone_text) if phone_text else None,
        preferred_time=clean_preferred_time(preferred_time),
    )


def new_reference() -> str:
    """A reference such as ``OI-7KQX-M2PD``: 40 random bits, unguessable and easy to dictate."""
    chars = [secrets.choice(REFERENCE_ALPHABET) for _ in range(8)]
    return f"OI-{''.join(chars[:4])}-{''.join(chars[4:])}"


def is_reference(text: Any) -> bool:
    """Whether ``text`` has the shape of a reference number."""
    return isinstance(text, str) and bool(REFERENCE_PATTERN.match(text))


def confirmation_payload(reference: str) -> Dict[str, str]:
    """The custom payload the chat widget shows as the confirmation card."""
    return {"type": "followup", "reference": reference}
