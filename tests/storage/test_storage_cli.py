"""``python -m bot`` storage commands on a real database, as an admin would run them."""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main as cli
from bot.storage import migrate
from bot.storage.conversations import create_followup, record_profile
from bot.storage.database import get_engine
from bot.storage.tables import audit_log, staff_users
from tests.storage.support import count_rows, save_chat

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def requests_made(db_env: str) -> dict:
    """Two conversations with follow-up requests, the older one contacted already."""
    references = {}
    for sender, company in (("cli-1", "=Evil Corp"), ("cli-2", "Lee Bakery")):
        save_chat(db_env, sender, [("I need partners", "Let us look.")])
        record_profile(sender, {"sector": "food"})
        references[sender] = create_followup(sender, consent_text="yes", name="Ann Lee",
                                             company=company, email=f"{sender}@example.org")
    return references


def test_create_user_reads_the_password_from_stdin(db_env: str, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("a long enough password\n"))
    assert cli(["staff", "create-user", "Anna", "--role", "admin", "--password-stdin"]) == 0
    assert capsys.readouterr().out == "created admin account anna\n"
    with get_engine(db_env).connect() as connection:
        user = connection.execute(select(staff_users)).one()
        actions = list(connection.execute(select(audit_log.c.action)).scalars())
    assert (user.username, user.role) == ("anna", "admin")
    assert actions == ["create_user"]

    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert cli(["staff", "create-user", "bob", "--role", "staff", "--password-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err


def test_followups_list_as_table_and_json(requests_made: dict, capsys) -> None:
    assert cli(["followups", "list"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 2 and table[0].startswith(requests_made["cli-2"])  # newest first
    assert "'=Evil Corp" in table[1]

    assert cli(["followups", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["reference"] for item in listed] == [requests_made["cli-2"], requests_made["cli-1"]]
    assert listed[1]["company"] == "=Evil Corp" and listed[0]["status"] == "new"


def test_export_to_a_private_file(requests_made: dict, tmp_path: Path, capsys) -> None:
    target = tmp_path / "followups.csv"
    assert cli(["export", "--dataset", "followups", "--format", "csv", "--output", str(target)]) == 0
    assert "wrote 2 followups" in capsys.readouterr().err
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    companies = {row["company"] for row in csv.DictReader(target.open(newline=""))}
    assert companies == {"'=Evil Corp", "Lee Bakery"}

    assert cli(["export", "--format", "json"]) == 0
    assert {row["sender_id"] for row in json.loads(capsys.readouterr().out)} == {"cli-1", "cli-2"}


def test_erase_and_purge(requests_made: dict, db_env: str, capsys) -> None:
    assert cli(["erase", "cli-1"]) == 0
    assert "erased cli-1" in capsys.readouterr().out
    assert cli(["erase", "cli-1"]) == 1
    with get_engine(db_env).connect() as connection:
        assert count_rows(connection, "cli-1") == 0
    assert cli(["purge", "--older-than", "1"]) == 0
    assert "purged 0 conversation(s)" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli(["purge", "--older-than", "0"])


def test_python_dash_m_bot_runs_as_a_program(db_env: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd="/", env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"revision {migrate.head_revision()}" in done.stdout
