"""Names and citations of knowledge-base entries, as the advice texts use them.

A missing entry never raises: an unknown id is shown as readable text, so a
profile holding an id the knowledge base has since dropped still yields
advice.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Union

from bot.knowledge import KnowledgeBase
from bot.knowledge.schema import BenefitOrDanger, Case, Guidance, Lesson, Source, Vocabulary

#: the entries that carry a name or a title
Named = Union[Vocabulary, BenefitOrDanger, Guidance, Case, Lesson, Source]


def readable(entry_id: str) -> str:
    """An id turned into words, the fallback when an entry has no name."""
    return entry_id.replace("_", " ")


def label(found: Named) -> str:
    """An entry's name, or its title for the kinds that have one instead."""
    return found.name if isinstance(found, (Vocabulary, BenefitOrDanger)) else found.title


def name_of(kb: KnowledgeBase, kind: str, entry_id: Optional[str]) -> str:
    """The entry's name (or title), falling back to the id in words."""
    if not entry_id:
        return ""
    found: Optional[Named] = kb.kind(kind).get(entry_id)
    return label(found) if found is not None else readable(entry_id)


def names_of(kb: KnowledgeBase, kind: str, ids: Iterable[str]) -> List[str]:
    """Names of several entries, in the given order."""
    return [name_of(kb, kind, entry_id) for entry_id in ids]


def citation(kb: KnowledgeBase, key: str) -> str:
    """A short reference for a source key: authors (year), title."""
    source = kb.sources.get(key)
    if source is None:
        return key
    authors: str = source.authors
    if authors.lower().startswith("not named"):
        authors = ""
    year = source.year
    head = f"{authors} ({year})" if authors and year else authors or (f"({year})" if year else "")
    title = source.title.strip('"')
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
