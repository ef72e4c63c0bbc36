"""The widget's files and the demo page as the web app serves them (no browser)."""
from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from bot.knowledge import load_knowledge
from bot.web.app import create_app
from bot.web.staff import CONTENT_SECURITY_POLICY as STAFF_POLICY

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "bot" / "web" / "widget" / "static"
LIBRARY = ROOT / "node_modules" / "socket.io-client"


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FlaskClient:
    monkeypatch.setenv("OI_RASA_PUBLIC_URL", "https://rasa.example.org/")
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}", "SECRET_KEY": secrets.token_hex(32)})
    return app.test_client()


def test_the_loader_and_every_part_it_loads_are_served_to_any_site(client: FlaskClient) -> None:
    loader = client.get("/widget/oi-widget.js")
    assert loader.status_code == 200 and loader.mimetype == "text/javascript"
    assert loader.headers["Access-Control-Allow-Origin"] == "*"
    parts = re.findall(r'"((?:parts/)?[\w.-]+\.js)"', loader.get_data(as_text=True))
    assert "socket.io.min.js" in parts and "parts/main.js" in parts
    for part in parts + ["oi-widget.css"]:
        response = client.get(f"/widget/{part}")
        assert response.status_code == 200, part
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_the_socket_io_client_comes_from_the_npm_package(client: FlaskClient) -> None:
    version = json.loads((LIBRARY / "package.json").read_text())["version"]
    assert version.split(".")[0] == "4", "Engine.IO 4 clients talk to python-socketio 5"
    response = client.get("/widget/socket.io.min.js")
    assert response.status_code == 200
    assert response.get_data() == (LIBRARY / "dist" / "socket.io.min.js").read_bytes()


def test_sources_json_cites_every_source(client: FlaskClient) -> None:
    response = client.get("/widget/sources.json")
    cited = response.get_json()
    kb = load_knowledge()
    assert set(cited) == set(kb.sources)
    assert cited["lee2010"]["citation"].endswith("(2010)")


def test_the_demo_page_embeds_the_widget_pointed_at_rasa(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'src="http://localhost/widget/oi-widget.js"' in page
    assert 'data-server-url="https://rasa.example.org"' in page
    policy = response.headers["Content-Security-Policy"]
    assert "connect-src 'self' https://rasa.example.org wss://rasa.example.org;" in policy
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy


def test_staff_pages_keep_their_own_policy(client: FlaskClient) -> None:
    response = client.get("/staff/login")
    assert response.headers["Content-Security-Policy"] == STAFF_POLICY


def test_no_widget_script_builds_markup_from_strings() -> None:
    for script in STATIC.rglob("*.js"):
        source = script.read_text()
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", source), script
