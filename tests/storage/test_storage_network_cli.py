"""``python -m bot network ...`` on a real database, as staff would run it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main as cli
from bot.network.consent import CONSENT_TEXT
from bot.storage.conversations import create_followup
from bot.storage.database import get_engine
from bot.storage.network_chat import record_network_consent, withdraw_network_consent
from bot.storage.tables import audit_log
from tests.storage.support import save_chat

ROOT = Path(__file__).resolve().parents[2]
LEAD = {"sector": "electronics_telecom", "company_size": "small", "innovation_need": "new_product",
        "innovation_stage": "commercialisation", "offer": ["technology_ip"], "barriers": ["funding_gap"]}


@pytest.fixture
def firms(db_env: str) -> dict:
    """A lead with a follow-up reference and three consenting partners, one of them with funds."""
    save_chat(db_env, "lead-chat", [("we make antennas", "Which stage?")])
    assert record_network_consent("lead-chat", CONSENT_TEXT, LEAD, url=db_env)
    reference = create_followup("lead-chat", consent_text="yes", name="Ann Lee", company="Antenna GmbH",
                                email="ann@antenna.example", url=db_env)
    for sender, sector, offer in (("moulder", "manufacturing", "capacity"), ("shipper", "logistics", "market_access"),
                                  ("circuits", "electronics_telecom", "capacity")):
        assert record_network_consent(sender, CONSENT_TEXT, {"sector": sector, "company_size": "small",
                                                             "innovation_need": "technology_access",
                                                             "offer": [offer]}, url=db_env)
    return {"reference": reference, "url": db_env}


def test_matches_as_json_by_reference_and_by_conversation_id(firms: dict, capsys) -> None:
    assert cli(["network", "matches", firms["reference"], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["firm"] == firms["reference"] and data["conversation"] == "lead-chat"
    assert {m["firm"] for m in data["matches"]} == {"moulder", "shipper", "circuits"}
    assert all(m["reasons"] and m["sources"] and 0 < m["score"] <= 1 for m in data["matches"])
    scores = [m["score"] for m in data["matches"]]
    assert scores == sorted(scores, reverse=True)

    assert cli(["network", "matches", "lead-chat", "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)["matches"]) == 1
    with get_engine(firms["url"]).connect() as connection:
        views = connection.execute(select(audit_log.c.target, audit_log.c.detail)
                                   .where(audit_log.c.action == "view")).all()
    assert [v.target for v in views] == ["lead-chat", "lead-chat"]
    assert views[0].detail == {"via": "cli", "network": "matches"}


def test_consortium_as_json_and_as_text(firms: dict, capsys) -> None:
    assert cli(["network", "consortium", firms["reference"], "--json"]) == 0
    consortium = json.loads(capsys.readouterr().out)["consortium"]
    assert consortium["kind"] == "rd" and 2 <= len(consortium["members"]) <= 4
    assert "funds to invest" in consortium["missing"]
    assert cli(["network", "consortium", firms["reference"]]) == 0
    assert "R&D-focused consortium" in capsys.readouterr().out


def test_withdrawn_firms_vanish_from_the_output(firms: dict, capsys) -> None:
    assert withdraw_network_consent("shipper", url=firms["url"])
    assert cli(["network", "matches", firms["reference"], "--json"]) == 0
    assert "shipper" not in {m["firm"] for m in json.loads(capsys.readouterr().out)["matches"]}
    assert cli(["network", "matches", "shipper", "--json"]) == 1
    assert "withdrew" in capsys.readouterr().err


@pytest.mark.parametrize("reference, message", [
    ("OI-ZZZZ-ZZZZ", "no firm with the reference"),
    ("someone-elses-chat", "no firm with the reference"),
    ("bad\x1bref", "is not a follow-up reference"),
    ("x" * 300, "is not a follow-up reference"),
])
def test_malformed_or_foreign_references_fail_clearly(firms: dict, capsys, reference: str, message: str) -> None:
    assert cli(["network", "consortium", reference, "--json"]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_a_firm_that_never_agreed_is_refused(firms: dict, capsys) -> None:
    save_chat(firms["url"], "shy", [("hello", "hi")])
    assert cli(["network", "matches", "shy"]) == 1
    assert "never agreed to be matched" in capsys.readouterr().err


def test_the_real_command_line(firms: dict) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "bot", "network", "matches", firms["reference"], "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["conversation"] == "lead-chat"
    failed = subprocess.run([sys.executable, "-m", "bot", "network", "matches", "OI-AAAA-AAAA"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1 and "no firm" in failed.stderr
