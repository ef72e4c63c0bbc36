"""Fixtures of the advice tests: the in-code knowledge base and the real one."""
from __future__ import annotations

import pytest

from tests.advice.advice_kb import FixtureKB, build_kb

try:  # the real knowledge base; its tests are skipped only while the loader cannot be imported
    from bot.knowledge import load_knowledge
except ImportError:  # pragma: no cover - depends on the state of the repository
    load_knowledge = None


@pytest.fixture
def kb() -> FixtureKB:
    """A fresh fixture knowledge base for each test."""
    return build_kb()


@pytest.fixture(scope="session")
def real_kb():
    """The curated knowledge base in ``knowledge/``."""
    if load_knowledge is None:
        pytest.skip("bot.knowledge.load_knowledge is not importable yet")
    return load_knowledge()
