"""The follow-up queue and the page of one request, with its note thread and partnering profile.

The queue can be searched and sorted and shows each request's age and due
date; "Assign to me" takes a request in one click. Opening a request shows
contact details and is logged; so is every change, a status change with its
old and new value. The queue itself is the desk's home page and is not logged.
"""
from __future__ import annotations

import json

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from bot.followup.request import is_reference
from bot.storage import followups, partnering, review
from bot.storage.database import utcnow
from bot.storage.staff_users import list_users
from bot.storage.tables import FOLLOWUP_STATUSES
from bot.web.staff import blueprint
from bot.web.staff.access import REVIEWERS, audited, database, role_required
from bot.web.staff.forms import ConfirmForm, FollowupForm, NoteForm

PROFILE_FORMATS = {"json": "application/json", "txt": "text/plain; charset=utf-8"}
MAX_SEARCH = 200


@blueprint.route("/followups")
@role_required(*REVIEWERS)
def followup_queue():
    """Requests, new ones first unless sorted otherwise; by status, assignee and search."""
    status = request.args.get("status")
    status = status if status in FOLLOWUP_STATUSES else None
    sort = request.args.get("sort") if request.args.get("sort") in followups.SORTS else "status"
    mine = request.args.get("mine") == "1"
    text = (request.args.get("q") or "").strip()[:MAX_SEARCH] or None
    with database() as connection:
        items = followups.queue(connection, status, text=text, sort=sort,
                                assignee=current_user.username if mine else None)
    return render_template(
        "staff/followups.html", items=items, status=status, statuses=FOLLOWUP_STATUSES,
        sort=sort, sorts=followups.SORTS, mine=mine, q=text or "", today=utcnow().date(),
        form=ConfirmForm(),
    )


def _handling_form(connection) -> FollowupForm:
    """The handling form with the people a request can be assigned to."""
    form = FollowupForm()
    form.assignee.choices = [("", "nobody")] + [
        (u.username, u.username) for u in list_users(connection) if u.role in REVIEWERS
    ]
    return form


@blueprint.route("/followups/<reference>", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def followup_page(reference: str):
    """One request: contact details, consent, handling, notes, and the partnering profile."""
    if not is_reference(reference):
        abort(404)
    with database() as connection:
        item = followups.get(connection, reference)
        if item is None:
            abort(404)
        form = _handling_form(connection)
        if form.validate_on_submit():
            changed = followups.update_request(connection, reference, status=form.status.data,
                                               assignee=form.assignee.data, due_on=form.due_on.data)
            _audit_changes(connection, reference, changed or {})
            flash(f"Saved {reference}.", "ok")
            return redirect(url_for("staff.followup_page", reference=reference))
        if request.method == "GET":
            form.status.data, form.assignee.data, form.due_on.data = (
                item.status, item.assignee or "", item.due_on)
        record = review.conversation_record(connection, item.sender_id)
        profile = partnering.from_record(record) if record else None
        audited(connection, "view", reference)
    return render_template("staff/followup.html", item=item, form=form, note_form=NoteForm(),
                           assign_form=ConfirmForm(), profile=profile, today=utcnow().date())


def _audit_changes(connection, reference: str, changed: dict) -> None:
    """A status change as its own entry (old and new value), other changes as one update."""
    if "status" in changed:
        old, new = changed.pop("status")
        audited(connection, "status", reference, {"from": old, "to": new})
    if changed:
        audited(connection, "update", reference, {key: {"from": old, "to": new}
                                                  for key, (old, new) in changed.items()})


@blueprint.route("/followups/<reference>/assign-to-me", methods=["POST"])
@role_required(*REVIEWERS)
def followup_assign_to_me(reference: str):
    """Take the request on; returns to where the button was pressed."""
    if not is_reference(reference) or not ConfirmForm().validate_on_submit():
        abort(400)
    with database() as connection:
        item = followups.get(connection, reference)
        if item is None:
            abort(404)
        if item.assignee != current_user.username:
            followups.assign(connection, reference, current_user.username)
            audited(connection, "update", reference,
                    {"assignee": {"from": item.assignee, "to": current_user.username}})
    flash(f"{reference} is now assigned to you.", "ok")
    back = request.form.get("back")
    return redirect(url_for("staff.followup_queue") if back == "queue"
                    else url_for("staff.followup_page", reference=reference))


@blueprint.route("/followups/<reference>/notes", methods=["POST"])
@role_required(*REVIEWERS)
def followup_note(reference: str):
    """Add a note to the request's thread (notes are never overwritten)."""
    form = NoteForm()
    if not is_reference(reference) or not form.validate_on_submit():
        flash("An empty note was not saved.", "error")
        return redirect(url_for("staff.followup_page", reference=reference))
    with database() as connection:
        if not followups.add_note(connection, reference, form.body.data, author=current_user.username):
            abort(404)
        audited(connection, "note", reference)
    return redirect(url_for("staff.followup_page", reference=reference) + "#notes")


@blueprint.route("/followups/<reference>/partnering.<fmt>")
@role_required(*REVIEWERS)
def partnering_export(reference: str, fmt: str) -> Response:
    """The anonymised partnering profile as a JSON or text download."""
    if not is_reference(reference) or fmt not in PROFILE_FORMATS:
        abort(404)
    with database() as connection:
        item = followups.get(connection, reference)
        record = review.conversation_record(connection, item.sender_id) if item else None
        if record is None:
            abort(404)
        profile = partnering.from_record(record)
        audited(connection, "export", reference, {"format": fmt, "kind": "partnering_profile"})
    body = json.dumps(profile.as_dict(), indent=2) + "\n" if fmt == "json" else profile.as_text() + "\n"
    return Response(body, mimetype=PROFILE_FORMATS[fmt], headers={
        "Content-Disposition": f'attachment; filename="partnering-profile-{reference}.{fmt}"'})
