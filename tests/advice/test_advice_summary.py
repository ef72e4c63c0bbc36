"""Chat texts and the downloadable document show knowledge-base texts, neatly arranged."""
from bot.advice import assess_readiness, chat_messages, markdown_report, readiness_chart, recommend
from bot.advice.chat import distinctive_reasons, picks
from bot.advice.summary import bar
from tests.advice.advice_kb import profile, replaced

SLOTS = dict(sector="food_beverage", company_size="micro", innovation_need="new_product",
             innovation_stage="exploration", barriers=["funding_gap"], offer=["market_access"],
             ip_sensitivity="high", partner_experience="none", international=False)


def render(kb, **overrides):
    owner = profile(**{**SLOTS, **overrides})
    rec = recommend(owner, kb)
    return rec, chat_messages(rec, owner), markdown_report(
        rec, owner, assess_readiness(owner))


def test_chat_is_profile_picks_risk_and_steps(kb):
    rec, messages, _ = render(kb)
    assert len(messages) == 4
    head, ranked, risk, steps = messages
    assert head == ("Your profile: Micro in food beverage \u00b7 goal: new product \u00b7 stage: exploration"
                    " \u00b7 brings: market access.")
    lines = ranked.splitlines()
    assert lines[0] == "What fits you best:" and lines[4] == "Partners to look for:"
    assert [line.split(":")[0] for line in lines[1:4]] == [
        f"{n}. {m.name}" for n, m in enumerate(rec.top_models(), 1)]
    for line, item in zip(lines[1:4], rec.top_models()):
        assert line.split(": ", 1)[1] in [r.text for r in item.reasons if r.delta > 0]
    assert len(lines) == 8
    assert risk.startswith(f"The main risk for you: {rec.main_risk}")
    assert steps.count("\n") == 3 and steps.endswith(rec.first_steps[2])


def test_chat_says_each_thing_once(kb):
    _, messages, _ = render(kb)
    sentences = [line.split(": ", 1)[-1] for message in messages for line in message.splitlines()]
    assert len(sentences) == len(set(sentences))
    assert "Sources" not in " ".join(messages) and "Readiness" not in " ".join(messages)


def test_cards_and_text_give_the_same_reasons(kb):
    rec, messages, _ = render(kb)
    for pick in picks(rec.top_models()) + picks(rec.top_partners()):
        assert f"{pick.name}: {pick.reason}" in messages[1]


def test_chat_fits_on_two_phone_screens(kb):
    _, messages, _ = render(kb)
    assert sum(len(message.split()) for message in messages) < 200


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
