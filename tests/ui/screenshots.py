"""Screenshots of every screen at 1366x768, in English and Albanian, into docs/screenshots/ (not a test):

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/ui/screenshots.py

Each screen is reached the way a user reaches it (typing, scanning, clicking) on a throwaway demo station.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from typing import Any  # noqa: E402

from PySide6.QtCore import QCoreApplication, QSize, Qt  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QWidget  # noqa: E402

from borderapp import services  # noqa: E402
from borderapp.demo import mrz_td3, sample_records  # noqa: E402
from borderapp.events import uuid7  # noqa: E402
from borderapp.store.station import User, create_station, open_session  # noqa: E402
from sync.client import StationSync  # noqa: E402
from tests.sync.live import live_server  # noqa: E402
from tests.sync.test_patterns import with_adult  # noqa: E402
from ui import dbworker, i18n, papers  # noqa: E402
from ui.app import MainWindow, make_demo_station  # noqa: E402
from ui.console import ConsoleWindow  # noqa: E402
from ui.dbworker import Op  # noqa: E402
from ui.record_dialogs import CorrectionDialog, VoidDialog  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
CHILD = mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", date(2016, 3, 4), "F", date(2030, 1, 1))


def settle(seconds: float = 0.4, until: Callable[[], bool] | None = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end or (until is not None and not until() and time.monotonic() < end + 20):
        QCoreApplication.processEvents()
        time.sleep(0.01)


def shoot(name: str, widget: QWidget | None = None) -> None:
    settle(0.3)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    image = widget.grab() if widget is not None else app.primaryScreen().grabWindow(0)
    image.save(str(OUT / f"{name}.png"))
    print("saved", name)


def sign_in(window: MainWindow, user: str, password: str) -> None:
    window.login.user.setText(user)
    window.login.password.setText(password)
    window.login.submit()
    settle(0.5, until=lambda: window.pages.currentWidget() is window.tabs)


def scan(widget: QWidget, lines: list[str]) -> None:
    for line in lines:
        QTest.keyClicks(widget, line)
        QTest.keyClick(widget, Qt.Key.Key_Return)


def interview_steps(window: MainWindow, users: dict[str, str], p: str) -> None:
    """The child just recorded (flag F04) taken through the interview by the female officer signed in."""
    page = window.interviews
    window.tabs.setCurrentWidget(page)
    page.load()
    settle(0.8, until=lambda: page.queue.table.rowCount() > 0)
    rows = [r for r in range(page.queue.table.rowCount()) if "Hoxha, Ana" in page.queue.table.item(r, 1).text()]
    page.queue.table.selectRow(rows[0])
    shoot(p + "interview-queue", window)
    page.open_selected()
    settle(0.8, until=lambda: page.form.view is not None)
    form = page.form
    form.officer.username.setText("demo-officer")
    form.officer.password.setText(users["demo-officer"])
    form.officer.confirm.click()
    settle(0.8, until=lambda: "✓" in form.officer.state.text())
    form.call_reason.setText("on stand-by at home" if p.startswith("en") else "në gatishmëri në shtëpi")
    form.call_button.click()
    settle(0.8)
    shoot(p + "interview-social-worker-missing", window)
    form.social.username.setText("demo-social")
    form.social.password.setText(users["demo-social"])
    form.social.confirm.click()
    settle(0.8, until=lambda: "✓" in form.social.state.text())
    for key, (answer, reason, _, _) in form.items.items():
        answer.setCurrentIndex(answer.findData("na" if key == "interpreter" else "yes"))
        if key == "interpreter":
            reason.setText("the child speaks Albanian" if p.startswith("en") else "fëmija flet shqip")
    form.child_views.setPlainText("wants to call her mother" if p.startswith("en") else "do të telefonojë nënën")
    form.language.setText("Albanian" if p.startswith("en") else "shqip")
    form.guardian.setCurrentIndex(form.guardian.findData("requested"))
    form.decision.setCurrentIndex(form.decision.findData("potential_victim"))
    form.referral["responsible_authority"].setChecked(True)
    form.referral["child_protection_unit"].setChecked(True)
    settle(0.3)
    shoot(p + "interview-checklist", window)
    form.sign_officer.setText(users["demo-officer"])
    form.sign_social.setText(users["demo-social"])
    form.sign()
    settle(1.0, until=lambda: form.view is not None and form.view.signed)
    shoot(p + "interview-signed", window)
    view = form.view
    assert view is not None
    with tempfile.TemporaryDirectory() as tmp:
        from borderapp import interview as iv

        result: list[object] = []
        Op(None, lambda s: (iv.case_reference(s, form.interview_id), s.station)).success(result.append).run()
        settle(0.3, until=lambda: bool(result))
        case, station = result[0]  # type: ignore[misc]
        slip = papers.referral_slip(Path(tmp) / "slip.pdf", view, case, station)
        rights = papers.rights_sheet(Path(tmp) / "rights.pdf", p[:2])
        for name, pdf in (("referral-slip", slip), ("rights-sheet", rights)):
            document = QPdfDocument()
            document.load(str(pdf))
            document.render(0, QSize(827, 1169)).save(str(OUT / f"{p}{name}.png"))
            document.close()
            print("saved", p + name)
    form.back.click()
    settle(0.3)


def console_steps(server: Any, p: str) -> None:
    """A second station with the planted pattern, then the console over both."""
    second = Path(tempfile.mkdtemp()) / "station"
    sup = User(id=uuid7(), username="sup2", full_name="Arta Hoxha", role="supervisor")
    create_station(second, bcp="KAP", station_name="Kapshticë", supervisor=sup, password="second-pw-1").close()
    with open_session(second, "sup2", "second-pw-1") as st:
        StationSync(st).enrol(server.code("KAP"))
        services.record_many(st, sample_records(120, "KAP", seed=5))
        services.record_crossing(st, with_adult("Elira", "BA1000003", "family_friend", 1, bcp="KAP"))
        StationSync(st).sync_once()
    console = ConsoleWindow(server.url)
    console.show()
    shoot(p + "console-login", console)
    console.login.user.setText("admin")
    console.login.password.setText("admin-password-1")
    console.sign_in()
    settle(1.0, until=lambda: console.certificate_box is not None and console.certificate_box.isVisible())
    shoot(p + "console-certificate")  # the dialog is a window of its own: the whole screen
    box = console.certificate_box
    assert box is not None
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    settle(1.5, until=lambda: console.stations.table.rowCount() == 2)
    console.stations.table.selectRow(0)
    shoot(p + "console-stations", console)
    console.tabs.setCurrentWidget(console.enrolments)
    console.enrolments.bcp.setCurrentIndex(console.enrolments.bcp.findData("MOR"))
    console.enrolments.make_code()
    settle(1.5, until=lambda: console.enrolments.code.text() != "")
    shoot(p + "console-enrolment", console)
    console.tabs.setCurrentWidget(console.report)
    console.report.ask()
    settle(1.5, until=lambda: console.report.table.rowCount() > 0)
    shoot(p + "console-report", console)
    console.tabs.setCurrentWidget(console.patterns)
    console.patterns.load()
    settle(1.5, until=lambda: console.patterns.table.rowCount() > 0)
    console.patterns.records.selectRow(0)
    settle(1.0)
    shoot(p + "console-patterns", console)
    console.tabs.setCurrentWidget(console.audit)
    settle(1.5, until=lambda: console.audit.reads.rowCount() > 0)
    shoot(p + "console-audit", console)
    console.close()


def language(lang: str) -> None:
    i18n.install(lang)
    p = f"{lang}-"
    first_run = MainWindow(str(Path(tempfile.mkdtemp()) / "station"))
    first_run.show()
    shoot(p + "first-run", first_run)
    assert first_run.setup is not None
    first_run.setup.username.setText("drita hoxha")
    first_run.setup.submit()
    settle(0.5)
    shoot(p + "first-run-problems", first_run)
    first_run.hide()

    store, users = make_demo_station(300)
    window = MainWindow(str(store), users)
    window.show()
    window.activateWindow()
    shoot(p + "login-demo", window)
    sign_in(window, "demo-officer", users["demo-officer"])
    settle(0.5, until=lambda: window.entry.ready)
    shoot(p + "entry-empty", window)
    form = window.entry
    scan(form.mrz, CHILD)
    settle(0.6)
    accompaniment = form.fields.widgets["accompaniment"]
    assert isinstance(accompaniment, QComboBox)
    accompaniment.setCurrentIndex(accompaniment.findData("one_parent"))
    settle(0.3)
    adult = form.adults[0]
    scan(adult.mrz, mrz_td3("Hoxha", "Arben", "BA7654321", "ALB", date(1985, 5, 6), "M", date(2031, 1, 1)))
    relationship = adult.fields.widgets["relationship"]
    assert isinstance(relationship, QComboBox)
    relationship.setCurrentIndex(relationship.findData("father"))
    settle(0.6)
    shoot(p + "entry-scanned-flags", window)
    form.save()
    settle(0.6)
    shoot(p + "entry-saved", window)
    bad = [CHILD[0], CHILD[1].replace("BA12345675", "BA12345685")]
    scan(form.mrz, bad)
    settle(0.2)
    form.save()
    settle(0.5)
    shoot(p + "entry-problems", window)
    form.clear()
    interview_steps(window, users, p)

    window.lock(idle=True)
    shoot(p + "locked", window)
    sign_in(window, "demo-sup", users["demo-sup"])
    window.tabs.setCurrentWidget(window.records)
    settle(0.8, until=lambda: window.records.model.rowCount() > 0)
    shoot(p + "records", window)
    window.records.table.selectRow(1)
    settle(0.8, until=lambda: window.records.current is not None)
    shoot(p + "records-detail", window)
    window.records.open_correction()
    settle(0.6)
    dialog = window.records.findChild(CorrectionDialog)
    assert dialog is not None
    given = dialog.form.fields.widgets["given_names"]
    assert isinstance(given, QLineEdit)
    given.setText(given.text() + "a")
    dialog.reason.setText("name misspelt at the booth" if lang == "en" else "emri u shkrua gabim në kabinë")
    shoot(p + "correction")
    dialog.form.save()
    settle(1.0, until=lambda: window.records.current is not None and len(window.records.current.history) > 1)
    shoot(p + "records-corrected", window)
    window.records.open_void()
    settle(0.5)
    void = window.records.findChild(VoidDialog)
    assert void is not None
    shoot(p + "void")
    void.reject()
    window.records.search.setText("cela")
    settle(1.0)
    shoot(p + "records-search", window)
    window.tabs.setCurrentWidget(window.users)
    settle(0.5)
    window.users.table.selectRow(0)
    shoot(p + "users", window)
    window.tabs.setCurrentWidget(window.settings)
    shoot(p + "settings", window)
    window.close()  # the demo's records are unsent: the app asks first
    settle(0.6)
    shoot(p + "close-with-unsent")
    box = window.findChild(QMessageBox, "close_with_unsent")
    assert box is not None
    box.reject()  # Cancel: stay
    settle(0.3)
    with live_server(Path(tempfile.mkdtemp()) / "central") as server:
        page = window.sync_page
        window.tabs.setCurrentWidget(page)
        page.load()
        settle(0.5)
        page.code.setText(server.code())
        page.check()
        settle(1.0, until=page.enrol_button.isEnabled)
        shoot(p + "enrol", window)
        page.enrol()
        settle(1.0, until=lambda: "0 " in window.sync_label.text().split("·")[1])
        page.load()
        settle(0.5)
        shoot(p + "sync-panel", window)
        Op(None, lambda s: services.record_crossing(s, with_adult("Ana", "BA1000001", "family_friend", 2))).run()
        window.sync_now()
        settle(1.5)
        console_steps(server, p)
        window.close()
        settle(0.3)
    first_run.close()
    settle(0.3)
    dbworker.shutdown()


def main() -> None:
    import os

    # The console's confirmed certificates go to a throwaway file, not the user's (sync/admin.py Pins).
    os.environ["BORDERAPP_CONSOLE_PINS"] = str(Path(tempfile.mkdtemp()) / "pins.json")
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    for lang in sys.argv[1:] or ["en", "sq"]:
        language(lang)
    i18n.install("en")


if __name__ == "__main__":
    main()
