"""``/summary.md``: the owner's one-page plan, to download and keep.

The link the assistant sends carries the firm's profile (knowledge-base ids,
nothing personal) in its query string, so the page needs no database and
works for as long as the owner keeps the link. The advice is recomputed from
the current knowledge base.
"""
from __future__ import annotations

from typing import Any, Dict

from flask import Blueprint, Response, request

from bot.advice import Profile, assess_readiness, markdown_report, recommend
from bot.knowledge import load_knowledge

blueprint = Blueprint("summary", __name__)
LIST_FIELDS = ("barriers", "offer", "past_partners")
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
    for name in ("sector", "innovation_need", "innovation_stage", "barriers", "past_partners"):
        if name in slots:
            values = slots[name] if isinstance(slots[name], list) else [slots[name]]
            kept = [v for v in values if v in known]
            slots[name] = kept if name in LIST_FIELDS else (kept[0] if kept else None)
    return Profile.from_slots(slots)


@blueprint.get("/summary.md")
def summary() -> Response:
    """The Markdown plan for the profile in the query string, as a download."""
    profile = profile_from_query(request.args)
    document = markdown_report(recommend(profile, load_knowledge()), profile, assess_readiness(profile))
    response = Response(document, mimetype="text/markdown; charset=utf-8")
    response.headers["Content-Disposition"] = 'attachment; filename="open-innovation-plan.md"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
