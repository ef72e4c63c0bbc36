"""Start the real Rasa server and action server for end-to-end tests.

The servers run under supervisord on free ports with their own database,
exactly as ``make run`` starts them (``scripts/supervise.py``), so fault tests
can stop and restart one of them the way a crash and supervisord's restart
would. Their logs go to ``tests/artifacts/<rasa port>/`` so a failing run can
be read afterwards.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import requests

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
MODEL = ROOT / "models" / "oi-advisor.tar.gz"
VENV_BIN = Path(sys.executable).parent


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
        "OI_VENV_BIN": str(VENV_BIN),
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
    extra_env: Dict[str, str] = field(default_factory=dict)
    #: a second Rasa server may use another's action server: ("rasa",) with its actions_port
    programs: Tuple[str, ...] = ("rasa", "actions")
    process: Optional[subprocess.Popen] = None

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def env(self) -> Dict[str, str]:
        return base_env(self.database_url, self.actions_port)

    @property
    def folder(self) -> Path:
        """Where supervisord keeps its configuration, socket and the servers' logs."""
        return ARTIFACTS / f"servers-{self.rasa_port}"

    def start(self) -> "Servers":
        """Migrate the database, start both servers under supervisord, wait until each answers."""
        self.folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"],
                       cwd=ROOT, env=self.env, check=True, capture_output=True)
        env = {**self.env, **self.extra_env, "OI_RASA_PORT": str(self.rasa_port)}
        log = open(self.folder / "supervisord.out", "w")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts/supervise.py"), "--dir", str(self.folder),
             "--only", ",".join(self.programs), "--logs"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self.wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def wait_until_up(self, timeout: float = float(os.environ.get("OI_START_SECONDS", "420"))) -> None:
        """Wait until the action server and Rasa both answer."""
        if "actions" in self.programs:
            wait_until_up(f"http://127.0.0.1:{self.actions_port}/health", self.process,
                          self.folder / "actions.log", timeout)
        wait_until_up(f"{self.rasa_url}/", self.process, self.folder / "rasa.log", timeout)

    def control(self, *command: str) -> str:
        """Run ``supervisorctl`` on these servers (``stop actions``, ``start all``...)."""
        done = subprocess.run([str(VENV_BIN / "supervisorctl"), "-c",
                               str(self.folder / "supervisord.conf"), *command],
                              capture_output=True, text=True, timeout=120)
        return done.stdout

    def pid(self, program: str) -> int:
        """The process id of one supervised program (0 when it is not running)."""
        return int(self.control("pid", program).strip() or 0)

    def stop(self) -> None:
        """Stop supervisord, which stops both servers and their children."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, 15)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, 9)
            self.process.wait()


class Chat:
    """One owner's conversation over the REST channel."""

    def __init__(self, servers: Servers, sender: str) -> None:
        self.servers = servers
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
