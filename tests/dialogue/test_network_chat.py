"""The chat's matching consent: replies, the Rasa actions with the real SDK tracker and a real
SQLite database, and the domain and rules that declare them."""
from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, Dict, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import network as network_actions
from actions.network import ActionNetworkConsent, ActionNetworkDeclined, ActionNetworkWithdraw, offer_matching
from bot.dialogue import network
from bot.network.consent import CONSENT_TEXT, QUESTION
from bot.storage import network as stored_network
from bot.storage.database import transaction
from bot.storage.migrate import ensure_schema
from bot.storage.tables import network_consents

ROOT = Path(__file__).resolve().parents[2]
SLOTS = {"sector": "manufacturing", "company_size": "small", "innovation_need": "new_product",
         "innovation_stage": "development", "offer": ["capacity"], "barriers": ["lack_tech_info"]}


@pytest.fixture
def db(tmp_path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh SQLite database that the actions use through ``OI_DATABASE_URL``."""
    url = f"sqlite:///{tmp_path / 'actions.db'}"
    monkeypatch.setenv("OI_DATABASE_URL", url)
    ensure_schema(url)
    return url


def tracker(matching: Optional[str] = None, sender: str = "owner-1") -> Tracker:
    message = {"text": "", "intent": {"name": "agree_matching", "confidence": 1.0}, "entities": []}
    return Tracker(sender, {**SLOTS, network.SLOT: matching}, message, [], False, None, {}, "action_listen")


def run(action: Any, matching: Optional[str] = None):  # type: ignore[no-untyped-def]
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker(matching), {})
    slots: Dict[str, Any] = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    return slots, dispatcher.messages


def test_the_offer_shows_the_whole_wording_with_two_answers() -> None:
    reply = network.offer()
    assert reply.text == CONSENT_TEXT and reply.text.startswith(QUESTION)
    assert reply.payload == {"type": "consent", "id": "network"}
    assert [b.payload for b in reply.buttons] == ["/agree_matching", "/decline_matching"]


def test_the_offer_comes_once() -> None:
    dispatcher = CollectingDispatcher()
    assert offer_matching(dispatcher, tracker()) == [{"event": "slot", "timestamp": None,
                                                     "name": network.SLOT, "value": "offered"}]
    assert dispatcher.messages[0]["text"] == CONSENT_TEXT
    again = CollectingDispatcher()
    assert offer_matching(again, tracker("declined")) == [] and again.messages == []


def test_yes_stores_the_consent_with_its_wording_and_the_profile(db: str) -> None:
    slots, messages = run(ActionNetworkConsent())
    assert slots == {network.SLOT: "agreed"}
    assert messages[0]["custom"] == {"type": "notice", "id": "network_consent_given"}
    with transaction(db) as connection:
        consent = connection.execute(select(network_consents)).one()
        profile = stored_network.load(connection, "owner-1")
    assert consent.wording == CONSENT_TEXT and consent.withdrawn_at is None
    assert profile.consented and profile.offers == ("capacity",) and profile.sector == "manufacturing"


def test_no_stores_nothing(db: str) -> None:
    slots, messages = run(ActionNetworkDeclined(), "offered")
    assert slots == {network.SLOT: "declined"}
    assert messages[0]["custom"]["id"] == "network_consent_declined"
    with transaction(db) as connection:
        assert stored_network.load(connection, "owner-1") is None


def test_dont_match_me_any_more_withdraws_at_once(db: str) -> None:
    run(ActionNetworkConsent())
    slots, messages = run(ActionNetworkWithdraw(), "agreed")
    assert slots == {network.SLOT: "withdrawn"}
    assert messages[0]["custom"]["id"] == "network_consent_withdrawn"
    with transaction(db) as connection:
        assert not stored_network.has_consent(connection, "owner-1")
        assert stored_network.consenting(connection) == []


def test_a_storage_failure_is_said_and_shares_nothing(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "blocked").write_text("a file where the database folder should be")
    monkeypatch.setenv("OI_DATABASE_URL", f"sqlite:///{tmp_path / 'blocked' / 'x.db'}")
    slots, messages = run(ActionNetworkConsent())
    assert slots == {network.SLOT: "offered"}
    assert messages[0]["custom"]["id"] == "network_consent_failed"


def test_domain_and_rules_declare_the_network_parts() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    ours = {cls().name() for _, cls in inspect.getmembers(network_actions, inspect.isclass)
            if cls.__module__ == network_actions.__name__}
    assert ours == {"action_network_consent", "action_network_declined", "action_network_withdraw"}
    assert ours <= set(domain["actions"])
    assert {"agree_matching", "decline_matching", "withdraw_matching"} <= set(domain["intents"])
    assert domain["slots"][network.SLOT]["influence_conversation"] is False
    rules = yaml.safe_load((ROOT / "data" / "rules" / "network.yml").read_text())["rules"]
    used = {step.get("intent") for rule in rules for step in rule["steps"]} - {None}
    assert {"agree_matching", "decline_matching", "withdraw_matching", "affirm", "deny"} == used
    examples = yaml.safe_load((ROOT / "data" / "nlu" / "network.yml").read_text())["nlu"]
    assert {block["intent"] for block in examples} == {"agree_matching", "decline_matching", "withdraw_matching"}
