"""A supervisor corrects and voids a record from the records view, each with a reason; officers cannot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from borderapp import services
from tests.factories import clean_record
from tests.stations import login
from tests.ui.test_records_view import signed_in_window
from ui.record_dialogs import CorrectionDialog, VoidDialog


def one_record(station_dir: Path) -> str:
    with login(station_dir, "off") as s:
        return services.record_crossing(s, clean_record()).record_id


def test_correct_then_void_with_reasons_and_the_history_shows_both(qtbot: QtBot, station_dir: Path) -> None:
    record_id = one_record(station_dir)
    window = signed_in_window(qtbot, station_dir, "sup")
    view = window.records
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.current is not None)
    assert view.correct_button.isVisible() and view.correct_button.isEnabled()
    view.open_correction()
    dialog = view.findChild(CorrectionDialog)
    assert dialog is not None and dialog.isVisible()
    given = dialog.form.fields.widgets["given_names"]
    assert isinstance(given, QLineEdit) and given.text() == "Ana"
    given.setText("Anna")
    dialog.reason.setText("typo")
    dialog.form.save()
    qtbot.waitUntil(lambda: "at least 5 characters" in dialog.message.text())
    dialog.reason.setText("name misspelt at the booth")
    with qtbot.waitSignal(dialog.stored):
        dialog.form.save()
    qtbot.waitUntil(lambda: view.current is not None and len(view.current.history) == 2)
    text = view.detail.toPlainText()
    assert "Corrected on" in text and "Reason: name misspelt at the booth" in text
    assert "child.given_names: Ana → Anna" in text
    view.open_void()
    void = view.findChild(VoidDialog)
    assert void is not None
    void.reason.setText("duplicate of another record")
    with qtbot.waitSignal(void.stored):
        void.ok.click()
    qtbot.waitUntil(lambda: view.current is not None and view.current.summary.status == "voided")
    assert "This record is void." in view.detail.toPlainText() and not view.correct_button.isEnabled()
    with login(station_dir, "sup") as s:
        types = [e.type for e in services.show(s, record_id).history]
    assert types == ["crossing.recorded", "crossing.corrected", "crossing.voided"]


def test_an_unchanged_correction_is_refused_and_officers_see_no_such_buttons(qtbot: QtBot, station_dir: Path) -> None:
    one_record(station_dir)
    window = signed_in_window(qtbot, station_dir, "sup")
    view = window.records
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.current is not None)
    view.open_correction()
    dialog = view.findChild(CorrectionDialog)
    dialog.reason.setText("checking the form")
    dialog.form.save()
    qtbot.waitUntil(lambda: "changes nothing" in dialog.message.text())
    dialog.reject()
    window.close()
    officer = signed_in_window(qtbot, station_dir, "off")
    officer.tabs.setCurrentWidget(officer.records)
    assert not officer.records.correct_button.isVisible() and not officer.records.void_button.isVisible()


def test_a_lock_closes_an_open_correction(qtbot: QtBot, station_dir: Path) -> None:
    one_record(station_dir)
    window = signed_in_window(qtbot, station_dir, "sup")
    view = window.records
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.current is not None)
    view.open_correction()
    dialog = view.findChild(CorrectionDialog)
    assert dialog is not None and dialog.isVisible()
    window.lock(idle=True)
    assert not dialog.isVisible() and window.pages.currentWidget() is window.login
    assert view.detail.toPlainText().startswith("Select a record")
