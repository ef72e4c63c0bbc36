/*
 * OI Advisor chat widget. A site embeds it with one tag:
 *
 *   <script src="https://advisor.example.org/widget/oi-widget.js"
 *           data-server-url="https://rasa.example.org"
 *           data-title="OI Advisor" data-color="#0b5cad"
 *           data-greeting="Welcome!" data-privacy-url="https://example.org/privacy"></script>
 *
 * data-server-url  where Rasa's socket.io channel listens (default: this file's origin)
 * data-title       name shown in the header and on the launcher (default "OI Advisor")
 * data-color       main colour as #rgb or #rrggbb; text on it is picked for contrast
 * data-greeting    the site's own welcome line, shown before the assistant's greeting
 * data-privacy-url the site's privacy policy, linked from the privacy notice
 * data-socket-path the socket.io path on that server (default "/socket.io")
 *
 * This file reads the attributes and loads, in order, the socket.io client and
 * the widget's parts from the folder it was loaded from; parts/main.js starts it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || (window.OIWidget && window.OIWidget.config)) {
    return;
  }
  var PARTS = [
    "socket.io.min.js",
    "parts/dom.js",
    "parts/linkify.js",
    "parts/colors.js",
    "parts/store.js",
    "parts/connection.js",
    "parts/layout.js",
    "parts/cards.js",
    "parts/log.js",
    "parts/panel.js",
    "parts/main.js"
  ];
  var base = new URL(".", script.src).href;
  var data = script.dataset;
  var widget = (window.OIWidget = window.OIWidget || {});

  widget.config = {
    base: base,
    serverUrl: (data.serverUrl || new URL(base).origin).replace(/\/+$/, ""),
    socketPath: data.socketPath || "/socket.io",
    title: data.title || "OI Advisor",
    color: data.color || "#0b5cad",
    greeting: data.greeting || "",
    privacyUrl: data.privacyUrl || ""
  };
  // The socket.io bundle sets window.io; give the page back its own, if it had one.
  widget.pageIo = { present: "io" in window, value: window.io };

  // socket.io's bundle is UMD: on a page with RequireJS or another AMD loader
  // it registers itself as a module instead of setting window.io. Hide the
  // page's define while it runs and give it back right after.
  var amd = { present: "define" in window, value: window.define };
  function restoreDefine() {
    if (amd.present) {
      window.define = amd.value;
    }
    amd.present = false;
  }
  if (amd.present && amd.value && amd.value.amd) {
    window.define = undefined;
  } else {
    amd.present = false;
  }

  PARTS.forEach(function (name, index) {
    var tag = document.createElement("script");
    tag.src = base + name;
    tag.async = false; // run in the order added
    if (index === 0) {
      tag.addEventListener("load", restoreDefine);
      tag.addEventListener("error", restoreDefine);
    }
    document.head.appendChild(tag);
  });
})();
