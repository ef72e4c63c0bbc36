"""Class codes and learner names: the two optional things asked at the start.

A class code looks like ``K7QM-2PXD``: eight characters from an alphabet
without the look-alikes I, L, O, 0 and 1, so a code read aloud or copied from
a slide survives. Learners may type it in lower case, without the dash or
inside a sentence. A name is optional and only ever shown to the trainer of
the class; it is kept short and plain.
"""
from __future__ import annotations

import re
import secrets
from typing import List, Optional

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
EXAMPLE_CODE = "K7QM-2PXD"
_PART = f"[{ALPHABET}{ALPHABET.lower()}]{{4}}"
_CODE_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9])({_PART})[-\s]?({_PART})(?![A-Za-z0-9])")
_CODE_EXACT = re.compile(rf"^[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")
MAX_CANDIDATES = 5

MAX_NAME = 40
_NAME_PREFIXES = re.compile(
    r"^(?:(?:hi|hello|hey)[,!. ]+)?(?:my name is|my name's|i am|i'm|im|call me|it's|its|this is|name:?)\s+",
    re.IGNORECASE)
_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-.][^\W\d_]+)*\.?$")
MAX_NAME_WORDS = 3
#: short replies that look like names but are not
NOT_NAMES = {"hi", "hello", "hey", "yes", "yeah", "no", "nope", "ok", "okay", "sure", "thanks", "thank you",
             "help", "bye", "skip", "stop", "menu", "next", "back", "none", "nothing", "anonymous", "pass"}


def new_code() -> str:
    """A random class code such as ``K7QM-2PXD`` (about 40 bits)."""
    chars = [secrets.choice(ALPHABET) for _ in range(8)]
    return "".join(chars[:4]) + "-" + "".join(chars[4:])


def is_code(text: str) -> bool:
    """Whether ``text`` is a code exactly as stored (upper case, with the dash)."""
    return bool(_CODE_EXACT.match(text or ""))


def find_codes(text: str) -> List[str]:
    """Every code-shaped part of a message, normalised (at most a few, first first)."""
    found = [f"{a}-{b}".upper() for a, b in _CODE_IN_TEXT.findall(text or "")]
    return list(dict.fromkeys(found))[:MAX_CANDIDATES]


def parse_name(text: str) -> Optional[str]:
    """A first name (or short full name) from "Anna", "I'm Anna", "my name is Anna Berg"."""
    cleaned = " ".join((text or "").split()).strip(" !,;")
    cleaned = _NAME_PREFIXES.sub("", cleaned).strip(" !,;.")
    if not cleaned or len(cleaned) > MAX_NAME or len(cleaned.split()) > MAX_NAME_WORDS:
        return None
    if cleaned.lower() in NOT_NAMES:
        return None
    return cleaned if _NAME.match(cleaned) else None
