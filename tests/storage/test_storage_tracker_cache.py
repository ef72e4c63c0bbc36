"""The tracker kept between turns: used only while the database confirms it, on SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.storage.tracker_cache import TrackerCache
from bot.storage.tracker_store import ERASE_ACTION, UrlTrackerStore
from bot.storage.transcript import delete_sender_events
from tests.storage.support import save_chat, tracker_store


def said(tracker: DialogueStateTracker, text: str, intent: str = "inform") -> DialogueStateTracker:
    """One more owner turn: the message, a reply and listening again."""
    tracker.update(UserUttered(text, {"name": intent, "confidence": 1.0}))
    tracker.update(BotUttered(f"you said {text}"))
    tracker.update(ActionExecuted("action_listen"))
    return tracker


def texts(tracker: DialogueStateTracker) -> list:
    return [event.text for event in tracker.events if isinstance(event, UserUttered)]


def started(store: UrlTrackerStore, sender_id: str, *messages: str) -> DialogueStateTracker:
    """A conversation saved through ``store``, then read back as the next turn reads it."""
    save_chat(store.engine.url.render_as_string(hide_password=False), sender_id,
              [(text, "ok") for text in messages])
    tracker = asyncio.run(store.retrieve(sender_id))
    assert tracker is not None
    return tracker


def test_the_next_turn_gets_the_tracker_the_last_one_saved(database_url: str) -> None:
    store = tracker_store(database_url)
    tracker = said(started(store, "k-1", "we make bread"), "12 people")
    asyncio.run(store.save(tracker))

    again = asyncio.run(store.retrieve("k-1"))

    assert again is tracker
    fresh = asyncio.run(tracker_store(database_url).retrieve("k-1"))
    assert texts(fresh) == texts(again) == ["we make bread", "12 people"]
    assert len(fresh.events) == len(again.events)


def test_a_turn_saved_by_another_server_is_read_from_the_database(database_url: str) -> None:
    ours, other = tracker_store(database_url), tracker_store(database_url)
    asyncio.run(ours.save(said(started(ours, "k-2", "hello"), "a bakery")))

    theirs = said(asyncio.run(other.retrieve("k-2")), "12 staff")
    asyncio.run(other.save(theirs))

    assert texts(asyncio.run(ours.retrieve("k-2"))) == ["hello", "a bakery", "12 staff"]


def test_a_conversation_erased_elsewhere_is_not_served_from_memory(database_url: str) -> None:
    store = tracker_store(database_url)
    asyncio.run(store.save(said(started(store, "k-3", "my phone is 0711 5550199"), "ok")))

    with store.engine.begin() as connection:
        delete_sender_events(connection, "k-3")

    assert asyncio.run(store.retrieve("k-3")) is None
    assert len(store.kept) == 0


def test_the_erasing_turn_keeps_nothing(database_url: str) -> None:
    store = tracker_store(database_url)
    tracker = said(started(store, "k-4", "hello"), "delete my data", "delete_my_data")
    tracker.update(ActionExecuted(ERASE_ACTION))
    asyncio.run(store.save(tracker))

    assert len(store.kept) == 0
    assert asyncio.run(store.retrieve("k-4")) is None


def test_a_tracker_is_handed_out_once(database_url: str) -> None:
    store = tracker_store(database_url)
    tracker = said(started(store, "k-5", "hello"), "a bakery")
    asyncio.run(store.save(tracker))

    first = asyncio.run(store.retrieve("k-5"))
    first.update(UserUttered("never saved", {"name": "inform", "confidence": 1.0}))
    second = asyncio.run(store.retrieve("k-5"))

    assert first is tracker and second is not tracker
    assert texts(second) == ["hello", "a bakery"]


def test_keeping_can_be_switched_off(database_url: str) -> None:
    store = UrlTrackerStore(domain=Domain.empty(), host=database_url, keep_trackers=False)
    tracker = said(started(store, "k-6", "hello"), "a bakery")
    asyncio.run(store.save(tracker))

    again = asyncio.run(store.retrieve("k-6"))

    assert again is not tracker and texts(again) == ["hello", "a bakery"]


def test_a_new_domain_forgets_the_kept_trackers(database_url: str) -> None:
    store = tracker_store(database_url)
    asyncio.run(store.save(said(started(store, "k-7", "hello"), "a bakery")))
    assert len(store.kept) == 1

    store.domain = Domain.empty()

    assert len(store.kept) == 0


def test_the_cache_is_bounded_and_expires() -> None:
    cache = TrackerCache(seconds=60.0, size=2)
    trackers = [DialogueStateTracker(f"s-{n}", []) for n in range(3)]
    for tracker in trackers:
        cache.keep(tracker, (0, None))

    assert len(cache) == 2
    assert cache.take("s-0", (0, None)) is None
    assert cache.take("s-2", (1, 5)) is None, "a different stored state is out of date"
    assert cache.take("s-1", (0, None)) is trackers[1]

    expiring = TrackerCache(seconds=0.0)
    expiring.keep(trackers[0], (0, None))
    assert expiring.take("s-0", (0, None)) is None


def test_the_stored_key_counts_the_session_rasa_reads(database_url: str) -> None:
    store = tracker_store(database_url)
    url = store.engine.url.render_as_string(hide_password=False)
    save_chat(url, "k-8", [("first session", "ok")], at=1_000_000.0)
    save_chat(url, "k-8", [("second session", "ok"), ("more", "ok")])

    count, newest = store.stored_key("k-8")

    latest = asyncio.run(store.retrieve("k-8")).events
    assert count == len(latest) and count in (8, 9), "the first session is not counted"
    assert newest is not None and store.stored_key("nobody") == (0, None)
