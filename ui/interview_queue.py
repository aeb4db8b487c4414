"""The interview queue: children flagged or sent to second line, and interviews not yet signed, longest
waiting first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from borderapp import interview as iv
from ui import i18n
from ui.dbworker import Op
from ui.widgets import read_only_table


def _t(text: str) -> str:
    return QCoreApplication.translate("Interviews", text)


def _waited(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return _t("{0} min").format(minutes)
    hours = minutes // 60
    return _t("{0} h {1} min").format(hours, minutes % 60) if hours < 48 else _t("{0} days").format(hours // 24)


class QueuePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[iv.QueueItem] = []
        self.table = read_only_table(
            "queue",
            [_t("Waiting"), _t("Child"), _t("Crossing"), _t("Flags"), _t("Interview"), _t("Present")],
            rows=True,
            single=True,
        )
        self.open_button = QPushButton(_t("Open the interview"))
        self.open_button.setObjectName("open_interview")
        self.refresh_button = QPushButton(_t("Refresh"))
        self.empty = QLabel(_t("No child is waiting for an interview."))
        self.empty.setObjectName("empty")
        top = QHBoxLayout()
        top.addWidget(
            QLabel(
                _t(
                    "Children flagged in the last 72 hours or sent to second line, and interviews not yet signed; "
                    "the longest waiting first."
                )
            ),
            1,
        )
        top.addWidget(self.refresh_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.load)

    def load(self) -> None:
        Op(self, iv.queue).success(self._show).run()

    def _show(self, items: list[iv.QueueItem]) -> None:
        self.items = items
        self.empty.setVisible(not items)
        waiting = sum(1 for item in items if item.status == "waiting")
        if waiting >= iv.QUEUE_LIMIT:
            self.empty.setText(_t("Only the {0} longest waiting are shown.").format(iv.QUEUE_LIMIT))
            self.empty.setVisible(True)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            c = item.crossing
            present = []
            if item.officer_present:
                present.append(_t("female officer"))
            if item.social_worker_present:
                present.append(_t("social worker"))
            cells = [
                _waited(item.waited_s),
                f"{c.family_name}, {c.given_names}",
                f"{i18n.utc_text(c.crossed_at)} · {_t('Exit') if c.direction == 'exit' else _t('Entry')}",
                " ".join(c.flags) or "-",
                _t("open") if item.status == "open" else _t("waiting"),
                ", ".join(present) or "-",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if items and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def selected(self) -> iv.QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None
