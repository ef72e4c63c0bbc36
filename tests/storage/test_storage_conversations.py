"""The API the Rasa actions call: what it stores, what it refuses, and the one error it raises."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text

from bot.followup.request import is_reference
from bot.storage import review
from bot.storage.conversations import (
    create_followup,
    record_misconception,
    record_profile,
    record_recommendation,
    record_tutorial_progress,
)
from bot.storage.database import StorageError, get_engine
from bot.storage.tables import conversations, followups, metadata, misconceptions_raised
from bot.storage.turns import load_turns
from tests.storage.support import save_chat

PROFILE = {"sector": "food", "company_size": "small", "innovation_need": "new_products",
           "innovation_stage": "prototype", "offer": ["capacity"], "barriers": ["money", "time"]}
CONTACT = {"name": "  Ann   Lee ", "company": "Lee Bakery GmbH", "email": "Ann@Lee-Bakery.example",
           "phone": "+43 (1) 234-5678", "preferred_time": " Tuesday mornings "}


def everything_stored(url: str) -> str:
    """Every value in every one of our tables, as one text, to look for personal data."""
    with get_engine(url).connect() as connection:
        rows = [connection.execute(select(table)).all() for table in metadata.sorted_tables]
    return repr(rows)


def test_profile_advice_misconceptions_and_tutorial_are_kept(database_url: str) -> None:
    record_profile("s-1", PROFILE, url=database_url)
    record_recommendation("s-1", ["co_development", {"id": "licensing_in"}], ["universities"],
                                 ["protect_ip"], url=database_url)
    record_misconception("s-1", "too_small_to_collaborate", url=database_url)
    record_tutorial_progress("s-1", "intro", step=2, score=3, url=database_url)
    record_tutorial_progress("s-1", "intro", step=4, score=2, done=True, url=database_url)

    with get_engine(database_url).connect() as connection:
        record = review.conversation_record(connection, "s-1")
    assert record.row.sector == "food" and record.row.innovation_stage == "prototype"
    assert record.profile["barriers"] == ["money", "time"]
    assert record.recommendations[0].models == ["co_development", "licensing_in"]
    assert record.misconceptions == []  # only what the owner voiced in the transcript counts
    with get_engine(database_url).connect() as connection:
        cards = connection.execute(select(misconceptions_raised.c.misconception_id)).scalars().all()
    assert cards == ["too_small_to_collaborate"]
    assert record.tutorial == [{"lesson_id": "intro", "step": 4, "best_score": 3, "done": True,
                                "updated_at": record.tutorial[0]["updated_at"]}]


def test_followup_with_consent_is_stored_normalised_with_a_reference(database_url: str) -> None:
    reference = create_followup("s-2", consent_text="I agree to ...", url=database_url, **CONTACT)

    assert is_reference(reference)
    with get_engine(database_url).connect() as connection:
        row = connection.execute(select(followups)).one()
    assert (row.reference, row.sender_id, row.status) == (reference, "s-2", "new")
    assert (row.name, row.email, row.phone) == ("Ann Lee", "Ann@lee-bakery.example", "+43 1 2345678")
    assert row.preferred_time == "Tuesday mornings"
    assert row.consent_text == "I agree to ..." and row.consented_at is not None


def test_without_consent_nothing_personal_is_stored(database_url: str) -> None:
    record_profile("s-3", PROFILE, url=database_url)
    before = everything_stored(database_url)

    assert create_followup("s-3", consent_text="", url=database_url, **CONTACT) is None
    assert create_followup("s-3", consent_text="   ", url=database_url, **CONTACT) is None

    after = everything_stored(database_url)
    for personal in ("Ann", "Lee Bakery", "lee-bakery", "+43", "5678", "Tuesday"):
        assert personal not in after
    assert after.count("s-3") == before.count("s-3")


def test_invalid_contact_details_store_nothing(database_url: str) -> None:
    bad = dict(CONTACT, email="not-an-address", phone="")
    assert create_followup("s-4", consent_text="yes", url=database_url, **bad) is None
    assert create_followup("s-4", consent_text="yes", url=database_url,
                           **dict(CONTACT, email="", phone="")) is None
    with get_engine(database_url).connect() as connection:
        assert connection.execute(select(followups)).all() == []
        assert connection.execute(select(conversations)).all() == []


def test_a_database_error_is_raised_as_a_storage_error(tmp_path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not an SQLite database " * 200)
    url = f"sqlite:///{broken}"
    with pytest.raises(StorageError, match="record_profile failed") as raised:
        record_profile("s-5", PROFILE, url=url)
    assert raised.value.__cause__ is not None
    with pytest.raises(StorageError, match="record_misconception failed"):
        record_misconception("s-5", "x", url=url)
    with pytest.raises(StorageError, match="create_followup failed"):
        create_followup("s-5", consent_text="yes", url=url, **CONTACT)


def test_an_unreachable_server_is_raised_as_a_storage_error() -> None:
    url = "postgresql://postgres@127.0.0.1:9/nothing?connect_timeout=2"
    with pytest.raises(StorageError, match="record_recommendation failed"):
        record_recommendation("s-6", ["x"], [], [], url=url)


def test_full_text_search_finds_words_in_the_transcript(database_url: str) -> None:
    save_chat(database_url, "s-7", [("We bake rye bread for Müller & Söhne", "Nice!")])
    save_chat(database_url, "s-8", [("We make furniture 100%", "Good.")])
    record_profile("s-7", PROFILE, url=database_url)

    def found(needle: str) -> list:
        with get_engine(database_url).begin() as connection:
            review.register_transcript_senders(connection)
            rows, _total = review.list_conversations(connection, review.ConversationFilter(text=needle))
        return sorted(row.sender_id for row in rows)

    assert found("RYE bread") == ["s-7"]
    assert found("müller") == ["s-7"]
    assert found("100%") == ["s-8"]
    assert found("%") == ["s-8"]
    assert found("nothing like this") == []


def test_the_transcript_is_read_from_rasas_events(database_url: str) -> None:
    save_chat(database_url, "s-9", [("Hello <script>alert(1)</script>", "Hi, I am OI Advisor.")])
    with get_engine(database_url).connect() as connection:
        lines = load_turns(connection, "s-9")
        assert connection.execute(text("SELECT count(*) FROM events")).scalar_one() > 2
    assert [(line.speaker, line.text) for line in lines] == [
        ("user", "Hello <script>alert(1)</script>"), ("bot", "Hi, I am OI Advisor.")]
    assert lines[0].intent == "inform" and lines[0].at is not None
