"""Exports: formula injection is neutralised in CSV, JSON stays exact, every export is audited."""
from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from bot.storage import export, review
from bot.storage.conversations import (
    create_followup,
    record_misconception,
    record_profile,
    record_recommendation,
)
from bot.storage.database import transaction
from bot.storage.migrate import upgrade
from bot.storage.tables import audit_log
from tests.storage.chats import RANKED_MODELS, RANKED_PARTNERS, bakery_turns, save_turns

DANGEROUS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("cell", DANGEROUS)
def test_formula_cells_get_an_apostrophe(cell: str) -> None:
    assert export.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Lee Bakery", "", "a=b", "'quoted", 42, -3, None])
def test_other_cells_are_unchanged(cell) -> None:
    assert export.neutralise(cell) == cell


def test_csv_export_neutralises_owner_typed_text(database_url: str) -> None:
    record_profile("x-1", {"sector": "=cmd|' /C calc'!A0"}, url=database_url)
    record_recommendation("x-1", ["co_development"], [], [], url=database_url)
    assert create_followup("x-1", consent_text="yes", name="Ann Lee", company="=1+1",
                           email="ann@lee.example", phone="+43 1 234 5678",
                           preferred_time="@noon", url=database_url)

    with transaction(database_url) as connection:
        followups_csv = export.export(connection, "followups", "csv", actor="anna")
        conversations_csv = export.export(connection, "conversations", "csv", actor="anna")
    row = next(csv.DictReader(io.StringIO(followups_csv.content)))
    assert row["company"] == "'=1+1"
    assert row["phone"] == "'+43 1 2345678"
    assert row["preferred_time"] == "'@noon"
    assert row["name"] == "Ann Lee"
    assert "Firm in =cmd" in row["partnering_profile"]  # inside the cell, not at its start
    assert row["partnering_profile"].startswith("Title: ")
    conversation = next(csv.DictReader(io.StringIO(conversations_csv.content)))
    assert conversation["sector"].startswith("'=")
    assert conversation["models"] == "co_development"
    assert followups_csv.filename == "oi-advisor-followups.csv"


def test_json_export_keeps_values_and_lists(database_url: str) -> None:
    record_profile("x-2", {"sector": "food", "innovation_need": "new_products"}, url=database_url)
    record_recommendation("x-2", ["a", "b"], [], [], url=database_url)
    chosen = review.ConversationFilter(sector="food")
    with transaction(database_url) as connection:
        result = export.export(connection, "conversations", "json", actor="anna", chosen=chosen)
        entry = connection.execute(select(audit_log)).one()
    rows = json.loads(result.content)
    assert rows[0]["sender_id"] == "x-2" and rows[0]["models"] == ["a", "b"]
    assert (entry.actor, entry.action, entry.target) == ("anna", "export", "conversations")
    assert entry.detail == {"format": "json", "rows": 1, "filters": {"sector": "food"}}


def test_exports_hold_the_top_three_and_only_voiced_misconceptions(database_url: str) -> None:
    upgrade(database_url)
    save_turns(database_url, "bakery", bakery_turns())  # the owner voices only_for_large_firms
    record_profile("bakery", {"sector": "retail", "innovation_need": "new_product"}, url=database_url)
    assert len(RANKED_MODELS) > 3 and len(RANKED_PARTNERS) > 3
    record_recommendation("bakery", RANKED_MODELS, RANKED_PARTNERS, [], url=database_url)
    for card in ("only_for_large_firms", "giving_away_secrets", "too_costly_complex"):  # cards sent
        record_misconception("bakery", card, url=database_url)
    with transaction(database_url) as connection:
        review.register_transcript_senders(connection)
        as_json = export.export(connection, "conversations", "json", actor="anna")
        as_csv = export.export(connection, "conversations", "csv", actor="anna")

    (row,) = json.loads(as_json.content)
    assert row["sender_id"] == "bakery"
    assert row["models"] == RANKED_MODELS[:3] and row["partners"] == RANKED_PARTNERS[:3]
    assert row["misconceptions"] == ["only_for_large_firms"]  # three cards sent, one voiced
    (cells,) = list(csv.DictReader(io.StringIO(as_csv.content)))
    assert cells["models"] == "; ".join(RANKED_MODELS[:3])
    assert cells["partners"] == "; ".join(RANKED_PARTNERS[:3])
    assert cells["misconceptions"] == "only_for_large_firms"
    listed = {item for cell in cells.values() for item in cell.split("; ")}
    for unshown in (*RANKED_MODELS[3:], *RANKED_PARTNERS[3:], "giving_away_secrets", "too_costly_complex"):
        assert f'"{unshown}"' not in as_json.content and unshown not in listed


def test_unknown_exports_are_refused(database_url: str) -> None:
    with transaction(database_url) as connection, pytest.raises(ValueError):
        export.export(connection, "staff_users", "csv", actor="anna")
