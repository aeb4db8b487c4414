"""Login and the records view over a real encrypted station, offscreen (pytest-qt)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from borderapp import services
from borderapp.errors import WrongPassword
from borderapp.store.keyslots import KeySlots
from tests.factories import clean_record
from tests.stations import FAST_KDF, PASSWORDS, login
from ui.app import MainWindow
from ui.dbworker import Op, Opener
from ui.records_model import PAGE, RecordsModel


def fill(station_dir: Path, count: int) -> None:
    with login(station_dir, "off") as s:
        services.record_many(s, [clean_record(**{"child.given_names": f"Name{i:04d}"}) for i in range(count)])
        services.record_crossing(
            s,
            clean_record(
                **{"child.family_name": "Çela", "child.given_names": "Ëndrit", "travel.paid_by": "third_party"}
            ),
        )


def open_in_thread(qtbot: QtBot, station_dir: Path, user: str = "off") -> None:
    from borderapp.store.station import open_session

    with qtbot.waitCallback(timeout=20000) as done:
        Op(None, Opener(lambda: open_session(station_dir, user, PASSWORDS[user], kdf=FAST_KDF))).success(done).run()


def signed_in_window(qtbot: QtBot, station_dir: Path, user: str = "off") -> MainWindow:
    """The main window, shown, after `user` signed in through the login page."""
    window = MainWindow(str(station_dir))
    qtbot.addWidget(window)
    window.show()
    window.login.user.setText(user)
    window.login.password.setText(PASSWORDS[user])
    with qtbot.waitSignal(window.login.signed_in):
        window.login.submit()
    return window


def test_model_pages_through_records_and_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, station_dir: Path
) -> None:
    fill(station_dir, 450)
    open_in_thread(qtbot, station_dir)
    model = RecordsModel()
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE)
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 451)
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    model.set_filter("flagged")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 2)) == "Çela, Ëndrit" and model.data(model.index(0, 6)) == "F06 F09"
    model.set_search("cela endr")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    qtmodeltester.check(model)


def test_login_then_search_and_detail(qtbot: QtBot, station_dir: Path) -> None:
    fill(station_dir, 30)
    window = MainWindow(str(station_dir))
    qtbot.addWidget(window)
    window.show()
    page = window.login
    page.user.setText("off")
    page.password.setText("wrong")
    page.submit()
    qtbot.waitUntil(lambda: "Wrong password for 'off'. 4 attempt(s) left" in page.message.text())
    page.password.setText(PASSWORDS["off"])
    with qtbot.waitSignal(page.signed_in):
        page.submit()
    assert window.pages.currentWidget() is window.tabs and window.tabs.currentWidget() is window.entry
    window.tabs.setCurrentWidget(window.records)
    assert "Ilir Officer (Officer) at Kakavijë test" in window.statusBar().currentMessage()
    view = window.records
    qtbot.waitUntil(lambda: view.model.rowCount() == 31)
    view.search.setText("cela")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "History" in view.detail.toPlainText())
    text = view.detail.toPlainText()
    assert "Çela, Ëndrit" in text and "F09" in text and "F06" in text and "by Ilir Officer (Officer)" in text


def test_lockout_shows_the_wait_left(qtbot: QtBot, station_dir: Path) -> None:
    slots = KeySlots(station_dir / "station.keys")
    for _ in range(4):
        with contextlib.suppress(WrongPassword):  # four wrong passwords, typed elsewhere
            slots.unlock("off", "nope")
    window = MainWindow(str(station_dir))
    qtbot.addWidget(window)
    page = window.login
    page.user.setText("off")
    page.password.setText("nope")
    page.submit()
    qtbot.waitUntil(lambda: "Too many wrong passwords. Try again in 30 s." in page.message.text())
    assert not page.button.isEnabled()
    qtbot.waitUntil(lambda: "Try again in 29 s." in page.message.text(), timeout=2500)


def test_sync_state_in_the_table_and_the_status_bar_and_closing_with_unsent(qtbot: QtBot, station_dir: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from borderapp.store import syncstate

    fill(station_dir, 3)
    with login(station_dir, "off") as s, s.writing() as conn:  # the server acknowledged the first two events
        syncstate.store_receipts(
            conn,
            [{"seq": n, "server_id": n, "received_at": "2026-11-28T10:00:00Z", "status": "stored"} for n in (1, 2)],
            acked=2,
        )
        syncstate.put(conn, {"sent_seq": "3"})  # the third went out; its answer never came back
    window = signed_in_window(qtbot, station_dir)
    model = window.records.model
    window.tabs.setCurrentWidget(window.records)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    column = RecordsModel.COLUMNS.index("sync")
    assert sorted(model.data(model.index(row, column)) for row in range(4)) == [
        "Not sent",
        "Received",
        "Received",
        "Sent, no receipt yet",
    ]
    received = next(r for r in range(4) if model.summary(r).last_seq == 1)
    window.records.table.selectRow(received)
    qtbot.waitUntil(lambda: "receipt 1," in window.records.detail.toPlainText())
    assert "Central server: Received · receipt 1, 28/11/2026" in window.records.detail.toPlainText()
    qtbot.waitUntil(lambda: "2 not sent" in window.sync_label.text())  # sent without a receipt is not yet there
    assert window.sync_label.text().startswith("Not enrolled with a central server")
    window.close()  # two events are not at the server yet: ask first, keep the window
    box = window.findChild(QMessageBox, "close_with_unsent")
    assert box is not None and box.isVisible() and window.isVisible()
    assert "2 record event(s) are not yet at the central server" in box.text()
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_enrolled_station_syncs_in_the_background_after_login(qtbot: QtBot, station_dir: Path, tmp_path: Path) -> None:
    from sync.client import StationSync
    from tests.sync.live import live_server

    fill(station_dir, 4)
    with live_server(tmp_path / "central") as live:
        with login(station_dir, "sup") as s:
            StationSync(s).enrol(live.code())
        window = signed_in_window(qtbot, station_dir)
        qtbot.waitUntil(lambda: len(live.storage.search("hoxha")) == 4, timeout=10_000)
        qtbot.waitUntil(lambda: window.sync_label.text().startswith("Online · 0 not sent"), timeout=10_000)
        model, column = window.records.model, RecordsModel.COLUMNS.index("sync")
        qtbot.waitUntil(
            lambda: (
                model.rowCount() == 5 and all(model.data(model.index(row, column)) == "Received" for row in range(5))
            ),
            timeout=10_000,
        )
        window.close()  # nothing unsent: closes at once, and stops the worker
        assert not window.isVisible()
