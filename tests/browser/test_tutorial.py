"""The tutorial in the browser: lesson steps, quiz questions, feedback and the result as cards.

The expected cards come from the same walk through the tutorial over REST
(always the first button), so the test follows the assistant's real payloads.
"""
from __future__ import annotations

from typing import List, Tuple

import pytest
from playwright.sync_api import expect

from tests.browser.widget import Widget
from tests.servers import Chat

pytestmark = [pytest.mark.browser, pytest.mark.servers]


def tutorial_by_first_buttons(chat: Chat) -> Tuple[List[dict], List[str]]:
    """Over REST: start the tutorial, press the first button until a quiz result.

    Returns the payloads and, for each, the text of the message it follows.
    """
    payloads: List[dict] = []
    texts: List[str] = []
    messages = chat.say("/start_tutorial")
    for _ in range(30):
        for before, message in zip([{}] + messages, messages):
            if "custom" in message:
                payloads.append(message["custom"])
                texts.append(before.get("text", ""))
        if payloads[-1]["type"] == "quiz_result":
            return payloads, texts
        messages = chat.say([m["buttons"] for m in messages if m.get("buttons")][-1][0]["payload"])
    raise AssertionError("no quiz result over REST")


def of_type(payloads: List[dict], kind: str) -> List[dict]:
    return [p for p in payloads if p["type"] == kind]


def test_a_lesson_and_its_quiz_show_as_cards(demo: Widget, chat: Chat) -> None:
    payloads, texts = tutorial_by_first_buttons(chat)
    demo.open()
    demo.wait_for_menu()
    demo.click_reply(demo.replies.get_by_role("button", name="Start the tutorial"))
    page = demo.page
    for _ in range(30):
        if page.locator(".oiw-card-quiz_result").count():
            break
        demo.click_reply(demo.replies.get_by_role("button").first)

    lessons = page.locator(".oiw-card-lesson")
    expected = of_type(payloads, "lesson")
    expect(lessons).to_have_count(len(expected))
    for card, step in zip(lessons.all(), expected):
        expect(card.locator(".oiw-eyebrow")).to_have_text(f"Lesson · step {step['step']} of {step['of']}")
        expect(card.locator(".oiw-card-title")).to_have_text(step["title"])
        expect(card).to_contain_text(step["text"])
        if "example" in step:
            expect(card).to_contain_text(step["example"]["summary"])
    said = [text for payload, text in zip(payloads, texts) if payload["type"] in ("lesson", "quiz")]
    shown = demo.bot_texts()
    assert not [part for text in said for part in text.split("\n\n") if part in shown], \
        "lesson and quiz cards replace their texts"

    questions = page.locator(".oiw-card-quiz")
    expected = of_type(payloads, "quiz")
    expect(questions).to_have_count(len(expected))
    for card, question in zip(questions.all(), expected):
        expect(card.locator(".oiw-card-title")).to_have_text(question["question"])
        expect(card.locator("li")).to_have_count(0)  # the buttons offer the options; they are not listed twice

    feedback = page.locator(".oiw-card-quiz_feedback")
    expected = of_type(payloads, "quiz_feedback")
    expect(feedback).to_have_count(len(expected))
    for card, answer in zip(feedback.all(), expected):
        expect(card).to_have_class(f"oiw-card oiw-card-quiz_feedback oiw-{'right' if answer['correct'] else 'wrong'}")
        expect(card).to_contain_text(answer["explanation"])

    result = page.locator(".oiw-card-quiz_result")
    expect(result.locator(".oiw-card-title")).to_have_text(of_type(payloads, "quiz_result")[0]["title"])
    for line in texts[-1].split("\n"):
        expect(result).to_contain_text(line)
    assert texts[-1].split("\n")[0] not in "".join(shown), "the result card holds its text"
    expect(demo.replies.get_by_role("button").first).to_be_visible()
