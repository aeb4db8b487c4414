"""No child data in the server's logs: the process's logging configuration (sync/server/logs.py) with a real
server, and the whole API test module run with every log line captured."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# What the API tests record (tests/factories.py CLEAN): the child's and the parents' names, birth date, documents.
CHILD_DATA = ("Hoxha", "Arben", "Elira", "2016-03-04", "BA1234567", "BA7654321")

SERVER = """
import logging, sys, threading, time, httpx, uvicorn
from sync.server.app import create_app
from sync.server.logs import config
from sync.server.storage import Storage, make_engine

app = create_app(Storage(make_engine(sys.argv[1])), server_url="http://127.0.0.1")

@app.get("/v1/broken")
def broken() -> None:
    raise ValueError("the row (Hoxha, Ana, 2016-03-04, BA1234567) failed")

server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=int(sys.argv[2]), log_config=config("info")))
threading.Thread(target=server.run, daemon=True).start()
while not server.started:
    time.sleep(0.05)
logging.getLogger("httpx").setLevel(logging.WARNING)  # this script's own client, not the server
print(httpx.get(f"http://127.0.0.1:{sys.argv[2]}/v1/broken").status_code, flush=True)
httpx.get(f"http://127.0.0.1:{sys.argv[2]}/v1/health", params={"q": "Hoxha Ana"})
server.should_exit = True
time.sleep(0.5)
"""


def test_a_server_error_logs_its_type_and_reference_never_the_values(tmp_path: Path) -> None:
    from tests.sync.live import free_port

    done = subprocess.run(
        [sys.executable, "-c", SERVER, f"sqlite:///{tmp_path / 'central.db'}", str(free_port())],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.stdout.strip() == "500", done.stderr
    log = done.stderr
    assert "internal error" in log and "ValueError" in log  # what an operator needs: the type and the reference
    assert "GET /v1/health HTTP" in log  # the access line, without its query string
    for value in ("Hoxha", "2016-03-04", "BA1234567", "Traceback"):
        assert value not in log, value


@pytest.mark.slow
def test_the_api_tests_log_no_child_data(tmp_path: Path) -> None:
    log_file = tmp_path / "api.log"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/sync/server/test_api.py",
         f"--log-file={log_file}", "--log-file-level=DEBUG"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:]
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert lines, "the API tests logged nothing: the capture did not work"
    leaks = [line for line in lines if any(value in line for value in CHILD_DATA)]
    assert leaks == []
