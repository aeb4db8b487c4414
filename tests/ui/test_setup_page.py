"""First run: no station yet -> the set-up page creates one and signs its first supervisor in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from borderapp.store.station import open_session
from ui.app import MainWindow


def test_first_run_creates_the_station_and_signs_the_supervisor_in(qtbot: QtBot, tmp_path: Path) -> None:
    store = tmp_path / "station"
    window = MainWindow(str(store))
    qtbot.addWidget(window)
    window.show()
    page = window.setup
    assert page is not None and window.pages.currentWidget() is page
    assert "found no station in" in page.findChild(QLabel, "title").text()
    # Everything wrong at once, each under its field; nothing is created.
    page.username.setText("drita hoxha")
    page.password.setText("short")
    page.repeat.setText("short")
    page.submit()
    qtbot.waitUntil(lambda: page.errors["bcp"].isVisible())
    shown = {key for key, label in page.errors.items() if label.isVisible()}
    assert shown == {"bcp", "station_name", "username", "full_name", "password"}
    assert page.errors["username"].text().startswith("Use 2-64 letters")
    assert page.message.text() == "Fix what is marked, then create the station."
    assert not (store / "station.db").exists()
    page.bcp.setCurrentIndex(page.bcp.findData("KAK"))
    page.station_name.setText("Kakavijë exit 2")
    page.username.setText("drita")
    page.full_name.setText("Drita Hoxha")
    page.female.setChecked(True)
    page.password.setText("drita-password")
    page.repeat.setText("drita-password")
    with qtbot.waitSignal(page.signed_in, timeout=20000):
        page.submit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.tabs)
    assert window.tabs.tabText(0) == "&New crossing"
    # The station is real: encrypted, and the supervisor's password opens it.
    window.close()
    with open_session(store, "drita", "drita-password") as s:
        assert s.station.bcp == "KAK" and s.user.female_at_officer and s.user.role == "supervisor"
    assert b"Drita" not in (store / "station.db").read_bytes()


def test_a_central_admin_without_a_station_reaches_the_console(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(str(tmp_path / "no-station"))
    qtbot.addWidget(window)
    window.show()
    assert window.setup is not None
    window.setup.console_button.click()
    assert window.console is not None and window.console.isVisible()
    assert window.console.pages.currentWidget() is window.console.login
    window.console.close()
