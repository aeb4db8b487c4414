"""The sync panel: the central server this station sends to, what is not yet sent, the latest attempts in
plain sentences, "Sync now", and (supervisor, not yet enrolled) enrolment with the central admin's code.

Enrolment: paste the code, or scan its QR code with a 2D scanner (which types it and presses Enter). The page
shows the server, the BCP and the certificate fingerprint; the supervisor confirms, and the device credential
and the pinned certificate go into the encrypted store.

Signals: sync_now() when the user asks; enrolled() after a successful enrolment.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference, services
from ui import domain_text, i18n
from ui.dbworker import Op
from ui.widgets import ERROR_STYLE, OK_STYLE, read_only_table


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


def outcome_text(outcome: str) -> str:
    return {
        "ok": _t("Sent"),
        "enrolled": _t("Enrolled"),
        "offline": _t("No connection"),
        "error": _t("Error"),
    }.get(outcome, outcome)


class SyncPage(QWidget):
    sync_now = Signal()
    enrolled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.may_enrol = False
        self.summary = QLabel("")
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.sync_button = QPushButton(_t("Sync now"))
        self.sync_button.setObjectName("sync_now")
        self.table = read_only_table("attempts", [_t("When"), _t("Outcome"), _t("Events sent"), _t("What happened")])

        self.enrol_box = QGroupBox(_t("Enrol this station with the central server"))
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setPlaceholderText(_t("Paste the enrolment code, or scan its QR code"))
        self.check_button = QPushButton(_t("Check the code"))
        self.check_button.setObjectName("check_code")
        self.confirm = QLabel("")
        self.confirm.setObjectName("confirm")
        self.confirm.setWordWrap(True)
        self.confirm.setTextFormat(Qt.TextFormat.RichText)
        self.enrol_button = QPushButton(_t("Enrol with this server"))
        self.enrol_button.setObjectName("enrol")
        self.enrol_button.setEnabled(False)
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        enrol = QVBoxLayout(self.enrol_box)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        enrol.addLayout(row)
        enrol.addWidget(self.confirm)
        enrol.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignLeft)
        enrol.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.enrol_box)
        layout.addWidget(QLabel(f"<b>{_t('Latest attempts')}</b>"))
        layout.addWidget(self.table, 1)
        self.sync_button.clicked.connect(self.sync_now.emit)
        self.code.returnPressed.connect(self.check)  # a 2D scanner ends with Enter
        self.check_button.clicked.connect(self.check)
        self.enrol_button.clicked.connect(self.enrol)
        self._checked = ""

    def set_user(self, role: str) -> None:
        self.may_enrol = services.may(role, "users")

    # -- showing -------------------------------------------------------------------------------------------
    def load(self) -> None:
        Op(self, services.sync_panel).success(self._show).run()

    def _show(self, panel: services.SyncPanel) -> None:
        o, e = panel.overview, panel.enrolment
        if e is None:
            head = _t("This station is not enrolled with a central server: its records stay here until it is.")
        else:
            bcp = reference.bcps().get(e.bcp)
            head = _t("Sends to {0} for {1}, enrolled {2}.").format(
                e.server_url, bcp.name if bcp else e.bcp, i18n.utc_text(e.enrolled_at)
            )
            head += "<br>" + (
                _t("Server certificate pinned: {0}").format(e.fingerprint[:23] + "…")
                if e.fingerprint
                else _t("Plain HTTP: the connection is not encrypted (for tests only).")
            )
        lines = [
            head,
            _t("Not yet at the central server: {0} event(s).").format(o.backlog),
            _t("Last successful sync: {0}.").format(i18n.utc_text(o.last_success)),
        ]
        if o.last_error:
            error = domain_text.text(o.last_error)
            lines.append(f"<span style='{ERROR_STYLE}'>" + _t("Last error: {0}").format(error) + "</span>")
        self.summary.setText("<br>".join(lines))
        self.sync_button.setEnabled(e is not None)
        self.enrol_box.setVisible(e is None and self.may_enrol)
        self.table.setRowCount(len(panel.attempts))
        for row, attempt in enumerate(panel.attempts):
            message = domain_text.text(attempt.message)
            cells = [i18n.utc_text(attempt.at), outcome_text(attempt.outcome), str(attempt.sent), message]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    # -- enrolment -----------------------------------------------------------------------------------------
    def check(self) -> None:
        from sync.client import StationSync, certificate_fingerprint

        text = self.code.text().strip()
        self.enrol_button.setEnabled(False)
        self.confirm.clear()
        self.message.setStyleSheet("")
        self.message.setText(_t("Checking the code and the server…"))

        def job(session: Any) -> tuple[str, str, str | None]:
            sync = StationSync(session)
            try:
                code, pem = sync.check_code(text)
            finally:
                sync.close()
            return code.server_url, code.bcp, certificate_fingerprint(pem) if pem else None

        Op(self, job).success(lambda result: self._checked_code(text, *result)).failure(self._failed).run()

    def _checked_code(self, text: str, url: str, bcp_code: str, fingerprint: str | None) -> None:
        self._checked = text
        bcp = reference.bcps().get(bcp_code)
        self.confirm.setText(
            _t("Server: <b>{0}</b><br>Border crossing point: <b>{1}</b><br>Certificate fingerprint: <b>{2}</b>").format(
                url,
                f"{bcp.name} ({bcp_code})" if bcp else bcp_code,
                fingerprint or _t("none (plain HTTP, for tests only)"),
            )
            + "<br>"
            + _t("Compare the fingerprint with the one the central admin gave you, then enrol.")
        )
        self.message.clear()
        self.enrol_button.setEnabled(True)
        self.enrol_button.setFocus()

    def enrol(self) -> None:
        from sync.client import StationSync

        text = self._checked
        self.enrol_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(_t("Enrolling…"))

        def job(session: Any) -> None:
            services.require(session, "users")  # enrolment is the supervisor's
            StationSync(session).enrol(text)

        Op(self, job).success(self._enrolled).failure(self._failed).run()

    def _enrolled(self, _: Any) -> None:
        self.code.clear()
        self.confirm.clear()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(_t("Enrolled. Records are sent whenever there is a connection."))
        self.enrolled.emit()
        self.load()

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(domain_text.text(str(error)))
        self.enrol_button.setEnabled(bool(self._checked) and bool(self.confirm.text()))
