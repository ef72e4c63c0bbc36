"""Fixtures of the advice tests: the in-code knowledge base and the real one."""
from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase, load_knowledge
from tests.advice.advice_kb import build_kb


@pytest.fixture
def kb() -> KnowledgeBase:
    """A fresh fixture knowledge base for each test."""
    return build_kb()


@pytest.fixture(scope="session")
def real_kb() -> KnowledgeBase:
    """The curated knowledge base in ``knowledge/``."""
    return load_knowledge()
