"""Throwaway PostgreSQL and Redis servers for the test session.

Where Debian's ``postgresql`` and ``redis-server`` binaries are installed, the
session starts its own instances in a temporary folder on free ports, so the
tests need neither root nor a running system service, and leave nothing
behind. ``OI_TEST_POSTGRES_URL`` and ``OI_TEST_REDIS_URL`` point the tests at
existing servers instead. PostgreSQL refuses to run as root, so under root
the instance runs as the ``postgres`` account the package creates.
"""
from __future__ import annotations

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import List, Optional

PG_ACCOUNT = "postgres"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Optional[Path]:
    """The folder with ``initdb``, ``pg_ctl`` and ``postgres``: PATH first, then Debian's newest."""
    found = shutil.which("initdb")
    candidates = [Path(found).resolve().parent] if found else []
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                         key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
                         reverse=True)
    for folder in candidates:
        if all((folder / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def redis_bin() -> Optional[Path]:
    """The ``redis-server`` binary, if installed."""
    found = shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    return Path(found) if found else None


def _as_owner(command: List[str]) -> List[str]:
    """``command`` run as the postgres account when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", PG_ACCOUNT, "--", *command]


def _scratch_folder(prefix: str) -> Path:
    """A new temporary folder, owned by the postgres account when we are root."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        account = pwd.getpwnam(PG_ACCOUNT)
        os.chown(folder, account.pw_uid, account.pw_gid)
    return folder


class LocalPostgres:
    """A PostgreSQL cluster in a temporary folder, trust auth, 127.0.0.1 only, no fsync."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = _scratch_folder("oi-test-pg-")
        self.port = free_port()

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> "LocalPostgres":
        """Create the cluster and start the server."""
        self._run(str(self.binaries / "initdb"), "-D", str(self.folder / "data"), "-U", "postgres",
                  "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")
        self.resume()
        atexit.register(self.stop)
        return self

    def resume(self) -> None:
        """Start the server on the existing cluster (after :meth:`pause`)."""
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), "-o", options, "-w",
                  "-t", "60", "-l", str(self.folder / "server.log"), "start")

    def pause(self) -> None:
        """Stop the server, keeping its data, as when a database host goes away."""
        self._run(str(self.binaries / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        """Stop the server at once and delete its folder."""
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_owner([str(self.binaries / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                      "-w", "stop"]), capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, *command: str) -> None:
        done = subprocess.run(_as_owner(list(command)), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {done.stderr or done.stdout}\n{tail}")


class LocalRedis:
    """A Redis server in a temporary folder, 127.0.0.1 only, without persistence."""

    def __init__(self, binary: Path) -> None:
        self.binary = binary
        self.folder = Path(tempfile.mkdtemp(prefix="oi-test-redis-"))
        self.port = free_port()
        self.process: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "LocalRedis":
        log = open(self.folder / "redis.log", "w")
        self.process = subprocess.Popen(
            [str(self.binary), "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        atexit.register(self.stop)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited: {(self.folder / 'redis.log').read_text()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not answer")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)


_started: dict = {}


def postgres_url() -> Optional[str]:
    """The PostgreSQL server URL for this session, starting one on first use; None without binaries."""
    if os.environ.get("OI_TEST_POSTGRES_URL"):
        return os.environ["OI_TEST_POSTGRES_URL"]
    if "postgres" not in _started:
        binaries = postgres_bin()
        _started["postgres"] = LocalPostgres(binaries).start() if binaries else None
    server = _started["postgres"]
    return server.url if server else None


def redis_url() -> Optional[str]:
    """The Redis URL for this session, starting one on first use; None without the binary."""
    if os.environ.get("OI_TEST_REDIS_URL"):
        return os.environ["OI_TEST_REDIS_URL"]
    if "redis" not in _started:
        binary = redis_bin()
        _started["redis"] = LocalRedis(binary).start() if binary else None
    server = _started["redis"]
    return server.url if server else None
