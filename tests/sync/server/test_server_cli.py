"""`borderapp-server` as a user runs it: admin creation, and a real TLS server on loopback."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from sync import protocol as p
from sync.server import cli, tls
from tests.processes import stop

ROOT = Path(__file__).resolve().parents[3]


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_admin_create(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ("--data", str(tmp_path), "--password-stdin", "admin", "create", "root")
    assert run(monkeypatch, capsys, *args, stdin="central-password\n")[:2] == (0, "Admin root created.\n")
    code, _, err = run(monkeypatch, capsys, *args, stdin="central-password\n")
    assert code == 1 and "exists already" in err
    code, _, err = run(
        monkeypatch, capsys, "--data", str(tmp_path), "--password-stdin", "admin", "create", "b", stdin="short\n"
    )
    assert code == 1 and "at least 12 characters" in err
    common = ("--data", str(tmp_path), "--password-stdin", "admin", "create", "c")
    code, _, err = run(monkeypatch, capsys, *common, stdin="password2026!\n")
    assert code == 1 and "among the most common ones" in err
    assert (tmp_path / "central.db").exists()
    assert run(monkeypatch, capsys, "--data", str(tmp_path), "admin", "disable", "root")[:2] == (
        0,
        "Admin root disabled; every token of theirs stopped working.\n",
    )
    code, _, err = run(monkeypatch, capsys, "--data", str(tmp_path), "admin", "disable", "nobody")
    assert code == 1 and "There is no admin 'nobody'." in err


def test_unreachable_database_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        monkeypatch, capsys, "--database-url", "postgresql://nobody@127.0.0.1:1/none", "admin", "create", "x"
    )
    assert code == 1 and "cannot open the central database" in err and "--database-url" in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_tls_server_prints_its_fingerprint_and_serves_it(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--data", str(tmp_path), "--port", str(port), "--tls"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout
        lines = [proc.stdout.readline() for _ in range(3)]
        fingerprint = lines[1].split()[-1]
        assert lines[2].startswith(f"BorderApp central server on https://127.0.0.1:{port}")
        for _ in range(50):
            try:
                r = httpx.get(
                    f"https://127.0.0.1:{port}/v1/health",
                    verify=ssl.create_default_context(cafile=str(tmp_path / "server.crt")),
                )
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        assert r.json()["status"] == "ok"
        pem = ssl.get_server_certificate(("127.0.0.1", port))
        assert hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest() == fingerprint
        assert oct((tmp_path / "server.key").stat().st_mode)[-3:] == "600"
    finally:
        stop(proc)


def test_enrolment_create_prints_the_code_and_writes_qr_files(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = ("--data", str(tmp_path), "--password-stdin")
    run(monkeypatch, capsys, *base, "admin", "create", "root", stdin="central-password\n")
    code, out, err = run(
        monkeypatch,
        capsys,
        *base,
        "--tls",
        "--port",
        "9443",
        "enrolment",
        "create",
        "--admin",
        "root",
        "--bcp",
        "QTH",
        "--qr-png",
        str(tmp_path / "qr.png"),
        "--qr-svg",
        str(tmp_path / "qr.svg"),
        stdin="central-password\n",
    )
    assert code == 0, err
    text = out.splitlines()[-1]
    parsed = p.EnrolmentCode.parse(text)
    assert (parsed.server_url, parsed.bcp) == ("https://127.0.0.1:9443", "QTH")
    assert parsed.fingerprint == tls.fingerprint((tmp_path / "server.crt").read_bytes())
    assert (tmp_path / "qr.png").read_bytes()[:4] == b"\x89PNG" and "<svg" in (tmp_path / "qr.svg").read_text()
    code, _, err = run(
        monkeypatch, capsys, *base, "enrolment", "create", "--admin", "root", "--bcp", "QTH", stdin="wrong-password\n"
    )
    assert code == 1 and "Wrong admin user name or password" in err
    code, _, err = run(
        monkeypatch,
        capsys,
        *base,
        "enrolment",
        "create",
        "--admin",
        "root",
        "--bcp",
        "NOPE",
        stdin="central-password\n",
    )
    assert code == 1 and "Unknown border crossing point 'NOPE'" in err


@pytest.mark.slow
def test_several_worker_processes_share_one_database(tmp_path: Path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--data", str(tmp_path), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert proc.stdout
        assert "2 worker(s)" in proc.stdout.readline()
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/v1/health")
                break
            except httpx.ConnectError:
                time.sleep(0.1)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            assert {client.get("/v1/health").json()["status"] for _ in range(20)} == {"ok"}
    finally:
        stop(proc)


def test_behind_a_tls_proxy_the_codes_carry_the_proxys_address_and_fingerprint(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = ("--data", str(tmp_path), "--password-stdin")
    run(monkeypatch, capsys, *base, "admin", "create", "root", stdin="central-password\n")
    proxy = ["--behind-tls-proxy", "--public-url", "https://tims.example.al", "--proxy-fingerprint", "AB:" * 31 + "AB"]
    code, out, err = run(
        monkeypatch, capsys, *base, *proxy, "enrolment", "create", "--admin", "root", "--bcp", "KAK",
        stdin="central-password\n",
    )  # fmt: skip
    assert code == 0, err
    parsed = p.EnrolmentCode.parse(next(word for word in out.split() if word.startswith("BAENROL1|")))
    assert (parsed.server_url, parsed.fingerprint) == ("https://tims.example.al", "ab" * 32)
