"""The overview with charts, and the audit log for admins."""
from __future__ import annotations

from flask import render_template

from bot.storage import audit, review, stats
from bot.web.staff import blueprint, charts
from bot.web.staff.access import ADMINS, EVERYONE, audited, database, role_required


@blueprint.route("/overview")
@role_required(*EVERYONE)
def overview():  # type: ignore[no-untyped-def]
    """Conversations per week, needs by sector, top misconceptions and models, follow-up share."""
    with database() as connection:
        review.register_transcript_senders(connection)
        figures = stats.overview(connection)
        audited(connection, "view", "overview")
    return render_template(
        "staff/overview.html", figures=figures,
        per_week=charts.columns(figures.per_week),
        needs=charts.heatmap(figures.needs_by_sector),
        misconceptions=charts.bars(figures.misconceptions),
        models=charts.bars(figures.models),
        share=charts.ring(figures.followup_share),
    )


@blueprint.route("/audit")
@role_required(*ADMINS)
def audit_log():  # type: ignore[no-untyped-def]
    """The newest audit entries."""
    with database() as connection:
        entries = audit.recent(connection, limit=500)
        audited(connection, "view", "audit")
    return render_template("staff/audit.html", entries=entries)
