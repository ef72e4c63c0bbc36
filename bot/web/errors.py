"""App-wide answers to bad input and to a database that went away.

* Text with NUL characters or lone UTF-16 surrogates in a query string or
  form cannot be stored or even compared by PostgreSQL; such requests get a
  400 before any view runs, on every backend alike.
* When the database cannot be reached, views fail with SQLAlchemy's
  ``OperationalError``/``InterfaceError``: the answer is a 503 page saying so,
  and any other failure is a plain 500 page. Neither shows a traceback, and
  neither needs the database (the staff layout would look up the user in it).
"""
from __future__ import annotations

import logging
from typing import Iterable, Tuple

from flask import Flask, request
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

logger = logging.getLogger(__name__)

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{code}</title></head><body style="font-family: sans-serif; margin: 3em">
<h1>{code}</h1><p>{message}</p></body></html>"""
DATABASE_DOWN = ("The database cannot be reached right now. Nothing was changed; "
                 "please try again in a minute.")
SERVER_ERROR = "Something went wrong on our side. Please try again in a minute."


def unstorable(values: Iterable[str]) -> bool:
    """Whether any value holds a NUL or a lone surrogate (neither fits in PostgreSQL text)."""
    for value in values:
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def _page(code: int, message: str) -> Tuple[str, int, dict]:
    return PAGE.format(code=code, message=message), code, {"Content-Type": "text/html; charset=utf-8"}


def init_errors(app: Flask) -> None:
    """Register the input check and the error pages on ``app``."""

    @app.before_request
    def refuse_unstorable_text() -> None:
        fields = list(request.args.items(multi=True))
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            fields += list(request.form.items(multi=True))
        if unstorable(key + value for key, value in fields):
            raise BadRequest("The request holds characters that cannot be stored.")

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_down(error: Exception):
        logger.error("database unavailable on %s: %s", request.path, str(error).splitlines()[0])
        return _page(503, DATABASE_DOWN)

    @app.errorhandler(InternalServerError)
    def server_error(error: HTTPException):
        return _page(500, SERVER_ERROR)
