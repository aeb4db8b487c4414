"""`borderapp enrol`, `sync` and `sync-status` as a user runs them, and a sync process killed mid-round."""

from __future__ import annotations

import io
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from borderapp import services
from sync.client import StationSync
from sync.server.storage import Storage, make_engine
from tests.factories import clean_record
from tests.processes import borderapp
from tests.stations import PASSWORDS, login
from tests.sync.live import LiveServer, live_server
from tests.sync.test_client import assert_exactly_once, server_hashes
from ui import launcher

ROOT = Path(__file__).resolve().parents[2]


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], store: Path, *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = launcher.main(["--store", str(store), "--password-stdin", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def server(tmp_path: Path) -> LiveServer:
    with live_server(tmp_path / "central") as live:
        yield live  # type: ignore[misc]


def test_enrol_sync_and_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], station_dir: Path, server: LiveServer
) -> None:
    code = server.code()
    status, _, err = run(
        monkeypatch, capsys, station_dir, "--user", "off", "enrol", code, "--yes", stdin=PASSWORDS["off"]
    )
    assert status == 1 and "An officer may not manage station users" in err
    status, _, err = run(monkeypatch, capsys, station_dir, "--user", "sup", "enrol", code, stdin=PASSWORDS["sup"])
    assert status == 1 and "--yes: confirm the server and BCP above" in err
    status, out, err = run(
        monkeypatch, capsys, station_dir, "--user", "sup", "enrol", code, "--yes", stdin=PASSWORDS["sup"]
    )
    assert status == 0, err
    assert f"Certificate:  {server.fingerprint}" in out and "Enrolled: device" in out
    with login(station_dir, "off") as s:
        services.record_many(s, [clean_record() for _ in range(4)])
    status, out, _ = run(monkeypatch, capsys, station_dir, "--user", "off", "sync-status", stdin=PASSWORDS["off"])
    assert "Not yet sent:    4 event(s), oldest 0 min" in out and "Last success:    never" in out
    status, out, _ = run(monkeypatch, capsys, station_dir, "--user", "off", "sync", stdin=PASSWORDS["off"])
    assert status == 0 and "Sent 4 event(s): 4 acknowledged, 0 quarantined" in out and "0 left to send" in out
    status, out, _ = run(monkeypatch, capsys, station_dir, "--user", "off", "sync-status", stdin=PASSWORDS["off"])
    assert "Not yet sent:    0 event(s)" in out and "ok       Sent 4 record event(s); 0 left." in out


def test_sync_when_the_server_is_gone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], station_dir: Path, tmp_path: Path
) -> None:
    with live_server(tmp_path / "gone") as live, login(station_dir, "sup") as s:
        StationSync(s).enrol(live.code())
    status, _, err = run(monkeypatch, capsys, station_dir, "--user", "off", "sync", stdin=PASSWORDS["off"])
    assert status == 1 and "error: No connection to the central server" in err and "will retry" in err


@pytest.mark.slow
def test_sync_process_killed_mid_round_loses_and_duplicates_nothing(station_dir: Path, tmp_path: Path) -> None:
    with live_server(tmp_path / "central", tls=False) as live:
        with login(station_dir, "sup") as s:
            StationSync(s).enrol(live.code())
            services.record_many(s, [clean_record() for _ in range(3000)])
        proc = borderapp(station_dir, "off", "sync")
        assert proc.stdin
        proc.stdin.write(PASSWORDS["off"] + "\n")
        proc.stdin.close()
        with login(station_dir, "off") as s:
            device = s.station.device_id
        deadline = time.monotonic() + 30
        while len(server_hashes(live, device)) < 500 and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)  # somewhere in the middle of the round
        proc.wait(timeout=10)
        assert 0 < len(server_hashes(live, device)) < 3000
        with login(station_dir, "off") as s:
            StationSync(s).sync_once()
            assert_exactly_once(live, s)


@pytest.mark.slow
def test_server_process_killed_mid_batch(station_dir: Path, tmp_path: Path) -> None:
    """A real server process, SIGKILLed while the station pushes; started again on the same port."""
    import threading

    from sync.errors import Offline
    from tests.sync.live import free_port

    data, port = tmp_path / "central", free_port()
    with live_server(data, tls=False, port=port) as live:  # creates the database, the admin and the code
        code = live.code()
    argv = [sys.executable, "-m", "sync.server.cli", "--data", str(data), "--port", str(port), "--rate-limit", "1000"]

    def start() -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return proc
            except OSError:
                time.sleep(0.05)
        raise AssertionError("server did not start")

    reader = LiveServer(Storage(make_engine(f"sqlite:///{data / 'central.db'}")), "", None, 0)  # reads its database
    server = start()
    try:
        with login(station_dir, "sup") as s:
            sync = StationSync(s, batch_events=100)
            sync.enrol(code)
            services.record_many(s, [clean_record() for _ in range(2000)])
            device = s.station.device_id

            def kill_at_a_third() -> None:
                while len(server_hashes(reader, device)) < 600:
                    time.sleep(0.01)
                server.kill()

            killer = threading.Thread(target=kill_at_a_third)
            killer.start()
            with pytest.raises(Offline):
                sync.sync_once()
            killer.join()
            server.wait()
            assert 600 <= len(server_hashes(reader, device)) < 2000
            server = start()
            StationSync(s).sync_once()
            assert_exactly_once(reader, s)
    finally:
        server.kill()
        server.wait()
        reader.storage.engine.dispose()
