"""The diagnosis result as chat replies, and the follow-ups it invites.

The recommender (``bot.advice``) decides; this module arranges its result
into a few chat bubbles, the ``recommendation`` payload the widget turns
into cards, and answers to "why this one?" and "show other options".
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

from bot.advice import Profile, Recommendation, assess_readiness, recommend
from bot.advice.chat import Pick, picks, profile_line, ranked_text, risk_text, steps_text
from bot.advice.profile import profile_query
from bot.advice.result import ScoredEntry
from bot.conversation.sources import web_base
from bot.conversation.turns import Button, Reply, intent_button
from bot.dialogue import explain
from bot.knowledge import KnowledgeBase

LARGE_FIRM_NOTE = ("A note first: my advice is tuned for small and medium-sized firms (under 250 staff). "
                   "Much of it still applies to you, but weigh it with that in mind.")


def plan_url(profile: Profile) -> str:
    """Link to the plan page the web app renders from the profile (ids only, nothing personal)."""
    return f"{web_base()}/plan/?{profile_query(profile)}"


def result_buttons() -> List[Button]:
    """What the owner can do next with a recommendation ("Start over" is in the widget's header)."""
    return [
        intent_button("Why this one?", "ask_why_recommendation"),
        intent_button("Tell me more", "ask_more"),
        intent_button("Show other options", "show_other_options"),
        intent_button("What do I do first?", "ask_first_step"),
        intent_button("The full plan", "ask_plan"),
        intent_button("Talk to an advisor", "request_followup"),
    ]


def pick_card(pick: Pick, score: int) -> Dict[str, Any]:
    """What a recommendation card shows for one model or partner: the same reason as the text."""
    return {"id": pick.id, "name": pick.name, "summary": pick.summary, "score": score, "reason": pick.reason}


def cards(entries: Sequence[ScoredEntry]) -> List[Dict[str, Any]]:
    """Cards for the listed entries, each with its one distinctive reason."""
    return [pick_card(pick, entry.score) for pick, entry in zip(picks(entries), entries)]


def result(kb: KnowledgeBase, profile: Profile) -> tuple:
    """The result replies and the recommendation (kept for later questions).

    The profile line and the list of what fits travel with the card payload,
    so the widget shows them once, as the card; text-only channels read the
    same words as text. The risk and the steps follow as short texts.
    """
    advice = recommend(profile, kb)
    readiness = assess_readiness(profile)
    link = plan_url(profile)
    payload = {
        "type": "recommendation",
        "models": [entry.id for entry in advice.models],
        "partners": [entry.id for entry in advice.partners],
        "guidance": list(advice.guidance),
        "profile": profile.to_dict(),
        "profile_line": profile_line(advice, profile),
        "top_models": cards(advice.top_models()),
        "top_partners": cards(advice.top_partners()),
        "readiness": readiness.to_dict(),
        "sources": list(advice.sources),
        "plan_url": link,
    }
    replies = [Reply(profile_line(advice, profile))]
    if profile.company_size == "large":
        replies.insert(0, Reply(LARGE_FIRM_NOTE, {"type": "notice", "id": "tuned_for_smes"}))
    if advice.models:
        replies.append(Reply(ranked_text(advice), payload))
    for text in (risk_text(advice), steps_text(advice)):
        if text:
            replies.append(Reply(text))
    last = replies[-1]
    replies[-1] = Reply(last.text, last.payload, result_buttons())
    return replies, advice


def memory(advice: Recommendation, shown: int = 3, plan: Optional[str] = None) -> Dict[str, Any]:
    """What to remember in a slot for "why this one?", "other options" and "the full plan"."""
    remembered: Dict[str, Any] = {"data": advice.to_dict(), "shown": shown}
    if plan:
        remembered["plan_url"] = plan
    return remembered


def plan_reply(remembered: Optional[Dict[str, Any]]) -> Reply:
    """"Show me the full plan": the plan page as a labelled link, or the diagnosis first.

    The address travels in the payload, so the widget shows a short button
    rather than a raw URL; text-only channels read where to find it.
    """
    link = (remembered or {}).get("plan_url")
    if not link:
        return no_recommendation_yet()
    return Reply("Your full plan is ready: your profile, the readiness chart, the three recommendations "
                 "with their reasons, risks and first steps, and the sources. It opens as a page you can "
                 "print, with PDF and Markdown downloads.",
                 {"type": "plan", "plan_url": link})


def kind_of(kb: KnowledgeBase, item_id: Optional[str]) -> Optional[str]:
    """"models" or "partners": which of the two recommended kinds ``item_id`` names, if either."""
    return "models" if item_id in kb.models else "partners" if item_id in kb.partners else None


def _entries(remembered: Dict[str, Any], kind: str) -> List[Dict[str, Any]]:
    return list((remembered.get("data") or {}).get(kind) or [])


def why(kb: KnowledgeBase, remembered: Optional[Dict[str, Any]], item_id: Optional[str]) -> Reply:
    """The reasons behind one recommended model or partner (the top model by default).

    Before any advice, "why licensing out?" or "explain licensing out to me"
    is best answered with what licensing out is, so a named entry is
    explained rather than turned away.
    """
    if not remembered:
        kind = kind_of(kb, item_id)
        return explain.explain(kb, {"kind": kind, "id": str(item_id)}) if kind else no_recommendation_yet()
    entries = _entries(remembered, "models") + _entries(remembered, "partners")
    entry = next((e for e in entries if e["id"] == item_id), None) or entries[0]
    plus = [r["text"] for r in entry["reasons"] if r["delta"] > 0]
    minus = [r["text"] for r in entry["reasons"] if r["delta"] < 0]
    text = f"Why {entry['name']}: " + (" ".join(plus) or "it fits your profile overall.")
    if minus:
        text += "\nWhat speaks against it: " + " ".join(minus)
    sources = sorted({s for r in entry["reasons"] for s in r.get("sources", [])})
    payload = {"type": "explain", "id": entry["id"], "kind": "why",
               "reasons": [r["id"] for r in entry["reasons"]], "sources": sources}
    return Reply(text, payload, [intent_button("Tell me more", "ask_more"),
                                 intent_button("Show other options", "show_other_options")])


def other_options(remembered: Optional[Dict[str, Any]]) -> Reply:
    """The next three models and partner types after those already shown."""
    if not remembered:
        return no_recommendation_yet()
    start = int(remembered.get("shown", 3))
    models = _entries(remembered, "models")[start:start + 3]
    partners = _entries(remembered, "partners")[start:start + 3]
    if not models and not partners:
        return Reply("Those were all the options I have. Ask me about any of them, or start over.",
                     {"type": "notice", "id": "no_more_options"}, [intent_button("Start over", "start_over")])
    lines = ["Other options worth a look:"]
    lines += [f"- {e['name']} (model): {e['summary']}" for e in models]
    lines += [f"- {e['name']} (partner): {e['summary']}" for e in partners]
    payload = {"type": "options", "models": [e["id"] for e in models],
               "partners": [e["id"] for e in partners]}
    return Reply("\n".join(lines), payload, [intent_button("Why this one?", "ask_why_recommendation")])


def no_recommendation_yet() -> Reply:
    """Offer the diagnosis when the owner asks about advice not given yet."""
    return Reply("I haven't recommended anything yet. A short diagnosis of your firm comes first.",
                 {"type": "notice", "id": "no_recommendation"},
                 [intent_button("Diagnose my firm", "start_diagnosis")])
