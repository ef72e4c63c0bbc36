/*
 * The widget's frame, in a shadow root so the site's styles and ours do not
 * mix: the launcher button and a non-modal dialog with a header, the privacy
 * notice and the log (scrolling together), a typing indicator, the offline
 * banner and the message form.
 * Escape or the close button closes it and puts focus back on the launcher.
 */
import { theme } from "./colors.js";
import { el } from "./dom.js";
import { link, safeUrl } from "./linkify.js";

const OFFLINE = "Can't reach the advisor right now. Retrying\u2026 " +
  "Anything you type is kept and sent when the connection is back.";
const PRIVACY = "This chat is stored so advisors can improve their help and follow up if you ask. " +
  "Leave out personal details you don't want kept; type \u201cdelete my data\u201d to erase it.";

export class Panel {
  /** handlers: onOpenChange(open), onSubmit(text), onStartOver(), onAdvisor() */
  constructor(config, handlers) {
    this.config = config;
    this.handlers = handlers;
    this.host = el("oi-advisor-widget");
    this.root = this.host.attachShadow({ mode: "open" });
    this.build();
  }

  build() {
    const title = this.config.title;
    for (const [name, value] of Object.entries(theme(this.config.color))) {
      this.host.style.setProperty(name, value);
    }
    const stylesheet = el("link", { attrs: { rel: "stylesheet", href: this.config.base + "oi-widget.css" } });
    this.host.style.setProperty("visibility", "hidden"); // until our styles are in
    stylesheet.addEventListener("load", () => {
      this.host.style.removeProperty("visibility");
      if (this.isOpen()) {
        this.scrollToEnd(); // heights change once styled; open at the latest message
      }
    });

    this.launcher = el("button", {
      className: "oiw-launcher",
      attrs: { type: "button", "aria-expanded": "false", "aria-controls": "oiw-panel" },
      on: { click: () => (this.isOpen() ? this.close() : this.open(true)) }
    }, [el("span", { className: "oiw-launcher-icon", attrs: { "aria-hidden": "true" } }), "Ask " + title]);

    this.status = el("p", { className: "oiw-status", text: "Connecting\u2026" });
    this.log = el("div", {
      className: "oiw-log",
      attrs: { role: "log", "aria-live": "polite", "aria-label": "Conversation" }
    });
    this.scroller = el("div", { className: "oiw-scroll" }, [this.notice(), this.log]);
    this.typing = el("div", { className: "oiw-typing", attrs: { role: "status" } });
    this.banner = el("p", { className: "oiw-banner", attrs: { role: "status" } });
    this.input = el("input", {
      className: "oiw-input",
      attrs: { id: "oiw-input", type: "text", autocomplete: "off", maxlength: "1000",
               placeholder: "Type your message" }
    });

    this.panel = el("div", {
      className: "oiw-panel",
      attrs: { id: "oiw-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "oiw-title",
               tabindex: "-1", hidden: true },
      on: { keydown: (event) => this.onKeydown(event) }
    }, [
      this.header(title),
      this.scroller,
      this.typing,
      this.banner,
      this.form()
    ]);
    this.root.append(stylesheet, this.panel, this.launcher);
  }

  header(title) {
    const button = (text, className, onClick, label) => el("button", {
      className: className, text: text, attrs: { type: "button", "aria-label": label || null }, on: { click: onClick }
    });
    return el("div", { className: "oiw-header" }, [
      el("div", { className: "oiw-heading" }, [
        el("h2", { className: "oiw-title", text: title, attrs: { id: "oiw-title" } }),
        this.status,
        button("\u00d7", "oiw-close", () => this.close(), "Close chat")
      ]),
      el("div", { className: "oiw-actions" }, [
        button("Talk to an advisor", "oiw-action oiw-advisor", () => this.handlers.onAdvisor()),
        button("Start over", "oiw-action oiw-restart", () => this.askStartOver())
      ])
    ]);
  }

