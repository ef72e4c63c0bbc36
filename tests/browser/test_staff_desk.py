"""The staff desk in headless Chromium: reviewing a conversation and correcting a misread turn.

No Rasa servers: the database is seeded directly with tracker events as Rasa
stores them, and the web app runs as ``make run`` runs it
(``python -m bot.web.serve``) on a fresh SQLite file.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List

import pytest
from playwright.sync_api import expect

from bot.storage.migrate import upgrade
from tests.servers import ARTIFACTS, ROOT, free_port, wait_until_up
from tests.storage.chats import MACHINE_SHOP
from tests.web.desk import PASSWORD, create_accounts, owner_asks_for_followup

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def desk(chromium, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The web app on a seeded SQLite file; yields its base URL."""
    url = f"sqlite:///{tmp_path_factory.mktemp('desk') / 'oi_advisor.db'}"
    upgrade(url)
    create_accounts(url)
    # Rasa's tracker store is async; Playwright's loop already runs in this thread.
    seeding = ThreadPoolExecutor(max_workers=1)
    seeding.submit(owner_asks_for_followup, url, "chat-1").result()
    seeding.shutdown()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), OI_WEB_PORT=str(port), OI_WEB_HOST="127.0.0.1",
               OI_DATABASE_URL=url, OI_INSECURE_COOKIES="1", OI_SECRET_KEY=secrets.token_hex(32),
               SQLALCHEMY_SILENCE_UBER_WARNING="1")
    env.pop("OI_REDIS_URL", None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "staff-desk.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot.web.serve"], cwd=ROOT, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(f"{base}/staff/login", process, log_path, timeout=90)
            yield base
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


@pytest.fixture
def tab(chromium, desk: str):  # type: ignore[no-untyped-def]
    """A logged-in staff member's tab; fails the test on script errors or CSP blocks."""
    errors: List[str] = []
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(f"script error: {error}"))
    page.on("console", lambda message: errors.append(f"blocked: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text else None)
    page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico") else None)
    page.goto(f"{desk}/staff/login")
    page.fill("input[name=username]", "sam")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{desk}/staff/followups")
    yield page
    context.close()
    assert not errors, errors


def test_reviewing_a_conversation(tab, desk: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{desk}/staff/conversations")
    tab.get_by_role("link", name="We bake bread and need a partner for a new oven").click()
    tab.wait_for_url(f"{desk}/staff/conversations/chat-1")
    turns = tab.locator("ol.transcript > li")
    assert turns.filter(has_text="Diagnose my firm").first.is_visible()
    assert tab.locator("ol.transcript").get_by_text('/inform{"innovation_stage"').count() == 0
    shop = turns.filter(has_text=MACHINE_SHOP)
    assert "low confidence" in shop.inner_text() and "AnswerReader" in shop.inner_text()
    payload = tab.locator("details.payload", has_text="Payload (recommendation)")
    assert not payload.locator("pre").is_visible()
    payload.locator("summary").click()
    assert payload.locator("pre").is_visible() and "coupled_codevelopment" in payload.locator("pre").inner_text()
    side = tab.locator("aside.side")
    assert "Food and drink" in side.inner_text() and "Lack of technical information" in side.inner_text()
    tab.locator("#review input[name=tag]").fill("content gap")
    tab.locator("#review").get_by_role("button", name="Add tag").click()
    expect(tab.locator("#review ul.tags")).to_contain_text("content gap")
    tab.goto(f"{desk}/staff/conversations?tag=content+gap")
    assert tab.get_by_role("link", name="We bake bread and need a partner for a new oven").is_visible()


def test_correcting_a_misread_turn(tab, desk: str) -> None:  # type: ignore[no-untyped-def]
    tab.goto(f"{desk}/staff/conversations/chat-1")
    shop = tab.locator("ol.transcript > li").filter(has_text=MACHINE_SHOP)
    shop.get_by_text("Correct this turn").click()
    shop.get_by_label("Right intent").select_option("inform")
    shop.get_by_label("Slot value (if one was misread)").select_option(label="Manufacturing")
    shop.get_by_label("Words that say it (optional)").fill("machine shop")
    shop.get_by_role("button", name="Keep correction").click()
    expect(tab.get_by_text("Correction kept")).to_be_visible()
    assert "#turn-" in tab.url
    shop = tab.locator("ol.transcript > li").filter(has_text=MACHINE_SHOP)
    expect(shop.locator(".corrected")).to_contain_text(
        "Corrected to inform, sector = Manufacturing on “machine shop” by sam")
    expect(shop.get_by_text("Change the correction")).to_be_visible()
