"""The sync client against a real server on loopback (uvicorn, TLS, real sockets), with faults injected by a
cutting proxy or by the server's own answers. After each fault the server must hold every event exactly once
and in order, and the station must know what the server acknowledged."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from borderapp import services
from borderapp.store import eventlog, syncstate
from borderapp.store.station import Session
from sync.client import StationSync
from sync.errors import EnrolmentFailed, ForkDetected, NeedsEnrolment, Offline
from sync.server import schema as s
from tests.factories import clean_record
from tests.stations import login
from tests.sync.live import CuttingProxy, LiveServer, live_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path / "central") as live:
        yield live


@pytest.fixture
def plain_server(tmp_path: Path) -> Iterator[LiveServer]:
    """Plain HTTP, so that the cutting proxy can see where requests and answers end."""
    with live_server(tmp_path / "central", tls=False) as live:
        yield live


def through_proxy(session: Session, proxy: CuttingProxy) -> None:
    with session.writing() as conn:
        syncstate.put(conn, {"server_url": f"http://127.0.0.1:{proxy.port}"})


def record(session: Session, count: int) -> None:
    services.record_many(session, [clean_record(**{"child.given_names": f"Child{i}"}) for i in range(count)])


def server_hashes(server: LiveServer, device_id: str) -> list[tuple[int, str]]:
    e = s.events.c
    with server.storage.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(e.seq, e.hash).where(e.device_id == device_id).order_by(e.seq))]  # type: ignore[misc]


def station_hashes(session: Session) -> list[tuple[int, str]]:
    with session.reading() as conn:
        return [(ev.seq, ev.hash) for ev in eventlog.all_events(conn)]


def assert_exactly_once(server: LiveServer, session: Session) -> None:
    assert server_hashes(server, session.station.device_id) == station_hashes(session)
    with session.reading() as conn:
        backlog = syncstate.backlog(conn)
        receipts = conn.execute("SELECT count(*) FROM receipts").fetchone()[0]
    assert backlog.count == 0 and receipts == backlog.head_seq


def test_enrol_by_code_with_pinned_certificate_then_push(server: LiveServer, supervisor: Session) -> None:
    sync = StationSync(supervisor, batch_events=40)
    code, pem = sync.check_code(server.code())
    assert code.bcp == "KAK" and pem and code.fingerprint == server.fingerprint
    sync.enrol(server.code())
    record(supervisor, 95)
    report = sync.sync_once()
    assert (report.sent, report.acknowledged, report.backlog) == (95, 95, 0)
    assert report.reference_items >= 22  # BCPs and the checklist
    assert_exactly_once(server, supervisor)
    assert sync.sync_once().sent == 0
    [device] = server.storage.devices()
    assert (device.acked_seq, device.backlog, device.chain_status) == (95, 0, "ok")


def test_wrong_fingerprint_or_bcp_enrols_nothing(server: LiveServer, supervisor: Session) -> None:
    sync = StationSync(supervisor)
    with pytest.raises(EnrolmentFailed, match="does not match the fingerprint"):
        sync.enrol(server.code(fingerprint="00" * 32))
    with pytest.raises(EnrolmentFailed, match="for border crossing point TIA, but this station is KAK"):
        sync.enrol(server.code(bcp="TIA"))
    with pytest.raises(EnrolmentFailed, match="not a BorderApp enrolment code"):
        sync.enrol("hello")
    assert not sync.enrolled and server.storage.devices() == []


def test_used_code_is_refused_with_the_servers_sentence(
    server: LiveServer, supervisor: Session, tmp_path: Path
) -> None:
    code = server.code()
    StationSync(supervisor).enrol(code)
    other = tmp_path / "other"
    shutil.copytree(supervisor.paths.directory, other)
    with login(other, "sup") as twin, pytest.raises(EnrolmentFailed, match="used already"):
        StationSync(twin).enrol(code)


def test_connection_cut_after_the_server_committed(plain_server: LiveServer, supervisor: Session) -> None:
    server = plain_server
    StationSync(supervisor).enrol(server.code())
    record(supervisor, 120)
    # Request 1: the first round's head (answer lost). Request 2: the next round's head, 3: its first batch.
    proxy = CuttingProxy(target_port=int(server.url.rsplit(":", 1)[1]), drop={1, 3})
    try:
        through_proxy(supervisor, proxy)
        cut = StationSync(supervisor, batch_events=50)
        with pytest.raises(Offline):
            cut.sync_once()  # the head request is answered by the server, the answer never arrives
        with pytest.raises(Offline):
            cut.sync_once()  # the first batch reached the server and was stored; the answer was lost
        assert len(server_hashes(server, supervisor.station.device_id)) == 50
        with supervisor.reading() as conn:
            assert syncstate.acked_seq(conn) == 0  # the station does not know yet
            states = syncstate.receipt_statuses(conn, [1, 50, 51])
        assert states == {1: "sent", 50: "sent"}  # sent, no receipt yet; 51 never went out
        report = cut.sync_once()
        assert report.sent == 120  # the first 50 again: acknowledged as duplicates, with their receipts
        assert_exactly_once(server, supervisor)
        with supervisor.reading() as conn:
            assert syncstate.receipt_statuses(conn, [1, 51]) == {1: "duplicate", 51: "stored"}
    finally:
        proxy.close()


def test_server_slower_than_the_timeout(plain_server: LiveServer, supervisor: Session) -> None:
    server = plain_server
    StationSync(supervisor).enrol(server.code())
    record(supervisor, 10)
    proxy = CuttingProxy(target_port=int(server.url.rsplit(":", 1)[1]), delay=1.5)
    try:
        through_proxy(supervisor, proxy)
        with pytest.raises(Offline, match="did not answer in time"):
            StationSync(supervisor, timeout=0.5).sync_once()
        proxy.delay = 0
        StationSync(supervisor).sync_once()
        assert_exactly_once(server, supervisor)
    finally:
        proxy.close()


def test_server_down_then_back(tmp_path: Path, supervisor: Session) -> None:
    port = None
    with live_server(tmp_path / "central") as live:
        port = int(live.url.rsplit(":", 1)[1])
        StationSync(supervisor).enrol(live.code())
        record(supervisor, 5)
    with pytest.raises(Offline, match="No connection"):
        StationSync(supervisor).sync_once()
    with supervisor.reading() as conn:
        assert "No connection" in (syncstate.get(conn, "last_error") or "")
    with live_server(tmp_path / "central", port=port) as live:
        StationSync(supervisor).sync_once()
        assert_exactly_once(live, supervisor)


def test_revoked_station_must_re_enrol(server: LiveServer, supervisor: Session) -> None:
    sync = StationSync(supervisor)
    sync.enrol(server.code())
    server.storage.revoke(supervisor.station.device_id)
    record(supervisor, 2)
    with pytest.raises(NeedsEnrolment, match="revoked"):
        sync.sync_once()
    with supervisor.reading() as conn:
        assert syncstate.backlog(conn).count == 2  # nothing deleted


def test_station_restored_from_an_old_backup_is_a_fork(server: LiveServer, supervisor: Session, tmp_path: Path) -> None:
    StationSync(supervisor).enrol(server.code())
    record(supervisor, 3)
    backup = tmp_path / "backup"
    supervisor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copytree(supervisor.paths.directory, backup)
    record(supervisor, 2)
    StationSync(supervisor).sync_once()
    with login(backup, "sup") as restored:
        record(restored, 1)  # seq 4 again, but a different event
        with pytest.raises(ForkDetected, match="restored from an older backup"):
            StationSync(restored).sync_once()
        record(restored, 3)  # now it is ahead of the server, with a different history
        with pytest.raises(ForkDetected, match="differs from the one this station sent"):
            StationSync(restored).sync_once()
    assert server_hashes(server, supervisor.station.device_id) == station_hashes(supervisor)
    assert [d.chain_status for d in server.storage.devices()] == ["forked"]


def test_central_database_restored_from_an_older_backup(server: LiveServer, supervisor: Session) -> None:
    """The server lost this station's last 70 events (its database restored from a backup): the station's
    next batch gets `seq_gap`, and it sends again from where the server stands, in order, each once."""
    sync = StationSync(supervisor, batch_events=50)
    sync.enrol(server.code())
    record(supervisor, 120)
    sync.sync_once()
    device = supervisor.station.device_id
    e, c, d = s.events.c, s.crossings.c, s.devices.c
    with server.storage.engine.begin() as conn:  # the central database as the backup had it: up to seq 50
        lost = select(c.record_id).where(c.device_id == device, c.first_seq > 50)
        conn.execute(s.crossing_people.delete().where(s.crossing_people.c.record_id.in_(lost)))
        conn.execute(s.crossings.delete().where(c.device_id == device, c.first_seq > 50))
        conn.execute(s.events.delete().where(e.device_id == device, e.seq > 50))
        head = conn.execute(select(e.hash).where(e.device_id == device, e.seq == 50)).scalar_one()
        conn.execute(s.devices.update().where(d.device_id == device).values(acked_seq=50, head_hash=head))
    record(supervisor, 10)
    report = sync.sync_once()  # 121-130 refused as a gap, then 51-130 in two batches and one of 30
    assert report.sent == 80
    assert_exactly_once(server, supervisor)


@pytest.mark.parametrize(
    ("status", "headers", "message"),
    [(500, {}, "failed \\(500\\)"), (503, {}, "failed \\(503\\)"), (429, {"Retry-After": "7"}, "slow down")],
)
def test_server_errors_are_offline_and_keep_everything(
    supervisor: Session, status: int, headers: dict[str, str], message: str
) -> None:
    with supervisor.writing() as conn:
        syncstate.put(conn, {"server_url": "http://central.invalid", "credential": "c"})
    record(supervisor, 3)
    transport = httpx.MockTransport(
        lambda request: httpx.Response(status, headers=headers, json={"error": {"code": "internal", "message": "x"}})
    )
    with pytest.raises(Offline, match=message) as info:
        StationSync(supervisor, transport=transport).sync_once()
    if status == 429:
        assert info.value.retry_after == 7
    with supervisor.reading() as conn:
        assert syncstate.backlog(conn).count == 3


def test_not_enrolled(supervisor: Session) -> None:
    with pytest.raises(NeedsEnrolment, match="not enrolled"):
        StationSync(supervisor).sync_once()


def test_alerts_from_the_server_are_matched_offline(server: LiveServer, supervisor: Session) -> None:
    from sync import protocol as p

    sync = StationSync(supervisor)
    sync.enrol(server.code())
    server.storage.add_alert(
        p.AlertCreate(kind="missing_child", family_name="Xhafa", given_names="Gëzim", birth_date="2016-03-04")
    )
    report = sync.sync_once()
    assert report.reference_items >= 1
    # The network is gone now; the match happens at the station.
    event = services.record_crossing(
        supervisor, clean_record(**{"child.family_name": "Jafa", "child.given_names": "Gezim"})
    )
    assert "F13" in event.payload["flags"]
    assert event.payload["alert_hits"][0]["matched"] == ["name", "birth_date"]


def test_station_clock_wrong_by_days(server: LiveServer, supervisor: Session) -> None:
    StationSync(supervisor).enrol(server.code())
    supervisor.clock = lambda: "2027-01-10T08:00:00.000000Z"  # the workstation thinks it is weeks ahead
    record(supervisor, 3)
    StationSync(supervisor).sync_once()
    assert_exactly_once(server, supervisor)
    [device] = server.storage.devices()
    assert device.clock_drift_s is not None and device.clock_drift_s > 20 * 86400
    occurred = [
        ev.occurred_at for ev in services.show(supervisor, services.search(supervisor, "hoxha")[0].record_id).history
    ]
    assert occurred == ["2027-01-10T08:00:00.000000Z"]


def test_batches_shrink_to_the_byte_limit(server: LiveServer, supervisor: Session) -> None:
    sync = StationSync(supervisor, batch_events=50, batch_bytes=4000)  # about two events a request
    sync.enrol(server.code())
    record(supervisor, 9)
    report = sync.sync_once()
    assert report.sent == 9
    assert_exactly_once(server, supervisor)
    with supervisor.reading() as conn:
        sent = [row[0] for row in conn.execute("SELECT sent FROM sync_log WHERE outcome = 'ok'")]
    assert sent == [9]
