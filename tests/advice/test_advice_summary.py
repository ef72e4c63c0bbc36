"""Chat texts and the downloadable document show knowledge-base texts, neatly arranged."""
from bot.advice import assess_readiness, chat_messages, markdown_report, readiness_chart, recommend
from bot.advice.summary import bar, distinctive_reasons
from tests.advice.advice_kb import profile, replaced

SLOTS = dict(sector="food_beverage", company_size="micro", innovation_need="new_product",
             innovation_stage="exploration", barriers=["funding_gap"], offer=["market_access"],
             ip_sensitivity="high", partner_experience="none", international=False)


def render(kb, **overrides):
    owner = profile(**{**SLOTS, **overrides})
    rec = recommend(owner, kb)
    return rec, chat_messages(rec, owner, assess_readiness(owner)), markdown_report(
        rec, owner, assess_readiness(owner))


def test_chat_has_profile_models_partners_risk_steps_sources(kb):
    rec, messages, _ = render(kb)
    assert len(messages) == 6
    head, models, partners, risk, steps, sources = messages
    assert head.startswith("Your profile: Micro in food beverage; goal: new product")
    assert "IP sensitivity: high" in head and "Readiness" in head
    lines = models.splitlines()[1:]
    assert [line.split(":")[0] for line in lines] == [f"{n}. {m.name}" for n, m in enumerate(rec.top_models(), 1)]
    for line, item in zip(lines, rec.top_models()):
        assert line.split(": ", 1)[1] in [r.text for r in item.reasons if r.delta > 0]
    assert len(partners.splitlines()) == 4
    assert rec.main_risk in risk and "How to manage it" in risk
    assert steps.count("\n") == 3 and steps.endswith(rec.first_steps[2])
    assert "Author lee2010 (2010), Title of lee2010" in sources


def test_texts_come_from_the_knowledge_base(kb):
    top = recommend(profile(**SLOTS), kb).models[0].id
    renamed = replaced(kb, "models", top, name="Renamed in the knowledge")
    _, messages, document = render(renamed)
    assert "1. Renamed in the knowledge:" in messages[1]
    assert "**Renamed in the knowledge**" in document


def test_markdown_document_sections_and_chart(kb):
    rec, _, document = render(kb)
    for heading in ("# Your open innovation plan", "## Readiness", "## Collaboration models that fit you best",
                    "## Partners to look for", "## Main risk", "## Advice for your situation",
                    "## Your first steps", "## Sources"):
        assert heading in document
    assert "█" in document and "Breadth of outside sources" in document
    assert "too few kinds of partners" in document
    assert "- Mind:" in document  # negative reasons are shown, not hidden
    assert len(document.splitlines()) < 80


def test_document_without_readiness_or_much_knowledge(kb):
    owner = profile()
    rec = recommend(owner, kb)
    document = markdown_report(rec, owner)
    assert "## Readiness" not in document and "not much known yet" in document


def test_one_line_reasons_prefer_what_sets_an_item_apart(kb):
    rec = recommend(profile(**SLOTS), kb)
    reasons = distinctive_reasons(rec.top_models())
    assert len(set(reasons)) == 3
    common = {r.text for r in rec.models[0].reasons} & {r.text for r in rec.models[1].reasons} & {
        r.text for r in rec.models[2].reasons}
    assert reasons[0] not in common


def test_bar_and_chart():
    assert bar(0) == "░" * 10 and bar(100) == "█" * 10 and bar(50) == "█" * 5 + "░" * 5
    rows = readiness_chart(assess_readiness(profile())).splitlines()
    assert len(rows) == 5 and len({row.index("░") if "█" not in row else row.index("█") for row in rows}) == 1
