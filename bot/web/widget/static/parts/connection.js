/*
 * The link to Rasa's socket.io channel. On every (re)connection it asks for
 * the conversation's session (``session_request``) and reports ready once the
 * server confirms it (``session_confirm``); the socket.io client retries with
 * backoff by itself while the server is unreachable.
 *
 * The client is socket.io's ES module build, served next to the widget
 * (/widget/socket.io.esm.min.js). As a module it sets no global ``io`` and
 * never looks at the page's ``define``, so it neither clashes with a page's own
 * socket.io nor registers itself with RequireJS or another AMD loader.
 */

/**
 * socket.io's ``io`` function, or null where the library cannot be loaded.
 * Imported on demand rather than statically: a static import that fails (the
 * library not installed on the server) would stop the whole widget, whereas
 * this way the widget still opens and says it is offline.
 */
export async function loadClient() {
  try {
    const client = await import("../socket.io.esm.min.js");
    return typeof client.io === "function" ? client.io : null;
  } catch (error) {
    return null;
  }
}

const USER_EVENT = "user_uttered";
const BOT_EVENT = "bot_uttered";

export class Connection {
  /**
   * io: the client from loadClient();
   * options: url, path, session (id), onMessage(data), onStatus("connecting" | "online" | "offline")
   */
  constructor(io, options) {
    this.options = options;
    this.session = options.session;
    this.ready = false;
    this.socket = io(options.url, {
      path: options.path,
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000
    });
    this.socket.on("connect", () => this.requestSession());
    this.socket.on("session_confirm", () => this.setReady(true));
    this.socket.on("disconnect", (reason) => {
      this.setReady(false, reason === "io client disconnect" ? "connecting" : "offline");
      if (reason === "io server disconnect") {
        this.socket.connect();
      }
    });
    this.socket.on("connect_error", () => this.setReady(false, "offline"));
    this.socket.on(BOT_EVENT, (data) => this.options.onMessage(data || {}));
    this.options.onStatus("connecting");
  }

  requestSession() {
    this.socket.emit("session_request", { session_id: this.session });
  }

  setReady(ready, status) {
    this.ready = ready;
    this.options.onStatus(ready ? "online" : status || "connecting");
  }

  /** Send a message now; false if not connected (the caller keeps it for later). */
  send(message) {
    if (!this.ready) {
      return false;
    }
    this.socket.emit(USER_EVENT, { message: message, session_id: this.session });
    return true;
  }

  /** Move to another session; messages wait until the server confirms it. */
  switchSession(session) {
    this.session = session;
    this.ready = false;
    if (this.socket.connected) {
      this.requestSession();
    }
  }
}
