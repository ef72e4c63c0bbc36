"""Review work on one conversation: tags, the note thread and corrections of misread turns.

Every change is a POST with a CSRF token, is written to the audit log with the
conversation id and what changed, and returns to the conversation page (at
the corrected turn), so the page stays the one place staff work from.
"""
from __future__ import annotations

from typing import Optional

from flask import Response, abort, flash, redirect, request, url_for
from flask_login import current_user

from bot.storage import corrections, review
from bot.storage.annotations import add_note, add_tag, clean_tag, remove_tag
from bot.storage.nlu_export import export_nlu
from bot.storage.turns import load_turns
from bot.web.staff import blueprint
from bot.web.staff.access import REVIEWERS, audited, database, role_required
from bot.web.staff.corrections_form import correction_choices
from bot.web.staff.forms import ConfirmForm


def _back(sender_id: str, anchor: Optional[str] = None):
    """Back to the conversation page, optionally at one turn."""
    page = url_for("staff.conversation_page", sender_id=sender_id)
    return redirect(page + (f"#{anchor}" if anchor else ""))


def _checked(sender_id: str) -> None:
    """Refuse requests without a valid CSRF token or for unknown conversations."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with database() as connection:
        if not review.conversation_exists(connection, sender_id):
            abort(404)


@blueprint.route("/conversations/<sender_id>/tags", methods=["POST"])
@role_required(*REVIEWERS)
def conversation_tags(sender_id: str):
    """Add a tag (``tag``) or take one off (``remove``)."""
    _checked(sender_id)
    with database() as connection:
        if request.form.get("remove"):
            if remove_tag(connection, sender_id, request.form["remove"]):
                removed = clean_tag(request.form["remove"])
                audited(connection, "untag", sender_id, {"tag": removed})
        else:
            tag = add_tag(connection, sender_id, request.form.get("tag", ""),
                                      author=current_user.username)
            if tag:
                audited(connection, "tag", sender_id, {"tag": tag})
    return _back(sender_id, "review")


@blueprint.route("/conversations/<sender_id>/notes", methods=["POST"])
@role_required(*REVIEWERS)
def conversation_note(sender_id: str):
    """Append a note to the conversation's thread."""
    _checked(sender_id)
    with database() as connection:
        if add_note(connection, sender_id, request.form.get("body", ""),
                                author=current_user.username):
            audited(connection, "note", sender_id)
        else:
            flash("An empty note was not saved.", "error")
    return _back(sender_id, "review")


@blueprint.route("/conversations/<sender_id>/turns/<int:event_id>/correction", methods=["POST"])
@role_required(*REVIEWERS)
def correct_turn(sender_id: str, event_id: int):
    """Keep the right intent (and slot value) of one owner message."""
    _checked(sender_id)
    intent = request.form.get("intent", "")
    slot, _sep, value = request.form.get("slot_value", "").partition("=")
    if not correction_choices().valid(intent, slot, value):
        flash("Choose a known intent, and a slot with one of its values (or neither).", "error")
        return _back(sender_id, f"turn-{event_id}")
    with database() as connection:
        turn = next((t for t in load_turns(connection, sender_id) if t.event_id == event_id), None)
        if turn is None:
            abort(404)
        try:
            saved = corrections.record(connection, sender_id, turn, intent=intent, slot=slot or None,
                                       value=value or None, span=request.form.get("span"),
                                       author=current_user.username)
        except corrections.CorrectionError as error:
            flash(str(error), "error")
            return _back(sender_id, f"turn-{event_id}")
        audited(connection, "correct", sender_id, {
            "turn": event_id, "predicted": turn.intent, "intent": saved.intent,
            **({"slot": saved.slot, "value": saved.value} if saved.slot else {})})
    flash("Correction kept; it will be in the next training-data export.", "ok")
    return _back(sender_id, f"turn-{event_id}")


@blueprint.route("/corrections.yml")
@role_required(*REVIEWERS)
def corrections_download() -> Response:
    """Every correction as a Rasa NLU file (contact details masked), like ``review export-nlu``."""
    with database() as connection:
        result = export_nlu(connection, actor=current_user.username)
    return Response(result.content, mimetype="application/x-yaml", headers={
        "Content-Disposition": 'attachment; filename="oi-advisor-corrections.yml"'})
