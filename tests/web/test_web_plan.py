"""The owner's plan: a web page, its Markdown and PDF downloads, and the old link."""
from __future__ import annotations

from urllib.parse import urlsplit

from bot.advice import Profile
from bot.dialogue.recommendation import plan_url

FIRM = {"sector": "software_it", "company_size": "small", "innovation_need": "business_model",
        "innovation_stage": "development", "offer": ["technology_ip"], "ip_sensitivity": "low",
        "partner_experience": "none", "interests": ["licensing_out"]}


def plan_path() -> str:
    link = urlsplit(plan_url(Profile.from_slots(FIRM)))
    assert link.path == "/plan/"
    return f"{link.path}?{link.query}"


def test_the_link_from_the_chat_opens_the_plan_page(client) -> None:
    response = client.get(plan_path())
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<meta name="viewport"' in page and "plan.css" in page
    for heading in ("What fits you best", "Partners to look for", "The main risk for you",
                    "Your first steps", "Readiness", "Sources"):
        assert heading in page
    assert "Licensing out" in page and "Software and IT".lower() in page.lower()
    assert "Download PDF" in page and "Download Markdown" in page
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


def test_markdown_download(client) -> None:
    path = plan_path().replace("/plan/?", "/plan/open-innovation-plan.md?")
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/markdown"
    assert 'filename="open-innovation-plan.md"' in response.headers["Content-Disposition"]
    assert response.get_data(as_text=True).startswith("# Your open innovation plan")


def test_pdf_download_is_a_real_pdf(client) -> None:
    path = plan_path().replace("/plan/?", "/plan/open-innovation-plan.pdf?")
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    body = response.get_data()
    assert body.startswith(b"%PDF-") and len(body) > 5000
    assert 'filename="open-innovation-plan.pdf"' in response.headers["Content-Disposition"]


def test_user_text_in_the_link_is_never_rendered(client) -> None:
    response = client.get("/plan/?sector=<script>alert(1)</script>&barriers=funding_gap,evil"
                          "&interests=<b>x</b>")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "<script>alert" not in page and "<b>x" not in page
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_old_summary_links_lead_to_the_markdown(client) -> None:
    response = client.get("/summary.md?sector=food_beverage&company_size=micro")
    assert response.status_code == 301
    assert response.headers["Location"].startswith("/plan/open-innovation-plan.md?")
    assert "sector=food_beverage" in response.headers["Location"]


def test_the_source_list_has_an_anchor_per_source(client) -> None:
    from bot.knowledge import load_knowledge

    response = client.get("/sources")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for key, source in load_knowledge().sources.items():
        assert f'id="{key}"' in page
        assert (source.year or "no year given") in page
