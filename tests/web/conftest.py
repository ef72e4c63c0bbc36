"""Fixtures of the staff desk tests: the app on a fresh database, accounts, logged-in clients."""
from __future__ import annotations

import secrets
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from bot.web.app import create_app
from tests.local_servers import redis_url
from tests.storage.support import BACKENDS, database_for, redis_problem, unreachable
from tests.web.desk import create_accounts, login


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh, empty database: an SQLite file, then a PostgreSQL database on 127.0.0.1."""
    yield from database_for(request, request.param, tmp_path)


@pytest.fixture
def app(database_url: str) -> Flask:
    """The web app as ``create_app`` builds it, migrated on start-up, with the accounts."""
    application = create_app({"DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(32)})
    create_accounts(database_url)
    return application


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """An anonymous browser."""
    return app.test_client()


def _logged_in(app: Flask, username: str) -> FlaskClient:
    browser = app.test_client()
    assert login(browser, username).status_code == 302
    return browser


@pytest.fixture
def staff(app: Flask) -> FlaskClient:
    """A browser logged in as a staff member."""
    return _logged_in(app, "sam")


@pytest.fixture
def trainer(app: Flask) -> FlaskClient:
    """A browser logged in as a trainer."""
    return _logged_in(app, "tia")


@pytest.fixture
def admin(app: Flask) -> FlaskClient:
    """A browser logged in as an admin."""
    return _logged_in(app, "ada")


@pytest.fixture
def redis_prefix(request: pytest.FixtureRequest) -> Iterator[str]:
    """A unique key prefix on the real Redis; its keys are deleted afterwards."""
    problem = redis_problem()
    if problem:
        unreachable(request, "Redis", problem)
    import redis

    prefix = "oi-test-" + secrets.token_hex(6)
    yield prefix
    connection = redis.Redis.from_url(redis_url())
    for key in connection.scan_iter(match=f"*{prefix}*"):
        connection.delete(key)
