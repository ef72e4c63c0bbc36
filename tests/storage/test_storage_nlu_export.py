"""Corrections become Rasa NLU training data: kept with author and time, masked, accepted by Rasa."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from sqlalchemy import select

from bot.cli import main as cli
from bot.storage import corrections
from bot.storage.conversations import create_followup
from bot.storage.database import get_engine, transaction
from bot.storage.migrate import upgrade
from bot.storage.nlu_export import export_nlu, mask
from bot.storage.tables import audit_log
from bot.storage.turns import load_turns
from tests.servers import ROOT, base_env
from tests.storage.chats import MACHINE_SHOP, bakery_turns, owner, save_turns


def _turn(url: str, sender: str, text: str):  # type: ignore[no-untyped-def]
    with transaction(url) as connection:
        return next(t for t in load_turns(connection, sender) if t.raw == text)


def _correct_bakery(url: str) -> None:
    """The misread machine shop, and a follow-up whose name the owner also typed in a message."""
    save_turns(url, "bakery", bakery_turns() + owner("Ann Lee from Lee Metall GmbH here", "greet", 0.5))
    assert create_followup("bakery", consent_text="I agree.", name="Ann Lee", company="Lee Metall GmbH",
                           email="ann@lee.example", url=url)
    shop = _turn(url, "bakery", MACHINE_SHOP)
    named = _turn(url, "bakery", "Ann Lee from Lee Metall GmbH here")
    with transaction(url) as connection:
        corrections.record(connection, "bakery", shop, intent="inform", slot="sector",
                           value="manufacturing", author="sam")
        corrections.record(connection, "bakery", named, intent="inform", author="sam")
        corrections.record(connection, "bakery", named, intent="greet", author="ada")  # replaces


def test_a_correction_is_kept_with_who_and_when(database_url: str) -> None:
    upgrade(database_url)
    _correct_bakery(database_url)
    with transaction(database_url) as connection:
        kept = corrections.for_sender(connection, "bakery")
    assert len(kept) == 2
    shop = next(c for c in kept.values() if c.slot)
    assert (shop.predicted_intent, shop.intent, shop.slot, shop.value, shop.span, shop.created_by) == (
        "inform", "inform", "sector", "manufacturing", "shop", "sam")
    assert shop.created_at is not None
    assert {c.created_by for c in kept.values() if not c.slot} == {"ada"}


def test_corrections_that_cannot_train_are_refused(database_url: str) -> None:
    upgrade(database_url)
    save_turns(database_url, "bakery", bakery_turns())
    clicked = _turn(database_url, "bakery", '/start_diagnosis')
    shop = _turn(database_url, "bakery", MACHINE_SHOP)
    with transaction(database_url) as connection:
        with pytest.raises(corrections.CorrectionError, match="typed"):
            corrections.record(connection, "bakery", clicked, intent="greet", author="sam")
        with pytest.raises(corrections.CorrectionError, match="appear"):
            corrections.record(connection, "bakery", shop, intent="inform", slot="sector",
                               value="manufacturing", span="bakery", author="sam")
        with pytest.raises(corrections.CorrectionError, match="both"):
            corrections.record(connection, "bakery", shop, intent="inform", slot="sector", author="sam")


def test_masking_removes_contact_details() -> None:
    text = "I'm Ann Lee of Lee GmbH, ann.lee@lee-gmbh.example, +43 (1) 234-5678, see www.lee.example [x](y)"
    masked = mask(text, {"name": ["Ann Lee"], "company": ["Lee GmbH"]})
    assert masked == "I'm <name> of <company>, <email>, <phone>, see <web address> (x)(y)"
    assert mask("we have 12 people since 2019", {}) == "we have 12 people since 2019"


def test_export_nlu_writes_yaml_rasa_accepts_without_personal_data(db_env: str, tmp_path, capsys) -> None:
    upgrade(db_env)
    _correct_bakery(db_env)
    target = tmp_path / "corrections.yml"
    assert cli(["review", "export-nlu", "--output", str(target)]) == 0
    assert "wrote 2 corrected example(s)" in capsys.readouterr().err
    content = target.read_text(encoding="utf-8")
    data = yaml.safe_load(content)
    examples = {item["intent"]: item["examples"] for item in data["nlu"]}
    assert examples["inform"] == (
        '- we run a machine [shop]{"entity": "sector", "value": "manufacturing"}, 12 people, '
        "write to <email> or call <phone>\n")
    assert examples["greet"] == "- <name> from <company> here\n"
    for personal in ("ann@lee.example", "234 5678", "Ann", "Lee Metall"):
        assert personal not in content
    assert oct(os.stat(target).st_mode & 0o777) == "0o600"
    with get_engine(db_env).connect() as connection:
        exports = connection.execute(select(audit_log).where(audit_log.c.action == "export")).all()
    assert [(e.target, e.detail["rows"]) for e in exports] == [("nlu-corrections", 2)]



def test_rasa_data_validate_accepts_the_export(tmp_path) -> None:
    """Rasa's own check, with the exported file added to the training data (SQLite is enough)."""
    url = f"sqlite:///{tmp_path / 'oi_advisor.db'}"
    upgrade(url)
    _correct_bakery(url)
    shop = _turn(url, "bakery", "isn't this only for big companies?")
    with transaction(url) as connection:
        corrections.record(connection, "bakery", shop, intent="misconception/loss_of_control",
                           slot="barrier", value="imitation_risk", span="big companies", author="sam")
        target = tmp_path / "corrections.yml"
        target.write_text(export_nlu(connection, actor="test").content, encoding="utf-8")
    assert "misconception/loss_of_control" in target.read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--fail-on-warnings",
         "--data", "data", str(target)],
        cwd=ROOT, env=base_env("sqlite://", 0), capture_output=True, text=True, timeout=600,
    )
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if "UserWarning" in line or "ERROR" in line]
    assert result.returncode == 0 and not problems, "\n".join(problems) or result.stderr[-2000:]


def test_export_nlu_without_corrections_is_an_empty_valid_file(db_env: str, capsys) -> None:
    assert cli(["review", "export-nlu"]) == 0
    assert yaml.safe_load(capsys.readouterr().out) == {"version": "3.1", "nlu": []}
    with transaction(db_env) as connection:
        assert export_nlu(connection, actor="t").examples == 0
