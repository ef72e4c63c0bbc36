"""The server is unreachable: the widget says so, keeps what is typed, and sends it once back."""
from __future__ import annotations

from typing import List

import pytest
from playwright.sync_api import expect

from tests.browser.host_site import HostSite
from tests.browser.relay import Relay
from tests.browser.widget import Widget
from tests.servers import Chat

pytestmark = [pytest.mark.browser, pytest.mark.servers]

RECONNECT_MS = 30_000
QUESTION = "what is crowdsourcing?"


def as_bubbles(messages: List[dict]) -> List[str]:
    return [part for m in messages if m.get("text") for part in m["text"].strip().split("\n\n")]


def test_offline_banner_then_queued_message_delivered_after_reconnect(
        page, host_site: HostSite, relay: Relay, chat: Chat) -> None:
    expected = as_bubbles(chat.say(QUESTION))
    page.goto(f"{host_site.url}/?server=http://127.0.0.1:{relay.port}")
    widget = Widget(page).open()
    expect(widget.banner).to_contain_text("Can't reach the advisor", timeout=RECONNECT_MS)
    expect(page.locator(".oiw-status")).to_have_text("Offline")

    widget.say(QUESTION)
    sent = page.locator(".oiw-from-user").last
    expect(sent).to_contain_text(QUESTION)
    expect(sent.locator(".oiw-pending")).to_contain_text("Not sent yet")

    page.reload()  # what was typed survives a reload too
    expect(sent.locator(".oiw-pending")).to_contain_text("Not sent yet")
    expect(widget.banner).to_be_visible(timeout=RECONNECT_MS)

    relay.start()
    expect(widget.banner).to_be_hidden(timeout=RECONNECT_MS)
    expect(page.locator(".oiw-status")).to_have_text("Online")
    expect(sent.locator(".oiw-pending")).to_have_count(0)
    expect(widget.log).to_contain_text(expected[-1], timeout=RECONNECT_MS)
    assert widget.bot_texts()[-len(expected):] == expected
    assert widget.stored()["queue"] == []

    relay.stop()
    expect(widget.banner).to_contain_text("Can't reach the advisor", timeout=RECONNECT_MS)
