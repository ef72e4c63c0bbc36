"""Opening the widget on the demo page: the frame, the greeting, the notices."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.widget import Widget

pytestmark = [pytest.mark.browser, pytest.mark.servers]


def test_the_demo_page_describes_the_product_and_embeds_the_widget(demo: Widget, web_app) -> None:
    page = demo.page
    expect(page.get_by_role("heading", level=1)).to_contain_text("Open innovation advice")
    tag = page.locator("script[data-server-url]").last
    expect(tag).to_have_attribute("data-server-url", web_app.rasa_url)
    expect(demo.launcher).to_be_visible()
    expect(demo.launcher).to_have_attribute("aria-expanded", "false")
    expect(demo.dialog).to_be_hidden()


def test_opening_shows_the_greeting_and_the_menu_and_focuses_the_input(demo: Widget) -> None:
    demo.open()
    expect(demo.launcher).to_have_attribute("aria-expanded", "true")
    expect(demo.dialog).to_have_attribute("aria-modal", "false")
    expect(demo.dialog).to_have_accessible_name("OI Advisor")
    focus = demo.focused()
    assert focus["inWidget"] and focus["id"] == "oiw-input"
    greeting = demo.page.locator("script[data-greeting]").last.get_attribute("data-greeting")
    expect(demo.log).to_contain_text(greeting)
    demo.wait_for_menu()
    assert "Diagnose my firm" in demo.replies.get_by_role("button").all_inner_texts()
    expect(demo.page.locator(".oiw-status")).to_have_text("Online")
    expect(demo.banner).to_be_hidden()


def test_privacy_notice_and_advisor_entry_point_are_visible(demo: Widget) -> None:
    demo.open()
    expect(demo.dialog.get_by_text("Privacy:")).to_be_visible()
    expect(demo.dialog).to_contain_text("delete my data")
    advisor = demo.dialog.get_by_role("button", name="Talk to an advisor", exact=True).first
    expect(advisor).to_be_visible()
    demo.wait_for_menu()
    demo.click_reply(advisor)
    assert demo.user_texts()[-1] == "Talk to an advisor"


def test_the_close_button_hides_the_panel_and_returns_focus(demo: Widget) -> None:
    demo.open()
    demo.dialog.get_by_role("button", name="Close chat").click()
    expect(demo.dialog).to_be_hidden()
    expect(demo.launcher).to_have_attribute("aria-expanded", "false")
    assert demo.focused()["inWidget"] and "oiw-launcher" in demo.focused()["classes"]
