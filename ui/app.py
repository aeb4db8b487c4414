"""The desktop app: no station yet -> how to make one; login; then the work area in tabs, by role: the
crossing form (officers, supervisor), the records, and the supervisor's screens. An idle lock (station
setting, 5 minutes by default) keeps the unfinished form as an encrypted draft, closes the store and shows the
login page again, where the same user unlocks or another signs in. See docs/UI.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QTabWidget

from borderapp import reference, services
from borderapp.store.station import DB_NAME
from ui import dbworker, domain_text, i18n
from ui.dbworker import Op
from ui.entry_form import EntryForm
from ui.interviews_page import InterviewsPage
from ui.login import LoginPage
from ui.messages import bridge
from ui.records_view import RecordsView
from ui.report_view import ReportView
from ui.settings_page import SettingsPage
from ui.setup_page import SetupPage
from ui.sync_page import SyncPage
from ui.users_page import UsersPage, role_text
from ui.widgets import ERROR_STYLE


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _age(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = int(seconds // 60)
    if minutes < 1:
        return _t("under a minute")
    if minutes < 60:
        return _t("{0} min").format(minutes)
    hours = minutes // 60
    return _t("{0} h").format(hours) if hours < 48 else _t("{0} days").format(hours // 24)


class MainWindow(QMainWindow):
    """Signals: sync_state(WorkerState), from the sync worker's thread, shown on the GUI thread."""

    sync_state = Signal(object)

    def __init__(self, store_dir: str, demo_users: dict[str, str] | None = None) -> None:
        super().__init__()
        self._overview: Any = None
        self._online: bool | None = None
        self._alarm = False  # the sync worker met a certificate that is not the pinned one
        self._worker: Any = None
        self._close_confirmed = False
        self.sync_label = QLabel("")
        self.sync_label.setObjectName("sync_status")
        self.statusBar().addPermanentWidget(self.sync_label)
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(30_000)
        self._sync_timer.timeout.connect(self.refresh_sync)
        self.sync_state.connect(self._worker_state)
        self.store = Path(store_dir)
        self.setWindowTitle("BorderApp")
        self.demo_users = demo_users
        self.console: Any = None
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.user: Any = None
        self.station: Any = None
        self._make_pages()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self.idle_minutes = 5
        self._idle.setInterval(self.idle_minutes * 60_000)
        self._idle.timeout.connect(lambda: self.lock(idle=True))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        lock = QShortcut(QKeySequence("Ctrl+L"), self)
        lock.activated.connect(lambda: self.lock(idle=False))
        # Bound methods, not lambdas: Qt drops the connections when this window is destroyed.
        bridge().error.connect(self._error)
        bridge().bug.connect(self._bug)
        self.resize(1366, 768)

    def _make_pages(self) -> None:
        """Every page, in the current language (built again when the language changes)."""
        self.login = LoginPage(self.store, _t("Station store: {0}").format(self.store), self.demo_users)
        self.login.signed_in.connect(self._signed_in)
        self.login.language_chosen.connect(self.switch_language)
        self.login.console_requested.connect(self.open_console)
        self.setup: SetupPage | None = None
        if not (self.store / DB_NAME).exists():
            self.setup = SetupPage(self.store)  # first run: create the station, then work
            self.setup.signed_in.connect(self._signed_in)
            self.setup.language_chosen.connect(self.switch_language)
            self.setup.console_requested.connect(self.open_console)
            self.pages.addWidget(self.setup)
        self.pages.addWidget(self.login)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("work")
        self.entry = EntryForm()
        self.entry.saved.connect(self._record_saved)
        self.records = RecordsView()
        self.users = UsersPage()
        self.interviews = InterviewsPage()
        self.report = ReportView(_t("Child crossings and interviews at this station"))
        self.report.wanted.connect(self._station_report)
        self.sync_page = SyncPage()
        self.sync_page.sync_now.connect(self.sync_now)
        self.sync_page.enrolled.connect(self._enrolled)
        self.settings = SettingsPage()
        self.settings.saved.connect(self._apply_settings)
        self.settings.language_chosen.connect(self.switch_language)
        self.pages.addWidget(self.tabs)

    def open_console(self) -> None:
        """The central console, for admins in the capital, in its own window of the same app."""
        from ui.console import ConsoleWindow

        if self.console is None:
            self.console = ConsoleWindow()
        self.console.show()
        self.console.raise_()

    def switch_language(self, language: str) -> None:
        """Rebuild every page in the language; a signed-in user stays signed in and keeps the unfinished form."""
        i18n.save_language(self.store, language)
        signed_in = self.user is not None and self.pages.currentWidget() is self.tabs
        typed_user = self.login.user.text()
        if signed_in and services.may(self.user.role, "record"):
            self.entry.flush_draft()  # queued before the new form asks for it
        i18n.install(language)
        old = [page for i in range(self.pages.count()) if (page := self.pages.widget(i)) is not None]
        pages = (self.entry, self.records, self.interviews, self.report, self.users, self.sync_page, self.settings)
        if signed_in:
            self.interviews.flush()
        for page in (*old, *pages):
            self.pages.removeWidget(page)
            page.hide()
            page.deleteLater()
        self._make_pages()
        self.login.user.setText(typed_user)
        if signed_in:
            self._enter(self.user, self.station)
            self.tabs.setCurrentWidget(self.settings)
        elif self.setup is not None:
            self.pages.setCurrentWidget(self.setup)
        self.refresh_sync()

    def _signed_in(self, user: Any, station: Any) -> None:
        i18n.save_language(self.store, i18n.current())
        self._enter(user, station)
        self._sync_timer.start()
        self._enrolled()  # starts the background sync if the station is enrolled

    def _enter(self, user: Any, station: Any) -> None:
        bcp = reference.bcps().get(station.bcp)
        self.statusBar().showMessage(
            _t("{0} ({1}) at {2}, {3}").format(
                user.full_name, role_text(user.role), station.station_name, bcp.name if bcp else station.bcp
            )
        )
        self.user, self.station = user, station
        self._build_tabs(user)
        self.pages.setCurrentWidget(self.tabs)
        if services.may(user.role, "record"):
            self.entry.start(station.bcp)
        else:
            self.records.search.setFocus()
        if services.may(user.role, "read"):
            self.records.set_user(user.role, station.bcp)
            self.records.load()
        self.sync_page.set_user(user.role)
        self.sync_page.load()
        self.interviews.set_user(user.role)
        self.interviews.load()
        if services.may(user.role, "users"):
            self.users.load()
        if services.may(user.role, "settings"):
            self.settings.load()
        Op(self, services.settings).success(self._apply_settings).run()
        self.refresh_sync()

    def _build_tabs(self, user: Any) -> None:
        while self.tabs.count():
            self.tabs.removeTab(0)
        if services.may(user.role, "record"):
            self.tabs.addTab(self.entry, _t("&New crossing"))
        if services.may(user.role, "read"):
            self.tabs.addTab(self.records, _t("&Records"))
        self.tabs.addTab(self.interviews, _t("&Interviews"))
        if services.may(user.role, "export"):
            self.tabs.addTab(self.report, _t("Re&port"))
        if services.may(user.role, "read") or services.may(user.role, "users"):
            self.tabs.addTab(self.sync_page, _t("S&ync"))
        if services.may(user.role, "users"):
            self.tabs.addTab(self.users, _t("&Users"))
        if services.may(user.role, "settings"):
            self.tabs.addTab(self.settings, _t("Se&ttings"))

    def _station_report(self, year: int, quarter: int) -> None:
        Op(self, lambda s: services.station_report(s, year, quarter)).success(
            lambda result: self.report.show_table(year, quarter, result.table())
        ).failure(lambda error: self.report.failed(domain_text.text(str(error)))).run()

    def _apply_settings(self, settings: services.Settings) -> None:
        self.idle_minutes = settings.idle_lock_minutes
        self._idle.setInterval(settings.idle_lock_minutes * 60_000)
        self._idle.start()

    # -- idle lock ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()  # any key or mouse use restarts the countdown
        return False

    def lock(self, idle: bool) -> None:
        """Keep the unfinished form as a draft, close the store, and ask for a password again."""
        if self.pages.currentWidget() is not self.tabs or self.user is None:
            return
        self._idle.stop()
        for dialog in self.findChildren(QDialog):  # a correction or a message left open shows no child's data
            if dialog.isVisible():
                dialog.reject()
        if services.may(self.user.role, "record"):
            self.entry.flush_draft()
            self.entry.forget()
        self.interviews.flush()  # what was typed in an interview is saved before the store closes
        self.interviews.forget()
        dbworker.db_thread().close_session.emit()  # queued after the draft is written
        self.records.model.forget()  # the detail pane clears with it
        self.pages.setCurrentWidget(self.login)
        self.statusBar().clearMessage()  # no name on a locked screen
        self.login.lock(self.user.username, self.user.full_name, self.idle_minutes if idle else None)

    def _record_saved(self, event: Any) -> None:
        self.records.model.reload()
        self.refresh_sync()
        if self._worker is not None:
            self._worker.nudge()  # send it now if the server is reachable

    # -- sync ----------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self._worker is not None:
            self._worker.nudge()
        else:
            self._enrolled()

    def _enrolled(self) -> None:
        Op(self, lambda s: (services.sync_overview(s).enrolled, s.reopen)).success(self._start_worker).run()

    def _start_worker(self, result: Any) -> None:
        enrolled, reopen = result
        if not enrolled or self._worker is not None:
            return
        from sync.worker import SyncWorker

        self._worker = SyncWorker(reopen)
        self._worker.subscribe(self.sync_state.emit)  # queued to the GUI thread
        self._worker.start()

    def _worker_state(self, state: Any) -> None:
        self._online = state.online
        self._alarm = state.alarm
        self.refresh_sync()
        if self.pages.currentWidget() is self.tabs:
            self.sync_page.load()
        if state.last_report is not None and state.last_report.sent:
            self.records.model.reload()  # records just received by the server show it

    def refresh_sync(self) -> None:
        if self.user is None or self.pages.currentWidget() is not self.tabs:
            return  # locked or not signed in: the store is closed
        Op(self, services.sync_overview).success(self._show_sync).run()

    def _show_sync(self, overview: Any) -> None:
        self._overview = overview
        if self._alarm:  # never "offline, will retry": someone may be posing as the central server
            self.sync_label.setText(
                _t(
                    "Security alarm: the server's certificate is not the one enrolled. "
                    "Do not proceed; call the central admins."
                )
            )
            self.sync_label.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
            return
        self.sync_label.setStyleSheet("")
        if not overview.enrolled:
            where = _t("Not enrolled with a central server")
        elif self._online is False:
            where = _t("Offline")
        elif self._online:
            where = _t("Online")
        else:
            where = _t("Central server")
        parts = [where, _t("{0} not sent").format(overview.backlog)]
        if overview.backlog:
            parts[-1] += " " + _t("(oldest {0})").format(_age(overview.oldest_unsent_age_s))
        if overview.last_success:
            parts.append(_t("last sync {0}").format(i18n.utc_text(overview.last_success)))
        self.sync_label.setText(" · ".join(parts))

    def _error(self, text: str) -> None:
        QMessageBox(QMessageBox.Icon.Warning, "BorderApp", domain_text.text(text), parent=self).open()

    def _bug(self, summary: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "BorderApp",
            _t(
                "Something went wrong inside BorderApp. Nothing you recorded was lost. Copy the details below for "
                "the support team."
            )
            + f"\n\n{summary}",
            parent=self,
        )
        box.setDetailedText(details)
        box.open()  # window-modal, never blocks the event loop

    def closeEvent(self, event: Any) -> None:
        unsent = self._overview.backlog if self._overview is not None else 0
        if unsent and not self._close_confirmed:
            event.ignore()
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "BorderApp",
                _t(
                    "{0} record event(s) are not yet at the central server. They stay safe on this workstation "
                    "and are sent the next time BorderApp runs with a connection. Close anyway?"
                ).format(unsent),
                QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("close_with_unsent")
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            close = QMessageBox.StandardButton.Close
            box.buttonClicked.connect(
                lambda button: self._close_anyway() if box.standardButton(button) == close else None
            )
            box.open()
            return
        if self._worker is not None:
            self._worker.stop()
        if self.user is not None and self.pages.currentWidget() is self.tabs:
            if services.may(self.user.role, "record"):
                self.entry.flush_draft()  # queued before the database thread stops
            self.interviews.flush()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        dbworker.shutdown()
        super().closeEvent(event)

    def _close_anyway(self) -> None:
        if not self._close_confirmed:
            self._close_confirmed = True
            self.close()


_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


def make_demo_station(count: int = 300) -> tuple[Path, dict[str, str]]:
    """A throwaway station with one user per role and sample records (borderapp --demo)."""
    from borderapp.demo import create_demo_station

    store = Path(tempfile.mkdtemp(prefix="borderapp-demo-")) / "station"
    return store, create_demo_station(store, count=count)


def run(store_dir: str, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    demo_users = None
    if demo:
        store, demo_users = make_demo_station()
        store_dir = str(store)
    i18n.install(i18n.saved_language(Path(store_dir)))
    window = MainWindow(store_dir, demo_users)
    window.show()
    code = int(app.exec())
    dbworker.shutdown()
    return code
