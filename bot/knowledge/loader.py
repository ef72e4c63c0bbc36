"""Load the YAML knowledge base into typed, cross-checked entries.

The knowledge base is read once per process (``load_knowledge`` is cached)
because the NLU component, the actions and the web app all consult it on
every message.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, Dict, Type

import yaml
from pydantic import BaseModel, ValidationError

from bot.knowledge.base import KINDS, KnowledgeBase
from bot.knowledge.errors import KnowledgeError
from bot.knowledge.validation import check_references

__all__ = ["KINDS", "KnowledgeBase", "knowledge_dir", "load_knowledge"]

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "knowledge"


def knowledge_dir() -> Path:
    """The knowledge folder: ``OI_KNOWLEDGE_DIR`` or the repository's ``knowledge/``."""
    return Path(os.environ.get("OI_KNOWLEDGE_DIR") or DEFAULT_DIR)


@functools.lru_cache(maxsize=4)
def load_knowledge(directory: Path | str | None = None) -> KnowledgeBase:
    """Load, validate and cross-check the knowledge base (cached per folder)."""
    base = KnowledgeBase(directory=Path(directory or knowledge_dir()))
    for kind, model in KINDS.items():
        getattr(base, kind).update(_load_kind(base.directory, kind, model))
    check_references(base)
    return base


def _load_kind(directory: Path, kind: str, model: Type[BaseModel]) -> Dict[str, Any]:
    path = directory / f"{kind}.yml"
    if not path.is_file():
        raise KnowledgeError(path.name, None, None, "file is missing")
    raw = _read_yaml(path)
    entries: Dict[str, Any] = {}
    for position, item in enumerate(raw, start=1):
        entry = _parse_entry(path.name, position, item, model)
        if entry.id in entries:
            raise KnowledgeError(path.name, entry.id, "id", "duplicate id")
        entries[entry.id] = entry
    return entries


def _read_yaml(path: Path) -> list:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise KnowledgeError(path.name, None, None, f"not valid YAML: {error}") from error
    if not isinstance(raw, list) or not raw:
        raise KnowledgeError(path.name, None, None, "must be a non-empty list of entries")
    return raw


def _parse_entry(file: str, position: int, item: Any, model: Type[BaseModel]) -> Any:
    if not isinstance(item, dict):
        raise KnowledgeError(file, f"#{position}", None, "entry must be a mapping")
    label = str(item.get("id") or f"#{position}")
    try:
        return model(**item)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise KnowledgeError(file, label, where, first["msg"]) from error
