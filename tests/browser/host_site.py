"""A third-party site that embeds the widget: an intermediary's pages on their own origin.

Each page carries the one script tag a site owner would add. The query string
sets the tag's attributes (``server``, ``color``, ``greeting``), so one test can
point the widget at a port where nothing listens, another try a light colour.
"""
from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict
from urllib.parse import parse_qs, urlsplit

PAGES = {
    "/": "Innovation Hub Styria",
    "/events.html": "Events at the Innovation Hub",
    "/amd.html": "A page built with an AMD loader",
}
#: what RequireJS and other AMD loaders leave on a page: a global define with an amd property
AMD_LOADER = ("<script>window.define = function () { (window.defined = window.defined || []).push(arguments); };"
              "window.define.amd = {page: true};</script>")


def page(title: str, widget_url: str, attributes: Dict[str, str], amd: bool = False) -> str:
    """An ordinary page with a link and the widget's script tag (after an AMD loader if ``amd``)."""
    data = "".join(f' data-{name}="{html.escape(value)}"' for name, value in attributes.items())
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><link rel='icon' href='data:,'></head><body>"
        f"<h1>{html.escape(title)}</h1><p><a href='/events.html'>Events</a></p>"
        f"{AMD_LOADER if amd else ''}<script src='{html.escape(widget_url)}'{data}></script></body></html>"
    )


class HostSite:
    """Serve the pages on 127.0.0.1:``port`` in a background thread."""

    def __init__(self, port: int, widget_url: str, rasa_url: str) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.widget_url = widget_url
        self.rasa_url = rasa_url
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())

    def _handler(self) -> type:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                parts = urlsplit(self.path)
                if parts.path not in PAGES:
                    self.send_error(404)
                    return
                query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
                attributes = {"server-url": query.pop("server", site.rasa_url), "title": "OI Advisor"}
                attributes.update(query)
                body = page(PAGES[parts.path], site.widget_url, attributes,
                            amd=parts.path == "/amd.html").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> "HostSite":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
