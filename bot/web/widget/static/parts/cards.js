/*
 * Cards for the structured payloads (docs/payloads.md, docs/tutorial.md):
 * recommendations, misconceptions, lessons, quiz questions, feedback and
 * results. Payloads that only describe a message (question, notice, menu, ...)
 * have no card. Everything goes in as text.
 */
import { el } from "./dom.js";
import { link, linkify, safeUrl } from "./linkify.js";

function field(label, value) {
  if (typeof value !== "string" || !value.trim()) {
    return null;
  }
  return el("div", { className: "oiw-field" }, [
    el("p", { className: "oiw-label", text: label }),
    el("p", { className: "oiw-value", text: value })
  ]);
}

function sourcesLine(keys, context) {
  if (!Array.isArray(keys) || !keys.length) {
    return null;
  }
  return el("p", { className: "oiw-sources", text: "Sources: " + context.cite(keys) });
}

function cardButton(label, name, onClick) {
  return el("button", {
    className: "oiw-button oiw-button-small",
    text: label,
    attrs: { type: "button", "aria-label": label + " (" + name + ")" },
    on: { click: onClick }
  });
}

/** One recommended model or partner: name, its one reason, "Why?" and "Tell me more" (which says what it is). */
function option(choice, entity, context) {
  const name = String(choice.name || choice.id);
  const ask = (intent, label) => () =>
    context.send("/" + intent + JSON.stringify({ [entity]: choice.id }), label);
  return el("li", { className: "oiw-option", attrs: { "data-id": choice.id } }, [
    el("p", { className: "oiw-option-name", text: name }),
    text(choice.reason, "oiw-option-reason"),
    el("div", { className: "oiw-option-actions" }, [
      cardButton("Why?", name, ask("ask_why_recommendation", "Why " + name + "?")),
      cardButton("Tell me more", name, ask("ask_more", "Tell me more about " + name))
    ])
  ]);
}

function optionList(heading, choices, entity, context) {
  if (!Array.isArray(choices) || !choices.length) {
    return [];
  }
  return [
    el("p", { className: "oiw-card-heading", text: heading }),
    el("ul", { className: "oiw-options" }, choices.map((choice) => option(choice, entity, context)))
  ];
}

/** The plan as a short labelled button-like link, never a raw address. */
function planLink(payload) {
  const address = safeUrl(payload.plan_url || payload.summary_url || "");
  if (!address) {
    return null;
  }
  const button = link(address, "Open your plan");
  button.classList.add("oiw-button", "oiw-plan-link");
  return el("p", { className: "oiw-card-link" }, [button]);
}

/** The result: profile line, what fits with one reason each, and the plan. */
function recommendation(payload, context) {
  const label = { "aria-label": "Recommendations" };
  return el("section", { className: "oiw-card oiw-card-recommendation", attrs: label }, [
    text(payload.profile_line, "oiw-profile-line"),
    ...optionList("What fits you best", payload.top_models, "model", context),
    ...optionList("Partners to look for", payload.top_partners, "partner", context),
    planLink(payload)
  ]);
}

function misconception(payload, context) {
  return card("misconception", "A common doubt", [
    payload.claim ? text("\u201c" + payload.claim + "\u201d", "oiw-claim") : null,
    field("In fact", payload.reality),
    field("Why it matters", payload.why_it_matters),
    field("A first step", payload.first_step),
    sourcesLine(payload.sources, context)
  ]);
}

function options(list) {
  if (!Array.isArray(list) || !list.length) {
    return null;
  }
  const label = (item) => (item && typeof item === "object" ? item.title || item.text || "" : item);
  return el("ol", { className: "oiw-quiz-options" }, list.map((item) => el("li", { text: label(item) })));
}

function card(type, eyebrow, children) {
  return el("section", { className: "oiw-card oiw-card-" + type, attrs: { "aria-label": eyebrow } }, [
    el("p", { className: "oiw-eyebrow", text: eyebrow }),
    ...children
  ]);
}

