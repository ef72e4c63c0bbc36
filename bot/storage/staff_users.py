"""Staff accounts: argon2 password hashes, roles and lock-out after failed logins.

Passwords are hashed with argon2id (argon2-cffi's defaults, which follow the
RFC 9106 recommendation) and re-hashed on login when those defaults change.
After ``MAX_FAILED_LOGINS`` wrong passwords an account is locked for
``LOCK_MINUTES``; this complements the per-address throttle in the web app,
which alone would not stop a slow attack spread over many addresses.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Dict, List, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from bot.storage.database import utcnow
from bot.storage.tables import ROLES, staff_users

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 12
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")

_hasher = PasswordHasher()
# A real hash to verify against when the user does not exist, so that a wrong
# username costs as much time as a wrong password and cannot be told apart.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class StaffUserError(ValueError):
    """An account could not be created or changed; the message says why."""


@dataclass(frozen=True)
class StaffUser:
    """A staff account as the web app sees it (never with its hash)."""

    id: int
    username: str
    role: str
    locked_until: Optional[datetime] = None


def check_new_password(password: str) -> None:
    """Refuse passwords too short to resist guessing."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffUserError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")


def create_user(connection: Connection, username: str, password: str, role: str) -> StaffUser:
    """Add an account; usernames are lower-case and unique."""
    username = username.strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise StaffUserError("usernames are 2-80 characters: a-z, 0-9, dot, dash, underscore")
    if role not in ROLES:
        raise StaffUserError(f"the role must be one of {', '.join(ROLES)}")
    check_new_password(password)
    if get_user(connection, username) is not None:
        raise StaffUserError(f"the user {username} already exists")
    result = connection.execute(
        insert(staff_users).values(
            username=username, password_hash=_hasher.hash(password), role=role,
            failed_logins=0, created_at=utcnow(),
        )
    )
    return StaffUser(id=result.inserted_primary_key[0], username=username, role=role)


def set_password(connection: Connection, username: str, password: str) -> None:
    """Replace a user's password and lift any lock."""
    check_new_password(password)
    changed = connection.execute(
        update(staff_users)
        .where(staff_users.c.username == username.strip().lower())
        .values(password_hash=_hasher.hash(password), failed_logins=0, locked_until=None)
    ).rowcount
    if not changed:
        raise StaffUserError(f"there is no user {username}")


def get_user(connection: Connection, username: str) -> Optional[StaffUser]:
    """The account with this username, if any."""
    row = connection.execute(
        select(staff_users).where(staff_users.c.username == username.strip().lower())
    ).first()
    return _user(row) if row else None


def get_user_by_id(connection: Connection, user_id: int) -> Optional[StaffUser]:
    """The account with this id, if any (what the login session remembers)."""
    row = connection.execute(select(staff_users).where(staff_users.c.id == user_id)).first()
    return _user(row) if row else None


def list_users(connection: Connection) -> List[StaffUser]:
    """All accounts by username."""
    rows = connection.execute(select(staff_users).order_by(staff_users.c.username))
    return [_user(row) for row in rows]


def _user(row) -> StaffUser:
    """The public part of a ``staff_users`` row."""
    return StaffUser(id=row.id, username=row.username, role=row.role, locked_until=row.locked_until)


def authenticate(connection: Connection, username: str, password: str) -> Optional[StaffUser]:
    """The user if the password is right and the account not locked; counts failures."""
    row = connection.execute(
        select(staff_users).where(staff_users.c.username == username.strip().lower())
    ).first()
    if row is None:
        _verify(_DUMMY_HASH, password)
        return None
    now = utcnow()
    if row.locked_until is not None and row.locked_until > now:
        _verify(_DUMMY_HASH, password)
        return None
    if not _verify(row.password_hash, password):
        _count_failure(connection, row.id, row.failed_logins + 1, now)
        return None
    values: Dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
    if _hasher.check_needs_rehash(row.password_hash):
        values["password_hash"] = _hasher.hash(password)
    connection.execute(update(staff_users).where(staff_users.c.id == row.id).values(**values))
    return _user(row)


def _verify(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches; malformed hashes count as a mismatch."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _count_failure(connection: Connection, user_id: int, failures: int, now: datetime) -> None:
    """Record a wrong password and lock the account once there were too many."""
    locked = now + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILED_LOGINS else None
    values = {"failed_logins": 0 if locked else failures, "locked_until": locked}
    connection.execute(update(staff_users).where(staff_users.c.id == user_id).values(**values))
