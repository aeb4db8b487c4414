"""The console's Quarantine tab: events the server stored but could not apply, with their reasons, and the
admins' notes on them."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sync import protocol as p
from ui import i18n
from ui.net import Call
from ui.widgets import read_only_table

if TYPE_CHECKING:
    from ui.console import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


class QuarantinePage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.items: list[p.QuarantineItem] = []
        self.table = read_only_table(
            "quarantine",
            [_t("Received"), _t("Device"), _t("Number"), _t("Type"), _t("Reason"), _t("State")],
            rows=True,
            single=True,
        )
        self.empty = QLabel(_t("Nothing is in quarantine."))
        note = QLabel(
            _t(
                "Events the server could not use are kept here with the reason, and acknowledged to the station so "
                "the rest flows. Nothing is deleted."
            )
        )
        note.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(140)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(_t("What was found or done"))
        self.resolved = QCheckBox(_t("Resolved"))
        self.add_button = QPushButton(_t("Add the note"))
        self.add_button.setObjectName("add_note")
        self.add_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.resolved)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.annotate)

    def load(self) -> None:
        Call(self, self.console.client.quarantine).success(self._show).failure(self.console.failed).run()

    def _show(self, items: list[p.QuarantineItem]) -> None:
        selected = self.selected()
        self.items = items
        self.empty.setVisible(not items)
        self.table.setRowCount(len(items))
        for r, q in enumerate(items):
            state = _t("resolved") if q.resolved else (_t("noted") if q.notes else _t("open"))
            cells = [i18n.utc_text(q.received_at), q.device_id[-8:], str(q.seq), q.type, q.reason, state]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if selected is not None and q.server_id == selected.server_id:
                self.table.selectRow(r)
        self._selected()  # the notes of the selected event, as they are now

    def selected(self) -> p.QuarantineItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _selected(self) -> None:
        item = self.selected()
        self.add_button.setEnabled(item is not None)
        if item is None:
            self.notes.clear()
            return
        lines = [
            f"{i18n.utc_text(n.at)} · {html.escape(n.admin)}: {html.escape(n.note)}"
            + (f" <b>({_t('resolved')})</b>" if n.resolved else "")
            for n in item.notes
        ]
        self.notes.setHtml("<br>".join(lines) or _t("No notes yet."))

    def annotate(self) -> None:
        item = self.selected()
        if item is None:
            return
        server_id, text, resolved = item.server_id, self.note.text(), self.resolved.isChecked()
        Call(self, lambda: self.console.client.annotate(server_id, text, resolved)).success(
            lambda _: self._annotated()
        ).failure(self.console.failed).run()

    def _annotated(self) -> None:
        self.note.clear()
        self.resolved.setChecked(False)
        self.load()
