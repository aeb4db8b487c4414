"""Presence at the interview: each participant confirms with his or her own password on this workstation,
the call to the stand-by social worker, and the supervisor's temporary account for a social worker who has none
here. `InterviewPresenceSteps` is the part of InterviewForm (ui/interview_form.py) that does them."""

from __future__ import annotations

import html
from datetime import UTC, datetime
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

from borderapp import entry, services
from borderapp import interview as iv
from borderapp.errors import InvalidInput
from borderapp.events import format_time
from ui import domain_text, i18n
from ui.dbworker import Op
from ui.widgets import ERROR_STYLE, OK_STYLE


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


def utc_time(text: str) -> str:
    """A typed time (blank: now; HH:MM today; or a date and a time), as stored (UTC)."""
    now = datetime.now().astimezone()
    return format_time(entry.parse_time(text, now).astimezone(UTC))


class InterviewPresenceSteps(QWidget):
    """InterviewForm's presence, call and temporary account. The form provides what is declared here."""

    interview_id: str
    may_create_accounts: bool
    officer: Presence
    social: Presence
    called_at: QLineEdit
    call_reason: QLineEdit
    call_button: QPushButton
    call_label: QLabel
    temporary_button: QPushButton
    presence_message: QLabel

    def _reload(self) -> None:
        raise NotImplementedError  # InterviewForm's

    def _show_presence(self, view: iv.InterviewView) -> None:
        missing = []
        for widget, role, text in (
            (self.officer, "female_at_officer", _t("the female anti-trafficking officer")),
            (self.social, "social_worker", _t("the social worker")),
        ):
            here = [a for a in view.attendance if a["role"] == role]
            if here:
                a = here[-1]
                badge = f" ({a['badge_or_organisation']})" if a.get("badge_or_organisation") else ""
                widget.state.setText(
                    f"<span style='{OK_STYLE}'>✓ "
                    + _t("{0}{1}, arrived {2}").format(
                        html.escape(a["name"]), html.escape(badge), i18n.utc_text(a["arrived_at"])
                    )
                    + "</span>"
                )
                for w in (widget.username, widget.password, widget.organisation, widget.confirm):
                    w.hide()
            else:
                missing.append(text)
                widget.state.setText(f"<span style='{ERROR_STYLE}'>" + _t("Not present yet") + "</span>")
                for w in (widget.username, widget.password, widget.organisation, widget.confirm):
                    w.setVisible(not view.signed)
        calls = [
            _t("called at {0}").format(i18n.utc_text(c["called_at"])) + (f" ({c['reason']})" if c.get("reason") else "")
            for c in view.calls
        ]
        text = ""
        if missing and not view.signed:
            who = f" {_t('and')} ".join(missing)
            text = _t("Missing: {0}. The interview cannot be signed without both.").format(who)
        if calls:
            text += ("\n" if text else "") + _t("Social worker {0}.").format("; ".join(calls))
        self.presence_message.setText(text)
        self.presence_message.setStyleSheet(ERROR_STYLE if missing and not view.signed else "")
        self.temporary_button.setVisible(self.may_create_accounts and not view.signed)
        social_here = any(a["role"] == "social_worker" for a in view.attendance)
        call_row: list[QWidget] = [self.call_label, self.called_at, self.call_reason, self.call_button]
        for part in call_row:
            part.setVisible(not view.signed and not social_here)
        if view.signed:
            names = " · ".join(f"{html.escape(sig['name'])}" for sig in view.signatures)
            signed = _t("Signed by both: {0}, {1}.").format(names, i18n.utc_text(view.row["signed_at"]))
            self.presence_message.setText(f"{text}\n{signed}" if text else signed)

    def _confirm(self, who: Presence) -> None:
        interview_id, role = self.interview_id, who.role
        username, password, organisation = who.username.text().strip(), who.password.text(), who.organisation.text()
        who.password.clear()
        Op(
            self,
            lambda s: iv.record_presence(s, interview_id, role, username, password, organisation=organisation),  # type: ignore[arg-type]
        ).success(lambda _: self._reload()).failure(self._presence_failed).run()

    def _presence_failed(self, error: BaseException) -> None:
        self.presence_message.setStyleSheet(ERROR_STYLE)
        self.presence_message.setText(domain_text.sentences(error))

    def _call(self) -> None:
        try:
            called = utc_time(self.called_at.text())
        except ValueError as exc:
            self._presence_failed(InvalidInput([("called_at", str(exc))]))
            return
        interview_id, reason = self.interview_id, self.call_reason.text()
        Op(self, lambda s: iv.record_call(s, interview_id, "social_worker", reason, called)).success(
            lambda _: self._called()
        ).failure(self._presence_failed).run()

    def _called(self) -> None:
        self.called_at.clear()
        self.call_reason.clear()
        self._reload()

    def _temporary(self) -> None:
        dialog = TemporaryAccountDialog(self)
        dialog.accepted.connect(lambda: self._temporary_made(dialog.username.text().strip()))
        dialog.open()

    def _temporary_made(self, username: str) -> None:
        self.social.username.setText(username)
        self.social.password.setFocus()  # the social worker types the new password to confirm presence
