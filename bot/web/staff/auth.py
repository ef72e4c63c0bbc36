"""Logging in and out of the staff desk.

A failed login says the same whatever was wrong (unknown user, wrong password,
locked account) so the form cannot be used to find valid usernames. The
session is cleared on login and logout; the ``next`` address is only followed
when it stays on the staff desk.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from bot.storage import audit
from bot.storage.staff_users import authenticate
from bot.web.staff import blueprint
from bot.web.staff.access import EVERYONE, DeskUser, database, role_required
from bot.web.staff.forms import ConfirmForm, LoginForm

FAILED = "Wrong username or password, or the account is locked for a while."


def safe_next(target: str) -> str:
    """``target`` if it is a path on the staff desk, else empty."""
    if not target or "\\" in target:
        return ""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/staff/"):
        return ""
    return target


def home_url() -> str:
    """Where a user lands: trainers see the overview, the others the follow-up queue."""
    if current_user.is_authenticated and current_user.role == "trainer":
        return url_for("staff.overview")
    return url_for("staff.followup_queue")


@blueprint.route("/")
@role_required(*EVERYONE)
def index() -> Response:
    """The desk's entry point."""
    return redirect(home_url())


@blueprint.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form; on a valid POST start a session."""
    form = LoginForm()
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(home_url())
        form.next.data = safe_next(request.args.get("next", ""))
    if form.validate_on_submit():
        username = form.username.data.strip().lower()
        with database() as connection:
            user = authenticate(connection, username, form.password.data)
            action = "login" if user else "login_failed"
            audit.record(connection, user.username if user else "anonymous", action, username)
        if user:
            session.clear()
            login_user(DeskUser(user))
            session.permanent = True
            return redirect(safe_next(form.next.data) or home_url())
        flash(FAILED, "error")
    return render_template("staff/login.html", form=form)


@blueprint.route("/logout", methods=["POST"])
def logout() -> Response:
    """End the session (POST with a CSRF token, so no other site can log staff out)."""
    if ConfirmForm().validate_on_submit() and current_user.is_authenticated:
        with database() as connection:
            audit.record(connection, current_user.username, "logout")
        logout_user()
        session.clear()
    return redirect(url_for("staff.login"))
