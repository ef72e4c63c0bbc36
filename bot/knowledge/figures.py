"""Every figure the knowledge base states, pinned to where its source gives it.

A mistyped figure reads as plausibly as the right one, and owners act on the
numbers they are told. So each number in the knowledge text must be listed in
``figures.yml`` for the very entry that states it, with its source, the table or
section it comes from and a short quote of the source text that carries it. A
figure changed in one entry, or a listing that no longer matches the text,
is reported by file, entry and value.

Only digits count as figures: spelled-out numbers ("eight months") are too
often ordinary words of advice ("one page", "two or three partners") to pin.
Owner vocabulary (``synonyms``, ``phrasings``) and ids are not statements and
are skipped.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Set, Tuple

import yaml
from pydantic import BaseModel, ConstrainedStr, Extra, Field

FIGURES_FILE = "figures.yml"

#: a figure as written: 437%, 4,415, 3.12, 0.03, 1st, 2004; not the 2 of "CF2" or "B2B"
FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:%|st|nd|rd|th)?(?!\w)")

#: one figure as listed in figures.yml
VALUE = r"^\d+(?:[.,]\d+)*(?:%|st|nd|rd|th)?$"

#: fields that hold ids or what owners type, not statements of fact
SKIPPED_FIELDS = frozenset({"id", "synonyms", "phrasings", "seed_file", "sources", "case", "stage"})

#: pseudo-source for the EU size bands, which the knowledge map sets out
KNOWLEDGE_MAP = "knowledge_map"


class Quote(ConstrainedStr):
    """The passage of the source, as it is written there."""

    strip_whitespace = True
    min_length = 1


class Value(ConstrainedStr):
    """One figure as listed."""

    regex = re.compile(VALUE)


class SourceKey(ConstrainedStr):
    """The id of a source."""

    regex = re.compile(r"^[a-z][a-z0-9_]*$")


class Location(ConstrainedStr):
    """Where in the source: a table, a section or a page."""

    strip_whitespace = True
    min_length = 3


class Note(ConstrainedStr):
    """A remark on how the figure is read."""

    strip_whitespace = True
    min_length = 10


class Place(ConstrainedStr):
    """An entry that states the figure, as ``kind/id``."""

    regex = re.compile(r"^[a-z_]+/[a-z0-9_]+$")


class FigureListing(BaseModel):
    """Figures that one short passage of a source gives, and the entries that state them."""

    values: List[Value] = Field(..., min_items=1)
    source: SourceKey
    location: Location
    quote: Quote
    note: Optional[Note] = None
    stated_in: List[Place] = Field(..., min_items=1)

    class Config:
        extra = Extra.forbid


def figures_in(text: str) -> List[str]:
    """The figures written in ``text``, in order."""
    return FIGURE.findall(text)


def bare(figure: str) -> str:
    """The number behind a figure as written: ``4,415`` -> ``4415``, ``1st`` -> ``1``, ``72%`` -> ``72``."""
    return re.sub(r"(%|st|nd|rd|th)$", "", figure).replace(",", "")


def _statements(node: object, field: Optional[str] = None) -> Iterator[str]:
    if isinstance(node, str):
        if field not in SKIPPED_FIELDS:
            yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _statements(value, str(key))
    elif isinstance(node, list):
        for value in node:
            yield from _statements(value, field)


def _entries(directory: Path) -> Iterator[Tuple[str, dict]]:
    """``(file/id, entry)`` for every entry of every knowledge file but the list itself."""
    for path in sorted(Path(directory).glob("*.yml")):
        if path.name == FIGURES_FILE:
            continue
        for position, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or [], 1):
            if isinstance(entry, dict):
                yield f"{path.stem}/{entry.get('id') or f'#{position}'}", entry


def stated_figures(directory: Path) -> Dict[str, Set[str]]:
    """``file/id`` -> the figures its text states."""
    stated: Dict[str, Set[str]] = {}
    for where, entry in _entries(directory):
        found = {figure for text in _statements(entry) for figure in figures_in(text)}
        if found:
            stated[where] = found
    return stated


def cited_sources(directory: Path) -> Dict[str, Set[str]]:
    """``file/id`` -> the sources the entry cites, its quiz questions' included; a source cites itself."""
    cited: Dict[str, Set[str]] = {}
    for where, entry in _entries(directory):
        keys = set(entry.get("sources") or [])
        for question in entry.get("quiz") or []:
            keys.update(question.get("sources") or [])
        if where.startswith("sources/"):
            keys.add(str(entry.get("id")))
        cited[where] = keys
    return cited


def load_listings(directory: Path) -> List[FigureListing]:
    """The listings of ``figures.yml``; a malformed one raises ``pydantic.ValidationError``."""
    raw = yaml.safe_load((Path(directory) / FIGURES_FILE).read_text(encoding="utf-8")) or []
    return [FigureListing(**item) for item in raw]


def listed_figures(listings: List[FigureListing]) -> Dict[str, Set[str]]:
    """``file/id`` -> the figures the listings say it states."""
    listed: Dict[str, Set[str]] = defaultdict(set)
    for listing in listings:
        for where in listing.stated_in:
            listed[where].update(listing.values)
    return dict(listed)


def mismatches(stated: Mapping[str, Set[str]], listed: Mapping[str, Set[str]]) -> List[str]:
    """Figures stated but not listed for their entry, and listed but no longer stated."""
    problems = []
    for where in sorted(set(stated) | set(listed)):
        for figure in sorted(stated.get(where, set()) - listed.get(where, set())):
            problems.append(f"{where}: states {figure}, which {FIGURES_FILE} does not list for it")
        for figure in sorted(listed.get(where, set()) - stated.get(where, set())):
            problems.append(f"{where}: {FIGURES_FILE} lists {figure}, which it does not state")
    return problems


def uncited(listings: List[FigureListing], cited: Mapping[str, Set[str]]) -> List[str]:
    """Figures stated in an entry that does not cite the source they come from."""
    problems = []
    for listing in listings:
        if listing.source == KNOWLEDGE_MAP:
            continue
        for where in listing.stated_in:
            if where in cited and listing.source not in cited[where]:
                problems.append(f"{where}: states {listing.values} from {listing.source} without citing it")
    return problems


def check_figures(directory: Path) -> List[str]:
    """Every disagreement between the knowledge text and ``figures.yml``; empty when they agree."""
    listings = load_listings(directory)
    return (mismatches(stated_figures(directory), listed_figures(listings))
            + uncited(listings, cited_sources(directory)))


def _plain(text: str) -> str:
    """Text with curly quotes straightened and whitespace collapsed, for quote matching."""
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).lower()


def unquoted(listings: List[FigureListing], texts: Mapping[str, str]) -> List[str]:
    """Listings whose quote is not in their source, or whose quote lacks a value without a note.

    ``texts`` maps a source id (or ``knowledge_map``) to the text of that document.
    """
    problems = []
    for listing in listings:
        label = f"{listing.values} ({listing.source}, {listing.location})"
        if listing.source not in texts:
            problems.append(f"{label}: unknown source '{listing.source}'")
            continue
        if _plain(listing.quote) not in _plain(texts[listing.source]):
            problems.append(f"{label}: quote '{listing.quote}' is not in the source")
            continue
        numbers = {bare(figure) for figure in figures_in(listing.quote)}
        missing = [value for value in listing.values if bare(value) not in numbers]
        if missing and not listing.note:
            problems.append(f"{label}: quote does not show {missing}; add a note saying how they follow")
    return problems
