"""The chat widget as a test sees it: what a user finds on the page and can do.

Playwright's role and CSS locators reach into the widget's open shadow root,
so tests find things by their accessible names, as assistive technology does.
"""
from __future__ import annotations

import re
from typing import List

from playwright.sync_api import Locator, Page, expect

BOT_REPLY_TIMEOUT_MS = 30_000


class Widget:
    """One page's widget."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.launcher = page.get_by_role("button", name=re.compile(r"^Ask "))
        self.dialog = page.get_by_role("dialog")
        self.log = page.get_by_role("log", name="Conversation")
        self.input = page.get_by_label("Your message")
        self.replies = self.log.get_by_role("group", name="Suggested replies")
        self.banner = page.locator(".oiw-banner")

    def open(self) -> "Widget":
        self.launcher.click()
        expect(self.dialog).to_be_visible()
        return self

    def wait_for_menu(self) -> None:
        """The assistant's greeting has arrived with its buttons."""
        expect(self.replies.get_by_role("button").first).to_be_visible(timeout=BOT_REPLY_TIMEOUT_MS)

    def say(self, text: str) -> None:
        self.input.fill(text)
        self.input.press("Enter")

    def bot_count(self) -> int:
        return self.page.locator(".oiw-from-bot").count()

    def wait_for_new_bot_rows(self, before: int) -> None:
        """More bot messages than ``before`` are shown and the typing indicator is gone."""
        expect(self.page.locator(".oiw-from-bot").nth(before)).to_be_visible(timeout=BOT_REPLY_TIMEOUT_MS)
        expect(self.page.locator(".oiw-dots")).to_have_count(0, timeout=BOT_REPLY_TIMEOUT_MS)

    def click_reply(self, button: Locator) -> None:
        """Click a button that sends a message, and wait for the answer."""
        before = self.bot_count()
        button.click()
        self.wait_for_new_bot_rows(before)

    def user_texts(self) -> List[str]:
        return self.page.locator(".oiw-from-user .oiw-bubble").evaluate_all(
            "nodes => nodes.map(n => n.lastChild.textContent)")

    def bot_texts(self) -> List[str]:
        """The text of each bot message bubble, without the screen-reader prefix."""
        return self.page.locator(".oiw-from-bot .oiw-bubble").evaluate_all(
            "nodes => nodes.map(n => n.textContent.slice(n.firstChild.textContent.length))")

    def stored(self) -> dict:
        """The widget's state in the site's localStorage."""
        return self.page.evaluate("""() => {
            const key = Object.keys(localStorage).find(k => k.startsWith("oi-widget:"));
            return key ? JSON.parse(localStorage.getItem(key)) : null;
        }""")

    def focused(self) -> dict:
        """Where keyboard focus is: the element inside the widget, or on the page."""
        return self.page.evaluate("""() => {
            const host = document.querySelector("oi-advisor-widget");
            const inside = host && document.activeElement === host ? host.shadowRoot.activeElement : null;
            const node = inside || document.activeElement;
            return {inWidget: !!inside, tag: node && node.tagName.toLowerCase(),
                    id: node && node.id, text: node && node.textContent.trim(),
                    classes: node ? String(node.className) : "",
                    outline: node ? getComputedStyle(node).outlineStyle : ""};
        }""")
