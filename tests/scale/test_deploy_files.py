"""The deployment files agree with the code they start.

``deploy/`` is run on other machines (docker compose, Rasa's Helm chart), so
its mistakes would show only there. These checks read the files and hold
them to the commands, ports, settings and classes of this repository.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any, Dict, Set

import pytest
import yaml
from rasa.shared.utils.common import class_from_module_path

from tests.servers import ROOT

DEPLOY = ROOT / "deploy"
APP_SERVICES = ("migrate", "actions", "rasa", "web")


@pytest.fixture(scope="module")
def compose() -> Dict[str, Any]:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())["services"]


def documented_settings() -> Set[str]:
    text = (ROOT / "README.md").read_text() + (ROOT / "docs" / "staff-desk.md").read_text()
    return set(re.findall(r"\bOI_[A-Z_]+\b", text))


def test_every_setting_the_services_pass_is_documented(compose) -> None:  # type: ignore[no-untyped-def]
    passed = {name for service in APP_SERVICES for name in compose[service]["environment"]}
    assert passed - documented_settings() == set()


def test_each_service_starts_a_command_of_this_repository(compose) -> None:  # type: ignore[no-untyped-def]
    assert compose["rasa"]["command"] == ["scripts/run_rasa.sh"]
    assert (ROOT / "scripts/run_rasa.sh").stat().st_mode & 0o111, "run_rasa.sh must be executable"
    assert compose["migrate"]["command"][:3] == ["python", "-m", "bot"]
    assert compose["web"]["command"] == ["python", "-m", "bot.web.serve"]
    assert compose["actions"]["command"][:4] == ["rasa", "run", "actions", "--actions"]


def test_the_ports_meet(compose) -> None:  # type: ignore[no-untyped-def]
    nginx = (DEPLOY / "nginx.conf").read_text()
    run_rasa = (ROOT / "scripts/run_rasa.sh").read_text()
    rasa_port = re.search(r"OI_RASA_PORT:-(\d+)", run_rasa).group(1)  # type: ignore[union-attr]
    assert f"server rasa:{rasa_port};" in nginx
    web_port = re.search(r"DEFAULT_PORT = (\d+)", (ROOT / "bot/web/serve.py").read_text()).group(1)  # type: ignore[union-attr]
    assert f"server web:{web_port};" in nginx
    actions = compose["actions"]["command"]
    actions_port = actions[actions.index("--port") + 1]
    assert compose["rasa"]["environment"]["OI_ACTIONS_URL"] == f"http://actions:{actions_port}/webhook"


def test_the_rasa_servers_share_a_lock_store_that_exists(compose) -> None:  # type: ignore[no-untyped-def]
    environment = compose["rasa"]["environment"]
    assert environment.get("OI_LOCK_HOST"), "without a lock host each Rasa server would lock on its own"
    endpoints = yaml.safe_load((DEPLOY / "endpoints-scaled.yml").read_text())
    store = class_from_module_path(endpoints["lock_store"]["type"])
    assert store.__name__ == "AtomicRedisLockStore"
    class_from_module_path(endpoints["tracker_store"]["type"])
    needed = set(re.findall(r"\$\{(\w+)\}", (DEPLOY / "endpoints-scaled.yml").read_text()))
    defaulted = set(re.findall(r"(OI_\w+)=\"\$\{\1:-", (ROOT / "scripts/run_rasa.sh").read_text()))
    given = set(environment) | defaulted
    assert needed - given == set(), "every ${...} of endpoints-scaled.yml must be set or defaulted"


def test_the_image_installs_the_locked_dependencies_with_their_hashes() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    install = next(line for line in dockerfile.splitlines() if "pip install" in line)
    words = shlex.split(install.split("RUN", 1)[1])
    assert "requirements.lock" in words and "--require-hashes" in words


def test_the_helm_values_name_the_same_stores() -> None:
    notes = (DEPLOY / "README.md").read_text()
    assert "type: bot.storage.lock_store.AtomicRedisLockStore" in notes
    assert "type: bot.storage.tracker_store.UrlTrackerStore" in notes
    assert Path(DEPLOY / "endpoints-scaled.yml").exists()
