"""Who may see what on the staff desk, and the database/audit helpers every view uses.

Roles: ``staff`` handle follow-ups and review conversations; ``admin`` can do
that and also erase conversations and read the audit log; ``trainer`` (who
runs tutorial classes) sees only aggregate figures, never contact details or
transcripts. Anonymous visitors are sent to the login page; a logged-in user
without the role gets 403.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Mapping, Optional, TypeVar

from flask import abort, current_app
from flask_login import UserMixin, current_user
from sqlalchemy.engine import Connection

from bot.storage import audit
from bot.storage.database import transaction
from bot.storage.staff_users import StaffUser

REVIEWERS = ("staff", "admin")
EVERYONE = ("staff", "trainer", "admin")
ADMINS = ("admin",)
F = TypeVar("F", bound=Callable[..., Any])


class DeskUser(UserMixin):
    """The logged-in staff member as Flask-Login needs it."""

    def __init__(self, user: StaffUser) -> None:
        self.user = user

    def get_id(self) -> str:
        """What the session remembers: the account id only."""
        return str(self.user.id)

    @property
    def username(self) -> str:
        """The name shown on pages and written to the audit log."""
        return self.user.username

    @property
    def role(self) -> str:
        """staff, trainer or admin."""
        return self.user.role

    def may(self, *roles: str) -> bool:
        """Whether the user has one of ``roles`` (templates use this to hide links)."""
        return self.user.role in roles


def role_required(*roles: str) -> Callable[[F], F]:
    """Let only logged-in users with one of ``roles`` reach the view."""

    def decorate(view: F) -> F:
        @functools.wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()  # type: ignore[attr-defined]  # set by Flask-Login
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return guarded  # type: ignore[return-value]  # functools.wraps keeps the view's signature

    return decorate


@contextmanager
def database() -> Iterator[Connection]:
    """One transaction on the app's database for the current request."""
    with transaction(current_app.config["DATABASE_URL"]) as connection:
        yield connection


def audited(
    connection: Connection, action: str, target: str = "", detail: Optional[Mapping[str, Any]] = None
) -> None:
    """Log an action by the current user in the request's transaction."""
    actor = current_user.username if current_user.is_authenticated else "anonymous"
    audit.record(connection, actor, action, target, detail)
