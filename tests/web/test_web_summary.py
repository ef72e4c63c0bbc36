"""The owner's downloadable one-page plan."""
from __future__ import annotations

from urllib.parse import urlsplit

from bot.advice import Profile
from bot.dialogue.recommendation import summary_url


def test_summary_link_from_the_chat_downloads_the_plan(client) -> None:
    profile = Profile.from_slots({"sector": "electronics_telecom", "company_size": "small",
                                  "innovation_need": "market_expansion", "innovation_stage": "commercialisation",
                                  "barriers": ["commercialisation_cost"], "offer": ["technology_ip"]})
    link = urlsplit(summary_url(profile))
    response = client.get(f"{link.path}?{link.query}")
    assert response.status_code == 200 and response.mimetype == "text/markdown"
    assert "attachment" in response.headers["Content-Disposition"]
    document = response.get_data(as_text=True)
    assert document.startswith("# Your open innovation plan")
    assert "Intermediated" in document and "## Readiness" in document and "## Sources" in document


def test_unknown_values_in_the_link_are_ignored(client) -> None:
    response = client.get("/summary.md?sector=<script>alert(1)</script>&barriers=funding_gap,evil")
    document = response.get_data(as_text=True)
    assert response.status_code == 200 and "<script>" not in document
    assert response.headers["X-Content-Type-Options"] == "nosniff"
