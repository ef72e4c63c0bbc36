"""The small slice of the knowledge base the advice code reads, and name look-ups.

The advice package only needs dict-like attributes (``kb.models``,
``kb.partners``, ...) mapping ids to entries, so it accepts the loader's
``KnowledgeBase`` as well as any test object with the same attributes. A
missing kind or entry never raises: an unknown id is shown as readable text so
a half-written knowledge base still yields advice.
"""
from __future__ import annotations

from typing import Any, Iterable, List, Mapping, Optional, Protocol

KINDS = ("models", "partners", "guidance", "needs", "stages", "barriers", "sectors",
         "sizes", "offers", "sources")


class KnowledgeLike(Protocol):
    """Anything with the knowledge base's dict attributes (id -> entry)."""

    models: Mapping[str, Any]
    partners: Mapping[str, Any]
    guidance: Mapping[str, Any]


def entries(kb: Any, kind: str) -> Mapping[str, Any]:
    """The entries of one kind, or an empty mapping if the knowledge base lacks it."""
    return getattr(kb, kind, None) or {}


def entry(kb: Any, kind: str, entry_id: Optional[str]) -> Optional[Any]:
    """One entry by id, or None."""
    if not entry_id:
        return None
    return entries(kb, kind).get(entry_id)


def readable(entry_id: str) -> str:
    """An id turned into words, the fallback when an entry has no name."""
    return entry_id.replace("_", " ")


def name_of(kb: Any, kind: str, entry_id: Optional[str]) -> str:
    """The entry's name (or title), falling back to the id in words."""
    if not entry_id:
        return ""
    found = entry(kb, kind, entry_id)
    label = getattr(found, "name", None) or getattr(found, "title", None)
    return str(label) if label else readable(entry_id)


def names_of(kb: Any, kind: str, ids: Iterable[str]) -> List[str]:
    """Names of several entries, in the given order."""
    return [name_of(kb, kind, entry_id) for entry_id in ids]


def citation(kb: Any, key: str) -> str:
    """A short reference for a source key: authors (year), title."""
    source = entry(kb, "sources", key)
    if source is None:
        return key
    authors = getattr(source, "authors", "") or ""
    if authors.lower().startswith("not named"):
        authors = ""
    year = getattr(source, "year", None)
    head = f"{authors} ({year})" if authors and year else authors or (f"({year})" if year else "")
    title = str(getattr(source, "title", key)).strip('"')
    return f"{head}, {title}" if head else title


def lower_first(text: str) -> str:
    """Lower-case a name for use mid-sentence, leaving acronyms such as 'IP' or 'SME' alone."""
    if not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


def join_words(words: List[str]) -> str:
    """'a', 'a and b', 'a, b and c' for reason texts."""
    words = [word for word in words if word]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
