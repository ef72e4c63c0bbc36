"""Whole conversations in the browser: a diagnosis with buttons, a misconception.

What the cards must show is taken from the same conversation held over REST,
so the tests check the widget against the assistant's real payloads.
"""
from __future__ import annotations

from typing import List, Tuple

import pytest
import requests
from playwright.sync_api import expect

from tests.browser.widget import Widget
from tests.servers import Chat

pytestmark = [pytest.mark.browser, pytest.mark.servers]

MISCONCEPTION = "isn't open innovation only for big companies?"


def diagnosis_by_first_buttons(chat: Chat) -> Tuple[dict, int]:
    """Over REST: start the diagnosis, always press the first button; the result and the number of answers."""
    messages = chat.say("/start_diagnosis")
    for answers in range(15):
        result = next((p for p in Chat.payloads(messages) if p["type"] == "recommendation"), None)
        if result:
            return result, answers
        buttons = [m["buttons"] for m in messages if m.get("buttons")][-1]
        messages = chat.say(buttons[0]["payload"])
    raise AssertionError("no recommendation over REST")


def shown_options(demo: Widget, heading: str) -> List[Tuple[str, str]]:
    """(name, reason) of each option card under ``heading``."""
    section = demo.page.locator(".oiw-card-recommendation")
    options = section.locator(".oiw-card-heading", has_text=heading).locator("xpath=following-sibling::ul[1]/li")
    return [(o.locator(".oiw-option-name").inner_text(), o.locator(".oiw-option-reason").inner_text())
            for o in options.all()]


def test_a_complete_diagnosis_with_buttons_ends_in_recommendation_cards(demo: Widget, chat: Chat) -> None:
    expected, answers_over_rest = diagnosis_by_first_buttons(chat)
    demo.open()
    demo.wait_for_menu()
    demo.click_reply(demo.replies.get_by_role("button", name="Diagnose my firm"))
    cards = demo.page.locator(".oiw-card-recommendation")
    answers = 0
    while not cards.count() and answers < 15:
        buttons = demo.replies.get_by_role("button")
        assert buttons.last.inner_text() != buttons.first.inner_text()
        demo.click_reply(buttons.first)
        answers += 1
    expect(cards).to_have_count(1)
    assert answers == answers_over_rest == 9
    assert demo.user_texts()[0] == "Diagnose my firm"

    models = [(c["name"], c["reason"]) for c in expected["top_models"]]
    partners = [(c["name"], c["reason"]) for c in expected["top_partners"]]
    assert shown_options(demo, "What fits you best") == models
    assert shown_options(demo, "Partners") == partners
    plan = cards.get_by_role("link", name="Open your plan")
    expect(plan).to_have_attribute("href", expected["plan_url"])

    first_model = models[0][0]
    demo.click_reply(cards.get_by_role("button", name=f"Why? ({first_model})"))
    assert demo.user_texts()[-1] == f"Why {first_model}?"
    assert first_model in demo.bot_texts()[-1]

    first_partner = partners[0][0]
    before = demo.bot_texts()
    demo.click_reply(cards.get_by_role("button", name=f"Tell me more ({first_partner})"))
    assert demo.user_texts()[-1] == f"Tell me more about {first_partner}"
    assert demo.bot_texts()[len(before):], "the partner is explained"


def test_a_misconception_gets_a_card_with_the_reality_and_its_sources(demo: Widget, chat: Chat, web_app) -> None:
    expected = next(p for p in Chat.payloads(chat.say(MISCONCEPTION)) if p["type"] == "misconception")
    citations = requests.get(f"{web_app.url}/widget/sources.json", timeout=10).json()
    demo.open()
    demo.wait_for_menu()
    before = demo.bot_count()
    demo.say(MISCONCEPTION)
    demo.wait_for_new_bot_rows(before)

    card = demo.page.locator(".oiw-card-misconception")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(expected["claim"])
    expect(card).to_contain_text("In fact" + expected["reality"])
    expect(card).to_contain_text(expected["first_step"])
    for key in expected["sources"]:
        expect(card.locator(".oiw-sources")).to_contain_text(citations[key]["citation"])
    for part in ("reality", "why_it_matters", "first_step"):
        assert not any(expected[part] in text for text in demo.bot_texts()), f"the card replaces its texts: {part}"
    expect(demo.replies.get_by_role("button", name="Tell me more")).to_be_visible()
