/*
 * From history entries to what the log shows. Entries are what was said, in
 * order: {id, from: "user" | "bot" | "site", text, quickReplies, custom, pending}.
 * A custom payload belongs to the bot texts just before it (since the last
 * user message or payload). Recommendation, misconception, lesson and quiz
 * cards hold everything their texts said, so they replace them; quiz feedback, quiz result
 * and plan cards show their texts inside the card. Either way the card takes over the
 * texts' buttons. Other cards drop a text only when it repeats one of the
 * card's own fields word for word.
 */
const REPLACES_ITS_TEXTS = new Set(["misconception", "lesson", "quiz", "recommendation"]);
const HOLDS_ITS_TEXTS = new Set(["quiz_feedback", "quiz_result", "plan"]);
const CARD_FIELDS = ["title", "text", "question", "reality", "claim"];

function repeatsCard(text, custom) {
  const plain = String(text || "").trim();
  return CARD_FIELDS.some((field) => typeof custom[field] === "string" && custom[field].trim() === plain);
}

/** Items to render: {kind: "user" | "text" | "card", entry, quickReplies}. */
export function layout(entries) {
  const items = [];
  let turn = [];
  for (const entry of entries) {
    if (entry.from === "user") {
      items.push({ kind: "user", entry: entry, quickReplies: [] });
      turn = [];
    } else if (entry.custom) {
      const card = { kind: "card", entry: entry, quickReplies: [], texts: [] };
      const holds = HOLDS_ITS_TEXTS.has(entry.custom.type);
      const replaces = holds || REPLACES_ITS_TEXTS.has(entry.custom.type);
      for (const item of turn) {
        if (replaces || repeatsCard(item.entry.text, entry.custom)) {
          item.hidden = true;
          if (holds) {
            card.texts.push(item.entry.text);
          }
          if (item.quickReplies.length) {
            card.quickReplies = item.quickReplies;
          }
        }
      }
      items.push(card);
      turn = [];
    } else {
      const item = { kind: "text", entry: entry, quickReplies: entry.quickReplies || [] };
      items.push(item);
      if (entry.from === "bot") {
        turn.push(item);
      }
    }
  }
  return items.filter((item) => !item.hidden);
}

/** The entry (or entries) a bot_uttered event adds to the history. */
export function entriesFrom(data, newId) {
  const added = [];
  if (typeof data.text === "string" && data.text.trim()) {
    const buttons = data.quick_replies || data.buttons || [];
    const quickReplies = buttons
      .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
      .map((b) => ({ title: b.title, payload: b.payload }));
    added.push({ id: newId(), from: "bot", text: data.text, quickReplies: quickReplies });
  }
  if (data.custom && typeof data.custom === "object" && typeof data.custom.type === "string") {
    added.push({ id: newId(), from: "bot", custom: data.custom });
  }
  return added;
}
