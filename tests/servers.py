"""Start the real Rasa server and action server for end-to-end tests.

The servers run as separate processes on free ports with their own SQLite
database, exactly as ``make run`` starts them; their logs go to
``tests/artifacts/`` so a failing run can be read afterwards.
"""
from __future__ import annotations

import os
import socket
import subprocess
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import requests

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
MODEL = ROOT / "models" / "oi-advisor.tar.gz"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(database_url: str, actions_port: int) -> Dict[str, str]:
    """Environment shared by the servers: offline, quiet, our database."""
    env = dict(os.environ)
    env.update({
        "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "3", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "OI_DATABASE_URL": database_url, "OI_ACTIONS_PORT": str(actions_port),
    })
    return env


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 240) -> None:
    """Poll ``url`` until it answers 200; fail with the log tail if it dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early; log:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer in {timeout}s; log:\n{log.read_text()[-3000:]}")


@dataclass
class Servers:
    """Running Rasa and action servers, and how to reach them."""

    database_url: str
    rasa_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    processes: List[subprocess.Popen] = field(default_factory=list)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def env(self) -> Dict[str, str]:
        return base_env(self.database_url, self.actions_port)

    def start(self) -> "Servers":
        """Start both servers and wait until each answers."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "bot", "db", "upgrade"],
                       cwd=ROOT, env=self.env, check=True, capture_output=True)
        actions = self._spawn("actions", [str(ROOT / ".venv/bin/rasa"), "run", "actions", "--actions", "actions",
                                          "--port", str(self.actions_port)])
        rasa = self._spawn("rasa", [str(ROOT / "scripts/run_rasa.sh")], OI_RASA_PORT=str(self.rasa_port))
        wait_until_up(f"http://127.0.0.1:{self.actions_port}/health", actions, ARTIFACTS / "actions.log")
        wait_until_up(f"{self.rasa_url}/", rasa, ARTIFACTS / "rasa.log")
        return self

    def _spawn(self, name: str, command: List[str], **extra_env: str) -> subprocess.Popen:
        log = open(ARTIFACTS / f"{name}.log", "w")
        process = subprocess.Popen(command, cwd=ROOT, env={**self.env, **extra_env},
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        """Terminate both servers (and their children), then wait for them."""
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, 15)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
        self.processes.clear()


class Chat:
    """One owner's conversation over the REST channel."""

    def __init__(self, servers: Servers, sender: str) -> None:
        self.url = f"{servers.rasa_url}/webhooks/rest/webhook"
        self.sender = sender

    def say(self, text: str, metadata: Optional[dict] = None) -> List[dict]:
        """Send ``text``; return the bot's messages (text and custom payloads)."""
        body = {"sender": self.sender, "message": text}
        if metadata:
            body["metadata"] = metadata
        response = requests.post(self.url, json=body, timeout=60)
        response.raise_for_status()
        return response.json()

    @staticmethod
    def payloads(messages: List[dict]) -> List[dict]:
        """The custom payloads among the bot's messages."""
        return [message["custom"] for message in messages if "custom" in message]

    @staticmethod
    def texts(messages: List[dict]) -> str:
        """All text of the bot's messages, joined."""
        return "\n".join(message.get("text", "") for message in messages)
