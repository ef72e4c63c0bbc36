"""The overview with charts and funnel figures, and the audit log for admins.

Neither page is logged when opened: the overview holds only aggregates and
the audit log is the log itself; exporting the log is.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import List, Tuple
from urllib.parse import urlencode

from flask import Response, render_template, request

from bot.storage import audit, review, stats, wording
from bot.storage.export import to_csv
from bot.web.staff import blueprint, charts
from bot.web.staff.access import ADMINS, EVERYONE, audited, database, role_required
from bot.web.staff.conversation_views import parse_day

PAGE_LIMIT = 500
AUDIT_FIELDS = ("at", "actor", "action", "target", "detail")


@blueprint.route("/overview")
@role_required(*EVERYONE)
def overview():
    """Conversations per week, needs by sector, top misconceptions and models, follow-up share."""
    with database() as connection:
        review.register_transcript_senders(connection)
        figures = stats.overview(connection)
    return render_template(
        "staff/overview.html", figures=figures,
        per_week=charts.columns(figures.per_week),
        needs=charts.heatmap(figures.needs_by_sector),
        misconceptions=charts.bars(_named(figures.misconceptions, "misconceptions")),
        models=charts.bars(_named(figures.models, "models")),
        partners=charts.bars(_named(figures.partners, "partners")),
        share=charts.ring(figures.followup_share),
    )


def _named(items: List[Tuple[str, int]], kind: str) -> List[Tuple[str, int]]:
    """Chart items with knowledge-base names instead of ids."""
    return [(wording.name_of(kind, identifier), count) for identifier, count in items]


def _audit_filter() -> audit.AuditFilter:
    """The audit page's filters from the query string."""
    return audit.AuditFilter(
        actor=request.args.get("actor") or None, action=request.args.get("action") or None,
        date_from=parse_day(request.args.get("date_from")), date_to=parse_day(request.args.get("date_to")),
        text=(request.args.get("q") or "").strip()[:200] or None,
    )


@blueprint.route("/audit")
@role_required(*ADMINS)
def audit_log():
    """The newest audit entries, filtered by user, action, date and words in the target."""
    chosen = _audit_filter()
    with database() as connection:
        entries = audit.recent(connection, limit=PAGE_LIMIT, chosen=chosen)
        choices = audit.choices(connection)
    query = urlencode({k: v for k, v in request.args.items() if v})
    return render_template("staff/audit.html", entries=entries, choices=choices, args=request.args,
                           query=query, limit=PAGE_LIMIT)


@blueprint.route("/audit/export.csv")
@role_required(*ADMINS)
def audit_export() -> Response:
    """The filtered audit log as CSV (formulas neutralised); the export itself is logged."""
    chosen = _audit_filter()
    with database() as connection:
        entries = audit.recent(connection, limit=None, chosen=chosen)
        rows = [{"at": e.at.isoformat(sep=" ", timespec="seconds"), "actor": e.actor, "action": e.action,
                 "target": e.target, "detail": json.dumps(e.detail, sort_keys=True) if e.detail else ""}
                for e in entries]
        filters = {k: str(v) for k, v in asdict(chosen).items() if v}
        audited(connection, "export", "audit", {"format": "csv", "rows": len(rows),
                                                **({"filters": filters} if filters else {})})
    return Response(to_csv(rows, AUDIT_FIELDS), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="oi-advisor-audit.csv"'})
