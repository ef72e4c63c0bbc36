"""The staff review desk, mounted under ``/staff``.

Pages: follow-up queue and request pages, conversations (list with filters and
search, one conversation with review work: tags, notes, corrections), exports,
the overview with charts, tutorial classes for trainers, and the audit log.
All output goes through Jinja's autoescaping; nothing an owner typed is ever
marked safe. Responses forbid caching and framing and allow only our own
scripts and styles.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Optional

from flask import Blueprint, Response, render_template

from bot.storage import wording

blueprint = Blueprint(
    "staff", __name__, template_folder="templates", static_folder="static", static_url_path="/static"
)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@blueprint.after_request
def protect(response: Response) -> Response:
    """Security headers for every staff page and download."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.app_template_filter("when")
def when(moment: Optional[datetime]) -> str:
    """A stored UTC time as "2024-05-02 14:03 UTC"."""
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""


@blueprint.app_template_filter("label")
def label(identifier: Optional[str]) -> str:
    """A knowledge-base id in words: ``new_products`` -> ``new products``."""
    return identifier.replace("_", " ") if identifier else ""


@blueprint.app_template_filter("compact_json")
def compact_json(value: Any) -> str:
    """Data as one line of JSON: a plain string, so the template still escapes it."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@blueprint.app_template_filter("pretty_json")
def pretty_json(value: Any) -> str:
    """Data as indented JSON for the payload toggle; a plain string, escaped by the template."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2, default=str)


@blueprint.app_template_filter("words")
def words(value: Any, field: str) -> str:
    """A stored value of a slot or entity in the knowledge base's words."""
    return wording.value_words(field, value)


@blueprint.app_template_filter("named")
def named(value: Any, kind: str) -> str:
    """A knowledge-base id of ``kind`` (models, partners, misconceptions ...) by its name."""
    return wording.name_of(kind, value)


@blueprint.app_template_filter("entry")
def entry(identifier: Any) -> str:
    """Any knowledge-base id by its name, whatever its kind."""
    return wording.entry_name(identifier)


@blueprint.app_template_filter("score")
def score(value: Optional[float]) -> str:
    """A confidence as "0.83", or "—" when the model gave none."""
    return f"{value:.2f}" if isinstance(value, (int, float)) else "—"


@blueprint.app_template_filter("tel")
def tel(phone: Optional[str]) -> str:
    """A phone number as a ``tel:`` link target: the leading + and the digits only."""
    text = str(phone or "").strip()
    return ("+" if text.startswith("+") else "") + "".join(ch for ch in text if ch.isdigit())


def _error_page(code: int, message: str):
    """Render the small error page with ``code``."""
    return render_template("staff/error.html", code=code, message=message), code


@blueprint.errorhandler(403)
def forbidden(_error: Exception):
    """A logged-in user without the right role."""
    return _error_page(403, "Your role does not give access to this page.")


@blueprint.errorhandler(404)
def not_found(_error: Exception):
    """An unknown conversation, request or page."""
    return _error_page(404, "There is nothing here (it may have been erased).")


@blueprint.errorhandler(429)
def too_many(_error: Exception):
    """Login throttled."""
    return _error_page(429, "Too many login attempts from your address. Please wait a minute.")


# The views register their routes on ``blueprint`` when imported.
from bot.web.staff import (  # noqa: E402,F401
    auth,
    class_views,
    conversation_views,
    export_views,
    followup_views,
    network_views,
    overview_views,
    review_views,
)
