"""The README's command lines, run in order as written, against a temporary station and a real server.

Each line of the README's shell blocks runs through bash with `B` and `S` set as the README sets them. What a
person does and a test cannot is done by these substitutions, and only these:
- passwords are typed at a prompt: the test adds `--password-stdin` after `$B` and `$S` and writes them;
- the supervisor confirms the enrolment: the test adds `--yes`;
- `RECORD_ID` and the enrolment code are what the earlier lines printed; the port is a free one instead of
  8443, the demo store a temporary folder instead of /tmp/demo;
- `$S --tls` serves until stopped: it runs in the background while the later lines use it.
Lines that cannot run here are listed in NOT_RUN with the reason; any other line the README gains is run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BASH = shutil.which("bash") or "/bin/bash"
PASSWORDS = {"drita": "drita-password-1", "ilir": "ilir-password-1", "root": "root-password-1"}
NOT_RUN = {
    "make run": "opens the desktop app (tests/ui cover it)",
    "make test": "this is the test suite",
    "$S                                        # plain HTTP": "a second server on the same port",
    "$S --host 0.0.0.0": "listens on the network; tests stay on loopback",
    "$S --database-url postgresql://borderapp@db.example": "an example host (the server tests run on PostgreSQL)",
}


def shell_lines(text: str) -> Iterator[str]:
    """Each line of every ```sh block (comment-only lines left out); a ```bash block whole, as one script
    (its lines share variables)."""
    for kind, block in re.findall(r"^ *```(sh|bash)\n(.*?)^ *```", text, flags=re.MULTILINE | re.DOTALL):
        lines = [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]
        if kind == "bash":
            yield "\n".join(lines)
        else:
            yield from lines


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def password_lines(line: str) -> str:
    """What a person types at the prompts this line shows, one a line."""
    user = re.search(r"--user (\S+)", line)
    if "\nread " in line or line.startswith("read "):
        return PASSWORDS["root"] + "\n"
    if "admin create" in line or "--admin root" in line:
        return PASSWORDS["root"] + "\n"
    if " user add " in line:
        new = line.split(" user add ")[1].split()[0]
        return f"{PASSWORDS['drita']}\n{PASSWORDS[new]}\n"
    return (PASSWORDS[user.group(1)] + "\n") if user else ""


@pytest.mark.slow
def test_the_readme_commands_run_as_written(tmp_path: Path) -> None:
    lines = list(shell_lines((ROOT / "README.md").read_text(encoding="utf-8")))
    assert "B=.venv/bin/borderapp" in lines and "S=.venv/bin/borderapp-server" in lines
    port = free_port()
    env = {
        **os.environ,
        "B": str(BIN / "borderapp"),
        "S": str(BIN / "borderapp-server"),
        "BORDERAPP_HOME": str(tmp_path / "station"),
        "BORDERAPP_SERVER_HOME": str(tmp_path / "server"),
        "BORDERAPP_SERVER_PORT": str(port),
    }
    skipped: list[str] = []
    outputs: dict[str, str] = {}
    server: subprocess.Popen[bytes] | None = None
    record_id = code = ""
    try:
        for line in lines:
            if line in ("B=.venv/bin/borderapp", "S=.venv/bin/borderapp-server"):
                continue
            if any(line.startswith(prefix) for prefix in NOT_RUN):
                skipped.append(line)
                continue
            command = line.replace("$B ", "$B --password-stdin ").replace("$S ", "$S --password-stdin ")
            command = command.replace("127.0.0.1:8443", f"127.0.0.1:{port}")
            command = command.replace("/tmp/demo", str(tmp_path / "demo"))  # noqa: S108 (the README's text)
            command = command.replace("RECORD_ID", record_id)
            if " enrol '" in command:
                command = re.sub(r"enrol '[^']*'", f"enrol --yes '{code}'", command)
            if command.split("#")[0].strip() == "$S --password-stdin --tls":
                server = subprocess.Popen(
                    [BASH, "-c", f"exec {command.split('#')[0]}"], env=env, cwd=tmp_path, start_new_session=True
                )
                wait_for(f"https://127.0.0.1:{port}/v1/health")
                continue
            done = subprocess.run(
                [BASH, "-c", command],
                input=password_lines(line),
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp_path,
                timeout=120,
            )
            assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
            assert "Traceback" not in done.stderr, line
            outputs[line] = done.stdout + done.stderr
            if " record --json " in line:
                record_id = done.stdout.split("Recorded ", 1)[1].split()[0]
            if "enrolment create" in line:
                code = next(text for text in done.stdout.split() if text.startswith("BAENROL1|"))
        assert sorted(skipped) == sorted(
            next(line for line in lines if line.startswith(prefix)) for prefix in NOT_RUN
        ), "a line of NOT_RUN is gone from the README: take it out of the list"
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
    by_start = {line.split("#")[0].strip(): out for line, out in outputs.items()}
    assert "Station Kakavijë (KAK) created" in next(out for line, out in outputs.items() if " init " in line)
    assert "1 record(s)." in by_start["$B --user ilir search hoxha"]
    assert "Corrected" in next(out for line, out in outputs.items() if " correct " in line)
    assert "3 event(s) chained" in by_start["$B --user drita verify"]  # recorded, corrected, voided
    assert (tmp_path / "events.jsonl").stat().st_mode & 0o777 == 0o600
    assert "Enrolled: device" in next(out for line, out in outputs.items() if " enrol " in line)
    assert "Sent 3 event(s): 3 acknowledged" in by_start["$B --user drita sync"]
    assert "Not yet sent:    0 event(s)" in by_start["$B --user drita sync-status"]
    devices = next(out for line, out in outputs.items() if "/v1/admin/devices" in line)
    assert '"bcp":"KAK"' in devices and '"acked_seq":3' in devices


def wait_for(url: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(url, verify=False, timeout=2).status_code == 200:  # noqa: S501 (our own test server)
                return
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, f"the server did not answer at {url}"
        time.sleep(0.2)
