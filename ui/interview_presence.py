"""Presence at the interview: each participant confirms with his or her own password on this workstation;
and the supervisor's temporary account for a stand-by social worker who has none here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from borderapp import services
from ui import domain_text
from ui.dbworker import Op
from ui.widgets import ERROR_STYLE


def _t(text: str) -> str:
    return QCoreApplication.translate("Interviews", text)


class Presence(QWidget):
    """One participant's presence: who, password, (organisation), confirm."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role
        self.state = QLabel("")
        self.state.setObjectName(f"state_{role}")
        self.state.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName(f"user_{role}")
        self.username.setPlaceholderText(_t("user name"))
        self.password = QLineEdit()
        self.password.setObjectName(f"password_{role}")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_t("his or her own password"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(_t("badge or organisation"))
        self.confirm = QPushButton(_t("Confirm presence"))
        self.confirm.setObjectName(f"confirm_{role}")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.username, 2)
        row.addWidget(self.password, 2)
        row.addWidget(self.organisation, 2)
        row.addWidget(self.confirm)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.state)
        box.addLayout(row)


class TemporaryAccountDialog(QDialog):
    """The supervisor gives an arriving social worker with no account here one that expires by itself."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Temporary account for a social worker"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.organisation = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hours = QLineEdit("12")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.create_button = QPushButton(_t("Create the account"))
        form = QFormLayout(self)
        form.addRow(_t("User name"), self.username)
        form.addRow(_t("Full name"), self.full_name)
        form.addRow(_t("Organisation"), self.organisation)
        form.addRow(_t("Password (typed by the social worker)"), self.password)
        form.addRow(_t("Password again"), self.repeat)
        form.addRow(_t("Expires after (hours)"), self.hours)
        form.addRow(self.message)
        form.addRow(self.create_button)
        self.create_button.clicked.connect(self.submit)

    def submit(self) -> None:
        username, full_name, organisation = (
            self.username.text().strip(),
            self.full_name.text(),
            self.organisation.text(),
        )
        password, repeat = self.password.text(), self.repeat.text()
        hours = int(self.hours.text()) if self.hours.text().strip().isdigit() else 0

        def job(session: Any) -> Any:
            return services.add_temporary_social_worker(
                session,
                username=username,
                full_name=full_name,
                organisation=organisation,
                password=password,
                repeat=repeat,
                hours=hours,
            )

        Op(self, job).success(lambda _: self.accept()).failure(
            lambda e: self.message.setText(domain_text.sentences(e))
        ).run()
