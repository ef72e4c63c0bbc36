"""The staff desk's forms; Flask-WTF adds and checks a CSRF token on each."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from bot.storage.followups import MAX_NOTES
from bot.storage.tables import FOLLOWUP_STATUSES


class LoginForm(FlaskForm):
    """Username and password."""

    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])
    next = HiddenField()


class FollowupForm(FlaskForm):
    """How staff handle a follow-up request: status, who has it, by when."""

    status = SelectField("Status", choices=[(s, s) for s in FOLLOWUP_STATUSES])
    assignee = SelectField("Assignee", choices=[], validate_choice=True)
    due_on = DateField("Due", validators=[Optional()])


class NoteForm(FlaskForm):
    """One new note of a thread."""

    body = TextAreaField("New note", validators=[DataRequired(), Length(max=MAX_NOTES)])


class ConfirmForm(FlaskForm):
    """A button that needs only the CSRF token (logout, erase, mark reviewed)."""
