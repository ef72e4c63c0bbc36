"""Rasa's tracker store configured by the single database URL, on SQLite and PostgreSQL."""
from __future__ import annotations

import asyncio

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig, read_endpoint_config

from bot.storage.tracker_store import ERASE_ACTION, UrlTrackerStore
from tests.storage.support import save_chat, tracker_store


def tracker(sender_id: str, *texts: str) -> DialogueStateTracker:
    result = DialogueStateTracker(sender_id, [])
    result.update(ActionExecuted("action_listen"))
    for said in texts:
        result.update(UserUttered(said, {"name": "greet", "confidence": 1.0}))
        result.update(BotUttered(f"you said {said}"))
        result.update(ActionExecuted("action_listen"))
    return result


def test_save_and_retrieve_a_tracker(database_url: str) -> None:
    store = tracker_store(database_url)
    assert isinstance(store, UrlTrackerStore)
    assert str(store.engine.url.render_as_string(hide_password=False)) == database_url

    asyncio.run(store.save(tracker("t-1", "hello", "bye")))
    again = asyncio.run(tracker_store(database_url).retrieve("t-1"))

    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["hello", "bye"]
    assert "t-1" in asyncio.run(store.keys())


def test_an_empty_url_falls_back_to_the_environment(db_env: str) -> None:
    store = TrackerStore.create(
        EndpointConfig(url="", type="bot.storage.tracker_store.UrlTrackerStore"), Domain.empty())
    assert store.engine.url.render_as_string(hide_password=False) == db_env


def test_endpoints_yml_with_the_environment_variable(db_env: str, tmp_path) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: bot.storage.tracker_store.UrlTrackerStore\n"
                         "  url: ${OI_DATABASE_URL}\n")
    store = TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"), Domain.empty())
    assert isinstance(store, UrlTrackerStore)
    asyncio.run(store.save(tracker("t-2", "hi")))
    assert asyncio.run(store.retrieve("t-2")) is not None


def test_a_turn_that_ran_the_erase_action_leaves_no_events(database_url: str) -> None:
    save_chat(database_url, "t-3", [("my name is Ann", "hello Ann")])
    store = tracker_store(database_url)
    current = asyncio.run(store.retrieve("t-3"))
    current.update(UserUttered("delete my data", {"name": "delete_my_data", "confidence": 1.0}))
    current.update(ActionExecuted(ERASE_ACTION))
    current.update(BotUttered("Your data has been deleted."))
    current.update(ActionExecuted("action_listen"))

    asyncio.run(store.save(current))

    assert asyncio.run(store.retrieve("t-3")) is None
    save_chat(database_url, "t-4", [("keep me", "ok")])
    assert asyncio.run(store.retrieve("t-4")) is not None


def test_an_sqlite_file_keeps_its_connections_between_turns(tmp_path) -> None:
    """Both the tracker store and our engines reuse pooled SQLite connections, with our pragmas."""
    from sqlalchemy import text

    from bot.storage.database import make_engine

    url = f"sqlite:///{tmp_path / 'pooled.db'}"
    store = tracker_store(url)
    asyncio.run(store.save(tracker("t-pool", "hello")))
    for engine in (store.engine, make_engine(url)):
        with engine.connect() as first:
            raw = first.connection.dbapi_connection
            settings = [first.execute(text(f"PRAGMA {name}")).scalar()
                        for name in ("journal_mode", "synchronous", "foreign_keys")]
        with engine.connect() as second:
            assert second.connection.dbapi_connection is raw
        assert settings == ["wal", 1, 1]
        engine.dispose()
