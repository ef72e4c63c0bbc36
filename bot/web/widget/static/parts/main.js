/*
 * The widget's entry point: oi-widget.js imports this module and calls
 * start(config) with what the site's script tag says. The other parts are ES
 * modules imported below; nothing is shared through globals.
 *
 * The widget at work: keeps the conversation (see store.js), sends what the
 * owner types or clicks, queues it while the server is unreachable, shows
 * the bot's messages in short batches (so a card can replace the texts it
 * belongs to before they are shown), and starts over on request.
 *
 * With several tabs of the site open, the tab that last sent something (or
 * loaded last) writes the history; the others follow it through storage events.
 */
import { Connection, loadClient } from "./connection.js";
import { randomId } from "./dom.js";
import { entriesFrom, layout } from "./layout.js";
import { Log } from "./log.js";
import { Panel } from "./panel.js";
import { Store } from "./store.js";

// A bot text is usually followed by its payload: after a payload, show the
// batch soon; after a text, wait a little longer for the payload to come.
const BATCH_DELAY_MS = 300;
const TEXT_WAIT_MS = 1000;
const TYPING_TIMEOUT_MS = 30000;
const SOURCES_TIMEOUT_MS = 2000;

function ids(state) {
  return state.entries.map((entry) => entry.id).join();
}

class Widget {
  constructor(config) {
    this.config = config;
    this.tab = randomId();
    this.store = new Store(config.serverUrl);
    this.citations = {};
    this.incoming = [];
    this.batchTimer = null;
    this.typingTimer = null;
    this.known = ""; // ids of the entries this tab has (or is about to show)
    const act = (message, label) => {
      this.send(message, label);
      this.panel.moveFocusIn();
    };
    this.panel = new Panel(config, {
      onOpenChange: (open) => this.onOpenChange(open),
      onSubmit: (text) => this.send(text, text),
      onStartOver: () => this.startOver(),
      onAdvisor: () => act("/request_followup", "Talk to an advisor")
    });
    this.log = new Log(this.panel.log, {
      scroller: this.panel.scroller,
      title: config.title,
      onReply: act,
      cardContext: { send: act, cite: (keys) => this.cite(keys) }
    });
  }

  async start() {
    // Fetch the socket.io client and the citations side by side rather than one after the other.
    const [io] = await Promise.all([loadClient(), this.loadCitations()]);
    const state = this.update((s) => {
      s.session = s.session || randomId();
      s.writer = this.tab;
    });
    this.panel.mount();
    this.showAll(state);
    this.store.watch((s) => this.followOtherTab(s));
    if (io) {
      this.connection = new Connection(io, {
        url: this.config.serverUrl,
        path: this.config.socketPath,
        session: state.session,
        onMessage: (data) => this.receive(data),
        onStatus: (status) => this.onStatus(status)
      });
    } else {
      this.panel.setStatus("offline");
    }
    if (state.open) {
      this.panel.open(false);
    }
  }

  /** Read the stored state, change it, store it; returns it. */
  update(change) {
    const state = this.store.load();
    change(state);
    this.store.save(state);
    this.known = ids(state);
    return state;
  }

  showAll(state) {
    this.log.clear();
    this.log.append(layout(state.entries), true);
    this.known = ids(state);
  }

  onStatus(status) {
    this.panel.setStatus(status);
    if (status === "online") {
      this.sendQueued();
    }
  }

  onOpenChange(open) {
    const state = this.update((s) => {
      s.open = open;
    });
    if (open && !state.entries.length && !state.queue.length) {
      this.greet("/greet");
    }
  }

  /** The site's greeting, if any, then ``message`` to the assistant (not shown). */
  greet(message) {
    if (this.config.greeting) {
      const entry = { id: randomId(), from: "site", text: this.config.greeting };
      this.update((s) => s.entries.push(entry));
      this.log.append(layout([entry]), false);
    }
    this.send(message, null);
  }

  /** Send ``message``; show ``label`` as what the owner said (nothing if null). */
  send(message, label) {
    this.showIncoming();
    const entry = label ? { id: randomId(), from: "user", text: label, pending: true } : null;
    this.update((s) => {
      s.writer = this.tab;
      if (entry) {
        s.entries.push(entry);
      }
      s.queue.push({ message: message, entry: entry ? entry.id : null });
    });
    if (entry) {
      this.log.append(layout([entry]), false);
    }
    this.sendQueued();
  }

