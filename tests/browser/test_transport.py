"""Pages on other origins than Rasa's reach its socket.io channel, by WebSocket and by long-polling."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.servers]

# The socket.io client as the widget loads it: the ES module build from the web app, by CORS.
TALK = """async ([client, url, transport]) => {
    const { io } = await import(client);
    const socket = io(url, {transports: [transport], reconnection: false});
    try {
        const session = await new Promise((resolve, reject) => {
            socket.on("connect_error", error => reject(new Error(String(error))));
            socket.on("connect", () => socket.emit("session_request", {session_id: null}));
            socket.on("session_confirm", resolve);
        });
        const reply = new Promise(resolve => socket.on("bot_uttered", resolve));
        socket.emit("user_uttered", {message: "/greet", session_id: session});
        return {session, reply: await reply, used: socket.io.engine.transport.name};
    } finally {
        socket.close();
    }
}"""


@pytest.mark.parametrize("transport", ["websocket", "polling"])
@pytest.mark.parametrize("site", ["web app", "third-party site"])
def test_a_page_on_another_origin_talks_to_rasa(page, web_app, host_site, site: str, transport: str) -> None:
    page.goto(f"{web_app.url}/" if site == "web app" else f"{host_site.url}/")
    result = page.evaluate(TALK, [f"{web_app.url}/widget/socket.io.esm.min.js", web_app.rasa_url, transport])
    assert result["used"] == transport
    assert len(result["session"]) == 32
    assert result["reply"]["text"] and result["reply"]["quick_replies"]
