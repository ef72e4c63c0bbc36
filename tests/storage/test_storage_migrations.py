"""Migrations upgrade an empty database and one at the previous revision, on both backends."""
from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from bot.cli import main as cli
from bot.storage import migrate
from bot.storage.conversations import create_followup, record_profile
from bot.storage.database import get_engine, transaction, utcnow
from bot.storage.tables import audit_log, classes, conversations, followups, metadata

OUR_TABLES = {t.name for t in metadata.sorted_tables}


def schema_differences(url: str) -> list:
    """What Alembic's autogenerate would change to make the database match tables.py."""
    with get_engine(url).connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": migrate.include_object, "compare_type": True})
        return compare_metadata(context, metadata)


def table_names(url: str) -> set:
    return set(inspect(get_engine(url)).get_table_names())


def test_upgrade_an_empty_database_to_the_schema_in_tables_py(database_url: str) -> None:
    assert migrate.current_revision(database_url) is None
    assert migrate.upgrade(database_url) == migrate.head_revision()
    assert OUR_TABLES <= table_names(database_url)
    assert schema_differences(database_url) == []


def test_upgrade_from_the_previous_revision_keeps_the_data(database_url: str) -> None:
    assert migrate.upgrade(database_url, "0001") == "0001"
    assert "followups" in table_names(database_url)
    assert "audit_log" not in table_names(database_url)
    now = utcnow()
    with transaction(database_url) as connection:  # a row written before the upgrade
        connection.execute(conversations.insert().values(
            sender_id="old-1", started_at=now, last_seen_at=now, status="new", sector="food"))

    assert migrate.upgrade(database_url) == migrate.head_revision()

    assert schema_differences(database_url) == []
    with get_engine(database_url).connect() as connection:
        assert connection.execute(select(conversations.c.sector)).scalar_one() == "food"
        assert connection.execute(select(classes)).all() == []
    record_profile("old-1", {"sector": "textiles"}, url=database_url)
    assert create_followup("old-1", consent_text="agreed", name="Ann Lee", company="Lee GmbH",
                           email="ann@lee.example", url=database_url)
    with get_engine(database_url).connect() as connection:
        assert connection.execute(select(followups.c.sender_id)).scalar_one() == "old-1"
        assert connection.execute(select(audit_log)).all() == []


def test_downgrade_to_nothing_and_up_again(database_url: str) -> None:
    migrate.upgrade(database_url)
    with get_engine(database_url).begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "base")
    assert not OUR_TABLES & table_names(database_url)
    assert migrate.upgrade(database_url) == migrate.head_revision()


def test_cli_db_upgrade_migrates_the_configured_database(db_env: str, capsys) -> None:
    assert cli(["db", "upgrade"]) == 0
    assert f"upgraded from empty to revision {migrate.head_revision()}" in capsys.readouterr().out
    assert cli(["db", "upgrade"]) == 0
    assert "already at revision" in capsys.readouterr().out
    assert cli(["db", "current"]) == 0
    assert "up to date" in capsys.readouterr().out
