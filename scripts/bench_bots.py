"""The two bots ``make bench`` compares, started the same way and measured the same way.

* OI Advisor: the Rasa server and the action server under supervisord, on a
  database of the benchmark's own (``tests/servers.py``, as ``make run`` starts them).
* The stock bot: what ``rasa init --no-prompt`` creates and trains in a scratch
  folder: no custom actions, conversations kept in memory. Created, trained
  and started inside the benchmark run, so both bots share the machine's state.

For each bot: cold start (process launch to the first answer over REST),
model size, and peak resident memory per server process.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

import requests

from tests.load.test_load import TURNS as LOAD_TURNS
from tests.servers import MODEL, Servers, free_port

VENV_BIN = Path(sys.executable).parent
#: a whole diagnosis with side questions, ending in advice: custom actions and database writes
#: (the same conversation the load test sends)
OUR_SCRIPT = list(LOAD_TURNS)
#: the stock bot's own conversation: mood, cheering up, the bot challenge
STOCK_SCRIPT = ["hi", "I am sad", "no", "very bad", "yes", "are you a bot?", "I am great", "bye"]


@dataclass
class Bot:
    """A running bot: where to talk to it, its processes and its fixed figures."""

    name: str
    base_url: str
    script: List[str]
    processes: Dict[str, int]
    cold_start_s: Optional[float]
    model_mb: float
    training_s: Optional[float] = None
    stop: Callable[[], None] = field(default=lambda: None, repr=False)
    #: OI Advisor's supervised servers, for the profile and the understanding figures
    servers: Optional[Servers] = field(default=None, repr=False)

    @property
    def webhook(self) -> str:
        return f"{self.base_url}/webhooks/rest/webhook"

    def peak_memory_mb(self) -> Dict[str, float]:
        """Peak resident memory of each server process, children included."""
        return {name: round(tree_peak_mb(pid), 1) for name, pid in self.processes.items()}


def tree_peak_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a process and its children, in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    line = next((line for line in status.splitlines() if line.startswith("VmHWM")), "VmHWM: 0 kB")
    return int(line.split()[1]) / 1024 + sum(tree_peak_mb(int(child)) for child in children)


def first_answer(webhook: str, started: float, timeout: float = 300) -> float:
    """Seconds from ``started`` until ``webhook`` answers a greeting with a message."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reply = requests.post(webhook, json={"sender": "bench-cold", "message": "hello"}, timeout=30)
            if reply.status_code == 200 and reply.json():
                return time.monotonic() - started
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{webhook} gave no answer within {timeout} s")


def start_ours(database_url: str) -> Bot:
    """Start OI Advisor's servers on ``database_url``; cold start from launch to first answer."""
    started = time.monotonic()
    servers = Servers(database_url=database_url).start()
    bot = Bot("OI Advisor", servers.rasa_url, OUR_SCRIPT, {}, 0.0,
              MODEL.stat().st_size / 1e6, stop=servers.stop, servers=servers)
    bot.cold_start_s = round(first_answer(bot.webhook, started), 1)
    bot.processes = {"rasa": servers.pid("rasa"), "actions": servers.pid("actions")}
    return bot


def attach_ours(servers: Servers) -> Bot:
    """OI Advisor's servers started elsewhere (e.g. by a test): no cold start to report."""
    return Bot("OI Advisor", servers.rasa_url, OUR_SCRIPT,
               {program: servers.pid(program) for program in servers.programs}, None,
               MODEL.stat().st_size / 1e6, servers=servers)


def start_ours_pair(database_url: str, lock_env: Dict[str, str]) -> List[Bot]:
    """Two Rasa processes on one database and lock store; the second uses the first's action server.

    As several Rasa servers behind a balancer share one action endpoint
    (deploy/endpoints-scaled.yml). Each answers a first message before it
    is returned, as in :func:`start_ours`, so neither is measured cold.
    The second bot's ``stop`` stops only its own Rasa process: stop it first.
    """
    first = Servers(database_url=database_url, extra_env=lock_env).start()
    second = Servers(database_url=database_url, extra_env=lock_env, actions_port=first.actions_port,
                     programs=("rasa",))
    try:
        second.start()
        bots = [attach_ours(first), attach_ours(second)]
        for bot, servers in zip(bots, (first, second)):
            bot.stop = servers.stop
            first_answer(bot.webhook, time.monotonic())
    except BaseException:
        second.stop()
        first.stop()
        raise
    return bots


def _stock_env(folder: Path) -> Dict[str, str]:
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
            "RASA_CACHE_DIRECTORY": str(folder / "cache"), "PYTHONWARNINGS": "ignore"}


def train_stock(folder: Path) -> float:
    """Create and train the ``rasa init`` bot in ``folder``; seconds taken (scaffold included)."""
    folder = folder.resolve()
    (folder / "bot").mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with open(folder / "init.log", "w") as log:
        subprocess.run([str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(folder / "bot")],
                       cwd=folder, env=_stock_env(folder), stdout=log, stderr=subprocess.STDOUT,
                       check=True, timeout=1800)
    return round(time.monotonic() - started, 1)


def start_stock(folder: Path, training_s: Optional[float]) -> Bot:
    """Start the stock bot trained in ``folder``, on a free port of 127.0.0.1."""
    project = folder / "bot"
    model = next((project / "models").glob("*.tar.gz"))
    port = free_port()
    started = time.monotonic()
    log = open(folder / "rasa.log", "w")
    process = subprocess.Popen(
        [str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(port),
         "--interface", "127.0.0.1", "--quiet"],
        cwd=project, env=_stock_env(folder), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

    bot = Bot("stock rasa init", f"http://127.0.0.1:{port}", STOCK_SCRIPT, {"rasa": process.pid},
              0.0, model.stat().st_size / 1e6, training_s, stop)
    try:
        bot.cold_start_s = round(first_answer(bot.webhook, started), 1)
    except RuntimeError:
        stop()
        raise
    return bot
