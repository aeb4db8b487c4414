"""The supervisor's correction and void of a crossing record, each with a mandatory reason.

A correction opens the record in the crossing form; saving it records a `crossing.corrected` event with the
reason and what changed. A void records `crossing.voided` with the reason. Nothing is changed in place.
Both dialogs are window-modal and opened with `open()`, never `exec()`.

Signals: stored(record_id) after the event is stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from borderapp import entry, services
from borderapp.models import CrossingRecord
from ui import domain_text
from ui.dbworker import Op
from ui.entry_form import EntryForm
from ui.widgets import ERROR_STYLE


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordDialogs", text)


class _ReasonDialog(QDialog):
    stored = Signal(str)

    def __init__(self, parent: QWidget | None, record_id: str, title: str) -> None:
        super().__init__(parent)
        self.record_id = record_id
        self.setWindowTitle(title)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(_t("Why (kept with the record; at least 5 characters)"))
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.ok = QPushButton()
        self.ok.setObjectName("confirm")
        self.ok.setAutoDefault(False)
        self.cancel = QPushButton(_t("Cancel"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("Reason")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        return row

    def _stored(self, _: Any) -> None:
        self.stored.emit(self.record_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(domain_text.sentences(error))


class CorrectionDialog(_ReasonDialog):
    def __init__(self, parent: QWidget | None, record_id: str, record: CrossingRecord, bcp: str) -> None:
        super().__init__(parent, record_id, _t("Correct a crossing record"))
        self.original = record
        self.form = EntryForm(correcting=True)
        self.form.bcp = bcp
        self.form.set_values(entry.values_from(record))
        self.ok.setText(_t("Save the correction (Ctrl+S)"))
        intro = QLabel(
            _t(
                "Change what was recorded wrongly, say why, and save. The record keeps its history: the first "
                "version and every correction, with who made it and why."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form, 1)
        layout.addLayout(self._buttons())
        layout.addWidget(self.message)
        self.ok.clicked.connect(self.form.save)
        self.reason.returnPressed.connect(self.form.save)
        self.form.submitted.connect(self._submit)
        self.resize(1340, 720)

    def _submit(self, edited: CrossingRecord) -> None:
        reason = self.reason.text()
        record = entry.merged(self.original, edited)
        record_id = self.record_id
        self.ok.setEnabled(False)
        Op(self, lambda s: services.correct(s, record_id, record, reason)).success(self._stored).failure(
            self._refused
        ).run()


class VoidDialog(_ReasonDialog):
    def __init__(self, parent: QWidget | None, record_id: str, who: str) -> None:
        super().__init__(parent, record_id, _t("Void a crossing record"))
        self.ok.setText(_t("Void the record"))
        intro = QLabel(
            _t(
                "Void the record of {0} only if it should never have been made (a duplicate, the wrong person). "
                "It stays in the history and at the central server, marked void, with your reason."
            ).format(who)
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._buttons())
        layout.addWidget(self.message)
        self.ok.clicked.connect(self._submit)
        self.reason.returnPressed.connect(self._submit)
        self.resize(640, 180)

    def _submit(self) -> None:
        reason, record_id = self.reason.text(), self.record_id
        self.ok.setEnabled(False)
        Op(self, lambda s: services.void(s, record_id, reason)).success(self._stored).failure(self._refused).run()
