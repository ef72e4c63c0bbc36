"""Fixtures shared by the whole suite: the trained model and live servers."""
from __future__ import annotations

import subprocess
import uuid
from typing import Iterator

import pytest

from tests.servers import MODEL, ROOT, Chat, Servers


@pytest.fixture(scope="session")
def trained_model() -> str:
    """The model `make test` trained; trains it here when run without make."""
    if not MODEL.exists():
        subprocess.run([str(ROOT / "scripts/train.sh")], cwd=ROOT, check=True)
    return str(MODEL)


@pytest.fixture(scope="session")
def servers(trained_model: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """Real Rasa and action servers on free ports with a fresh SQLite file."""
    database = tmp_path_factory.mktemp("db") / "e2e.db"
    running = Servers(database_url=f"sqlite:///{database}").start()
    yield running
    running.stop()


@pytest.fixture
def chat(servers: Servers) -> Chat:
    """A new owner's conversation with its own sender id."""
    return Chat(servers, sender=f"test-{uuid.uuid4().hex[:12]}")
