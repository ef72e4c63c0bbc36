"""Fixtures of the browser tests: headless Chromium, the real web app, a third-party site.

Chromium is Debian's ``chromium`` (``scripts/browser.sh`` installs it), driven
by Playwright. Without it the browser tests are skipped with a loud notice,
except under ``CI=true``, where that is a failure. The web app runs as
``make run`` runs it (``python -m bot.web.serve``), pointed at the real Rasa
and action servers of the ``servers`` fixture.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List

import pytest

from tests.browser.host_site import HostSite
from tests.browser.relay import Relay
from tests.browser.widget import Widget
from tests.servers import ARTIFACTS, ROOT, Servers, free_port, wait_until_up

CHROMIUM = Path(os.environ.get("OI_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def _no_browser(request: pytest.FixtureRequest, problem: str) -> None:
    message = (f"CHROMIUM NOT AVAILABLE ({problem}). Install it with scripts/browser.sh; "
               "under CI=true this is a failure.")
    if in_ci():
        pytest.fail(message, pytrace=False)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\n!!! SKIPPING every browser test: {message}", red=True, bold=True)
    pytest.skip(message)


# Package scope: Playwright's sync API keeps an event loop running until it stops,
# which would break later tests that call asyncio.run().
@pytest.fixture(scope="package")
def chromium(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Headless Chromium, shared by the run; each test gets its own context."""
    if not CHROMIUM.exists():
        _no_browser(request, f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class WebApp:
    """The running web app and the Rasa server its demo page points the widget at."""

    url: str
    rasa_url: str

    @property
    def widget_url(self) -> str:
        return f"{self.url}/widget/oi-widget.js"


@pytest.fixture(scope="package")
def web_app(chromium, servers: Servers) -> Iterator[WebApp]:  # type: ignore[no-untyped-def]
    """``python -m bot.web.serve`` on a free port, its widget talking to the real Rasa.

    Asks for Chromium first, so that without it the tests skip before any server starts.
    """
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), OI_WEB_PORT=str(port), OI_WEB_HOST="127.0.0.1",
               OI_RASA_PUBLIC_URL=servers.rasa_url, OI_DATABASE_URL=servers.database_url,
               OI_INSECURE_COOKIES="1", OI_SECRET_KEY=secrets.token_hex(32))
    env.pop("OI_REDIS_URL", None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "web.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot.web.serve"], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        app = WebApp(url=f"http://127.0.0.1:{port}", rasa_url=servers.rasa_url)
        try:
            wait_until_up(f"{app.url}/", process, log_path, timeout=60)
            yield app
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


@pytest.fixture(scope="package")
def host_site(web_app: WebApp) -> Iterator[HostSite]:
    """An intermediary's own site, on a third origin, embedding the widget."""
    site = HostSite(free_port(), web_app.widget_url, web_app.rasa_url).start()
    yield site
    site.stop()


@pytest.fixture
def relay(servers: Servers) -> Iterator[Relay]:
    """A port in front of Rasa that starts closed (the server seems down)."""
    gate = Relay(free_port(), servers.rasa_port)
    yield gate
    gate.stop()


class PageErrors(List[str]):
    """Uncaught script errors and dialogs a page produced."""


def _new_page(chromium, viewport: dict, errors: PageErrors, **options):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport=viewport, **options)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    page.on("console", lambda message: errors.append(f"blocked: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text else None)
    page.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    return context, page


@pytest.fixture
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture
def page(chromium, web_app: WebApp, page_errors: PageErrors):  # type: ignore[no-untyped-def]
    """A desktop-sized tab with empty storage; fails the test on script errors, dialogs or CSP blocks."""
    context, tab = _new_page(chromium, DESKTOP, page_errors)
    yield tab
    context.close()
    assert not page_errors, page_errors


@pytest.fixture
def phone(chromium, web_app: WebApp, page_errors: PageErrors):  # type: ignore[no-untyped-def]
    """A 360 px wide phone screen with touch."""
    context, tab = _new_page(chromium, PHONE, page_errors, is_mobile=True, has_touch=True,
                             device_scale_factor=2)
    yield tab
    context.close()
    assert not page_errors, page_errors


@pytest.fixture
def demo(page, web_app: WebApp) -> Widget:  # type: ignore[no-untyped-def]
    """The demo page at ``/`` with its widget."""
    page.goto(f"{web_app.url}/")
    return Widget(page)
