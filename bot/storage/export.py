"""CSV and JSON exports of conversations and follow-ups, shared by the web app and the CLI.

A CSV cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is run as a formula by spreadsheet programs, so an owner could plant
``=HYPERLINK(...)`` in a company name and have it executed on a staff laptop.
Such text cells get a leading apostrophe (OWASP's advice for CSV injection),
which spreadsheets show as plain text. JSON keeps values exactly, since it is
read by programs; numbers are never changed. Every export is audited.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Dict, List, Optional, Sequence

from sqlalchemy.engine import Connection

from bot.storage import audit, followups, partnering, review

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "json")
DATASETS = ("conversations", "followups")

CONVERSATION_FIELDS = (
    "sender_id", "started_at", "last_seen_at", "status", "outcome", "length", "preview",
    "sector", "company_size", "innovation_need", "innovation_stage", "misconceptions", "models",
    "partners", "followup_status", "fallbacks", "low_confidence", "tags",
)
FOLLOWUP_FIELDS = (
    "reference", "created_at", "status", "assignee", "due_on", "name", "company", "email", "phone",
    "preferred_time", "consented_at", "sender_id", "notes", "partnering_profile",
)


@dataclass(frozen=True)
class Export:
    """A finished export: the file's text, a file name and its media type."""

    content: str
    filename: str
    media_type: str
    count: int


def neutralise(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _plain(value: Any) -> Any:
    """Dates as ISO text; everything else unchanged."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def conversation_rows(connection: Connection, chosen: review.ConversationFilter) -> List[Dict[str, Any]]:
    """One dict per matching conversation; no contact details."""
    return [
        {name: _plain(getattr(row, name)) for name in CONVERSATION_FIELDS}
        for row in review.all_conversations(connection, chosen)
    ]


def followup_rows(connection: Connection) -> List[Dict[str, Any]]:
    """One dict per follow-up request, with contact details and the partnering profile."""
    rows = []
    for request in followups.queue(connection):
        record = review.conversation_record(connection, request.sender_id)
        row = {name: _plain(getattr(request, name)) for name in FOLLOWUP_FIELDS
               if name not in ("notes", "partnering_profile")}
        row["notes"] = [f"{_plain(n.created_at)} {n.author}: {n.body}" for n in request.notes]
        row["partnering_profile"] = partnering.from_record(record).as_text() if record else ""
        rows.append(row)
    return rows


def to_csv(rows: Sequence[Dict[str, Any]], fields: Sequence[str]) -> str:
    """CSV text with lists joined by "; " and every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([neutralise(_cell(row.get(name))) for name in fields])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    """A list as one "; "-separated cell, None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value)
    return value


def to_json(rows: Sequence[Dict[str, Any]]) -> str:
    """Pretty JSON: a list of objects."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n"


def export(
    connection: Connection,
    dataset: str,
    fmt: str,
    *,
    actor: str,
    chosen: Optional[review.ConversationFilter] = None,
) -> Export:
    """Build an export of ``dataset`` in ``fmt`` and record it in the audit log."""
    if dataset not in DATASETS or fmt not in FORMATS:
        raise ValueError(f"unknown export {dataset}.{fmt}")
    chosen = chosen or review.ConversationFilter()
    fields: Sequence[str]
    if dataset == "conversations":
        rows, fields = conversation_rows(connection, chosen), CONVERSATION_FIELDS
    else:
        rows, fields = followup_rows(connection), FOLLOWUP_FIELDS
    content = to_csv(rows, fields) if fmt == "csv" else to_json(rows)
    media_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    detail = {"format": fmt, "rows": len(rows), **({"filters": chosen.active()} if chosen.active() else {})}
    audit.record(connection, actor, "export", dataset, detail)
    return Export(content, f"oi-advisor-{dataset}.{fmt}", media_type, len(rows))
