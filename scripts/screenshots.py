"""Take the README's screenshots of the chat widget: desktop and a 360 px phone.

    .venv/bin/python scripts/screenshots.py              # starts its own servers (about a minute)
    .venv/bin/python scripts/screenshots.py --web-url http://127.0.0.1:8000   # use `make run`'s

Drives Debian's Chromium (scripts/browser.sh installs it) through real
conversations on the demo page and writes docs/images/widget-desktop.png and
docs/images/widget-phone.png.
"""
from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import requests
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers import Servers, free_port  # noqa: E402

IMAGES = ROOT / "docs" / "images"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WAIT_MS = 30_000


@contextmanager
def own_servers() -> Iterator[str]:
    """Rasa, the action server and the web app on free ports; yields the web app's URL."""
    with tempfile.TemporaryDirectory() as folder:
        servers = Servers(database_url=f"sqlite:///{folder}/screenshots.db").start()
        port = free_port()
        env = dict(os.environ, PYTHONPATH=str(ROOT), OI_WEB_PORT=str(port), OI_RASA_PUBLIC_URL=servers.rasa_url,
                   OI_DATABASE_URL=servers.database_url, OI_INSECURE_COOKIES="1",
                   OI_SECRET_KEY=secrets.token_hex(32))
        web = subprocess.Popen([sys.executable, "-m", "bot.web.serve"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    if requests.get(url, timeout=2).ok:
                        break
                except requests.RequestException:
                    time.sleep(0.5)
            yield url
        finally:
            os.killpg(web.pid, signal.SIGTERM)
            web.wait(timeout=20)
            servers.stop()


def answer(page: Page, click) -> None:  # type: ignore[no-untyped-def]
    """Click something that sends a message and wait until the reply is shown."""
    bot_rows = page.locator(".oiw-from-bot")
    before = bot_rows.count()
    click()
    expect(bot_rows.nth(before)).to_be_visible(timeout=WAIT_MS)
    expect(page.locator(".oiw-dots")).to_have_count(0, timeout=WAIT_MS)


def open_widget(page: Page, web_url: str) -> None:
    page.goto(web_url + "/")
    page.get_by_role("button", name="Ask OI Advisor").click()
    expect(page.locator(".oiw-replies button").first).to_be_visible(timeout=WAIT_MS)


def desktop(browser, web_url: str) -> Path:  # type: ignore[no-untyped-def]
    """A finished diagnosis: the recommendation cards."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    open_widget(page, web_url)
    answer(page, lambda: page.get_by_role("button", name="Diagnose my firm").click())
    choices = ["Food and drink", "10 to 49", "New product", "Development", "Funding gap",
               "Production or service capacity", "Somewhat", "Yes, it went well", "No, close to home"]
    cards = page.locator(".oiw-card-recommendation")
    for _ in range(12):
        if cards.count():
            break
        buttons = page.locator(".oiw-replies button")
        wanted = [c for c in choices if page.locator(".oiw-replies").get_by_role("button", name=c, exact=True).count()]
        target = page.locator(".oiw-replies").get_by_role("button", name=wanted[0], exact=True) if wanted \
            else buttons.first
        answer(page, target.click)
    page.evaluate("""() => {
        const root = document.querySelector("oi-advisor-widget").shadowRoot;
        const view = root.querySelector(".oiw-scroll");
        const card = root.querySelector(".oiw-card-recommendation").parentElement;
        const bars = [...root.querySelectorAll(".oiw-aligned")].pop();
        view.scrollTop = (bars ? bars.parentElement : card).offsetTop - 8;
        root.activeElement && root.activeElement.blur();
    }""")
    return shoot(page, "widget-desktop.png")


def phone(browser, web_url: str) -> Path:  # type: ignore[no-untyped-def]
    """A doubt answered on a 360 px screen."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    open_widget(page, web_url)
    field = page.get_by_label("Your message")
    answer(page, lambda: (field.fill("isn't open innovation only for big companies?"), field.press("Enter")))
    page.evaluate("""() => {
        const root = document.querySelector("oi-advisor-widget").shadowRoot;
        const view = root.querySelector(".oiw-scroll");
        const asked = [...root.querySelectorAll(".oiw-from-user")].pop();
        view.scrollTop = asked.offsetTop - 12;
        root.activeElement && root.activeElement.blur();
    }""")
    return shoot(page, "widget-phone.png")


def shoot(page: Page, name: str) -> Path:
    IMAGES.mkdir(parents=True, exist_ok=True)
    path = IMAGES / name
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    return path


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--web-url", help="use this running web app instead of starting servers")
    args = parser.parse_args(argv)
    with (nullcontext(args.web_url) if args.web_url else own_servers()) as web_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in (desktop(browser, web_url.rstrip("/")), phone(browser, web_url.rstrip("/"))):
            print(f"wrote {path.relative_to(ROOT)}")
        browser.close()


@contextmanager
def nullcontext(value: str) -> Iterator[str]:
    yield value


if __name__ == "__main__":
    main()
