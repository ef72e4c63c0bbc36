"""Staff accounts: argon2 hashes, roles, and lock-out after repeated wrong passwords."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.storage.database import transaction, utcnow
from bot.storage.migrate import upgrade
from bot.storage.staff_users import (
    MAX_FAILED_LOGINS,
    StaffUserError,
    authenticate,
    create_user,
    get_user,
    set_password,
)
from bot.storage.tables import staff_users

PASSWORD = "correct horse battery"


@pytest.fixture
def anna(database_url: str) -> str:
    upgrade(database_url)
    with transaction(database_url) as connection:
        create_user(connection, "Anna", PASSWORD, "staff")
    return database_url


def test_passwords_are_stored_as_argon2id_hashes(anna: str) -> None:
    with transaction(anna) as connection:
        stored = connection.execute(select(staff_users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_right_password_logs_in_and_wrong_one_does_not(anna: str) -> None:
    with transaction(anna) as connection:
        assert authenticate(connection, "anna", PASSWORD).role == "staff"
        assert authenticate(connection, "ANNA ", PASSWORD).username == "anna"
        assert authenticate(connection, "anna", PASSWORD + "!") is None
        assert authenticate(connection, "nobody", PASSWORD) is None


def test_too_many_wrong_passwords_lock_the_account(anna: str) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        with transaction(anna) as connection:
            assert authenticate(connection, "anna", "wrong password!") is None
    with transaction(anna) as connection:
        assert get_user(connection, "anna").locked_until > utcnow()
        assert authenticate(connection, "anna", PASSWORD) is None
        connection.execute(update(staff_users).values(locked_until=utcnow() - timedelta(seconds=1)))
        assert authenticate(connection, "anna", PASSWORD) is not None


def test_set_password_replaces_the_hash_and_unlocks(anna: str) -> None:
    with transaction(anna) as connection:
        connection.execute(update(staff_users).values(locked_until=utcnow() + timedelta(hours=1)))
        set_password(connection, "anna", "a new long password")
        assert authenticate(connection, "anna", "a new long password") is not None
        assert authenticate(connection, "anna", PASSWORD) is None


@pytest.mark.parametrize("username, password, role", [
    ("anna", PASSWORD, "staff"),           # exists already
    ("bob", "short", "staff"),             # password too short
    ("bob", PASSWORD, "root"),             # no such role
    ("b o b", PASSWORD, "staff"),          # bad username
])
def test_bad_accounts_are_refused(anna: str, username: str, password: str, role: str) -> None:
    with transaction(anna) as connection, pytest.raises(StaffUserError):
        create_user(connection, username, password, role)
