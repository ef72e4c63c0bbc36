"""CSV and JSON downloads of conversations (with the list's filters) and follow-ups."""
from __future__ import annotations

from flask import Response, abort, request
from flask_login import current_user

from bot.storage import export
from bot.web.staff import blueprint
from bot.web.staff.access import REVIEWERS, database, role_required
from bot.web.staff.conversation_views import filters_from_args


@blueprint.route("/export/<dataset>.<fmt>")
@role_required(*REVIEWERS)
def export_download(dataset: str, fmt: str) -> Response:
    """Send the export as an attachment; the audit entry is written with it."""
    if dataset not in export.DATASETS or fmt not in export.FORMATS:
        abort(404)
    with database() as connection:
        result = export.export(connection, dataset, fmt, actor=current_user.username,
                               chosen=filters_from_args(request.args))
    return Response(result.content, mimetype=result.media_type, headers={
        "Content-Disposition": f'attachment; filename="{result.filename}"'})
