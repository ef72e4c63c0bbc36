"""Keyboard only: reach the launcher, open, talk, press a button, close, all without a mouse."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.widget import Widget

pytestmark = [pytest.mark.browser, pytest.mark.servers]


def test_keyboard_only_use(demo: Widget) -> None:
    keyboard = demo.page.keyboard
    for _ in range(100):
        keyboard.press("Tab")
        if "oiw-launcher" in demo.focused()["classes"]:
            break
    focus = demo.focused()
    assert "oiw-launcher" in focus["classes"], "Tab reaches the launcher"
    assert focus["outline"] != "none", "focus is visible"

    keyboard.press("Enter")
    expect(demo.dialog).to_be_visible()
    assert demo.focused()["id"] == "oiw-input", "opening puts the cursor in the message field"
    demo.wait_for_menu()

    before = demo.bot_count()
    keyboard.type("hello")
    keyboard.press("Enter")
    demo.wait_for_new_bot_rows(before)
    assert demo.user_texts()[-1] == "hello"
    assert demo.focused()["id"] == "oiw-input"

    for _ in range(4):  # past the scrollable message log, which takes focus for reading
        keyboard.press("Shift+Tab")
        button = demo.focused()
        if button["tag"] == "button":
            break
    assert button["tag"] == "button" and button["outline"] != "none", "Shift+Tab reaches the reply buttons"
    keyboard.press("Enter")
    for _ in range(60):  # the button's title is sent as the owner's message
        if demo.user_texts()[-1] == button["text"]:
            break
        demo.page.wait_for_timeout(500)
    assert demo.user_texts()[-1] == button["text"]
    assert demo.focused()["id"] == "oiw-input", "after a button, typing can go on"

    keyboard.press("Escape")
    expect(demo.dialog).to_be_hidden()
    assert "oiw-launcher" in demo.focused()["classes"], "closing returns focus to the launcher"
    expect(demo.launcher).to_have_attribute("aria-expanded", "false")

    keyboard.press("Enter")
    expect(demo.dialog).to_be_visible()
    assert demo.focused()["id"] == "oiw-input"
