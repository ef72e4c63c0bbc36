"""Tutorial classes for trainers: create a class code, see how the class did, export it.

Trainers see the classes they created; admins see every class. Staff who
review conversations have no business here: a class page shows learners'
names when they chose to give one. Class pages, creations and exports are audited;
the audit details hold codes and counts, never names.
"""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from bot.knowledge import load_knowledge
from bot.storage import classes, export
from bot.storage.classes import ClassInfo
from bot.tutorial import results
from bot.web.staff import blueprint
from bot.web.staff.access import audited, database, role_required

TRAINERS = ("trainer", "admin")


class ClassForm(FlaskForm):
    """The name of a new class (the code is generated)."""

    name = StringField("Name of the class", validators=[DataRequired(), Length(max=classes.MAX_CLASS_NAME)])


def _visible(info: ClassInfo | None) -> ClassInfo:
    """The class if the current user may see it; 404 otherwise (no hint that it exists)."""
    if info is None or (current_user.role != "admin" and info.created_by != current_user.username):
        abort(404)
    return info


@blueprint.route("/classes", methods=["GET", "POST"])
@role_required(*TRAINERS)
def class_list():
    """The user's classes and the form that creates one."""
    form = ClassForm()
    with database() as connection:
        if form.validate_on_submit():
            created = classes.create_class(connection, form.name.data, current_user.username)
            audited(connection, "create_class", f"class:{created.code}")
            flash(f"Created the class {created.name}: give your learners the code {created.code}.", "ok")
            return redirect(url_for("staff.class_page", code=created.code))
        mine = None if current_user.role == "admin" else current_user.username
        items = classes.list_classes(connection, created_by=mine)
    return render_template("staff/classes.html", items=items, form=form)


@blueprint.route("/classes/<code>")
@role_required(*TRAINERS)
def class_page(code: str):
    """Per lesson, per question and per learner: how the class did in the quizzes."""
    with database() as connection:
        info = _visible(classes.get_class(connection, code))
        rows = classes.class_answers(connection, code)
        audited(connection, "view", f"class:{code}")
    return render_template("staff/class.html", info=info, report=results.report(load_knowledge(), rows))


@blueprint.route("/classes/<code>/answers.csv")
@role_required(*TRAINERS)
def class_export(code: str) -> Response:
    """Every answer of the class as CSV, cells neutralised against spreadsheet formulas."""
    with database() as connection:
        _visible(classes.get_class(connection, code))
        rows = results.csv_rows(load_knowledge(), classes.class_answers(connection, code))
        audited(connection, "export", f"class:{code}", {"format": "csv", "rows": len(rows)})
    return Response(export.to_csv(rows, results.CSV_FIELDS), mimetype="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="oi-advisor-class-{code}.csv"'})
