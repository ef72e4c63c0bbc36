"""``/plan/``: the owner's open innovation plan as a web page, with Markdown and PDF downloads;
``/sources``: the documents behind all advice, which references in the chat link to.

A page opens on any phone and prints cleanly, where a raw ``.md`` download
was a mystery file. The PDF is the same page printed by WeasyPrint; it needs
the system's pango library, and without it the PDF link answers 503 with a
plain explanation while the page and the Markdown keep working.
"""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, render_template, request

from bot.advice import assess_readiness, markdown_report, recommend
from bot.knowledge import load_knowledge
from bot.web.plan.view import build_plan
from bot.web.summary import plan_query, profile_from_query

blueprint = Blueprint("plan", __name__, template_folder="templates", static_folder="static",
                      static_url_path="/plan-static")
FILENAME = "open-innovation-plan"
PAGE_POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
STYLESHEET = Path(__file__).parent / "static" / "plan.css"
PDF_MISSING = ("The PDF cannot be made on this server (WeasyPrint or the pango library is missing). "
               "Print the plan page from your browser instead.")


def render_page(for_print: bool = False) -> str:
    """The plan page for the profile in the query string; for print, with its styles inline.

    WeasyPrint then needs no request back to this server for the stylesheet.
    """
    profile = profile_from_query(request.args)
    kb = load_knowledge()
    query = plan_query(profile)
    inline_css = STYLESHEET.read_text(encoding="utf-8") if for_print else None
    return render_template("plan/plan.html", plan=build_plan(kb, profile), query=query, inline_css=inline_css)


def no_sniff(response: Response) -> Response:
    """Downloads and pages are what their type says, never sniffed into something else."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blueprint.get("/plan/")
def page() -> Response:
    """The plan as an HTML page, readable on a phone and printable."""
    response = Response(render_page(), mimetype="text/html")
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    return no_sniff(response)


@blueprint.get("/sources")
def sources() -> Response:
    """Every document the knowledge base cites, each with an anchor the chat's references link to."""
    kb = load_knowledge()
    page = render_template("plan/sources.html", sources=list(kb.sources.values()))
    response = Response(page, mimetype="text/html")
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    return no_sniff(response)


@blueprint.get(f"/plan/{FILENAME}.md")
def markdown() -> Response:
    """The plan as a Markdown file, to keep or paste elsewhere."""
    profile = profile_from_query(request.args)
    document = markdown_report(recommend(profile, load_knowledge()), profile, assess_readiness(profile))
    response = Response(document, mimetype="text/markdown; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{FILENAME}.md"'
    return no_sniff(response)


@blueprint.get(f"/plan/{FILENAME}.pdf")
def pdf() -> Response:
    """The plan page printed to PDF by WeasyPrint."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        return no_sniff(Response(PDF_MISSING, status=503, mimetype="text/plain"))
    html = render_page(for_print=True)
    document = HTML(string=html).write_pdf()
    response = Response(document, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{FILENAME}.pdf"'
    return no_sniff(response)
