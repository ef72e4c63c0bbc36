"""Write a supervisord configuration for OI Advisor's processes, then run supervisord.

``make run`` and the end-to-end tests start the Rasa server, the action server
and the web app through supervisord so that one crashed process is restarted on
its own while the others keep serving (the owner meanwhile gets a "please try
again in a moment" reply instead of "connection refused").

    python scripts/supervise.py [--dir var/supervisor] [--only rasa,actions] [--write-only]

Ports, database and tokens come from the environment (``OI_*``); the
configuration lives in ``--dir`` together with the
control socket and, when ``--logs`` is given, one log file per process.
"""
from __future__ import annotations

import argparse
import os
import sys
from configparser import ConfigParser
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS: Dict[str, str] = {
    "rasa": "{root}/scripts/run_rasa.sh",
    "actions": "{bin}/rasa run actions --actions actions --port {actions_port} --quiet",
    "web": "{bin}/python -m bot.web.serve",
}
# Rasa loads its model for about a minute: a process counts as "started" only
# after staying up this long, and a crash loop gives up after this many tries.
START_SECONDS = {"rasa": 5, "actions": 3, "web": 2}
START_RETRIES = 5


def commands(venv_bin: Path, environ: Mapping[str, str]) -> Dict[str, str]:
    """The command line of each program, with ports filled in."""
    values = {"root": str(ROOT), "bin": str(venv_bin),
              "actions_port": environ.get("OI_ACTIONS_PORT", "5055")}
    return {name: template.format(**values) for name, template in PROGRAMS.items()}


def build_config(folder: Path, venv_bin: Path, environ: Mapping[str, str],
                 only: Optional[Sequence[str]] = None, logs: bool = False) -> ConfigParser:
    """The supervisord configuration: foreground daemon, unix control socket, autorestart."""
    config = ConfigParser(interpolation=None)
    socket = folder / "supervisor.sock"
    config["supervisord"] = {"nodaemon": "true", "logfile": str(folder / "supervisord.log"),
                             "pidfile": str(folder / "supervisord.pid"), "loglevel": "warn",
                             "childlogdir": str(folder)}
    config["unix_http_server"] = {"file": str(socket), "chmod": "0700"}
    config["supervisorctl"] = {"serverurl": f"unix://{socket}"}
    config["rpcinterface:supervisor"] = {
        "supervisor.rpcinterface_factory": "supervisor.rpcinterface:make_main_rpcinterface"}
    for name, command in commands(venv_bin, environ).items():
        if only and name not in only:
            continue
        config[f"program:{name}"] = _program(name, command, folder, logs)
        config[f"program:{name}"]["environment"] = f'OI_VENV_BIN="{venv_bin}"'
    return config


def _program(name: str, command: str, folder: Path, logs: bool) -> Dict[str, str]:
    """One supervised process: restarted whenever it exits, its group killed on stop."""
    output = str(folder / f"{name}.log") if logs else "/dev/stdout"
    section = {"command": command, "directory": str(ROOT), "autostart": "true",
               "autorestart": "true", "startsecs": str(START_SECONDS[name]),
               "startretries": str(START_RETRIES), "stopsignal": "TERM", "stopwaitsecs": "20",
               "stopasgroup": "true", "killasgroup": "true", "redirect_stderr": "true",
               "stdout_logfile": output}
    if not logs:
        section["stdout_logfile_maxbytes"] = "0"
    return section


def write_config(folder: Path, config: ConfigParser) -> Path:
    """Write ``supervisord.conf`` into ``folder`` (created, owner-only)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / "supervisord.conf"
    with path.open("w", encoding="utf-8") as handle:
        config.write(handle)
    return path


def main(argv: Optional[List[str]] = None) -> None:
    """Write the configuration and replace this process with supervisord."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "supervisor")
    parser.add_argument("--only", default="", help="comma-separated programs (default: all)")
    parser.add_argument("--logs", action="store_true", help="one log file per process")
    parser.add_argument("--write-only", action="store_true")
    args = parser.parse_args(argv)
    venv_bin = Path(sys.executable).parent
    only = [name for name in args.only.split(",") if name]
    path = write_config(args.dir.resolve(), build_config(args.dir.resolve(), venv_bin, os.environ,
                                                         only, args.logs))
    if args.write_only:
        print(path)
        return
    command = [str(venv_bin / "supervisord"), "-c", str(path)]
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
