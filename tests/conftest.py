"""Fixtures shared by the whole suite: the trained model and live servers.

Under ``CI=true`` a skipped test fails the run: in CI every server and
browser the tests need is installed, so a skip can only hide missing work.
"""
from __future__ import annotations

import os
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


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Turn a run with skipped tests into a failure under ``CI=true``."""
    if os.environ.get("CI", "").strip().lower() != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"CI=true: {skipped} skipped test(s) count as a failure.", red=True, bold=True)
        session.exitstatus = 1
