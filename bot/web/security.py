"""App-wide protection: CSRF on every form, staff login sessions, login throttling.

Behind reverse proxies (``TRUSTED_PROXIES`` > 0) Werkzeug's ProxyFix takes the
client address, scheme and host from that many ``X-Forwarded-*`` hops, so the
throttle counts each real client rather than the proxy, and secure cookies
and redirects see https.

Each app gets its own extension objects, so apps built for tests (or several
apps in one process) never share state such as rate-limit keys. Login attempts
are limited per client address with Flask-Limiter, counted in Redis when
``OI_REDIS_URL`` is set (shared by all server processes) and in memory
otherwise; if Redis becomes unreachable the limiter falls back to memory
rather than locking staff out.
"""
from __future__ import annotations

from typing import Optional

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from bot.storage.database import get_engine
from bot.storage.staff_users import get_user_by_id
from bot.web.staff.access import DeskUser

LOGIN_ENDPOINT = "staff.login"


def init_security(app: Flask) -> None:
    """Attach CSRF protection, the login manager and the login throttle to ``app``."""
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]  # Werkzeug's way to wrap the app
    CSRFProtect(app)
    _login_manager(app)
    _throttle(app)


def _login_manager(app: Flask) -> LoginManager:
    """Sessions for staff; anonymous visitors of staff pages go to the login page."""
    manager = LoginManager(app)
    manager.login_view = LOGIN_ENDPOINT
    manager.login_message = "Please log in to see this page."
    manager.session_protection = "strong"

    @manager.user_loader
    def load_user(user_id: str) -> Optional[DeskUser]:
        if not user_id.isdigit():
            return None
        with get_engine(app.config["DATABASE_URL"]).connect() as connection:
            user = get_user_by_id(connection, int(user_id))
        return DeskUser(user) if user else None

    return manager


def _throttle(app: Flask) -> Limiter:
    """Limit POSTs to the login form per client address."""
    limiter = Limiter(
        key_func=get_remote_address,
        app=app,
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        key_prefix=app.config["RATELIMIT_KEY_PREFIX"],
        in_memory_fallback_enabled=True,
    )
    # Wrapping the registered view (rather than decorating it in its module)
    # keeps the limit and its storage specific to this app.
    login_view = app.view_functions[LOGIN_ENDPOINT]
    app.view_functions[LOGIN_ENDPOINT] = limiter.limit(  # type: ignore[assignment]  # typed for async views too
        app.config["LOGIN_RATE_LIMIT"], methods=["POST"])(login_view)
    return limiter