  /** Send what waits in the queue, oldest first, while connected. */
  sendQueued() {
    if (!this.connection || !this.connection.ready) {
      return;
    }
    const state = this.store.load();
    if (state.writer !== this.tab || !state.queue.length) {
      return;
    }
    while (state.queue.length && this.connection.send(state.queue[0].message)) {
      const sent = state.queue.shift();
      const entry = state.entries.find((e) => e.id === sent.entry);
      if (entry) {
        delete entry.pending;
        this.log.markSent(entry.id);
      }
    }
    this.store.save(state);
    this.setTyping(true);
  }

  receive(data) {
    if (this.store.load().writer !== this.tab) {
      return; // the writing tab keeps the history; this one follows it
    }
    const added = entriesFrom(data, randomId);
    if (!added.length) {
      return;
    }
    if (added.some((entry) => entry.custom && entry.custom.type === "erased")) {
      this.forget(added);
      return;
    }
    this.update((s) => s.entries.push(...added));
    this.incoming.push(...added);
    clearTimeout(this.batchTimer);
    const delay = added[added.length - 1].custom ? BATCH_DELAY_MS : TEXT_WAIT_MS;
    this.batchTimer = setTimeout(() => this.showIncoming(), delay);
  }

  showIncoming() {
    clearTimeout(this.batchTimer);
    if (!this.incoming.length) {
      return;
    }
    const items = layout(this.incoming);
    this.incoming = [];
    this.setTyping(false);
    this.log.append(items, true);
  }

  setTyping(typing) {
    clearTimeout(this.typingTimer);
    this.panel.setTyping(typing);
    if (typing) {
      this.typingTimer = setTimeout(() => this.panel.setTyping(false), TYPING_TIMEOUT_MS);
    }
  }

  startOver() {
    const session = randomId();
    this.incoming = [];
    clearTimeout(this.batchTimer);
    this.update((s) => {
      Object.assign(s, { session: session, entries: [], queue: [], writer: this.tab });
    });
    if (this.connection) {
      this.connection.switchSession(session);
    }
    this.log.clear();
    this.setTyping(false);
    this.greet("/start_over");
    this.panel.moveFocusIn();
  }

  /**
   * "Delete my data" succeeded on the server: drop this browser's copy too,
   * keep only the confirmation, and continue in a fresh session.
   */
  forget(added) {
    const session = randomId();
    const before = this.store.load();
    const open = before.open;
    const lastUser = before.entries.map((entry) => entry.from).lastIndexOf("user");
    const confirmation = before.entries.slice(lastUser + 1).filter((e) => e.from === "bot").concat(added);
    this.incoming = [];
    clearTimeout(this.batchTimer);
    this.store.clear();
    this.update((s) => {
      Object.assign(s, { session: session, entries: confirmation, queue: [], writer: this.tab, open: open });
    });
    if (this.connection) {
      this.connection.switchSession(session);
    }
    this.setTyping(false);
    this.showAll(this.store.load());
  }

  /** Another tab changed the conversation: show what it stored. */
  followOtherTab(state) {
    if (this.connection && state.session && state.session !== this.connection.session) {
      this.connection.switchSession(state.session);
    }
    if (ids(state) !== this.known) {
      this.incoming = [];
      this.showAll(state);
    }
  }

  async loadCitations() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), SOURCES_TIMEOUT_MS);
    try {
      const response = await fetch(this.config.base + "sources.json", { signal: controller.signal });
      this.citations = response.ok ? await response.json() : {};
    } catch (error) {
      this.citations = {};
    } finally {
      clearTimeout(timer);
    }
  }

  cite(keys) {
    return keys.map((key) => {
      const known = Object.prototype.hasOwnProperty.call(this.citations, key) ? this.citations[key] : null;
      return known && known.citation ? known.citation : String(key).replace(/_/g, " ");
    }).join("; ");
  }
}

let started = false;

/**
 * Start the widget once per page, with the configuration oi-widget.js read
 * from its script tag: base (the folder of the widget's files), serverUrl,
 * socketPath, title, color, greeting, privacyUrl. A second tag that imports
 * this same module (the tag pasted twice) finds it started and does nothing.
 */
export function start(config) {
  if (started) {
    return;
  }
  started = true;
  // Imported while the page is still being parsed, there may be no body to mount on yet.
  const boot = () => new Widget(config).start();
  if (document.body) {
    boot();
  } else {
    document.addEventListener("DOMContentLoaded", boot);
  }
}
