"""The embeddable chat widget, mounted under ``/widget``.

Any site embeds it with one tag::

    <script src="https://advisor.example.org/widget/oi-widget.js"
            data-server-url="https://rasa.example.org" data-title="OI Advisor"></script>

``oi-widget.js`` is a classic script: it reads the tag's ``data-`` attributes
and imports ``parts/main.js`` with ``import()``, passing them to its
``start(config)``. The files in ``static/parts/`` are native ES modules that
import one another (no build step, no bundler); ``parts/connection.js``
imports the ES module build of the socket.io client
(``/widget/socket.io.esm.min.js``, installed from npm into ``node_modules``).
Everything comes from this same address, including the stylesheet.
``/widget/sources.json`` gives the citations of the knowledge base's sources
for the widget's cards.

All files may be loaded by any site: browsers fetch module scripts by CORS,
so the ``Access-Control-Allow-Origin: *`` below is what lets other sites run
the parts, and they need a JavaScript ``Content-Type`` (``text/javascript``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict

from flask import Blueprint, Response, jsonify, request, send_from_directory

from bot.conversation.sources import citation
from bot.knowledge import knowledge_dir, load_knowledge

ROOT = Path(__file__).resolve().parents[3]
SOCKET_IO_DIST = ROOT / "node_modules" / "socket.io-client" / "dist"
MISSING_LIBRARY = "/* The socket.io client is not installed here: run `make setup`. */\n"

blueprint = Blueprint("widget", __name__, static_folder="static", static_url_path="")


@blueprint.after_request
def shareable(response: Response) -> Response:
    """Let any site load the widget's files; keep browsers from guessing types."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blueprint.route("/socket.io.esm.min.js")
@blueprint.route("/socket.io.esm.min.js.map")
def socket_io_client() -> Response:
    """The socket.io client's ES module build (and its source map), straight from ``node_modules``."""
    filename = request.path.rsplit("/", 1)[-1]
    if not (SOCKET_IO_DIST / filename).is_file():
        return Response(MISSING_LIBRARY, status=404, mimetype="text/javascript")
    return send_from_directory(SOCKET_IO_DIST, filename)


@blueprint.route("/sources.json")
def sources() -> Response:
    """``{key: {"citation": "Authors (year)", "title": ...}}`` for every source."""
    response = jsonify(source_citations())
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def source_citations() -> Dict[str, Dict[str, str]]:
    """Citation and title of each source in the knowledge base (loaded once, cached)."""
    kb = load_knowledge(knowledge_dir())
    return {key: {"citation": citation(kb, key), "title": source.title} for key, source in kb.sources.items()}
