"""The network area: consenting firms, their suggested partners and consortium, introductions.

Only staff and admins see it. A firm is addressed as the desk names it: its
follow-up reference, else its conversation id; anything else is a 404. Every
view of a firm and every change is written to the audit log with the firm's
conversation id as target, so erasure later hides it like the rest; the list
of firms shows no personal data and is not logged. Contact details of the
other firm appear only while both firms agreed to the introduction and both
still agree to be matched; after a withdrawal the introduction stays listed
without them.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.engine import Connection

from bot.network import Consortium, Match, NetworkProfile
from bot.network.profile import OFFERS, SIZES, STAGES
from bot.storage import followups, introductions, network, suggestions, wording
from bot.web.staff import blueprint
from bot.web.staff.access import REVIEWERS, audited, database, role_required
from bot.web.staff.forms import ConfirmForm
from bot.web.staff.network_forms import AnswerForm, IntroduceForm, NetworkProfileForm

FREE_TEXTS = ("seeks_text", "offers_text")


def _member(connection: Connection, reference: str) -> str:
    """The conversation id of a firm in the network, or 404."""
    sender_id = network.resolve(connection, reference)
    if sender_id is None or network.load(connection, sender_id) is None:
        abort(404)
    return sender_id


def _filters() -> network.NetworkFilter:
    """The list filters from the query string; unknown values mean "any"."""
    args = request.args
    sectors = {entry_id for entry_id, _ in wording.choices("sectors")}
    return network.NetworkFilter(
        sector=args.get("sector") if args.get("sector") in sectors else None,
        size=args.get("size") if args.get("size") in SIZES else None,
        stage=args.get("stage") if args.get("stage") in STAGES else None,
        offer=args.get("offer") if args.get("offer") in OFFERS else None)


@blueprint.route("/network")
@role_required(*REVIEWERS)
def network_list():
    """Firms that agree to be matched, filtered by sector, size, stage and offer."""
    chosen = _filters()
    with database() as connection:
        firms = network.consenting(connection, chosen)
    return render_template(
        "staff/network.html",
        firms=firms,
        chosen=chosen,
        sectors=wording.choices("sectors"),
        sizes=SIZES,
        stages=STAGES,
        offers=OFFERS,
    )


def _contacts(connection: Connection, sender_id: str) -> Optional[followups.Followup]:
    """The firm's newest follow-up request (its contact details), if it left one."""
    requests = followups.for_sender(connection, sender_id)
    return requests[-1] if requests else None


def _firm_page(connection: Connection, profile: NetworkProfile,
               form: NetworkProfileForm):
    """Everything the firm page shows."""
    sender_id = profile.firm_id
    matches: List[Match] = []
    consortium: Optional[Consortium] = None
    if profile.consented:
        matches = suggestions.matches(connection, sender_id)[1]
        consortium = suggestions.consortium(connection, sender_id)[1]
    made = introductions.for_firm(connection, sender_id)
    names = network.labels(connection, {sender_id, *(i.other(sender_id) for i in made)})
    contacts: Dict[int, object] = {
        i.id: _contacts(connection, i.other(sender_id)) for i in made if i.shows_contacts
    }
    return render_template("staff/network_firm.html", profile=profile, form=form, matches=matches,
                           consortium=consortium, introductions=made, names=names, contacts=contacts,
                           introduce_form=IntroduceForm(), answer_form=AnswerForm(), confirm=ConfirmForm(),
                           sender_id=sender_id)


@blueprint.route("/network/<conversation:reference>", methods=["GET", "POST"])
@role_required(*REVIEWERS)
def network_firm(reference: str):
    """One firm: its profile (editable), suggested partners, consortium and introductions."""
    with database() as connection:
        sender_id = _member(connection, reference)
        form = NetworkProfileForm().fill_choices()
        if form.validate_on_submit():
            changed = network.edit(connection, sender_id, form.changes(), by=current_user.username)
            if changed:
                audited(connection, "network_edit", sender_id, _edit_detail(changed))
            flash("Profile saved." if changed else "Nothing changed.", "ok")
            return redirect(url_for("staff.network_firm", reference=reference))
        profile = network.load(connection, sender_id)
        if profile is None:
            abort(404)
        if request.method == "GET":
            _fill(form, profile)
        audited(connection, "view", sender_id, {"network": "firm"})
        return _firm_page(connection, profile, form)


def _edit_detail(changed: Dict[str, list]) -> Dict[str, object]:
    """Old and new values of the edit; free texts only as "changed", since they may name people."""
    return {key: "changed" if key in FREE_TEXTS else {"from": old, "to": new}
            for key, (old, new) in changed.items()}


def _fill(form: NetworkProfileForm, profile: NetworkProfile) -> None:
    """Put the stored profile into the edit form."""
    for key, value in profile.stored_fields().items():
        if key == "abroad":
            value = {True: "yes", False: "no"}.get(value, "")
        if hasattr(form, key):
            getattr(form, key).data = value if value is not None else ""


@blueprint.route("/network/<conversation:reference>/withdraw", methods=["POST"])
@role_required(*REVIEWERS)
def network_withdraw(reference: str):
    """Withdraw the firm's consent to be matched, e.g. when the owner asked by phone."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with database() as connection:
        sender_id = _member(connection, reference)
        if network.withdraw(connection, sender_id, by=current_user.username):
            audited(connection, "network_withdraw", sender_id)
    flash("The firm no longer appears in any suggestion.", "ok")
    return redirect(url_for("staff.network_firm", reference=reference))


@blueprint.route("/network/<conversation:reference>/introduce", methods=["POST"])
@role_required(*REVIEWERS)
def network_introduce(reference: str):
    """Record that staff propose introducing this firm to a suggested partner."""
    form = IntroduceForm()
    if not form.validate_on_submit():
        abort(400)
    with database() as connection:
        sender_id = _member(connection, reference)
        partner = _member(connection, form.partner.data)
        try:
            made = introductions.propose(connection, sender_id, partner, by=current_user.username)
        except introductions.IntroductionError as error:
            flash(str(error), "error")
            return redirect(url_for("staff.network_firm", reference=reference))
        for side in (sender_id, partner):
            audited(connection, "introduce", side, {"introduction": made.id})
    flash("Introduction recorded; record each firm's answer below.", "ok")
    return redirect(url_for("staff.network_firm", reference=reference) + "#introductions")


@blueprint.route("/network/<conversation:reference>/introductions/<int:introduction_id>", methods=["POST"])
@role_required(*REVIEWERS)
def network_answer(reference: str, introduction_id: int):
    """Record one firm's answer to an introduction, or that the firms now collaborate."""
    form = AnswerForm()
    if not form.validate_on_submit():
        abort(400)
    with database() as connection:
        sender_id = _member(connection, reference)
        made = introductions.get(connection, introduction_id)
        if made is None or sender_id not in (made.first_sender, made.second_sender):
            abort(404)
        firm = network.resolve(connection, form.firm.data)
        try:
            if form.answer.data == "collaborating":
                made = introductions.mark_collaborating(connection, introduction_id)
            else:
                made = introductions.record_answer(connection, introduction_id, firm or "",
                                                   form.answer.data == "yes")
        except introductions.IntroductionError as error:
            flash(str(error), "error")
            return redirect(url_for("staff.network_firm", reference=reference) + "#introductions")
        for side in (made.first_sender, made.second_sender):
            audited(connection, "introduction", side, {"introduction": made.id, "outcome": made.outcome,
                                                       "answer": form.answer.data})
    flash(f"Introduction is now {made.outcome}.", "ok")
    return redirect(url_for("staff.network_firm", reference=reference) + "#introductions")
