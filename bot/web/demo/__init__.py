"""The demo page at ``/``: what OI Advisor is, with the chat widget embedded.

It shows a newcomer the product at once and doubles as the example of how an
intermediary's site embeds the widget. The widget talks to the Rasa server at
``OI_RASA_PUBLIC_URL`` (default ``http://127.0.0.1:$OI_RASA_PORT``), the
address browsers use to reach Rasa's socket.io channel.
"""
from __future__ import annotations

import os
from typing import Mapping, Optional
from urllib.parse import urlsplit

from flask import Blueprint, Response, render_template, url_for

blueprint = Blueprint("demo", __name__, template_folder="templates", static_folder="static",
                      static_url_path="/demo-static")


def rasa_public_url(environ: Optional[Mapping[str, str]] = None) -> str:
    """Where browsers reach the Rasa server, without a trailing slash."""
    environ = os.environ if environ is None else environ
    default = f"http://127.0.0.1:{environ.get('OI_RASA_PORT') or 5005}"
    return (environ.get("OI_RASA_PUBLIC_URL") or default).rstrip("/")


def content_security_policy(rasa_url: str) -> str:
    """Our own scripts and styles only; connections to us and to Rasa (HTTP and WebSocket)."""
    parts = urlsplit(rasa_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    socket_origin = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {origin} {socket_origin}; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


@blueprint.route("/")
def index() -> Response:
    """The demo page."""
    rasa_url = rasa_public_url()
    widget_url = url_for("widget.static", filename="oi-widget.js", _external=True)
    response = Response(render_template("demo/index.html", rasa_url=rasa_url, widget_url=widget_url))
    response.headers["Content-Security-Policy"] = content_security_policy(rasa_url)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response
