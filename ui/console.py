"""The central console: an admin signs in to a server URL and sees every station's sync status, makes
enrolment codes (QR on screen, saved as PNG or PDF), revokes devices, reads the quarantine, and produces the
quarterly indicator report. Every call to the server runs off the GUI thread (`ui.net.Call`). This module
holds the sign-in and the window; each tab is a module of its own (`ui/console_*.py`, `ui/report_view.py`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sync.admin import AdminClient
from ui import domain_text
from ui.console_audit import AuditPage
from ui.console_enrolments import EnrolmentsPage
from ui.console_patterns import PatternsPage
from ui.console_quarantine import QuarantinePage
from ui.console_stations import StationsPage
from ui.messages import bridge
from ui.net import Call
from ui.report_view import ReportView
from ui.widgets import ERROR_STYLE


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


def _grouped(fingerprint: str) -> str:
    """A fingerprint in groups of 8 hex digits, for a person to compare."""
    return " ".join(fingerprint[i : i + 8] for i in range(0, len(fingerprint), 8))


class ConsoleLogin(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = QLineEdit("https://127.0.0.1:8443")
        self.url.setObjectName("server_url")
        self.user = QLineEdit()
        self.user.setObjectName("admin_user")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(_t("Sign in to the central server"))
        self.button.setObjectName("console_sign_in")
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(_t("Server"), self.url)
        form.addRow(_t("Admin"), self.user)
        form.addRow(_t("Password"), self.password)
        box = QWidget()
        box.setFixedWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel(f"<h2>{_t('Central console')}</h2>"))
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.button.click)


class ConsoleWindow(QMainWindow):
    """The central console, in its own window."""

    def __init__(self, server_url: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(_t("BorderApp central console"))
        self.client = AdminClient(server_url or "https://127.0.0.1:8443")
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.login = ConsoleLogin()
        if server_url:
            self.login.url.setText(server_url)
        self.tabs = QTabWidget()
        self.stations = StationsPage(self)
        self.enrolments = EnrolmentsPage(self)
        self.quarantine = QuarantinePage(self)
        self.patterns = PatternsPage(self)
        self.audit = AuditPage(self)
        self.report = ReportView(_t("Child crossings and interviews, all stations"))
        self.tabs.addTab(self.stations, _t("&Stations"))
        self.tabs.addTab(self.enrolments, _t("&Enrolments"))
        self.tabs.addTab(self.quarantine, _t("&Quarantine"))
        self.tabs.addTab(self.report, _t("&Report"))
        self.tabs.addTab(self.patterns, _t("&Patterns"))
        self.tabs.addTab(self.audit, _t("&Audit"))
        self.pages.addWidget(self.login)
        self.pages.addWidget(self.tabs)
        self.server_label = QLabel("")
        self.statusBar().addPermanentWidget(self.server_label)
        self._refresh = QTimer(self)
        self._refresh.setInterval(60_000)
        self._refresh.timeout.connect(self.stations.load)
        self._credentials = ("", "")  # kept only while the certificate is being confirmed
        self.certificate_box: QMessageBox | None = None
        self.login.button.clicked.connect(self.sign_in)
        self.report.wanted.connect(self._report)
        self.tabs.currentChanged.connect(self._tab)
        self.resize(1366, 768)

    def sign_in(self) -> None:
        """First the server's certificate (nothing else is sent): a new or changed one is shown for the admin to
        compare; only a confirmed one gets the password."""
        self.client.close()
        self.client = AdminClient(self.login.url.text())
        self._credentials = (self.login.user.text().strip(), self.login.password.text())
        self.login.password.clear()
        self.login.message.setStyleSheet("color: #444;")
        self.login.message.setText(_t("Checking the server's certificate…"))
        self.login.button.setEnabled(False)
        client = self.client
        Call(self, lambda: (client.probe(), client.confirmed())).success(self._probed).failure(self._refused).run()

    def _probed(self, result: tuple[str | None, bool]) -> None:
        fingerprint, confirmed = result
        if confirmed or fingerprint is None:
            self._send_credentials()
            return
        before = self.client.pins.get(self.client.server_url)
        box = QMessageBox(self)
        box.setWindowTitle(_t("The server's certificate"))
        grouped = _grouped(fingerprint)
        if before is None:
            box.setIcon(QMessageBox.Icon.Question)
            box.setText(
                _t(
                    "First connection to {0}. Compare this certificate fingerprint with the one the server printed "
                    "when it started (or that the central admins gave you):\n\n{1}\n\nThe password is sent only "
                    "if you confirm."
                ).format(self.client.server_url, grouped)
            )
            trust = box.addButton(_t("The fingerprints match: sign in"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setIcon(QMessageBox.Icon.Critical)
            old = _grouped(before)
            box.setText(
                _t(
                    "Security alarm: the certificate of {0} is not the one you confirmed before. Do not sign in: "
                    "someone may be posing as the central server. Call the central admins. Accept the new "
                    "certificate only if they rotated it and its fingerprint is the one they gave you.\n\n"
                    "Confirmed before: {1}\nNow: {2}"
                ).format(self.client.server_url, old, grouped)
            )
            trust = box.addButton(_t("Accept the new certificate and sign in"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(_t("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setObjectName("certificate_box")
        self.certificate_box = box

        def answered(button: object) -> None:
            if button is trust:
                self.client.trust()
                self._send_credentials()
            else:
                self._credentials = ("", "")
                self.login.button.setEnabled(True)
                self.login.message.setStyleSheet(ERROR_STYLE)
                self.login.message.setText(_t("Not signed in: the certificate was not confirmed."))

        box.buttonClicked.connect(answered)
        box.open()

    def _send_credentials(self) -> None:
        (user, password), self._credentials = self._credentials, ("", "")
        self.login.message.setText(_t("Signing in…"))
        client = self.client
        Call(self, lambda: client.login(user, password)).success(self._signed_in).failure(self._refused).run()

    def _refused(self, error: BaseException) -> None:
        self.login.button.setEnabled(True)
        self.login.message.setStyleSheet(ERROR_STYLE)
        self.login.message.setText(domain_text.text(str(error)))

    def _signed_in(self, fingerprint: str | None) -> None:
        self.login.button.setEnabled(True)
        self.login.message.clear()
        pinned = _t("certificate {0}").format(fingerprint) if fingerprint else _t("plain HTTP (development only)")
        self.server_label.setText(f"{self.client.server_url} · {pinned}")
        self.pages.setCurrentWidget(self.tabs)
        self.stations.load()
        self._refresh.start()

    def _tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.enrolments:
            self.enrolments.load()
        elif page is self.quarantine:
            self.quarantine.load()
        elif page is self.stations:
            self.stations.load()
        elif page is self.audit:
            self.audit.load()

    def _report(self, year: int, quarter: int) -> None:
        Call(self, lambda: self.client.report(year, quarter)).success(
            lambda result: self.report.show_table(year, quarter, result.rows)
        ).failure(lambda error: self.report.failed(domain_text.text(str(error)))).run()

    def failed(self, error: BaseException) -> None:
        bridge().error.emit(str(error))

    def closeEvent(self, event: Any) -> None:
        self._refresh.stop()
        self.client.close()
        super().closeEvent(event)
