"""Short citations of the knowledge base's sources, for the end of answers."""
from __future__ import annotations

from typing import Iterable, List

from bot.knowledge.loader import KnowledgeBase


def citation(kb: KnowledgeBase, source_id: str) -> str:
    """"Authors (year)" or the title when the source has no year."""
    source = kb.sources[source_id]
    return f"{source.authors} ({source.year})" if source.year else source.title


def cite(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """"Sources: A (2010); B (2023)" for the given keys, in order, once each."""
    unique: List[str] = list(dict.fromkeys(source_ids))
    return "Sources: " + "; ".join(citation(kb, key) for key in unique)
