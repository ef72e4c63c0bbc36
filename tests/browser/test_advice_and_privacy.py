"""The result on a phone, the plan page, contact details as typed, erasure, start over, reload."""
from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import expect

from bot.network.consent import QUESTION
from bot.storage import followups
from bot.storage.database import transaction
from tests.browser.host_site import HostSite
from tests.browser.widget import Widget

pytestmark = [pytest.mark.browser, pytest.mark.servers]

PHONE_HEIGHT = 740

#: the result, from the card to the end of the first steps, measured in the scrolling log (the
#: separate question about being suggested to other firms follows it and is not part of the result)
RESULT_HEIGHT = """() => {
    const root = document.querySelector("oi-advisor-widget").shadowRoot;
    const card = root.querySelector(".oiw-card-recommendation").closest(".oiw-row");
    const rows = [...root.querySelectorAll(".oiw-row")];
    const steps = rows.filter(row => row.textContent.includes("Your first steps:")).pop();
    return steps.getBoundingClientRect().bottom - card.getBoundingClientRect().top;
}"""


def diagnose_by_first_buttons(widget: Widget) -> None:
    """Start the diagnosis and press the first button until the result card is there."""
    widget.click_reply(widget.replies.get_by_role("button", name="Diagnose my firm"))
    cards = widget.page.locator(".oiw-card-recommendation")
    for _ in range(15):
        if cards.count():
            break
        widget.click_reply(widget.replies.get_by_role("button").first)
    expect(cards).to_have_count(1)


def test_the_result_fits_in_about_two_phone_screens(phone, web_app) -> None:
    phone.goto(f"{web_app.url}/")
    widget = Widget(phone)
    widget.launcher.tap()
    widget.wait_for_menu()
    diagnose_by_first_buttons(widget)
    card = phone.locator(".oiw-card-recommendation")
    expect(card.locator(".oiw-option")).to_have_count(6)
    texts = widget.bot_texts()
    assert texts[-2].startswith("Your first steps:") and texts[-3].startswith("The main risk for you:")
    assert texts[-1].startswith(QUESTION), "the matching consent is asked on its own, after the result"
    assert not any(text.startswith("What fits you best") for text in texts), "the card replaces the list"
    assert not any("http" in text for text in texts), "no raw link in the text"
    height = phone.evaluate(RESULT_HEIGHT)
    assert height <= 2.3 * PHONE_HEIGHT, f"the result is {height / PHONE_HEIGHT:.1f} screens high"
    link = card.get_by_role("link", name="Open your plan")
    expect(link).to_be_visible()
    assert "/plan/?" in link.get_attribute("href")


def test_the_plan_page_reads_on_a_phone_and_downloads(phone, web_app) -> None:
    query = ("sector=software_it&company_size=small&innovation_need=business_model&innovation_stage=development"
             "&offer=technology_ip&ip_sensitivity=low&partner_experience=none&interests=licensing_out")
    phone.goto(f"{web_app.url}/plan/?{query}")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your open innovation plan")
    for name in ("What fits you best", "Partners to look for", "The main risk for you", "Your first steps",
                 "Sources"):
        expect(phone.get_by_role("heading", name=name)).to_be_visible()
    expect(phone.get_by_role("heading", name=re.compile(r"^Readiness \d+\/100$"))).to_be_visible()
    expect(phone.get_by_role("heading", name="Licensing out")).to_be_visible()
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide"
    phone.emulate_media(media="print")
    expect(phone.get_by_role("link", name="Download PDF")).to_be_hidden()
    phone.emulate_media(media="screen")
    pdf = phone.get_by_role("link", name="Download PDF").get_attribute("href")
    response = requests.get(f"{web_app.url}{pdf}", timeout=60)
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    markdown = phone.get_by_role("link", name="Download Markdown").get_attribute("href")
    assert requests.get(f"{web_app.url}{markdown}", timeout=30).text.startswith("# Your open innovation plan")


def answer(widget: Widget, text: str) -> str:
    before = widget.bot_count()
    widget.say(text)
    widget.wait_for_new_bot_rows(before)
    return widget.bot_texts()[-1]


def test_contact_details_are_read_as_typed(demo: Widget, servers) -> None:
    demo.open()
    demo.wait_for_menu()
    demo.click_reply(demo.replies.get_by_role("button", name="Talk to an advisor"))
    demo.click_reply(demo.replies.get_by_role("button", name="Yes, I agree"))
    assert "company" in answer(demo, "my name is Maria Baker")
    assert "reach you" in answer(demo, "it's called Sonnenbrot")
    assert "good time" in answer(demo, "you can call me on 0711 5550199")
    refused = answer(demo, "maria@sonnenbrot.de")
    assert "not a time" in refused
    confirmation = answer(demo, "weekday mornings")
    reference = re.search(r"OI-[A-Z0-9]{4}-[A-Z0-9]{4}", confirmation).group(0)
    with transaction(servers.database_url) as connection:
        stored = next(f for f in followups.queue(connection) if f.reference == reference)
    assert (stored.name, stored.company, stored.phone) == ("Maria Baker", "Sonnenbrot", "+49 711 5550199")
    assert stored.preferred_time == "weekday mornings"


