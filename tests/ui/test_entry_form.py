"""The booth's crossing form over a real encrypted station, offscreen: scan to save by keyboard, live flags,
a bad MRZ, the idle lock, and the draft kept across a lock and a restart."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from borderapp import services
from borderapp.demo import mrz_td3
from tests.stations import PASSWORDS, login
from tests.ui.test_records_view import signed_in_window
from ui.app import MainWindow
from ui.entry_form import EntryForm

CHILD = mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", date(2016, 3, 4), "F", date(2030, 1, 1))
FATHER = mrz_td3("Hoxha", "Arben", "BA7654321", "ALB", date(1985, 5, 6), "M", date(2031, 1, 1))


def ready(qtbot: QtBot, user: str, station_dir: Path) -> MainWindow:
    window = signed_in_window(qtbot, station_dir, user)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.entry.mrz.hasFocus())
    return window


def scan(qtbot: QtBot, widget: object, lines: list[str]) -> None:
    """As a document reader does it: the characters, then Enter after each line."""
    for line in lines:
        qtbot.keyClicks(widget, line)
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def field(form: EntryForm, key: str) -> object:
    return form.fields.widgets[key]


def stored(station_dir: Path) -> list[services.RecordView]:
    with login(station_dir, "sup") as s:
        rows, _ = services.list_crossings(s)
        return [services.show(s, r.record_id) for r in rows]


def test_scan_to_saved_record_by_keyboard_alone(qtbot: QtBot, station_dir: Path) -> None:
    window = ready(qtbot, "off", station_dir)
    form = window.entry
    scan(qtbot, form.mrz, CHILD)
    family = field(form, "family_name")
    assert isinstance(family, QLineEdit)
    assert family.text() == "Hoxha" and "All check digits are correct" in form.mrz_result.text()
    # The reader's Enter after the last line adds no empty line and moves on to who the child travels with.
    assert form.mrz.toPlainText() == "\n".join(CHILD)
    accompaniment = field(form, "accompaniment")
    assert accompaniment.hasFocus()
    qtbot.keyClicks(accompaniment, "Al")  # keyboard search in the list: "Alone"
    assert isinstance(accompaniment, QComboBox) and accompaniment.currentData() == "alone"
    qtbot.waitUntil(lambda: "F01" in form.flags.text())  # under 16 and alone, shown before saving
    with qtbot.waitSignal(form.saved, timeout=10000) as saved:
        qtbot.keyClick(accompaniment, Qt.Key.Key_Return)
    event = saved.args[0]
    # The form is clear and ready for the next child; a line names the record.
    assert family.text() == "" and form.mrz.toPlainText() == "" and form.mrz.hasFocus()
    assert form.confirmation.isVisible()
    assert form.confirmation.text().startswith("Saved: HOXHA Ana, exit at ")
    assert event.record_id[-8:] in form.confirmation.text() and "F01" in form.confirmation.text()
    [view] = stored(station_dir)
    assert view.record.child.birth_date == date(2016, 3, 4)
    assert view.record.document.mrz_lines == CHILD and all(view.record.document.mrz_checks.values())
    assert view.history[0].actor.name == "Ilir Officer"
    assert [f.code for f in view.flags][:1] == ["F01"]
    # The records view shows it without being asked.
    qtbot.waitUntil(lambda: window.records.model.rowCount() == 1)


def test_flags_appear_and_disappear_as_the_form_changes(qtbot: QtBot, station_dir: Path) -> None:
    window = ready(qtbot, "off", station_dir)
    form = window.entry
    scan(qtbot, form.mrz, CHILD)
    accompaniment = field(form, "accompaniment")
    assert isinstance(accompaniment, QComboBox)
    accompaniment.setCurrentIndex(accompaniment.findData("alone"))
    qtbot.waitUntil(lambda: "F01" in form.flags.text() and "F10" in form.flags.text())
    # With her father, the mother's notarised consent, and a return date and a host: no flag.
    accompaniment.setCurrentIndex(accompaniment.findData("one_parent"))
    [adult] = form.adults
    scan(qtbot, adult.mrz, FATHER)
    assert field(form, "consent").hasFocus()  # after the last adult's scan: the consent document
    assert adult.fields.widgets["given_names"].text() == "Arben"  # type: ignore[attr-defined]
    relationship = adult.fields.widgets["relationship"]
    assert isinstance(relationship, QComboBox)
    relationship.setCurrentIndex(relationship.findData("father"))
    qtbot.waitUntil(lambda: "F04" in form.flags.text() and "F01" not in form.flags.text())
    consent = field(form, "consent")
    assert isinstance(consent, QComboBox)
    consent.setCurrentIndex(consent.findData("other_parent_notarised"))
    back = date.today() + timedelta(days=14)  # before the passport's expiry (2030) less 3 months: no F12
    field(form, "planned_return").setText(back.strftime("%d.%m.%Y"))  # type: ignore[attr-defined]
    field(form, "host").setText("Hotel Aktí")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "No risk flags" in form.flags.text())


def test_a_wrong_check_digit_is_shown_and_flagged_and_an_unreadable_scan_is_not_saved(
    qtbot: QtBot, station_dir: Path
) -> None:
    window = ready(qtbot, "off", station_dir)
    form = window.entry
    bad = [CHILD[0], CHILD[1].replace("BA12345675", "BA12345685")]  # one digit misread
    scan(qtbot, form.mrz, bad)
    assert "✗ document number" in form.mrz_result.text() and "A check digit is wrong" in form.mrz_result.text()
    accompaniment = field(form, "accompaniment")
    assert isinstance(accompaniment, QComboBox)
    accompaniment.setCurrentIndex(accompaniment.findData("alone"))
    qtbot.waitUntil(lambda: "F11" in form.flags.text())
    form.clear()
    qtbot.keyClicks(form.mrz, "P<ALBHOXHA<<ANA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<")
    qtbot.keyClick(form.mrz, Qt.Key.Key_Return)
    qtbot.keyClicks(form.mrz, "BA1234567")
    form.save()
    error = form.fields.errors["mrz"]
    assert error.isVisible() and "The MRZ has 2 line(s)" in error.text()
    assert "thing(s) to fix before saving; each is shown under its field" in form.problems.text()
    shown = {key for key, label in form.fields.errors.items() if label.isVisible()}
    assert {"mrz", "family_name", "birth_date", "sex", "nationality", "accompaniment"} <= shown
    assert form.fields.widgets["mrz"].hasFocus()
    qtbot.wait(300)
    assert stored(station_dir) == []


def test_idle_lock_keeps_the_form_as_a_draft_for_the_same_user(qtbot: QtBot, station_dir: Path) -> None:
    window = ready(qtbot, "off", station_dir)
    form = window.entry
    scan(qtbot, form.mrz, CHILD)
    window._idle.setInterval(300)  # the station setting is in minutes; the test cannot wait that long
    window._idle.start()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.login, timeout=5000)
    assert window.login.lock_note.isVisible()
    assert window.login.lock_note.text().startswith("Locked after 5 minutes without use. Ilir Officer (off) can unlock")
    assert field(form, "family_name").text() == ""  # type: ignore[attr-defined]  # nothing left on screen
    assert window.login.user.text() == "off"
    # Another user signs in: a fresh form, no draft of someone else's.
    window.login.user.setText("sup")
    window.login.password.setText(PASSWORDS["sup"])
    with qtbot.waitSignal(window.login.signed_in):
        window.login.submit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.tabs)
    qtbot.wait(200)
    assert not form.draft_banner.isVisible() and field(form, "family_name").text() == ""  # type: ignore[attr-defined]
    window.lock(idle=False)
    assert window.login.lock_note.text().startswith("Locked by Drita Supervisor (sup).")
    window.login.user.setText("off")
    window.login.password.setText(PASSWORDS["off"])
    with qtbot.waitSignal(window.login.signed_in):
        window.login.submit()
    qtbot.waitUntil(lambda: field(form, "family_name").text() == "Hoxha")  # type: ignore[attr-defined]
    assert form.draft_banner.isVisible() and "unfinished form" in form.draft_banner.text()
    assert "All check digits are correct" in form.mrz_result.text()


def test_a_draft_survives_a_restart_and_a_wrong_password_opens_nothing(qtbot: QtBot, station_dir: Path) -> None:
    window = ready(qtbot, "off", station_dir)
    form = window.entry
    scan(qtbot, form.mrz, CHILD)
    field(form, "notes").setText("father waiting outside")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _draft_notes(station_dir) == "father waiting outside", timeout=5000)
    window.close()  # as after a crash, the draft is what is left
    again = MainWindow(str(station_dir))
    qtbot.addWidget(again)
    again.show()
    again.login.user.setText("off")
    again.login.password.setText("not-the-password")
    again.login.submit()
    qtbot.waitUntil(lambda: "wrong" in again.login.message.text().lower())
    assert again.pages.currentWidget() is again.login
    again.login.password.setText(PASSWORDS["off"])
    with qtbot.waitSignal(again.login.signed_in):
        again.login.submit()
    qtbot.waitUntil(lambda: again.entry.fields.widgets["notes"].text() == "father waiting outside")  # type: ignore[attr-defined]
    assert again.entry.fields.widgets["family_name"].text() == "Hoxha"  # type: ignore[attr-defined]
    # Ctrl+N starts again, and the draft goes with it.
    again.entry.clear()
    qtbot.waitUntil(lambda: _draft_notes(station_dir) is None)


def _draft_notes(station_dir: Path) -> object:
    with login(station_dir, "off") as s:
        draft = services.load_draft(s)
    return None if draft is None else draft.data.get("notes")


def test_a_social_worker_gets_no_crossing_form(qtbot: QtBot, station_dir: Path) -> None:
    window = signed_in_window(qtbot, station_dir, "sw")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["&Interviews"]


def test_a_reader_without_a_final_enter_still_moves_on_once_it_stops(qtbot: QtBot, station_dir: Path) -> None:
    window = ready(qtbot, "off", station_dir)
    form = window.entry
    qtbot.keyClicks(form.mrz, CHILD[0])
    qtbot.keyClick(form.mrz, Qt.Key.Key_Return)
    qtbot.keyClicks(form.mrz, CHILD[1])
    assert form.mrz.hasFocus()  # not while the reader might still be typing
    qtbot.waitUntil(field(form, "accompaniment").hasFocus, timeout=2000)
