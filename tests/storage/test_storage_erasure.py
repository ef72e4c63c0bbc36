"""Erase and purge remove everything stored for a sender, Rasa's transcript included."""
from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy import func, select, text, update

from bot.storage import audit
from bot.storage.conversations import (
    create_followup,
    erase_sender,
    record_misconception,
    record_profile,
    record_recommendation,
    record_tutorial_progress,
)
from bot.storage.database import get_engine, transaction, utcnow
from bot.storage.erasure import erased_label, purge
from bot.storage.tables import audit_log, classes, conversations, quiz_answers
from tests.storage.support import count_rows, save_chat

DAY = 24 * 3600


def full_conversation(url: str, sender_id: str, at: float = None) -> str:
    """A conversation with every kind of row we keep, plus a follow-up; returns its reference."""
    save_chat(url, sender_id, [("I run a bakery", "Tell me more."), ("Contact me", "Sure.")], at=at)
    record_profile(sender_id, {"sector": "food"}, url=url)
    record_recommendation(sender_id, ["co_development"], ["universities"], ["g"], url=url)
    record_misconception(sender_id, "too_small", url=url)
    record_tutorial_progress(sender_id, "intro", step=1, url=url)
    with transaction(url) as connection:
        code = f"C-{sender_id}"[:20]
        connection.execute(classes.insert().values(code=code, name="Class", created_at=utcnow()))
        connection.execute(quiz_answers.insert().values(
            sender_id=sender_id, class_code=code, lesson_id="intro", question_id="q1",
            correct=True, learner_name="Kim", answered_at=utcnow()))
        audit.record(connection, "anna", "view", sender_id)
    return create_followup(sender_id, consent_text="yes", name="Ann Lee", company="Lee Bakery",
                           email="ann@lee.example", url=url)


def events_of(url: str, sender_id: str) -> int:
    with get_engine(url).connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender_id}).scalar_one()


def test_erase_sender_removes_every_row_and_the_transcript(database_url: str) -> None:
    reference = full_conversation(database_url, "gone")
    full_conversation(database_url, "kept")
    with transaction(database_url) as connection:
        audit.record(connection, "anna", "view", reference)
    assert events_of(database_url, "gone") > 0

    erase_sender("gone", url=database_url)

    with get_engine(database_url).connect() as connection:
        assert count_rows(connection, "gone") == 0
        assert count_rows(connection, "kept") == 6
        targets = list(connection.execute(select(audit_log.c.target)).scalars())
    assert events_of(database_url, "gone") == 0
    assert events_of(database_url, "kept") > 0
    assert "gone" not in targets and reference not in targets
    assert targets.count(erased_label("gone")) == 3  # two views and the erasure itself


def test_erasing_an_unknown_sender_is_harmless(database_url: str) -> None:
    erase_sender("never-seen", url=database_url)


def test_purge_erases_idle_conversations_only(database_url: str) -> None:
    full_conversation(database_url, "old", at=time.time() - 40 * DAY)
    full_conversation(database_url, "new")
    save_chat(database_url, "old-chat-only", [("hello", "hi")], at=time.time() - 40 * DAY)
    with transaction(database_url) as connection:
        connection.execute(update(conversations).where(conversations.c.sender_id == "old")
                           .values(last_seen_at=utcnow() - timedelta(days=40)))

    with transaction(database_url) as connection:
        assert len(purge(connection, 30, actor="system")) == 2

    with get_engine(database_url).connect() as connection:
        assert count_rows(connection, "old") == 0
        assert count_rows(connection, "new") == 6
        purges = connection.execute(
            select(func.count()).select_from(audit_log).where(audit_log.c.action == "purge")
        ).scalar_one()
    assert events_of(database_url, "old") == 0 and events_of(database_url, "old-chat-only") == 0
    assert events_of(database_url, "new") > 0
    assert purges == 1


def test_recent_transcript_activity_protects_a_conversation_from_purge(database_url: str) -> None:
    record_profile("active", {"sector": "food"}, url=database_url)
    with transaction(database_url) as connection:
        connection.execute(update(conversations).values(last_seen_at=utcnow() - timedelta(days=90)))
    save_chat(database_url, "active", [("still here", "welcome back")])

    with transaction(database_url) as connection:
        assert purge(connection, 30, actor="system") == []
    with get_engine(database_url).connect() as connection:
        assert count_rows(connection, "active") == 1
