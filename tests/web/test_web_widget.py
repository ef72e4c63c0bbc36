"""The widget's files and the demo page as the web app serves them (no browser)."""
from __future__ import annotations

import json
import re
import secrets
from pathlib import Path
from typing import List
from urllib.parse import urljoin

import pytest
from flask.testing import FlaskClient

from bot.knowledge import load_knowledge
from bot.web.app import create_app
from bot.web.staff import CONTENT_SECURITY_POLICY as STAFF_POLICY

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "bot" / "web" / "widget" / "static"
LIBRARY = ROOT / "node_modules" / "socket.io-client"
#: what browsers accept as the Content-Type of a module script
JAVASCRIPT = {"text/javascript", "application/javascript"}
#: module specifiers in ``import ... from "x"``, ``export ... from "x"`` and ``import("x")``
IMPORTED = re.compile(r'(?:\bfrom\s*|\bimport\s*\(\s*)"([^"]+\.js)"')


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FlaskClient:
    monkeypatch.setenv("OI_RASA_PUBLIC_URL", "https://rasa.example.org/")
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}", "SECRET_KEY": secrets.token_hex(32)})
    return app.test_client()


def modules_imported_by(client: FlaskClient, entry: str) -> List[str]:
    """Every module ``entry`` imports, directly or not, as paths on the web app (entry first)."""
    found, todo = [entry], [entry]
    while todo:
        path = todo.pop()
        response = client.get(path)
        assert response.status_code == 200, path
        if path.endswith(".min.js"):
            continue  # the socket.io client: minified, imports nothing
        for specifier in IMPORTED.findall(response.get_data(as_text=True)):
            module = urljoin(path, specifier)
            if module not in found:
                found.append(module)
                todo.append(module)
    return found


def test_the_loader_and_every_module_it_imports_are_served_to_any_site(client: FlaskClient) -> None:
    loader = client.get("/widget/oi-widget.js")
    assert loader.status_code == 200 and loader.mimetype == "text/javascript"
    assert loader.headers["Access-Control-Allow-Origin"] == "*"
    assert 'import(new URL("parts/main.js", base)' in loader.get_data(as_text=True)
    modules = modules_imported_by(client, "/widget/parts/main.js")
    parts = {f"/widget/parts/{part.name}" for part in (STATIC / "parts").glob("*.js")}
    assert set(modules) == parts | {"/widget/socket.io.esm.min.js"}, "every part is used, none is missing"
    for path in modules:
        response = client.get(path)
        assert response.mimetype in JAVASCRIPT, path  # module scripts need a JavaScript type
        assert response.headers["Access-Control-Allow-Origin"] == "*", path  # modules load by CORS
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/widget/oi-widget.css").status_code == 200


def test_no_part_shares_code_through_a_global() -> None:
    for script in (STATIC / "parts").glob("*.js"):
        assert "OIWidget" not in script.read_text(), script
        assert "window.io" not in script.read_text(), script


def test_the_socket_io_client_comes_from_the_npm_package(client: FlaskClient) -> None:
    version = json.loads((LIBRARY / "package.json").read_text())["version"]
    assert version.split(".")[0] == "4", "Engine.IO 4 clients talk to python-socketio 5"
    response = client.get("/widget/socket.io.esm.min.js")
    assert response.status_code == 200 and response.mimetype in JAVASCRIPT
    assert response.get_data() == (LIBRARY / "dist" / "socket.io.esm.min.js").read_bytes()
    assert client.get("/widget/socket.io.esm.min.js.map").status_code == 200


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
