"""The owner's profile in a link: written by the chat, read by the plan pages.

The link the assistant sends carries the firm's profile (knowledge-base ids,
nothing personal) in its query string, so the plan needs no database and
works for as long as the owner keeps the link. The advice is recomputed from
the current knowledge base. ``/summary.md``, the address older chats sent,
now leads to the plan's Markdown download.
"""
from __future__ import annotations

from typing import Any, Dict

from flask import Blueprint, redirect, request, url_for
from werkzeug.wrappers import Response as WerkzeugResponse

from bot.advice import Profile
from bot.advice.profile import profile_query as plan_query
from bot.knowledge import load_knowledge

blueprint = Blueprint("summary", __name__)
LIST_FIELDS = ("barriers", "offer", "past_partners", "interests")
MAX_VALUE = 200


def profile_from_query(args: Any) -> Profile:
    """A profile from query parameters; unknown or oversized values are dropped."""
    slots: Dict[str, Any] = {}
    for name in Profile.__dataclass_fields__:
        value = (args.get(name) or "")[:MAX_VALUE]
        if value:
            slots[name] = [part for part in value.split(",") if part] if name in LIST_FIELDS else value
    kb = load_knowledge()
    known = {**kb.sectors, **kb.sizes, **kb.needs, **kb.stages, **kb.barriers, **kb.offers, **kb.partners}
    checked = {"interests": kb.models}
    for name in ("sector", "innovation_need", "innovation_stage", "barriers", "past_partners", "interests"):
        if name in slots:
            values = slots[name] if isinstance(slots[name], list) else [slots[name]]
            kept = [v for v in values if v in checked.get(name, known)]
            slots[name] = kept if name in LIST_FIELDS else (kept[0] if kept else None)
    return Profile.from_slots(slots)


@blueprint.get("/summary.md")
def summary() -> WerkzeugResponse:
    """Links from older chats: the same profile's plan as Markdown."""
    query = plan_query(profile_from_query(request.args))
    return redirect(url_for("plan.markdown") + (f"?{query}" if query else ""), code=301)
