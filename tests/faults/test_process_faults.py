"""Processes failing under a conversation: the owner is told, nothing is lost, the form resumes.

The servers run under supervisord as ``make run`` runs them; these tests stop,
kill and restart them through supervisorctl, then go on with the same
conversation.
"""
from __future__ import annotations

import os
import signal
import time

import pytest
import requests

from bot.channels.action_outage import APOLOGY
from tests.e2e.diagnosis import last_question
from tests.servers import Chat, Servers

pytestmark = pytest.mark.servers

ANSWERS = {
    "innovation_need": "we'd like to develop a new kind of bread",
    "innovation_stage": "it's just an idea for now",
}


def start_diagnosis(chat: Chat) -> str:
    """Open a diagnosis and answer the firm question; return the slot asked next."""
    chat.say("I'd like advice for my firm")
    slot = last_question(chat.say("we bake bread, about 12 people"))
    assert slot == "innovation_need", slot
    return slot


def stored_texts(chat: Chat) -> list:
    """Every text the bot sent in this conversation, as the tracker store keeps it."""
    import asyncio

    from tests.storage.support import tracker_store

    store = tracker_store(chat.servers.database_url)
    tracker = asyncio.run(store.retrieve_full_tracker(chat.sender))
    store.engine.dispose()
    return [event.text for event in tracker.events if getattr(event, "type_name", "") == "bot"]


def wait_for_actions(servers: Servers, timeout: float = 60) -> None:
    """Wait until the action server answers its health check again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{servers.actions_port}/health", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise AssertionError("the action server did not come back")


def test_action_server_down_mid_diagnosis_then_back(servers: Servers, chat: Chat) -> None:
    slot = start_diagnosis(chat)
    servers.control("stop", "actions")
    try:
        for _ in range(2):  # the owner tries again while it is still down
            messages = chat.say(ANSWERS[slot])
            # replies Rasa makes on its own (a misconception's reality) may come first
            assert messages and messages[-1].get("text") == APOLOGY, messages
            assert last_question(messages) is None, "no question goes unanswered by the form"
    finally:
        servers.control("start", "actions")
    wait_for_actions(servers)
    messages = chat.say(ANSWERS[slot])
    assert last_question(messages) == "innovation_stage", f"the form goes on from the same question: {messages!r}"
    assert stored_texts(chat).count(APOLOGY) == 2, "the apologies are in the transcript"


def test_crashed_action_server_is_restarted_by_supervisord(servers: Servers, chat: Chat) -> None:
    before = servers.pid("actions")
    os.killpg(os.getpgid(before), signal.SIGKILL)
    deadline = time.monotonic() + 60
    while servers.pid("actions") in (0, before) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert servers.pid("actions") not in (0, before), "supervisord did not restart it"
    wait_for_actions(servers)
    assert start_diagnosis(chat) == "innovation_need"


def test_all_servers_restarted_mid_diagnosis_resume_at_the_same_question(
        servers: Servers, chat: Chat) -> None:
    slot = start_diagnosis(chat)
    chat.say(ANSWERS[slot])
    servers.control("restart", "all")
    servers.wait_until_up()
    messages = chat.say(ANSWERS["innovation_stage"])
    assert last_question(messages) not in (None, "sector", "innovation_need", "innovation_stage"), \
        f"after the restart the stage answer should lead to a later question: {messages!r}"
