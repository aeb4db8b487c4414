"""The central console against a real server on loopback (TLS, pinned certificate), with two real stations
synced to it: sign-in, the stations with a stale one highlighted, an enrolment code for a third (QR on screen,
PNG and PDF), revoking a device, the quarantine, and the quarterly report with its exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from borderapp import services
from borderapp.errors import KnownError
from borderapp.events import uuid7
from borderapp.store.station import User
from sync.client import StationSync
from sync.server import schema as s
from tests.factories import clean_record
from tests.stations import FAST_KDF, login
from tests.sync.live import LiveServer, live_server
from tests.sync.test_patterns import with_adult
from ui.console import ConsoleWindow


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path / "central") as live:
        yield live


def second_station(directory: Path) -> None:
    sup = User(id=uuid7(), username="sup2", full_name="Arta Supervisor", role="supervisor")
    services.station.create_station(directory, bcp="TIA", station_name="Rinas", supervisor=sup,
                                    password="second-station", kdf=FAST_KDF).close()  # fmt: skip


def confirm_certificate(qtbot: QtBot, console: ConsoleWindow, server: LiveServer) -> None:
    """The first connection: the fingerprint shown in full, compared, confirmed."""
    qtbot.waitUntil(lambda: console.certificate_box is not None and console.certificate_box.isVisible(), timeout=10000)
    box = console.certificate_box
    assert box is not None and server.fingerprint is not None
    assert server.fingerprint[:8] in box.text() and server.fingerprint[-8:] in box.text()
    [trust] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    trust.click()


def signed_in_console(qtbot: QtBot, server: LiveServer) -> ConsoleWindow:
    """The console, signed in as the server's admin after the first connection's certificate was confirmed."""
    console = ConsoleWindow(server.url)
    qtbot.addWidget(console)
    console.show()
    console.login.user.setText("admin")
    console.login.password.setText("admin-password-1")
    console.sign_in()
    confirm_certificate(qtbot, console, server)
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.tabs, timeout=10000)
    return console


def test_the_console_over_two_stations(qtbot: QtBot, station_dir: Path, server: LiveServer, tmp_path: Path) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    with login(station_dir, "sup") as st:
        StationSync(st).enrol(server.code("KAK"))
        services.record_many(st, [clean_record(**{"crossing.crossed_at": now, "travel.planned_return": None})
                                  for _ in range(11)])  # fmt: skip
        services.record_crossing(st, with_adult("Ana", "BA1000001", "family_friend", 2))  # planted: see Rinas
        StationSync(st).sync_once()
        kak_device = st.station.device_id
    rinas = tmp_path / "rinas"
    second_station(rinas)
    with services.station.open_session(rinas, "sup2", "second-station", kdf=FAST_KDF) as st:
        StationSync(st).enrol(server.code("TIA"))
        services.record_many(st, [clean_record(**{"crossing.bcp": "TIA", "crossing.crossed_at": now,
                                                  "travel.planned_return": None}) for _ in range(2)])  # fmt: skip
        services.record_crossing(st, with_adult("Elira", "BA1000003", "family_friend", 1, bcp="TIA"))
        StationSync(st).sync_once()
    with server.storage.engine.begin() as conn:  # Rinas last heard from two days ago
        conn.execute(update(s.devices).where(s.devices.c.bcp == "TIA").values(last_seen="2026-01-01T00:00:00Z"))

    console = ConsoleWindow(server.url)
    qtbot.addWidget(console)
    console.show()
    console.login.user.setText("admin")
    console.login.password.setText("not the password")
    console.sign_in()
    confirm_certificate(qtbot, console, server)
    qtbot.waitUntil(lambda: console.login.button.isEnabled() and "Wrong" in console.login.message.text(), timeout=10000)
    assert console.pages.currentWidget() is console.login
    console.login.password.setText("admin-password-1")
    console.sign_in()
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.tabs, timeout=10000)
    assert server.fingerprint is not None and server.fingerprint in console.server_label.text()  # the whole of it
    stations = console.stations
    qtbot.waitUntil(lambda: stations.table.rowCount() == 2, timeout=10000)
    assert stations.summary.text() == "2 station(s), 1 stale"
    rows = {stations.table.item(r, 1).text(): r for r in range(2)}  # by station name
    assert stations.table.item(rows["Rinas"], 0).background().color().name() == "#f8d7da"
    assert stations.table.item(rows["Kakavijë test"], 4).text() == "0"  # nothing waiting at Kakavijë
    # An enrolment code for a third station: on screen, and saved as PNG and PDF.
    console.tabs.setCurrentWidget(console.enrolments)
    page = console.enrolments
    page.bcp.setCurrentIndex(page.bcp.findData("MOR"))
    page.make_code()
    qtbot.waitUntil(lambda: page.code.text().startswith("BAENROL1|"), timeout=10000)
    assert page.qr.pixmap() is not None and not page.qr.pixmap().isNull()
    assert page.write("png", tmp_path / "code.png").read_bytes().startswith(b"\x89PNG")
    assert page.write("pdf", tmp_path / "code.pdf").read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=10000)
    # Revoke Kakavijë: its next sync is refused.
    console.tabs.setCurrentWidget(stations)
    qtbot.waitUntil(lambda: stations.table.rowCount() == 2, timeout=10000)
    stations.table.selectRow(rows["Kakavijë test"])
    stations._ask_revoke()
    box = stations.findChild(QMessageBox, "confirm_revoke")
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: any(d.revoked_at for d in stations.devices), timeout=10000)
    with login(station_dir, "sup") as st, pytest.raises(KnownError):
        StationSync(st).sync_once()
    assert next(d for d in stations.devices if d.device_id == kak_device).revoked_at
    # The quarter's report, and its anonymised CSV.
    console.tabs.setCurrentWidget(console.report)
    console.report.ask()
    qtbot.waitUntil(lambda: console.report.table.rowCount() == 3, timeout=10000)
    assert [console.report.table.item(r, 0).text() for r in range(3)] == [
        "Kakavijë",
        "Tirana International Airport Nënë Tereza",
        "All",
    ]
    written = console.report.write("anonymised", tmp_path / "q.csv").read_text()
    rows_csv = list(csv.DictReader(io.StringIO(written)))
    assert rows_csv[0]["exits"] == "12" and rows_csv[1]["exits"] == "<11" and rows_csv[2]["children"] == "15"
    assert console.report.write("pdf", tmp_path / "q.pdf").read_bytes().startswith(b"%PDF")
    console.tabs.setCurrentWidget(console.quarantine)
    qtbot.waitUntil(lambda: console.quarantine.empty.isVisible())
    # The planted pattern: one adult with two unrelated children at two stations.
    console.tabs.setCurrentWidget(console.patterns)
    console.patterns.load()
    qtbot.waitUntil(lambda: console.patterns.table.rowCount() == 1, timeout=10000)
    assert console.patterns.table.item(0, 0).text() == "Same adult, different unrelated children"
    assert console.patterns.records.rowCount() == 2
    console.patterns.records.selectRow(0)
    qtbot.waitUntil(lambda: "Hoxha, Ana" in console.patterns.record.toPlainText(), timeout=10000)
    console.close()


def test_quarantine_notes_from_the_console(qtbot: QtBot, server: LiveServer) -> None:
    from borderapp.services import payload_for
    from sync import protocol as p
    from sync.server.ingest import Ingest
    from tests.sync.conftest import chain, follow

    _, token, _ = server.storage.create_enrolment(server.admin_id, "KAK", 24)
    server.storage.enrol(p.EnrolRequest(token=token, device_id="dev-q", station_name="Quarantine test"))
    good = chain("dev-q", 1)
    bad_payload = payload_for(clean_record())
    bad_payload["record"]["child"]["birth_date"] = "2030-01-01"  # a station with a broken clock
    bad = follow(good, "crossing.recorded", "rec-bad", bad_payload)
    Ingest(server.storage).push("dev-q", p.PushBatch(events=[*good, bad]))

    console = signed_in_console(qtbot, server)
    page = console.quarantine
    console.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.table.item(0, 4).text() == "invalid record: child.birth_date"
    assert page.table.item(0, 5).text() == "open"
    page.table.selectRow(0)
    page.note.setText("no")  # too short: the server says so, nothing is added
    page.annotate()
    qtbot.waitUntil(lambda: page.note.text() == "no" and page.add_button.isEnabled())
    page.note.setText("station clock was wrong; the station re-recorded the child")
    page.resolved.setChecked(True)
    page.annotate()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 5).text() == "resolved", timeout=10000)
    page.table.selectRow(0)
    assert "station clock was wrong" in page.notes.toPlainText() and "admin" in page.notes.toPlainText()
    [item] = server.storage.quarantine()
    assert [n.note for n in item.notes] == ["station clock was wrong; the station re-recorded the child"]
    console.close()


def test_an_impostor_certificate_gets_no_password_and_a_rotation_is_accepted_only_on_purpose(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """An impostor at the address the admin confirmed before (another certificate): an alarm, and nothing is
    sent unless the admin explicitly accepts the new certificate (a rotation the central admins announced)."""
    with live_server(tmp_path / "central") as real:
        port = int(real.url.rsplit(":", 1)[1])
        console = signed_in_console(qtbot, real)
        url = real.storage.engine.url.render_as_string(hide_password=False)
    with live_server(tmp_path / "impostor", port=port, url=url) as impostor:
        before = impostor.storage.sign_ins()
        console.pages.setCurrentWidget(console.login)
        console.login.password.setText("admin-password-1")
        console.sign_in()
        qtbot.waitUntil(lambda: console.certificate_box is not None and console.certificate_box.isVisible())
        box = console.certificate_box
        assert box is not None and "Security alarm" in box.text() and "Do not sign in" in box.text()
        assert box.defaultButton().text() == "Cancel"
        box.defaultButton().click()  # Enter: the safe answer
        qtbot.waitUntil(lambda: "not confirmed" in console.login.message.text())
        assert impostor.storage.sign_ins() == before  # the password never left
        console.login.password.setText("admin-password-1")
        console.sign_in()
        qtbot.waitUntil(lambda: console.certificate_box is not None and console.certificate_box.isVisible())
        box = console.certificate_box
        [accept] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
        accept.click()
        qtbot.waitUntil(lambda: console.pages.currentWidget() is console.tabs, timeout=10000)
        assert impostor.fingerprint is not None and impostor.fingerprint in console.server_label.text()


def test_the_audit_tab_lists_reads_and_sign_ins(qtbot: QtBot, server: LiveServer, station_dir: Path) -> None:
    with login(station_dir, "sup") as st:
        StationSync(st).enrol(server.code("KAK"))
        services.record_crossing(st, clean_record())
        StationSync(st).sync_once()
    console = signed_in_console(qtbot, server)
    console.tabs.setCurrentWidget(console.patterns)
    console.patterns.load()  # a read of child data, audited
    qtbot.waitUntil(lambda: len(server.storage.audit_log()) >= 1, timeout=10000)
    console.tabs.setCurrentWidget(console.audit)
    page = console.audit
    qtbot.waitUntil(lambda: page.reads.rowCount() >= 1 and page.sign_ins.rowCount() >= 1, timeout=10000)
    assert [page.reads.item(0, c).text() for c in (1, 2)] == ["admin", "the patterns"]
    assert [page.sign_ins.item(0, c).text() for c in (1, 3)] == ["admin", "signed in"]
