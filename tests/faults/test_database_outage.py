"""The staff desk's PostgreSQL goes away and comes back: an error page, then everything is there."""
from __future__ import annotations

import secrets
from typing import Iterator

import pytest

from bot.storage.database import dispose_engines
from bot.web.app import create_app
from bot.web.errors import DATABASE_DOWN
from tests.local_servers import LocalPostgres, postgres_bin
from tests.storage.support import save_chat, unreachable
from tests.web.desk import create_accounts, login


@pytest.fixture
def own_postgres(request: pytest.FixtureRequest) -> Iterator[LocalPostgres]:
    """A PostgreSQL server of this test's own, so stopping it disturbs no other test."""
    binaries = postgres_bin()
    if binaries is None:
        unreachable(request, "PostgreSQL", "binaries not installed")
    server = LocalPostgres(binaries).start()
    yield server
    dispose_engines()
    server.stop()


def test_the_desk_shows_an_error_page_while_the_database_is_away(own_postgres: LocalPostgres) -> None:
    url = own_postgres.url
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": secrets.token_hex(32)})
    create_accounts(url)
    save_chat(url, "kept-1", [("We brew beer", "Which stage are you at?")])
    staff = app.test_client()
    assert login(staff, "sam").status_code == 302
    assert staff.get("/staff/conversations/kept-1").status_code == 200

    own_postgres.pause()
    for path in ("/staff/conversations", "/staff/conversations/kept-1", "/staff/followups"):
        page = staff.get(path)
        body = page.get_data(as_text=True)
        assert page.status_code == 503, (path, page.status_code)
        assert DATABASE_DOWN in body and "Traceback" not in body and "psycopg2" not in body
    refused = staff.post("/staff/conversations/kept-1/status", data={"status": "reviewed"})
    assert refused.status_code in (400, 503)

    own_postgres.resume()
    page = staff.get("/staff/conversations/kept-1")
    assert page.status_code == 200 and "We brew beer" in page.get_data(as_text=True)
