"""What the bot understood, turn by turn, and the counts built on it, from real tracker events."""
from __future__ import annotations

from bot.storage import annotations, corrections, erasure, followups, review, stats
from bot.storage.conversations import (
    create_followup,
    record_misconception,
    record_profile,
    record_recommendation,
)
from bot.storage.database import transaction
from bot.storage.migrate import upgrade
from bot.storage.turns import load_turns
from tests.storage.chats import (
    MACHINE_SHOP,
    RANKED_MODELS,
    RANKED_PARTNERS,
    bakery_turns,
    dropped_turns,
    save_turns,
)
from tests.storage.support import count_rows


def _bakery(url: str, sender: str = "bakery") -> None:
    save_turns(url, sender, bakery_turns())
    record_profile(sender, {"sector": "retail", "innovation_need": "new_product"}, url=url)
    record_recommendation(sender, RANKED_MODELS, RANKED_PARTNERS, [], url=url)
    for card in ("only_for_large_firms", "giving_away_secrets", "too_costly_complex"):
        record_misconception(sender, card, url=url)


def test_turns_show_titles_intents_entities_slots_and_answers(database_url: str) -> None:
    upgrade(database_url)
    _bakery(database_url)
    with transaction(database_url) as connection:
        turns = load_turns(connection, "bakery")
    owner = [t for t in turns if t.speaker == "user"]
    assert [t.text for t in owner] == ["hello there", "Diagnose my firm", MACHINE_SHOP,
                                      "isn't this only for big companies?", "New products",
                                      "Just exploring", "wibble flop"]
    assert [t.clicked for t in owner] == [False, True, False, False, True, True, False]
    shop = owner[2]
    assert (shop.intent, shop.confidence, shop.low_confidence, shop.fallback) == ("inform", 0.55, True, False)
    assert [(e.entity, e.value, e.role, e.confidence, e.extractor) for e in shop.entities] == [
        ("sector", "retail", None, None, "KnowledgeEntityExtractor"),
        ("company_size", "small", "answer", 0.82, "AnswerReader")]
    assert shop.slots == [("sector", "retail"), ("company_size", "small")]  # contact slot hidden
    doubt = owner[3]
    assert doubt.misconception == "only_for_large_firms"
    assert doubt.answers == [("misconception", "only_for_large_firms")]
    assert owner[4].slots == [("innovation_need", "new_product")]
    assert owner[6].fallback and not owner[6].low_confidence
    bot_payloads = [t.payload["type"] for t in turns if t.speaker == "bot" and t.payload]
    assert bot_payloads.count("misconception") == 3 and "recommendation" in bot_payloads


def test_the_list_counts_the_top_three_and_only_voiced_misconceptions(database_url: str) -> None:
    upgrade(database_url)
    _bakery(database_url)
    save_turns(database_url, "gone", dropped_turns())
    with transaction(database_url) as connection:
        review.register_transcript_senders(connection)
        rows, total = review.list_conversations(connection, review.ConversationFilter())
        record = review.conversation_record(connection, "bakery")
    by_id = {row.sender_id: row for row in rows}
    bakery, gone = by_id["bakery"], by_id["gone"]
    assert total == 2
    assert bakery.models == RANKED_MODELS[:3] and bakery.partners == RANKED_PARTNERS[:3]
    assert bakery.misconceptions == ["only_for_large_firms"]  # three cards were sent, one voiced
    assert (bakery.preview, bakery.length, bakery.outcome) == ("hello there", 7, "recommendation")
    assert (bakery.fallbacks, bakery.low_confidence) == (1, 1)
    assert (gone.preview, gone.length, gone.outcome, gone.models) == ("we make furniture", 1, "dropped", [])
    with transaction(database_url) as connection:
        assert review.conversation_record(connection, "gone").profile == {"sector": "manufacturing"}
    assert [m for m, _at in record.misconceptions] == ["only_for_large_firms"]
    assert record.recommendations[-1].models == RANKED_MODELS[:3]


def test_filters_by_tag_intent_fallback_confidence_outcome_and_voiced(database_url: str) -> None:
    upgrade(database_url)
    _bakery(database_url)
    save_turns(database_url, "gone", dropped_turns())
    with transaction(database_url) as connection:
        review.register_transcript_senders(connection)
        annotations.add_tag(connection, "gone", "  Content  GAP ", author="sam")

    def listed(**chosen) -> set:  # type: ignore[no-untyped-def]
        with transaction(database_url) as connection:
            rows, total = review.list_conversations(connection, review.ConversationFilter(**chosen))
        assert total == len(rows)
        return {row.sender_id for row in rows}

    assert listed(tag="content gap") == {"gone"}
    assert listed(intent="misconception") == {"bakery"} and listed(intent="inform") == {"bakery", "gone"}
    assert listed(fallback=True) == {"bakery"} and listed(fallback=False) == {"gone"}
    assert listed(low_confidence=True) == {"bakery", "gone"}
    assert listed(outcome="dropped") == {"gone"} and listed(outcome="recommendation") == {"bakery"}
    assert listed(misconception="only_for_large_firms") == {"bakery"}
    assert listed(misconception="giving_away_secrets") == set()
    assert listed(outcome="dropped", tag="content gap", intent="inform") == {"gone"}
    with transaction(database_url) as connection:
        choices = review.filter_choices(connection)
    assert choices["misconception"] == ["only_for_large_firms"]
    assert choices["tag"][:3] == ["misunderstood", "good example", "content gap"]
    assert "nlu_fallback" in choices["intent"] and "misconception" in choices["intent"]


def test_overview_figures_are_not_flat(database_url: str) -> None:
    upgrade(database_url)
    _bakery(database_url, "one")
    _bakery(database_url, "two")
    record_recommendation("three", list(reversed(RANKED_MODELS)), RANKED_PARTNERS[3:], [], url=database_url)
    save_turns(database_url, "gone", dropped_turns())
    with transaction(database_url) as connection:
        review.register_transcript_senders(connection)
        figures = stats.overview(connection)
    assert figures.models[:3] == [(m, 2) for m in sorted(RANKED_MODELS[:3])]
    assert len(figures.models) == 6 and {count for _m, count in figures.models[3:]} == {1}
    assert dict(figures.partners)["supplier"] == 2 and "government_agency" not in dict(figures.partners)
    assert figures.misconceptions == [("only_for_large_firms", 2)]
    funnel = figures.funnel
    assert (funnel.started, funnel.recommended, funnel.followup, funnel.dropped) == (4, 3, 0, 1)
    assert funnel.dropped_at == [("innovation_need", 1)]


def test_erasure_takes_tags_notes_corrections_and_follow_up_notes_too(database_url: str) -> None:
    upgrade(database_url)
    _bakery(database_url)
    reference = create_followup("bakery", consent_text="I agree.", name="Ann Lee", company="Lee GmbH",
                                email="ann@lee.example", url=database_url)
    with transaction(database_url) as connection:
        shop = next(t for t in load_turns(connection, "bakery") if t.raw == MACHINE_SHOP)
        annotations.add_tag(connection, "bakery", "misunderstood", author="sam")
        annotations.add_note(connection, "bakery", "Ann called about the oven", author="sam")
        corrections.record(connection, "bakery", shop, intent="inform", author="sam")
        followups.add_note(connection, reference, "Ann prefers mornings", author="sam")
        assert count_rows(connection, "bakery") > 6
        erasure.erase(connection, "bakery", actor="ada")
        assert count_rows(connection, "bakery") == 0
        assert load_turns(connection, "bakery") == []
