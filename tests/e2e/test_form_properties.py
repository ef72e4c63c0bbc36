"""Whatever an owner types, the diagnosis ends and never asks a question three times in a row.

Hypothesis draws conversations from held-out owner texts, doubts, chat,
control phrases and arbitrary unicode, and plays them against the real
servers. After the drawn messages the owner skips until the end.
"""
from __future__ import annotations

import uuid
from typing import List, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.diagnosis import last_question, recommendation
from tests.nlu import quality
from tests.servers import Chat, Servers

pytestmark = pytest.mark.servers

CONTROL = ["hello", "start the diagnosis", "why do you ask?", "go back", "help", "what is a living lab?",
           "thanks", "ok", "yes", "no", "hmm", "what do you store?", "asdfghjkl", "12", "🙂"]
POOL = sorted({case["text"] for case in quality.load(quality.ANSWERS)["answers"]}
              | {case["text"] for case in quality.load(quality.DOUBTS)["doubts"]}
              | set(quality.load(quality.ANSWERS)["ordinary"]) | set(CONTROL))
MESSAGES = st.lists(st.one_of(st.sampled_from(POOL), st.text(max_size=80)), min_size=1, max_size=10)
SKIPS = 20


def thrice_in_a_row(asked: List[Optional[str]]) -> bool:
    return any(a is not None and a == b == c for a, b, c in zip(asked, asked[1:], asked[2:]))


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(messages=MESSAGES)
def test_the_form_ends_and_never_asks_three_times(servers: Servers, messages: List[str]) -> None:
    chat = Chat(servers, f"prop-{uuid.uuid4().hex[:10]}")
    asked: List[Optional[str]] = [last_question(chat.say("diagnose my firm"))]
    for text in messages + ["/skip_question"] * SKIPS:
        replies = chat.say(text)
        assert replies, f"silence after {text!r}"
        asked.append(last_question(replies))
        assert not thrice_in_a_row(asked), asked
        if recommendation(replies) or asked[-1] is None and text == "/skip_question":
            break
    assert recommendation(replies) or asked[-1] is None, asked
