"""Web app settings from the environment, with safe defaults.

Cookies are ``Secure`` unless ``OI_INSECURE_COOKIES=1`` (plain-http local use).
The secret key signs sessions and CSRF tokens: from ``OI_SECRET_KEY``, or else
generated once and kept in ``var/secret_key`` (mode 600) so that restarts do not
log everybody out.
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any, Dict, Mapping, Optional

from bot.storage.database import VAR_DIR, database_url

SECRET_KEY_FILE = VAR_DIR / "secret_key"
TRUE_WORDS = {"1", "true", "yes", "on"}


def flag(environ: Mapping[str, str], name: str) -> bool:
    """Whether an environment variable is set to a yes-like value."""
    return environ.get(name, "").strip().lower() in TRUE_WORDS


def settings_from_env(environ: Optional[Mapping[str, str]] = None) -> Dict[str, Any]:
    """Flask configuration for the environment (the secret key is resolved later)."""
    environ = os.environ if environ is None else environ
    secure = not flag(environ, "OI_INSECURE_COOKIES")
    return {
        "DATABASE_URL": database_url(environ.get("OI_DATABASE_URL")),
        "SECRET_KEY": environ.get("OI_SECRET_KEY") or None,
        "SESSION_COOKIE_NAME": "oi_staff_session",
        "SESSION_COOKIE_SECURE": secure,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "RATELIMIT_STORAGE_URI": environ.get("OI_REDIS_URL") or "memory://",
        "RATELIMIT_KEY_PREFIX": environ.get("OI_REDIS_PREFIX", "oi-advisor"),
        "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
        "MIGRATE_ON_START": True,
        "TRUSTED_PROXIES": trusted_proxies(environ),
    }


def trusted_proxies(environ: Mapping[str, str]) -> int:
    """How many reverse proxies in front of the app set ``X-Forwarded-*`` (``OI_TRUSTED_PROXIES``).

    0 (the default) trusts no such header: a client could otherwise forge its
    address and escape the login throttle.
    """
    value = environ.get("OI_TRUSTED_PROXIES", "").strip() or "0"
    if not value.isdigit():
        raise ValueError(f"OI_TRUSTED_PROXIES must be a whole number, not {value!r}")
    return int(value)


def secret_key(path: Path = SECRET_KEY_FILE) -> str:
    """The stored secret key, created with owner-only permissions on first use."""
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process won the race; use its key
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
