"""Reading contact details out of what an owner types in a chat.

People answer "What is your name?" with "my name is Maria Baker", give a
phone number as "you can call me on 0711 5550199" and spell an address out as
"maria at sonnenbrot dot de" to dodge spam filters. This module takes the
value out of such answers; ``bot.followup.request`` then validates it. Phone numbers
are read by ``phonenumbers`` (Google's libphonenumber), which knows every
country's national and international formats; a number written the national
way ("0711 ...") is read in the region ``OI_PHONE_REGION`` (default DE).
"""
from __future__ import annotations

import os
import re
from typing import Optional

import phonenumbers

DEFAULT_REGION = "DE"

_NAME_LEADS = re.compile(
    r"^(?:(?:hi|hello|hey|ok|okay|sure|yes)[,!.]?\s+)?"
    r"(?:my name is|my name's|name is|name's|name:|the name is|i am|i'm|im|this is|it's|it is|"
    r"call me|you can call me|they call me)\s+", re.I)
_COMPANY_LEADS = re.compile(
    r"^(?:(?:ok|okay|sure|yes)[,!.]?\s+)?"
    r"(?:(?:it's|it is|its|we're|we are|the company is|our company is|my company is|company:|the firm is|"
    r"our firm is|the business is|we're called|we are called|it's called|it is called|called)\s+)+", re.I)
_TRAILING = re.compile(r"(?:\s+(?:here|speaking|thanks|thank you))?[\s.!,;]*$", re.I)
_SPOKEN_DOT = re.compile(r"\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*", re.I)
_SPOKEN_EMAIL = re.compile(
    r"(?P<local>[\w.+-]+)\s*(?:\(at\)|\[at\]|\s+at\s+)\s*"
    r"(?P<domain>[\w-]+(?:\s*(?:\(dot\)|\[dot\]|\s+dot\s+|\.)\s*[\w-]+)+)", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def phone_region() -> str:
    """The region national numbers are read in: ``OI_PHONE_REGION`` or DE."""
    region = (os.environ.get("OI_PHONE_REGION") or DEFAULT_REGION).strip().upper()
    return region if region in phonenumbers.SUPPORTED_REGIONS else DEFAULT_REGION


def strip_lead(text: str, lead: re.Pattern) -> str:
    """The answer without its lead-in ("my name is ...") and trailing filler."""
    value = _TRAILING.sub("", lead.sub("", " ".join(text.split())))
    return value.strip(" \"'\u201c\u201d")


def name_in(text: str) -> str:
    """'my name is Maria Baker' -> 'Maria Baker'."""
    return strip_lead(text, _NAME_LEADS)


def company_in(text: str) -> str:
    """"it's called Sonnenbrot" -> 'Sonnenbrot'."""
    return strip_lead(text, _COMPANY_LEADS)


def email_in(text: str) -> Optional[str]:
    """An e-mail address written normally or spelt out ('maria at sonnenbrot dot de')."""
    found = _EMAIL.search(text)
    if found:
        return found.group(0)
    spoken = _SPOKEN_EMAIL.search(text)
    if not spoken:
        return None
    domain = _SPOKEN_DOT.sub(".", spoken.group("domain")).replace(" ", "")
    return f"{spoken.group('local')}@{domain}"


def phone_in(text: str, region: Optional[str] = None) -> Optional[phonenumbers.PhoneNumber]:
    """The first phone number in the text, national or international, or None."""
    matcher = phonenumbers.PhoneNumberMatcher(text, region or phone_region(),
                                              leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        return match.number
    return None


def looks_like_contact(text: str) -> Optional[str]:
    """'email' or 'phone' when a text holds one: such a text is no name, company or time."""
    if email_in(text):
        return "email"
    digits = sum(ch.isdigit() for ch in text)
    if digits >= 6 and phone_in(text) is not None:
        return "phone"
    return None
