"""Real processes for the tests that kill or serve: `borderapp` as a station user runs it, and clean stops."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def borderapp(store: Path, user: str, *args: str, capture: bool = False) -> subprocess.Popen[str]:
    """`borderapp --store STORE --user USER --password-stdin ARGS…`; write the password to its stdin."""
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", "--store", str(store), "--user", user, "--password-stdin", *args],
        stdin=subprocess.PIPE,
        stdout=out,
        stderr=out,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def stop(proc: subprocess.Popen[str], timeout: float = 15) -> None:
    """Terminate (if still running), wait, and close the pipes so no ResourceWarning is left behind."""
    if proc.poll() is None:
        proc.terminate()
    proc.wait(timeout=timeout)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream and not stream.closed:
            stream.close()
