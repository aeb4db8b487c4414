"""The interview in the app, offscreen, on a real station: from the queue through presence, a missing social
worker, a lock and a restart in the middle, a wrong password at sign-off, both signatures, to the referral
slip written as a PDF; and what the booth sees of it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog
from pytestqt.qtbot import QtBot

from borderapp import interview as iv
from tests.interviews import FAT_PW
from tests.stations import PASSWORDS, login
from tests.ui.test_records_view import signed_in_window
from ui.app import MainWindow
from ui.interview_form import InterviewForm


def sign_in(qtbot: QtBot, window: MainWindow, user: str, password: str) -> None:
    window.login.user.setText(user)
    window.login.password.setText(password)
    with qtbot.waitSignal(window.login.signed_in):
        window.login.submit()


def open_first(qtbot: QtBot, window: MainWindow) -> InterviewForm:
    page = window.interviews
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.queue.table.rowCount() == 1)
    page.open_selected()
    qtbot.waitUntil(lambda: page.form.view is not None)
    return page.form


def fill(form: InterviewForm) -> None:
    for key, (answer, reason, _, _) in form.items.items():
        answer.setCurrentIndex(answer.findData("na" if key == "interpreter" else "yes"))
        if key == "interpreter":
            reason.setText("the child speaks Albanian")
    form.language.setText("Albanian")
    form.guardian.setCurrentIndex(form.guardian.findData("requested"))
    form.decision.setCurrentIndex(form.decision.findData("potential_victim"))
    form.referral["responsible_authority"].setChecked(True)
    form.referral["child_protection_unit"].setChecked(True)


def test_the_whole_interview_in_the_app(qtbot: QtBot, station_dir: Path, flagged: str, tmp_path: Path) -> None:
    window = MainWindow(str(station_dir))
    qtbot.addWidget(window)
    window.show()
    sign_in(qtbot, window, "fat", FAT_PW)
    assert window.tabs.tabText(2) == "&Interviews"
    form = open_first(qtbot, window)
    assert "Hoxha, Ana" in form.header.text() and "F01" in form.header.text()
    form.officer.username.setText("fat")
    form.officer.password.setText(FAT_PW)
    form.officer.confirm.click()
    qtbot.waitUntil(lambda: "✓ Mira Oficere (AT-3)" in form.officer.state.text())
    assert form.presence_message.text().startswith("Missing: the social worker.")
    form.call_reason.setText("on stand-by, 40 km away")
    form.call_button.click()
    qtbot.waitUntil(lambda: "on stand-by, 40 km away" in form.presence_message.text())
    fill(form)
    form.child_views.setPlainText("wants to call her mother")
    # A lock in the middle: what was typed is saved, nothing stays on screen, and it is back after unlocking.
    window.lock(idle=False)
    assert form.view is None and window.interviews.queue.table.rowCount() == 0
    sign_in(qtbot, window, "fat", FAT_PW)
    form = open_first(qtbot, window)
    qtbot.waitUntil(lambda: form.child_views.toPlainText() == "wants to call her mother")
    assert form.decision.currentData() == "potential_victim"
    # A restart in the middle: the same.
    window._close_confirmed = True
    window.close()
    again = MainWindow(str(station_dir))
    qtbot.addWidget(again)
    again.show()
    sign_in(qtbot, again, "fat", FAT_PW)
    form = open_first(qtbot, again)
    qtbot.waitUntil(lambda: form.child_views.toPlainText() == "wants to call her mother")
    form.sign_officer.setText(FAT_PW)
    form.sign_social.setText(PASSWORDS["sw"])
    form.sign()  # the social worker is not here yet
    qtbot.waitUntil(lambda: "has not confirmed presence" in form.message.text())
    form.social.username.setText("sw")
    form.social.password.setText(PASSWORDS["sw"])
    form.social.organisation.setText("CPU Gjirokastër")
    form.social.confirm.click()
    qtbot.waitUntil(lambda: "✓ Vera Social (CPU Gjirokastër)" in form.social.state.text())
    assert form.presence_message.text().startswith("Social worker called at")
    form.sign_officer.setText(FAT_PW)
    form.sign_social.setText("not her password")
    form.sign()
    qtbot.waitUntil(lambda: "wrong" in form.message.text().lower())
    assert form.view is not None and not form.view.signed
    form.sign_officer.setText(FAT_PW)
    form.sign_social.setText(PASSWORDS["sw"])
    form.sign()
    qtbot.waitUntil(lambda: form.view is not None and form.view.signed)
    assert not form.decision.isEnabled() and form.child_views.isReadOnly() and form.slip_button.isEnabled()
    # The referral slip, through the save dialog.
    form._slip()
    dialog = qtbot.waitUntil(lambda: form.findChild(QFileDialog, "save_pdf") is not None) or form.findChild(
        QFileDialog, "save_pdf"
    )
    assert dialog is not None and dialog.selectedFiles()[0].endswith(".pdf")
    assert "Hoxha" not in dialog.selectedFiles()[0]  # the file name carries only the case reference
    target = tmp_path / "slip.pdf"
    dialog.fileSelected.emit(str(target))
    dialog.reject()
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    again._close_confirmed = True


def test_the_booth_sees_the_status_only(qtbot: QtBot, station_dir: Path, flagged: str) -> None:
    with login(station_dir, "fat", FAT_PW) as s:
        interview_id = iv.open_interview(s, flagged)
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.save_content(s, interview_id, iv.Content(child_views="private words"))
    window = signed_in_window(qtbot, station_dir, "off")
    form = open_first(qtbot, window)
    assert form.hidden_note.isVisible() and not form.content_box.isVisible()
    assert "private words" not in form.child_views.toPlainText()
    assert "✓ Mira Oficere" in form.officer.state.text()


def test_a_social_worker_sees_the_queue_and_the_content(qtbot: QtBot, station_dir: Path, flagged: str) -> None:
    window = signed_in_window(qtbot, station_dir, "sw")
    form = open_first(qtbot, window)
    assert form.content_box.isVisible()
    answer = form.items["separated"][0]
    assert isinstance(answer, QComboBox) and answer.isEnabled()


def test_a_signed_interview_is_corrected_with_a_reason(qtbot: QtBot, station_dir: Path, flagged: str) -> None:
    from tests.interviews import complete_content, referral_now

    with login(station_dir, "fat", FAT_PW) as s:
        interview_id = iv.open_interview(s, flagged)
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.record_presence(s, interview_id, "social_worker", "sw", PASSWORDS["sw"])
        iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                iv.Signature("fat", FAT_PW), iv.Signature("sw", PASSWORDS["sw"]))  # fmt: skip
    window = signed_in_window(qtbot, station_dir, "sup")
    page = window.interviews
    window.tabs.setCurrentWidget(page)
    page.open_interview(interview_id)
    form = page.form
    qtbot.waitUntil(lambda: form.view is not None and form.view.signed)
    assert form.correction_box.isVisible() and form.child_views.isReadOnly()
    form.correct_button.click()
    assert not form.child_views.isReadOnly()
    form.notes.setText("the mother called back")
    form.correction_reason.setText("ok")
    form.save_correction.click()
    qtbot.waitUntil(lambda: "at least 5 characters" in form.message.text())
    form.correction_reason.setText("the mother called back after signing")
    form.save_correction.click()
    qtbot.waitUntil(lambda: form.message.text().startswith("Correction saved"))
    qtbot.waitUntil(lambda: form.notes.text() == "the mother called back" and form.notes.isReadOnly())
    with login(station_dir, "sup") as s:
        types = [e.type for e in iv.show(s, interview_id).history]
    assert types[-2:] == ["interview.signed", "interview.corrected"]


def test_the_supervisor_gives_an_arriving_social_worker_a_temporary_account(
    qtbot: QtBot, station_dir: Path, flagged: str
) -> None:
    from ui.interview_presence import TemporaryAccountDialog

    window = signed_in_window(qtbot, station_dir, "sup")
    form = open_first(qtbot, window)
    assert form.temporary_button.isVisible()
    form.temporary_button.click()
    dialog = form.findChild(TemporaryAccountDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText("lule")
    dialog.full_name.setText("Lule Sociale")
    dialog.organisation.setText("CPU Gjirokastër")
    dialog.password.setText("lule-password")
    dialog.repeat.setText("lule-password")
    dialog.hours.setText("0")
    dialog.submit()
    qtbot.waitUntil(lambda: "between 1 and 72 hours" in dialog.message.text())
    dialog.hours.setText("8")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert form.social.username.text() == "lule"
    form.social.password.setText("lule-password")
    form.social.confirm.click()
    qtbot.waitUntil(lambda: "✓ Lule Sociale (CPU Gjirokastër)" in form.social.state.text())
    with login(station_dir, "sup") as s:
        lule = s.find_user("lule")
    assert lule is not None and lule.role == "social_worker" and lule.expires_at is not None
