"""Child data crosses only HTTPS to a pinned certificate. Plain HTTP, or a code without a fingerprint, is
refused by the station and the console before anything is sent, except to loopback with the development option
(BORDERAPP_DEV_PLAIN_HTTP=1, which the rest of the test suite sets for its plain servers); the server refuses to
listen in plain HTTP beyond loopback unless a TLS-terminating proxy is said to be in front."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from borderapp.store.station import Session
from sync import protocol as p
from sync.admin import AdminClient
from sync.client import StationSync
from sync.errors import EnrolmentFailed, Refused
from tests.sync.live import LiveServer, live_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plain_server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path / "central", tls=False) as live:
        yield live


def nothing_sent(server: LiveServer) -> bool:
    return all(item.used_at is None for item in server.storage.enrolments()) and server.storage.devices() == []


def test_a_plain_http_server_is_refused_without_the_development_option(
    plain_server: LiveServer, supervisor: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An impostor (or a test server) answering plain HTTP on loopback: the token never leaves the station."""
    monkeypatch.delenv("BORDERAPP_DEV_PLAIN_HTTP")
    with pytest.raises(EnrolmentFailed, match="plain HTTP: children's records would cross the network unencrypted"):
        StationSync(supervisor).enrol(plain_server.code())
    assert nothing_sent(plain_server) and not StationSync(supervisor).enrolled
    monkeypatch.setenv("BORDERAPP_DEV_PLAIN_HTTP", "1")  # development, on loopback: allowed
    assert StationSync(supervisor).enrol(plain_server.code()).device_id == supervisor.station.device_id


def test_plain_http_beyond_loopback_is_refused_even_with_the_development_option(supervisor: Session) -> None:
    code = p.EnrolmentCode(server_url="http://192.0.2.7:8443", bcp="KAK", token="t" * 32, fingerprint=None).text()
    with pytest.raises(EnrolmentFailed, match="plain HTTP"):
        StationSync(supervisor).check_code(code)
    with pytest.raises(Refused, match="plain HTTP"):
        AdminClient("http://192.0.2.7:8443").login("admin", "admin-password-1")


def test_a_code_without_a_fingerprint_is_refused(
    tmp_path: Path, supervisor: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BORDERAPP_DEV_PLAIN_HTTP")
    with live_server(tmp_path / "central", tls=True) as server:
        stripped = p.EnrolmentCode.parse(server.code()).model_copy(update={"fingerprint": None}).text()
        with pytest.raises(EnrolmentFailed, match="carries no certificate fingerprint"):
            StationSync(supervisor).enrol(stripped)
        assert nothing_sent(server)
        assert StationSync(supervisor).enrol(server.code()).bcp == "KAK"  # the admin's own code works


def test_the_console_refuses_plain_http_without_the_development_option(
    plain_server: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BORDERAPP_DEV_PLAIN_HTTP")
    before = plain_server.storage.sign_ins()
    with pytest.raises(Refused, match="plain HTTP"):
        AdminClient(plain_server.url).login("admin", "admin-password-1")
    assert plain_server.storage.sign_ins() == before  # the password was never sent


def test_the_server_refuses_plain_http_beyond_loopback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "--data", str(tmp_path), "--host", "0.0.0.0", "--port", "1"],  # noqa: S104
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "refusing to serve plain HTTP on 0.0.0.0" in done.stderr and "--behind-tls-proxy" in done.stderr


def test_a_server_with_another_certificate_is_an_alarm_not_offline(tmp_path: Path, station_dir: Path) -> None:
    """After enrolment the server at the same address presents another certificate (an impostor, or a rotation
    nobody announced): the station sends nothing, and says so as an alarm, not "offline, will retry"."""
    from borderapp import services
    from sync.errors import PinMismatch
    from sync.worker import SyncWorker, wait_until
    from tests.factories import clean_record
    from tests.stations import login

    with live_server(tmp_path / "central") as real:
        port = int(real.url.rsplit(":", 1)[1])
        with login(station_dir, "sup") as s:
            StationSync(s).enrol(real.code())
        url = real.storage.engine.url.render_as_string(hide_password=False)
    with login(station_dir, "off") as booth, live_server(tmp_path / "impostor", port=port, url=url) as impostor:
        services.record_many(booth, [clean_record() for _ in range(3)])
        with pytest.raises(PinMismatch, match="not the one enrolled: do not proceed, call the central admins"):
            StationSync(booth).sync_once()
        worker = SyncWorker(booth.reopen, interval=30, base=0.2, cap=0.5, seed=1)
        worker.start()
        try:
            assert wait_until(lambda: worker.state.alarm, 10)
            assert worker.state.online is False and "Nothing was sent" in (worker.state.last_error or "")
        finally:
            worker.stop()
        assert impostor.storage.search("hoxha") == []  # not one record reached it
        [device] = impostor.storage.devices()
        assert device.acked_seq == 0 and device.last_seen is None
