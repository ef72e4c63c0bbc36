"""The follow-up queue and the page of one request, with its partnering profile."""
from __future__ import annotations

import json

from flask import Response, abort, flash, redirect, render_template, request, url_for

from bot.followup import is_reference
from bot.storage import followups, partnering, review
from bot.storage.staff_users import list_users
from bot.storage.tables import FOLLOWUP_STATUSES
from bot.web.staff import blueprint
from bot.web.staff.access import REVIEWERS, audited, database, role_required
from bot.web.staff.forms import FollowupForm

PROFILE_FORMATS = {"json": "application/json", "txt": "text/plain; charset=utf-8"}


@blueprint.route("/followups")
@role_required(*REVIEWERS)
def followup_queue():  # type: ignore[no-untyped-def]
    """All requests, new ones first; optionally only one status."""
    status = request.args.get("status")
    status = status if status in FOLLOWUP_STATUSES else None
    with database() as connection:
        items = followups.queue(connection, status)
        audited(connection, "view", "followups", {"status": status} if status else None)
    return render_template(
        "staff/followups.html", items=items, status=status, statuses=FOLLOWUP_STATUSES
    )


@blueprint.route("/followups/<reference>", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def followup_page(reference: str):  # type: ignore[no-untyped-def]
    """One request: contact details, consent, handling, and the partnering profile."""
    if not is_reference(reference):
        abort(404)
    with database() as connection:
        item = followups.get(connection, reference)
        if item is None:
            abort(404)
        form = FollowupForm()
        form.assignee.choices = [("", "nobody")] + [
            (u.username, u.username) for u in list_users(connection) if u.role in REVIEWERS
        ]
        if form.validate_on_submit():
            followups.update_request(connection, reference, status=form.status.data,
                                     assignee=form.assignee.data, notes=form.notes.data)
            audited(connection, "update", reference,
                    {"status": form.status.data, "assignee": form.assignee.data or None})
            flash(f"Saved {reference}.", "ok")
            return redirect(url_for("staff.followup_page", reference=reference))
        if request.method == "GET":
            form.status.data, form.assignee.data, form.notes.data = (
                item.status, item.assignee or "", item.notes)
        record = review.conversation_record(connection, item.sender_id)
        profile = partnering.from_record(record) if record else None
        audited(connection, "view", reference)
    return render_template("staff/followup.html", item=item, form=form, profile=profile)


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