function text(value, className) {
  return typeof value === "string" && value.trim() ? el("p", { className: className, text: value }) : null;
}

function counted(label, number, of) {
  return Number.isFinite(number) && Number.isFinite(of) ? label + " " + number + " of " + of : "";
}

/** One step of a tutorial lesson, with its example case if it has one. */
function lesson(payload, context) {
  const example = payload.example && typeof payload.example === "object" ? payload.example : null;
  return card("lesson", ["Lesson", counted("step", payload.step, payload.of)].filter(Boolean).join(" \u00b7 "), [
    text(payload.title, "oiw-card-title"),
    text(payload.text, "oiw-value"),
    example ? el("div", { className: "oiw-field" }, [
      text("Example: " + (example.title || ""), "oiw-label"),
      text(example.summary, "oiw-value"),
      sourcesLine(example.sources, context)
    ]) : null
  ]);
}

/** A quiz question; its options are listed only when no buttons offer them already. */
function quiz(payload, hasButtons) {
  return card("quiz", ["Quiz", counted("question", payload.number, payload.of)].filter(Boolean).join(" \u00b7 "), [
    text(payload.question, "oiw-card-title"),
    hasButtons ? null : options(payload.options)
  ]);
}

function said(texts) {
  return texts.map((t) => el("p", { className: "oiw-value" }, [linkify(t)]));
}

/** The bot's words on an answer, marked right or wrong. */
function quizFeedback(payload, texts) {
  const section = card("quiz_feedback", "Quiz answer", texts.length ? said(texts) : [
    text(payload.correct ? "Right." : "The answer: " + (payload.answer_text || ""), "oiw-card-title"),
    text(payload.explanation, "oiw-value")
  ]);
  section.classList.add(payload.correct ? "oiw-right" : "oiw-wrong");
  return section;
}

/** The lesson's title over the bot's words on the score (or the bare score). */
function quizResult(payload, texts) {
  const scored = Number.isFinite(payload.score) && Number.isFinite(payload.of);
  const score = scored ? text(payload.score + " of " + payload.of + " right", "oiw-score") : null;
  const body = texts.length ? said(texts) : [score];
  return card("quiz_result", "Quiz result", [text(payload.title, "oiw-card-title"), ...body]);
}

/** "The full plan": the bot's words and the plan as a labelled link. */
function plan(payload, texts) {
  const link = planLink(payload);
  return link ? card("plan", "Your plan", [...said(texts), link]) : null;
}

/** Anything else with a title, text, question or options. */
function generic(payload) {
  const hasContent = ["title", "text", "question"].some((key) => typeof payload[key] === "string") ||
    Array.isArray(payload.options);
  if (!hasContent) {
    return null;
  }
  return card(String(payload.type).replace(/[^a-z_-]/gi, ""), "Note", [
    text(payload.title, "oiw-card-title"),
    text(payload.text, "oiw-value"),
    text(payload.question, "oiw-card-title"),
    options(payload.options)
  ]);
}

const DESCRIBE_ONLY = new Set(["question", "notice", "menu", "fallback", "why", "options", "explain",
                               "case", "sources", "consent", "followup", "erased", "first_steps",
                               "case_evidence"]);

/**
 * The card for a payload, or null. ``context``: send(payload, label), cite(keys);
 * ``texts``: the bot's texts the card holds (see layout.js); ``hasButtons``:
 * the card's message came with buttons.
 */
export function render(payload, context, texts, hasButtons) {
  switch (payload.type) {
    case "recommendation":
      return recommendation(payload, context);
    case "misconception":
      return misconception(payload, context);
    case "lesson":
      return lesson(payload, context);
    case "quiz":
      return quiz(payload, hasButtons);
    case "quiz_feedback":
      return quizFeedback(payload, texts || []);
    case "quiz_result":
      return quizResult(payload, texts || []);
    case "plan":
      return plan(payload, texts || []);
    default:
      return DESCRIBE_ONLY.has(payload.type) ? null : generic(payload);
  }
}
