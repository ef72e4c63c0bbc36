"""Looks that matter for access: a 360 px phone, and contrast of at least 4.5:1 (WCAG AA)."""
from __future__ import annotations

from typing import Dict, List

import pytest
from playwright.sync_api import expect

from tests.browser.host_site import HostSite
from tests.browser.widget import Widget

pytestmark = [pytest.mark.browser, pytest.mark.servers]

MISCONCEPTION = "isn't open innovation only for big companies?"

OVERFLOW = """() => {
    const root = document.querySelector("oi-advisor-widget").shadowRoot;
    const width = document.documentElement.clientWidth;
    const wide = [...root.querySelectorAll(".oiw-panel *")]
        .filter(n => !n.closest(".oiw-aligned") && n.getBoundingClientRect().right > width + 0.5)
        .map(n => n.className || n.tagName);
    return {pageScroll: document.documentElement.scrollWidth, width, wide};
}"""

CONTRAST = """selectors => {
    const root = document.querySelector("oi-advisor-widget").shadowRoot;
    const rgb = value => (value.match(/[\\d.]+/g) || []).map(Number);
    const background = node => {
        for (; node; node = node.parentElement || (node.getRootNode() || {}).host) {
            const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
            if (a > 0) return [r, g, b];
        }
        return [255, 255, 255];
    };
    const lum = c => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    const luminance = ([r, g, b]) => 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
    const ratio = (x, y) => {
        const [l, d] = [luminance(x), luminance(y)].sort((p, q) => q - p);
        return (l + 0.05) / (d + 0.05);
    };
    const text = n => rgb(getComputedStyle(n).color).slice(0, 3);
    const found = {};
    for (const selector of selectors) {
        const nodes = [...root.querySelectorAll(selector)];
        found[selector] = nodes.length ? Math.min(...nodes.map(n => ratio(text(n), background(n)))) : null;
    }
    return found;
}"""

SELECTORS = [".oiw-launcher", ".oiw-title", ".oiw-status", ".oiw-close", ".oiw-action", ".oiw-notice",
             ".oiw-notice strong", ".oiw-from-bot .oiw-bubble", ".oiw-from-user .oiw-bubble",
             ".oiw-replies .oiw-button", ".oiw-input", ".oiw-send", ".oiw-eyebrow", ".oiw-claim",
             ".oiw-label", ".oiw-value", ".oiw-sources"]


def contrasts(widget: Widget, selectors: List[str]) -> Dict[str, float]:
    return widget.page.evaluate(CONTRAST, selectors)


def test_the_widget_fits_a_360px_phone(phone, web_app) -> None:
    phone.goto(f"{web_app.url}/")
    widget = Widget(phone)
    box = widget.launcher.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    widget.launcher.tap()
    expect(widget.dialog).to_be_visible()
    assert widget.dialog.bounding_box() == {"x": 0, "y": 0, "width": 360, "height": 740}
    expect(widget.launcher).to_be_hidden()
    focus = widget.focused()
    assert focus["inWidget"] and focus["id"] == "oiw-panel", "focus moves in without popping up the keyboard"

    widget.wait_for_menu()
    before = widget.bot_count()
    widget.say(MISCONCEPTION)
    widget.wait_for_new_bot_rows(before)
    expect(phone.locator(".oiw-card-misconception")).to_be_visible()
    fit = phone.evaluate(OVERFLOW)
    assert fit["pageScroll"] <= 360 and fit["wide"] == [], fit

    widget.dialog.get_by_role("button", name="Close chat").tap()
    expect(widget.launcher).to_be_visible()
    assert "oiw-launcher" in widget.focused()["classes"]


@pytest.mark.parametrize("color", [None, "#ffd500", "#e85d75", "#2e7d32"])
def test_text_contrast_is_at_least_4_5_to_1(page, host_site: HostSite, color) -> None:
    page.goto(f"{host_site.url}/" + (f"?color={color.replace('#', '%23')}" if color else ""))
    widget = Widget(page).open()
    widget.wait_for_menu()
    before = widget.bot_count()
    widget.say(MISCONCEPTION)
    widget.wait_for_new_bot_rows(before)
    found = contrasts(widget, SELECTORS)
    assert all(found[s] is not None for s in SELECTORS), [s for s in SELECTORS if found[s] is None]
    low = {selector: round(ratio, 2) for selector, ratio in found.items() if ratio < 4.5}
    assert low == {}, f"below 4.5:1 with colour {color}: {low}"
