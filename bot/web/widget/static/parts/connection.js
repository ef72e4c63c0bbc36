/*
 * The link to Rasa's socket.io channel. On every (re)connection it asks for
 * the conversation's session (``session_request``) and reports ready once the
 * server confirms it (``session_confirm``); the socket.io client retries with
 * backoff by itself while the server is unreachable.
 */
(function (widget) {
  "use strict";

  // Keep our copy of the client and give the page back its own ``io``, if any.
  const io = window.io;
  if (widget.pageIo && widget.pageIo.present) {
    window.io = widget.pageIo.value;
  } else {
    delete window.io;
  }

  const USER_EVENT = "user_uttered";
  const BOT_EVENT = "bot_uttered";

  class Connection {
    /**
     * options: url, path, session (id), onMessage(data), onStatus("connecting" | "online" | "offline")
     */
    constructor(options) {
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

  Connection.available = typeof io === "function";
  widget.Connection = Connection;
})(window.OIWidget);
