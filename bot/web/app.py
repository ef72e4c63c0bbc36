"""The Flask application factory.

Each part of the site is a blueprint registered in :func:`register_blueprints`;
add new parts there, one line each. Security that applies to every part
(CSRF on every form, login sessions, login throttling) is set up in
:mod:`bot.web.security`.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from flask import Flask

from bot.storage.migrate import ensure_schema
from bot.web.errors import init_errors
from bot.web.routing import CONVERTERS
from bot.web.security import init_security
from bot.web.settings import secret_key, settings_from_env


def create_app(config: Optional[Mapping[str, Any]] = None) -> Flask:
    """Build the web app; ``config`` overrides settings read from the environment."""
    app = Flask(__name__)
    app.config.update(settings_from_env())
    app.config.update(config or {})
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key()
    if app.config["MIGRATE_ON_START"]:
        ensure_schema(app.config["DATABASE_URL"])
    app.url_map.converters.update(CONVERTERS)
    register_blueprints(app)
    init_security(app)
    init_errors(app)
    return app


def register_blueprints(app: Flask) -> None:
    """Mount every part of the site. Public pages go here too:

    ``/`` (demo page), ``/widget`` (chat widget files), ``/plan/`` (the owner's plan, with its
    Markdown and PDF downloads; ``/summary.md`` leads there from older links).
    """
    from bot.web.demo import blueprint as demo
    from bot.web.plan import blueprint as plan
    from bot.web.staff import blueprint as staff
    from bot.web.summary import blueprint as summary
    from bot.web.widget import blueprint as widget

    app.register_blueprint(staff, url_prefix="/staff")
    app.register_blueprint(demo)
    app.register_blueprint(widget, url_prefix="/widget")
    app.register_blueprint(summary)
    app.register_blueprint(plan)
