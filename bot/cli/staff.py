"""``python -m bot staff create-user|set-password|list``: staff desk accounts.

Passwords are read from a hidden prompt (typed twice) or, for scripts, from
the first line of standard input with ``--password-stdin``; never from the
command line, where they would end up in the shell history and process list.
"""
from __future__ import annotations

import argparse
import getpass
import sys

from bot.cli.common import actor, database
from bot.storage import audit
from bot.storage.staff_users import StaffUserError, create_user, list_users, set_password
from bot.storage.tables import ROLES


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``staff`` command group."""
    parser = subparsers.add_parser("staff", help="staff desk accounts")
    commands = parser.add_subparsers(dest="staff_command", required=True)
    create = commands.add_parser("create-user", help="add an account")
    create.add_argument("username")
    create.add_argument("--role", choices=ROLES, required=True)
    create.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    create.set_defaults(handler=create_account)
    change = commands.add_parser("set-password", help="set a new password and unlock the account")
    change.add_argument("username")
    change.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    change.set_defaults(handler=change_password)
    commands.add_parser("list", help="list accounts").set_defaults(handler=list_accounts)


def read_password(from_stdin: bool) -> str:
    """The new password from stdin or from a prompt asked twice."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Same password again: ") != first:
        raise StaffUserError("the passwords differ")
    return first


def create_account(args: argparse.Namespace) -> int:
    """Create the account and say so."""
    try:
        password = read_password(args.password_stdin)
        with database() as connection:
            user = create_user(connection, args.username, password, args.role)
            audit.record(connection, actor(), "create_user", user.username, {"role": user.role})
    except StaffUserError as error:
        print(f"not created: {error}", file=sys.stderr)
        return 1
    print(f"created {user.role} account {user.username}")
    return 0


def change_password(args: argparse.Namespace) -> int:
    """Replace the password of an existing account."""
    try:
        password = read_password(args.password_stdin)
        with database() as connection:
            set_password(connection, args.username, password)
            audit.record(connection, actor(), "set_password", args.username.strip().lower())
    except StaffUserError as error:
        print(f"not changed: {error}", file=sys.stderr)
        return 1
    print(f"password of {args.username} changed")
    return 0


def list_accounts(_args: argparse.Namespace) -> int:
    """One line per account: username, role, lock state."""
    with database() as connection:
        users = list_users(connection)
    for user in users:
        lock = f"  locked until {user.locked_until:%Y-%m-%d %H:%M} UTC" if user.locked_until else ""
        print(f"{user.username:24} {user.role:8}{lock}".rstrip())
    return 0
