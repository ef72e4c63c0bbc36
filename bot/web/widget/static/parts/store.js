/*
 * The conversation kept in the site's localStorage, so that a reload or
 * another page of the same site continues it: session id, history, messages
 * not sent yet, whether the panel is open, and which tab writes the history.
 * Falls back to memory where storage is unavailable.
 */
const MAX_ENTRIES = 300;

function emptyState() {
  return { session: null, entries: [], queue: [], open: false, writer: null };
}

export class Store {
  constructor(serverUrl) {
    this.key = "oi-widget:" + serverUrl;
    this.memory = null;
  }

  /** The stored state, or a fresh one. */
  load() {
    let raw = null;
    try {
      raw = window.localStorage.getItem(this.key);
    } catch (error) {
      raw = this.memory;
    }
    if (!raw) {
      return emptyState();
    }
    try {
      return Object.assign(emptyState(), JSON.parse(raw));
    } catch (error) {
      return emptyState();
    }
  }

  save(state) {
    state.entries = state.entries.slice(-MAX_ENTRIES);
    const raw = JSON.stringify(state);
    try {
      window.localStorage.setItem(this.key, raw);
    } catch (error) {
      this.memory = raw;
    }
  }

  /** Forget the stored conversation entirely (after "delete my data"). */
  clear() {
    this.memory = null;
    try {
      window.localStorage.removeItem(this.key);
    } catch (error) {
      // storage unavailable: the memory copy is gone already
    }
  }

  /** Call ``listener`` when another tab of this site changed the state. */
  watch(listener) {
    window.addEventListener("storage", (event) => {
      if (event.key === this.key) {
        listener(this.load());
      }
    });
  }
}
