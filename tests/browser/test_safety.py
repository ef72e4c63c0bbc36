"""Text is text: what the owner types and what the bot sends never becomes markup."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.widget import Widget

pytestmark = [pytest.mark.browser, pytest.mark.servers]

XSS = "<img src=x onerror=alert(1)><script>window.__xss=1</script>"

MARKUP_IN_WIDGET = """() => {
    const root = document.querySelector("oi-advisor-widget").shadowRoot;
    return root.querySelectorAll(".oiw-log img, .oiw-log script").length;
}"""


def test_an_xss_attempt_is_shown_as_text(demo: Widget, page_errors) -> None:
    demo.open()
    demo.wait_for_menu()
    before = demo.bot_count()
    demo.say(XSS)
    demo.wait_for_new_bot_rows(before)

    assert demo.user_texts()[-1] == XSS
    bubble = demo.page.locator(".oiw-from-user .oiw-bubble").last
    expect(bubble).to_have_text("You: " + XSS)
    assert demo.page.evaluate("() => window.__xss") is None
    assert demo.page.evaluate(MARKUP_IN_WIDGET) == 0
    assert page_errors == [], "no alert, no script error"

    demo.page.reload()
    expect(bubble).to_have_text("You: " + XSS)
    assert demo.page.evaluate("() => window.__xss") is None
    assert demo.page.evaluate(MARKUP_IN_WIDGET) == 0
    assert page_errors == []


# The widget's own linkify module: the same address, so the same instance the widget imported.
LINKIFY = """async text => {
    const { linkify } = await import(new URL("/widget/parts/linkify.js", location.href).href);
    const box = document.createElement("div");
    box.append(linkify(text));
    return {text: box.textContent, links: [...box.querySelectorAll("a")].map(a => ({
        href: a.getAttribute("href"), label: a.textContent, rel: a.rel, target: a.target}))};
}"""


def test_bot_text_gets_links_for_web_addresses_only(demo: Widget) -> None:
    demo.open()
    text = ("Keep a summary: https://example.org/s.md?a=1&b=2. <b>bold</b> "
            "javascript:alert(1) data:text/html,hi (see http://example.org/x)")
    result = demo.page.evaluate(LINKIFY, text)
    assert result["text"] == text, "every character stays, as text"
    assert [link["href"] for link in result["links"]] == ["https://example.org/s.md?a=1&b=2",
                                                           "http://example.org/x"]
    assert all(link["rel"] == "noopener noreferrer nofollow" and link["target"] == "_blank"
               for link in result["links"])


def test_long_addresses_are_shortened_for_reading_but_link_in_full(demo: Widget) -> None:
    demo.open()
    address = "http://127.0.0.1:8000/summary.md?sector=food_beverage&company_size=small&innovation_need=new_product"
    result = demo.page.evaluate(LINKIFY, f"Keep a one-page summary: {address}")
    assert result["links"][0]["href"] == address
    assert result["links"][0]["label"] == "127.0.0.1:8000/summary.md\u2026"


def test_links_the_owner_types_stay_plain_text(demo: Widget) -> None:
    demo.open()
    demo.wait_for_menu()
    demo.say("see https://example.org")
    expect(demo.page.locator(".oiw-from-user .oiw-bubble").last).to_have_text("You: see https://example.org")
    assert demo.page.locator(".oiw-from-user a").count() == 0