def test_a_question_at_consent_and_a_spelt_out_email_are_understood(demo: Widget, servers) -> None:
    demo.open()
    demo.wait_for_menu()
    demo.click_reply(demo.replies.get_by_role("button", name="Talk to an advisor"))
    answer(demo, "what exactly do you store?")
    explanation, request = demo.bot_texts()[-2:]  # the widget shows each paragraph as a bubble
    assert "your name" in explanation and "delete my data" in explanation.lower(), explanation
    assert request.rstrip().endswith("do you agree that I pass your request to an advisor?"), request
    expect(demo.replies.get_by_role("button", name="Yes, I agree")).to_be_visible()
    assert "your name" in answer(demo, "ok I agree"), "the agreement continues the form"
    assert "company" in answer(demo, "my name is Maria Baker")
    assert "reach you" in answer(demo, "it's called Sonnenbrot")
    assert "good time" in answer(demo, "maria at sonnenbrot dot de")
    confirmation = answer(demo, "weekday mornings")
    reference = re.search(r"OI-[A-Z0-9]{4}-[A-Z0-9]{4}", confirmation).group(0)
    with transaction(servers.database_url) as connection:
        stored = next(f for f in followups.queue(connection) if f.reference == reference)
    assert (stored.name, stored.company, stored.email) == ("Maria Baker", "Sonnenbrot", "maria@sonnenbrot.de")


def test_after_erasure_the_widget_forgets_the_conversation(demo: Widget) -> None:
    demo.open()
    demo.wait_for_menu()
    answer(demo, "what is crowdsourcing?")
    assert "crowdsourcing" in str(demo.stored())
    session = demo.stored()["session"]
    asked = answer(demo, "delete my data")
    assert "delete" in asked, demo.bot_texts()
    demo.replies.get_by_role("button", name="Yes, delete it").click()  # the log then shrinks
    expect(demo.log).to_contain_text("deleted this conversation", timeout=30_000)
    stored = demo.stored()
    assert "crowdsourcing" not in str(stored).lower() and stored["session"] != session
    assert demo.user_texts() == []
    demo.page.reload()
    expect(demo.dialog).to_be_visible()
    assert "crowdsourcing" not in demo.page.evaluate("() => JSON.stringify(localStorage)").lower()
    assert not any("crowdsourcing" in text.lower() for text in demo.user_texts() + demo.bot_texts())


def test_start_over_asks_first(demo: Widget) -> None:
    demo.open()
    demo.wait_for_menu()
    answer(demo, "what is crowdsourcing?")
    users = demo.user_texts()
    demo.dialog.get_by_role("button", name="Start over", exact=True).click()
    confirm = demo.dialog.get_by_role("group", name="Confirm start over")
    expect(confirm).to_be_visible()
    confirm.get_by_role("button", name="Cancel").click()
    expect(confirm).to_be_hidden()
    assert demo.user_texts() == users
    demo.dialog.get_by_role("button", name="Start over", exact=True).click()
    demo.dialog.get_by_role("button", name="Yes, start over").click()
    expect(demo.page.locator(".oiw-from-user")).to_have_count(0)


def test_a_reload_opens_at_the_latest_message(demo: Widget) -> None:
    demo.open()
    demo.wait_for_menu()
    for question in ("what is crowdsourcing?", "what is licensing out?", "what is an intermediary?"):
        answer(demo, question)
    demo.page.reload()
    expect(demo.dialog).to_be_visible()
    demo.page.wait_for_function("""() => {
        const view = document.querySelector("oi-advisor-widget").shadowRoot.querySelector(".oiw-scroll");
        return view.scrollHeight > view.clientHeight && getComputedStyle(document.querySelector(
            "oi-advisor-widget")).visibility !== "hidden";
    }""")
    gap = demo.page.evaluate("""() => {
        const view = document.querySelector("oi-advisor-widget").shadowRoot.querySelector(".oiw-scroll");
        return view.scrollHeight - view.clientHeight - view.scrollTop;
    }""")
    assert gap < 5, f"{gap} px below the visible part after a reload"


def test_the_widget_works_on_a_page_with_an_amd_loader(page, host_site: HostSite) -> None:
    page.goto(f"{host_site.url}/amd.html")
    widget = Widget(page).open()
    expect(widget.dialog).to_contain_text("Online", timeout=30_000)
    widget.wait_for_menu()
    assert page.evaluate("() => typeof window.define === 'function' && window.define.amd.page === true")
    assert page.evaluate("() => window.defined === undefined"), "nothing registered with the page's loader"
    assert page.evaluate("() => !('io' in window)"), "the socket.io client leaves no global behind"
