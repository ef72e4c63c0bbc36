"""The real thing: ``python -m bot.web.serve`` (waitress) on a free port, logged into over HTTP."""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
import requests

from bot.storage.migrate import upgrade
from tests.storage.support import free_port
from tests.web.desk import PASSWORD, create_accounts, csrf_token, owner_asks_for_followup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    """The web server in its own process; yields its base URL and stops it afterwards."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), OI_DATABASE_URL=database_url,
               OI_WEB_PORT=str(port), OI_WEB_HOST="127.0.0.1", OI_INSECURE_COOKIES="1",
               OI_SECRET_KEY=secrets.token_hex(32))
    env.pop("OI_REDIS_URL", None)
    log = (tmp_path / "web.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "bot.web.serve"], cwd=tmp_path, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/staff/login", process, tmp_path / "web.log")
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer:\n{log.read_text()}")


def test_log_in_over_http_and_see_the_queue(server: str, database_url: str) -> None:
    upgrade(database_url)  # the server migrated already; this is a no-op check
    create_accounts(database_url)
    reference = owner_asks_for_followup(database_url, "http-1")
    browser = requests.Session()

    assert browser.get(f"{server}/staff/followups", allow_redirects=False).status_code == 302
    form = browser.get(f"{server}/staff/login")
    assert form.headers["Server"] == "oi-advisor"
    response = browser.post(f"{server}/staff/login", data={
        "username": "sam", "password": PASSWORD, "csrf_token": csrf_token(form.text)})

    assert response.status_code == 200 and response.url == f"{server}/staff/followups"
    assert reference in response.text and "Lee Bakery GmbH" in response.text
    assert "HttpOnly" in form.headers["Set-Cookie"]
