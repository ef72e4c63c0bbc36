"""Serve the web app with waitress: ``python -m bot.web.serve``.

Listens on ``OI_WEB_HOST`` (default 127.0.0.1, so nothing is exposed by
accident) and ``OI_WEB_PORT`` (default 8000). Put a TLS-terminating proxy in
front for real use; the session cookie is ``Secure`` unless
``OI_INSECURE_COOKIES=1``.
"""
from __future__ import annotations

import logging
import os
from typing import Optional

from waitress import serve

from bot.web.app import create_app

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def main(host: Optional[str] = None, port: Optional[int] = None) -> None:
    """Build the app (migrating the database) and serve it until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    host = host or os.environ.get("OI_WEB_HOST") or DEFAULT_HOST
    port = port or int(os.environ.get("OI_WEB_PORT") or DEFAULT_PORT)
    app = create_app()
    logging.getLogger("bot.web").info("staff desk on http://%s:%d/staff/", host, port)
    serve(app, host=host, port=port, threads=8, ident="oi-advisor")


if __name__ == "__main__":
    main()