  /** "Start over" clears the chat, so it asks first; Cancel or Escape keeps everything. */
  askStartOver() {
    if (this.confirmBar) {
      this.confirmBar.querySelector("button").focus();
      return;
    }
    const close = () => {
      this.confirmBar.remove();
      this.confirmBar = null;
    };
    const yes = el("button", { className: "oiw-button oiw-button-small", text: "Yes, start over",
                               attrs: { type: "button" },
                               on: { click: () => { close(); this.handlers.onStartOver(); } } });
    const no = el("button", { className: "oiw-button oiw-button-small", text: "Cancel",
                              attrs: { type: "button" }, on: { click: () => { close(); this.moveFocusIn(); } } });
    this.confirmBar = el("div", {
      className: "oiw-confirm",
      attrs: { role: "group", "aria-label": "Confirm start over" },
      on: { keydown: (event) => { if (event.key === "Escape") { event.stopPropagation(); close(); this.moveFocusIn(); } } }
    }, [el("p", { text: "Start a new conversation? This one will be cleared from this browser." }), yes, no]);
    this.panel.insertBefore(this.confirmBar, this.banner);
    yes.focus();
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  notice() {
    const privacy = safeUrl(this.config.privacyUrl ?
      new URL(this.config.privacyUrl, document.baseURI).href : "");
    return el("p", { className: "oiw-notice" }, [
      el("strong", { text: "Privacy: " }), PRIVACY,
      privacy ? " " : null,
      privacy ? link(privacy, "Privacy policy") : null
    ]);
  }

  form() {
    return el("form", {
      className: "oiw-form",
      on: {
        submit: (event) => {
          event.preventDefault();
          const text = this.input.value.trim();
          if (text) {
            this.input.value = "";
            this.handlers.onSubmit(text);
          }
        }
      }
    }, [
      el("label", { className: "oiw-sr", text: "Your message", attrs: { for: "oiw-input" } }),
      this.input,
      el("button", { className: "oiw-send", text: "Send", attrs: { type: "submit" } })
    ]);
  }

  mount() {
    document.body.append(this.host);
  }

  isOpen() {
    return !this.panel.hidden;
  }

  /** Show the panel; ``focus``: move focus into it (see moveFocusIn). */
  open(focus) {
    this.panel.hidden = false;
    this.host.classList.add("oiw-open");
    this.launcher.setAttribute("aria-expanded", "true");
    this.scrollToEnd();
    if (focus) {
      this.moveFocusIn();
    }
    this.handlers.onOpenChange(true);
  }

  /** Hide the panel and give focus back to the launcher. */
  close() {
    this.panel.hidden = true;
    this.host.classList.remove("oiw-open");
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.focus();
    this.handlers.onOpenChange(false);
  }

  onKeydown(event) {
    if (event.key === "Escape") {
      event.stopPropagation();
      this.close();
    }
  }

  /**
   * Put focus where the owner goes on: the message field, except on touch
   * screens, where that would pop up the keyboard over the conversation;
   * there the dialog itself takes focus.
   */
  moveFocusIn() {
    if (window.matchMedia("(pointer: coarse)").matches) {
      this.panel.focus();
    } else {
      this.input.focus();
    }
  }

  /** "connecting", "online" or "offline": the header line and the banner. */
  setStatus(status) {
    this.status.textContent = { connecting: "Connecting\u2026", online: "Online", offline: "Offline" }[status];
    this.panel.setAttribute("data-status", status);
    const message = status === "offline" ? OFFLINE : "";
    if (this.banner.textContent !== message) {
      this.banner.textContent = message;
    }
  }

  setTyping(typing) {
    this.typing.replaceChildren();
    if (typing) {
      this.typing.append(
        el("span", { className: "oiw-dots", attrs: { "aria-hidden": "true" } }, [el("span"), el("span"), el("span")]),
        el("span", { className: "oiw-sr", text: this.config.title + " is typing" })
      );
    }
  }
}
