"""Fixtures of the tutorial tests: the real knowledge base, a learner, a fresh database."""
from __future__ import annotations

from typing import Dict, Iterator, Optional

import pytest

from bot.knowledge import load_knowledge
from bot.knowledge.loader import KnowledgeBase
from tests.storage.support import BACKENDS, database_for
from tests.tutorial.learner import Learner

CLASSES: Dict[str, str] = {"K7QM-2PXD": "Spring group"}


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The curated knowledge base in ``knowledge/``: the lessons learners really get."""
    return load_knowledge()


@pytest.fixture
def learner(kb: KnowledgeBase) -> Learner:
    """A learner who has just said "start the tutorial"; one class code is known."""
    def lookup(code: str) -> Optional[str]:
        return CLASSES.get(code)

    return Learner(kb, lookup).start()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh, empty database: an SQLite file, then a PostgreSQL database on 127.0.0.1."""
    yield from database_for(request, request.param, tmp_path)
