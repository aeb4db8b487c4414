"""The sync panel against a real central server on loopback (TLS, pinned certificate): enrolment by code,
the background sync after a save, the attempts in plain sentences, and a wrong code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from borderapp.demo import mrz_td3
from tests.sync.live import LiveServer, live_server
from tests.sync.test_client import server_hashes
from tests.ui.test_records_view import signed_in_window


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path / "central") as live:
        yield live


def test_enrol_from_the_panel_then_a_saved_record_reaches_the_server(
    qtbot: QtBot, station_dir: Path, server: LiveServer
) -> None:
    window = signed_in_window(qtbot, station_dir, "sup")
    page = window.sync_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: "not enrolled" in page.summary.text())
    assert page.enrol_box.isVisible() and not page.sync_button.isEnabled()
    page.code.setText("BAENROL1|nonsense")
    page.check()
    qtbot.waitUntil(lambda: page.message.text() != "" and "Checking" not in page.message.text())
    assert not page.enrol_button.isEnabled()
    assert "code" in page.message.text().lower()
    page.code.setText(server.code())
    page.check()
    qtbot.waitUntil(page.enrol_button.isEnabled, timeout=10000)
    assert server.url in page.confirm.text() and "Kakavijë" in page.confirm.text()
    assert server.fingerprint is not None and server.fingerprint in page.confirm.text()
    page.enrol()
    qtbot.waitUntil(lambda: "Enrolled." in page.message.text(), timeout=10000)
    qtbot.waitUntil(lambda: not page.enrol_box.isVisible())
    assert "Server certificate pinned" in page.summary.text()
    # A record saved at the booth goes to the server without anyone asking.
    window.tabs.setCurrentWidget(window.entry)
    form = window.entry
    qtbot.waitUntil(lambda: form.ready)
    for line in mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", date(2016, 3, 4), "F", date(2030, 1, 1)):
        qtbot.keyClicks(form.mrz, line)
        qtbot.keyClick(form.mrz, Qt.Key.Key_Return)
    accompaniment = form.fields.widgets["accompaniment"]
    assert isinstance(accompaniment, QComboBox)
    accompaniment.setCurrentIndex(accompaniment.findData("alone"))
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save()
    device = window.station.device_id
    qtbot.waitUntil(lambda: len(server_hashes(server, device)) == 1, timeout=20000)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() >= 2 and "Sent" in _outcomes(page), timeout=20000)
    qtbot.waitUntil(lambda: "0 not sent" in window.sync_label.text(), timeout=20000)


def _outcomes(page: object) -> list[str]:
    table = page.table  # type: ignore[attr-defined]
    return [table.item(r, 1).text() for r in range(table.rowCount())]


def test_an_officer_sees_the_panel_but_cannot_enrol(qtbot: QtBot, station_dir: Path) -> None:
    window = signed_in_window(qtbot, station_dir, "off")
    page = window.sync_page
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: "not enrolled" in page.summary.text())
    assert not page.enrol_box.isVisible()


def test_a_certificate_that_is_not_the_pinned_one_is_an_alarm_in_the_status_bar_and_the_panel(
    qtbot: QtBot, station_dir: Path, tmp_path: Path
) -> None:
    """The station enrolled with one server; another certificate now answers at that address."""
    from sync.client import StationSync
    from tests.stations import login

    with live_server(tmp_path / "central") as real:
        port = int(real.url.rsplit(":", 1)[1])
        with login(station_dir, "sup") as s:
            StationSync(s).enrol(real.code())
        url = real.storage.engine.url.render_as_string(hide_password=False)
    with live_server(tmp_path / "impostor", port=port, url=url):
        window = signed_in_window(qtbot, station_dir, "sup")
        window.tabs.setCurrentWidget(window.sync_page)
        qtbot.waitUntil(lambda: window.sync_label.text().startswith("Security alarm"), timeout=20000)
        assert "Do not proceed; call the central admins" in window.sync_label.text()
        assert "Offline" not in window.sync_label.text()
        qtbot.waitUntil(lambda: "call the central admins" in window.sync_page.summary.text(), timeout=20000)
