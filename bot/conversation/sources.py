"""Short citations of the knowledge base's sources, for the end of answers."""
from __future__ import annotations

import os
from typing import Iterable, List, Optional

from bot.knowledge import KnowledgeBase


def citation(kb: KnowledgeBase, source_id: str) -> str:
    """"Authors (year)" or the title when the source has no year."""
    source = kb.sources[source_id]
    return f"{source.authors} ({source.year})" if source.year else source.title


def cite(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """"Sources: A (2010); B (2023)" for the given keys, in order, once each."""
    unique: List[str] = list(dict.fromkeys(source_ids))
    return "Sources: " + "; ".join(citation(kb, key) for key in unique)


def web_base() -> str:
    """The web app's public address (``OI_WEB_URL``), without a trailing slash."""
    base = os.environ.get("OI_WEB_URL") or f"http://127.0.0.1:{os.environ.get('OI_WEB_PORT', '8000')}"
    return base.rstrip("/")


def reference(kb: KnowledgeBase, source_id: str, base: Optional[str] = None) -> str:
    """A full reference: authors, year (or that none is given), title, publication, and a link.

    The link leads to the web app's source list, where every document is
    described, so an owner can check a claim without searching for it.
    """
    source = kb.sources[source_id]
    authors = "" if source.authors.lower().startswith("not named") else source.authors
    year = source.year or "no year given"
    head = f"{authors} ({year})" if authors else f"({year})"
    title = source.title.strip('"')
    parts = [f"{head}, \u201c{title}\u201d"] + ([source.publication] if source.publication else [])
    return ", ".join(parts) + f". Details: {base or web_base()}/sources#{source_id}"
