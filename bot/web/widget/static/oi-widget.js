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
 * This file stays a classic script, so that a site can embed it with a plain
 * <script> tag and it can read its data- attributes through
 * document.currentScript (which module scripts do not have). It reads them,
 * then imports parts/main.js, an ES module, from the folder it was loaded
 * from and calls its start(config). The parts import one another and the
 * socket.io client (socket.io.esm.min.js) as ES modules; the browser fetches
 * them by CORS, which the web app allows for every site.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) {
    return; // not run from a <script src> tag: no attributes to read
  }
  var base = new URL(".", script.src).href;
  var data = script.dataset;
  var config = {
    base: base,
    serverUrl: (data.serverUrl || new URL(base).origin).replace(/\/+$/, ""),
    socketPath: data.socketPath || "/socket.io",
    title: data.title || "OI Advisor",
    color: data.color || "#0b5cad",
    greeting: data.greeting || "",
    privacyUrl: data.privacyUrl || ""
  };

  // Resolved against this script's own address, not the page's.
  import(new URL("parts/main.js", base).href).then(
    function (main) {
      main.start(config);
    },
    function (error) {
      // Like a failed <script> tag: the page goes on without the widget.
      console.error("OI Advisor widget could not load:", error);
    }
  );
})();
