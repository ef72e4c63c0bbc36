/*
 * The conversation log (role="log", so screen readers hear new messages):
 * user messages as plain text, bot messages with safe links, cards, and the
 * quick-reply buttons of the latest bot message.
 */
import { render } from "./cards.js";
import { el, srOnly } from "./dom.js";
import { linkify } from "./linkify.js";

const PENDING_NOTE = "Not sent yet: it goes out when the connection is back.";

/** The buttons of the last bot message, unless the user has spoken since. */
function latestReplies(items) {
  for (let i = items.length - 1; i >= 0; i -= 1) {
    if (items[i].kind === "user") {
      return [];
    }
    if (items[i].quickReplies.length) {
      return items[i].quickReplies;
    }
  }
  return [];
}

export class Log {
  /** options: scroller (the element that scrolls), title, onReply(payload, label), cardContext {send, cite} */
  constructor(element, options) {
    this.element = element;
    this.scroller = options.scroller;
    this.options = options;
    this.quickReplies = null;
  }

  clear() {
    this.element.replaceChildren();
    this.quickReplies = null;
  }

  /**
   * Show ``items`` (from layout); ``withReplies``: offer the last bot message's
   * buttons. Buttons already offered stay (below the new items) until the
   * user speaks or newer buttons come.
   */
  append(items, withReplies) {
    let first = null;
    for (const item of items) {
      const row = this.row(item);
      if (row) {
        this.element.append(row);
        first = first || row;
      }
    }
    const offered = withReplies ? latestReplies(items) : [];
    if (offered.length || items.some((item) => item.kind === "user")) {
      this.removeQuickReplies();
    }
    if (offered.length) {
      this.quickReplies = this.replies(offered);
    }
    if (this.quickReplies) {
      this.element.append(this.quickReplies);
    }
    this.reveal(first);
  }

  row(item) {
    const entry = item.entry;
    if (item.kind === "user") {
      return el("div", { className: "oiw-row oiw-from-user", attrs: { "data-entry": entry.id } }, [
        el("p", { className: "oiw-bubble" }, [srOnly("You: "), entry.text]),
        entry.pending ? el("p", { className: "oiw-pending", text: PENDING_NOTE }) : null
      ]);
    }
    if (item.kind === "card") {
      const buttons = Boolean(item.quickReplies && item.quickReplies.length);
      const card = render(entry.custom, this.options.cardContext, item.texts, buttons);
      return card ? el("div", { className: "oiw-row oiw-from-bot oiw-card-row" }, [card]) : null;
    }
    const aligned = / {2,}\S/.test(entry.text.replace(/^ +/gm, ""));
    return el("div", { className: "oiw-row oiw-from-bot" }, [
      el("p", { className: "oiw-bubble" + (aligned ? " oiw-aligned" : "") },
         [srOnly(this.options.title + ": "), linkify(entry.text)])
    ]);
  }

  replies(quickReplies) {
    return el("div", { className: "oiw-replies", attrs: { role: "group", "aria-label": "Suggested replies" } },
      quickReplies.map((reply) => el("button", {
        className: "oiw-button",
        text: reply.title,
        attrs: { type: "button" },
        on: { click: () => this.options.onReply(reply.payload, reply.title) }
      })));
  }

  removeQuickReplies() {
    if (this.quickReplies) {
      this.quickReplies.remove();
      this.quickReplies = null;
    }
  }

  /** The user message ``id`` went out: drop its "not sent yet" note. */
  markSent(id) {
    for (const row of this.element.querySelectorAll(".oiw-from-user")) {
      if (row.getAttribute("data-entry") === id) {
        const note = row.querySelector(".oiw-pending");
        if (note) {
          note.remove();
        }
      }
    }
  }

  /** Scroll so that a long answer is read from its start, a short one in full. */
  reveal(first) {
    const view = this.scroller;
    if (!first) {
      return;
    }
    const fromFirst = view.scrollHeight - first.offsetTop;
    view.scrollTop = fromFirst > view.clientHeight ? first.offsetTop - 8 : view.scrollHeight;
  }
}
