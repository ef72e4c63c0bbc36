"""The conversation survives a reload and a move to another page; "Start over" ends it."""
from __future__ import annotations

from typing import List

import pytest
from playwright.sync_api import expect

from tests.browser.host_site import HostSite
from tests.browser.widget import Widget
from tests.servers import Chat

pytestmark = [pytest.mark.browser, pytest.mark.servers]


def as_bubbles(messages: List[dict]) -> List[str]:
    """REST texts as the socket.io channel sends them: one message per paragraph."""
    return [part for m in messages if m.get("text") for part in m["text"].strip().split("\n\n")]


def first_button(messages: List[dict]) -> str:
    return [m["buttons"] for m in messages if m.get("buttons")][-1][0]["payload"]


def test_a_reload_keeps_the_history_and_continues_the_conversation(demo: Widget, chat: Chat) -> None:
    over_rest = chat.say("/start_diagnosis")
    over_rest = chat.say(first_button(over_rest))
    third_question = as_bubbles(chat.say(first_button(over_rest)))

    demo.open()
    demo.wait_for_menu()
    demo.click_reply(demo.replies.get_by_role("button", name="Diagnose my firm"))
    demo.click_reply(demo.replies.get_by_role("button").first)
    users, bots, session = demo.user_texts(), demo.bot_texts(), demo.stored()["session"]

    demo.page.reload()
    expect(demo.dialog).to_be_visible()
    expect(demo.replies.get_by_role("button").first).to_be_visible()
    assert demo.user_texts() == users
    assert demo.bot_texts() == bots
    assert demo.stored()["session"] == session

    demo.click_reply(demo.replies.get_by_role("button").first)
    assert demo.bot_texts()[len(bots):] == third_question, "the server's conversation went on"


def test_another_page_of_the_same_site_continues_the_conversation(page, host_site: HostSite) -> None:
    page.goto(f"{host_site.url}/")
    widget = Widget(page).open()
    widget.wait_for_menu()
    before = widget.bot_count()
    widget.say("what is crowdsourcing?")
    widget.wait_for_new_bot_rows(before)
    users, bots = widget.user_texts(), widget.bot_texts()

    page.get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events at the Innovation Hub")
    expect(widget.dialog).to_be_visible()
    assert widget.user_texts() == users and widget.bot_texts() == bots

    before = widget.bot_count()
    widget.say("give me an example")
    widget.wait_for_new_bot_rows(before)
    page.go_back()
    expect(widget.log).to_contain_text("give me an example")


def test_start_over_clears_the_history_and_starts_a_new_session(demo: Widget) -> None:
    demo.open()
    demo.wait_for_menu()
    demo.click_reply(demo.replies.get_by_role("button", name="Diagnose my firm"))
    old_session = demo.stored()["session"]

    before = demo.bot_count()
    demo.dialog.get_by_role("button", name="Start over", exact=True).click()
    demo.dialog.get_by_role("button", name="Yes, start over").click()
    expect(demo.page.locator(".oiw-from-user")).to_have_count(0)
    demo.wait_for_menu()
    stored = demo.stored()
    assert stored["session"] != old_session
    assert [e["from"] for e in stored["entries"]][:1] == ["site"], "only the greeting and the new answer"
    assert all(e["from"] != "user" for e in stored["entries"])
    assert demo.bot_count() < before
    assert demo.focused()["id"] == "oiw-input"

    demo.page.reload()
    expect(demo.page.locator(".oiw-from-user")).to_have_count(0)
    assert demo.stored()["session"] == stored["session"]


def test_two_tabs_of_the_site_show_the_same_conversation(page, host_site: HostSite) -> None:
    page.goto(f"{host_site.url}/")
    first = Widget(page).open()
    first.wait_for_menu()
    second_tab = page.context.new_page()
    second_tab.goto(f"{host_site.url}/events.html")
    second = Widget(second_tab)
    expect(second.dialog).to_be_visible()
    expect(second.replies.get_by_role("button").first).to_be_visible()

    before = second.bot_count()
    second.say("what is crowdsourcing?")
    second.wait_for_new_bot_rows(before)
    expect(first.log).to_contain_text("what is crowdsourcing?")
    expect(first.page.locator(".oiw-from-bot")).to_have_count(second.bot_count())
    assert first.bot_texts() == second.bot_texts()
    assert first.stored()["entries"] == second.stored()["entries"]
