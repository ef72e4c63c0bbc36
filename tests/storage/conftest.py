"""Fixtures of the storage tests: a fresh database on each backend."""
from __future__ import annotations

from typing import Iterator

import pytest

from tests.storage.support import BACKENDS, database_for


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh, empty database: an SQLite file, then a PostgreSQL database on 127.0.0.1."""
    yield from database_for(request, request.param, tmp_path)


@pytest.fixture
def db_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """``database_url`` also set as ``OI_DATABASE_URL``, as the CLI and Rasa read it."""
    monkeypatch.setenv("OI_DATABASE_URL", database_url)
    return database_url
