"""The login page: user and password, the wait left after too many wrong passwords, demo hints.

Signals: signed_in(user, station) once the station is open on the database thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from borderapp.errors import AccountLocked
from borderapp.store.station import open_session
from ui import domain_text, i18n
from ui.dbworker import Op, Opener
from ui.widgets import ERROR_STYLE, centred_page


def _t(text: str) -> str:
    return QCoreApplication.translate("LoginPage", text)


class LoginPage(QWidget):
    signed_in = Signal(object, object)
    language_chosen = Signal(str)
    console_requested = Signal()

    def __init__(
        self, store: Path, station_label: str, demo_users: dict[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._wait_left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

        title = QLabel(f"<h2>BorderApp</h2><p>{station_label}</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lock_note = QLabel("")
        self.lock_note.setObjectName("lock_note")
        self.lock_note.setWordWrap(True)
        self.lock_note.setStyleSheet("background: #fff4d6; color: #4a3500; padding: 6px; border-radius: 3px;")
        self.lock_note.hide()
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(_t("Sign in"))
        self.button.setDefault(True)
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(_t("User"), self.user)
        form.addRow(_t("Password"), self.password)
        box = QWidget()
        box.setFixedWidth(440)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self.lock_note)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        if demo_users:
            rows = "".join(f"<tr><td>{u}</td><td>&nbsp;&nbsp;{pw}</td></tr>" for u, pw in demo_users.items())
            hint = QLabel(f"<p><b>{_t('Demo station: users and passwords')}</b></p><table>{rows}</table>")
            hint.setObjectName("demo_hint")
            inner.addWidget(hint)
        self.language = i18n.language_box()
        self.console_button = QPushButton(_t("Central console…"))
        self.console_button.setObjectName("open_console")
        self.console_button.setToolTip(_t("For central admins: every station's sync status, enrolments, reports"))
        self.console_button.clicked.connect(self.console_requested.emit)
        centred_page(self, box, self.console_button, _t("Language"), self.language)
        self.button.clicked.connect(self.submit)
        self.language.currentIndexChanged.connect(lambda _: self.language_chosen.emit(self.language.currentData()))
        self.password.returnPressed.connect(self.submit)
        self.user.returnPressed.connect(self.password.setFocus)
        self.user.setFocus()

    def lock(self, username: str, full_name: str, minutes: int | None) -> None:
        """Shown again after an idle lock (or "Lock" from the menu): the same user unlocks, or another signs in."""
        if minutes is None:
            note = _t("Locked by {0}. {0} can unlock with the password, or another user can sign in.")
        else:
            note = _t(
                "Locked after {1} minutes without use. {0} can unlock with the password, or another user can sign in."
            )
        self.lock_note.setText(note.format(f"{full_name} ({username})", minutes))
        self.lock_note.show()
        self.user.setText(username)
        self.password.clear()
        self.message.clear()
        self.password.setFocus()

    def submit(self) -> None:
        username, password = self.user.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(_t("Type your user name and password."))
            return
        self.button.setEnabled(False)
        self.message.setText(_t("Opening the station…"))
        store = self.store
        Op(self, Opener(lambda: open_session(store, username, password))).success(self._opened).failure(
            self._refused
        ).run()

    def _opened(self, result: Any) -> None:
        self.lock_note.hide()
        self.password.clear()
        self.message.clear()
        self.button.setEnabled(True)
        user, station = result
        self.signed_in.emit(user, station)

    def _refused(self, error: BaseException) -> None:
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, AccountLocked):
            self._wait_left = error.wait_seconds
            self._timer.start()
            self._tick(first=True)
            return
        self.button.setEnabled(True)
        self.message.setText(domain_text.text(str(error)))

    def _tick(self, first: bool = False) -> None:
        if not first:
            self._wait_left -= 1
        if self._wait_left <= 0:
            self._timer.stop()
            self.button.setEnabled(True)
            self.message.setText(_t("You can try again now."))
            return
        self.message.setText(_t("Too many wrong passwords. Try again in {0} s.").format(self._wait_left))
