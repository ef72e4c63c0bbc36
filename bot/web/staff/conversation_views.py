"""The conversation list (filters, full-text search, paging) and one conversation's page.

Filters live in the query string, so any search is a plain URL staff can
bookmark or send to a colleague; the list offers a few ready-made ones.
Opening a conversation is logged (its transcript is personal data); the list
itself is not.
"""
from __future__ import annotations

from datetime import date
from typing import Mapping, Optional
from urllib.parse import urlencode

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from bot.storage import erasure, partnering, review, wording
from bot.storage.annotations import all_tags, clean_tag
from bot.storage.summaries import OUTCOMES
from bot.storage.tables import CONVERSATION_STATUSES
from bot.web.staff import blueprint
from bot.web.staff.access import ADMINS, REVIEWERS, audited, database, role_required
from bot.web.staff.corrections_form import correction_choices
from bot.web.staff.forms import ConfirmForm

PAGE_SIZE = 50
MAX_SEARCH = 200
#: ready-made searches: a title and the query string of the list
SAVED_SEARCHES = (
    ("Not reviewed yet", "status=new"),
    ("Fell back (not understood)", "fallback=yes"),
    ("Low confidence", "low_confidence=yes"),
    ("Tagged misunderstood", "tag=misunderstood"),
    ("Content gaps", "tag=content+gap"),
    ("Dropped before advice", "outcome=dropped"),
    ("Asked for follow-up", "outcome=follow-up"),
)


def parse_day(text: Optional[str]) -> Optional[date]:
    """A date from an ``<input type=date>`` value; anything else counts as not given."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def filters_from_args(args: Mapping[str, str]) -> review.ConversationFilter:
    """The list's filters from the query string, ignoring values that make no sense."""
    status = args.get("status") if args.get("status") in CONVERSATION_STATUSES else None
    outcome = args.get("outcome") if args.get("outcome") in OUTCOMES else None
    return review.ConversationFilter(
        date_from=parse_day(args.get("date_from")), date_to=parse_day(args.get("date_to")),
        sector=args.get("sector") or None, need=args.get("need") or None,
        stage=args.get("stage") or None, misconception=args.get("misconception") or None,
        has_followup=_yes_no(args, "has_followup"), status=status,
        text=(args.get("q") or "").strip()[:MAX_SEARCH] or None,
        tag=clean_tag(args.get("tag", "")) or None, intent=args.get("intent") or None,
        fallback=_yes_no(args, "fallback"), low_confidence=_yes_no(args, "low_confidence"),
        outcome=outcome,
    )


MAX_PAGE = 1_000_000


def _yes_no(args: Mapping[str, str], name: str) -> Optional[bool]:
    """A yes/no filter: True, False, or None for "any"."""
    return {"yes": True, "no": False}.get(args.get(name, ""))


def _page() -> int:
    """The requested page number, 1 or more."""
    page = request.args.get("page", "1")
    # ASCII digits only ("²" is a digit to Python), bounded so the offset fits the database
    return min(max(int(page), 1), MAX_PAGE) if page.isascii() and page.isdigit() else 1


@blueprint.route("/conversations")
@role_required(*REVIEWERS)
def conversation_list():
    """Conversations, most recently active first, filtered and searched."""
    chosen = filters_from_args(request.args)
    page = _page()
    with database() as connection:
        review.register_transcript_senders(connection)
        rows, total = review.list_conversations(
            connection, chosen, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        choices = review.filter_choices(connection)
    query = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template(
        "staff/conversations.html", rows=rows, total=total, page=page, page_size=PAGE_SIZE,
        args=request.args, choices=choices, query=urlencode(query), saved=SAVED_SEARCHES,
    )


@blueprint.route("/conversations/<conversation:sender_id>")
@role_required(*REVIEWERS)
def conversation_page(sender_id: str):
    """Profile, advice, misconceptions, tutorial, follow-ups and the transcript."""
    with database() as connection:
        review.register_transcript_senders(connection)
        record = review.conversation_record(connection, sender_id)
        if record is None:
            abort(404)
        audited(connection, "view", sender_id)
        tags = all_tags(connection)
    return render_template(
        "staff/conversation.html", record=record, form=ConfirmForm(), all_tags=tags,
        profile_words=wording.profile_in_words(record.profile),
        partnering_profile=partnering.from_record(record) if record.followups else None,
        corrections=correction_choices()
    )


@blueprint.route("/conversations/<conversation:sender_id>/status", methods=["POST"])
@role_required(*REVIEWERS)
def conversation_status(sender_id: str):
    """Mark a conversation reviewed (or back to new)."""
    status = request.form.get("status", "")
    if not ConfirmForm().validate_on_submit() or status not in CONVERSATION_STATUSES:
        abort(400)
    with database() as connection:
        if not review.set_status(connection, sender_id, status):
            abort(404)
        audited(connection, "update", sender_id, {"status": status})
    return redirect(url_for("staff.conversation_page", sender_id=sender_id))


@blueprint.route("/conversations/<conversation:sender_id>/erase", methods=["GET", "POST"])
@role_required(*ADMINS)
def conversation_erase(sender_id: str):
    """Ask for confirmation, then erase everything stored for the conversation."""
    form = ConfirmForm()
    if form.validate_on_submit():
        with database() as connection:
            erasure.erase(connection, sender_id, actor=current_user.username)
        flash("The conversation and everything stored with it were erased.", "ok")
        return redirect(url_for("staff.conversation_list"))
    return render_template("staff/erase.html", sender_id=sender_id, form=form)
