"""The console's Patterns tab: cross-station patterns (one adult with several unrelated children, children
not back after their planned return) and the central record behind each."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference
from sync import protocol as p
from ui import i18n
from ui.net import Call
from ui.records_model import accompaniment_text
from ui.widgets import read_only_table

if TYPE_CHECKING:
    from ui.console import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


class PatternsPage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.found: list[p.PatternItem] = []
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(30)
        self.days.setSuffix(_t(" days"))
        self.grace = QSpinBox()
        self.grace.setRange(0, 3650)
        self.grace.setValue(30)
        self.grace.setSuffix(_t(" days"))
        self.find_button = QPushButton(_t("Look for patterns"))
        self.find_button.setObjectName("find_patterns")
        self.summary = QLabel("")
        self.table = read_only_table(
            "patterns", [_t("Pattern"), _t("Person (keyed)"), _t("What")], rows=True, single=True
        )
        self.records = read_only_table(
            "pattern_records", [_t("Crossed"), _t("BCP"), _t("Direction"), _t("Record")], rows=True
        )
        self.record = QTextBrowser()
        self.record.setObjectName("pattern_record")
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Same adult with different children within")))
        top.addWidget(self.days)
        top.addWidget(QLabel(_t("; planned return passed by more than")))
        top.addWidget(self.grace)
        top.addWidget(self.find_button)
        top.addWidget(self.summary, 1)
        below = QHBoxLayout()
        below.addWidget(self.records, 1)
        below.addWidget(self.record, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(below, 1)
        self.find_button.clicked.connect(self.load)
        self.table.itemSelectionChanged.connect(self._selected)
        self.records.itemSelectionChanged.connect(self._record)

    def load(self) -> None:
        days, grace = self.days.value(), self.grace.value()
        Call(self, lambda: self.console.client.patterns(days, grace)).success(self._show).failure(
            self.console.failed
        ).run()

    def _show(self, found: list[p.PatternItem]) -> None:
        self.found = found
        self.summary.setText(_t("{0} pattern(s)").format(len(found)))
        self.table.setRowCount(len(found))
        for r, f in enumerate(found):
            if f.kind == "adult_with_several_children":
                kind = _t("Same adult, different unrelated children")
                what = _t("{0} children at {1} crossing(s)").format(f.detail["children"], len(f.records))
            else:
                kind = _t("Not back after the planned return")
                what = _t("planned return {0}, {1} days ago; no entry since").format(
                    i18n.date_text(str(f.detail["planned_return"])), f.detail["days_overdue"]
                )
            for c, text in enumerate([kind, f.key, what]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if found:
            self.table.selectRow(0)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pattern = self.found[rows[0].row()]
        self.records.setRowCount(len(pattern.records))
        for r, ref in enumerate(pattern.records):
            bcp = reference.bcps().get(ref.bcp)
            cells = [i18n.utc_text(ref.crossed_at), bcp.name if bcp else ref.bcp,
                     _t("exit") if ref.direction == "exit" else _t("entry"), ref.record_id]  # fmt: skip
            for c, text in enumerate(cells):
                self.records.setItem(r, c, QTableWidgetItem(text))
        self.record.clear()

    def _record(self) -> None:
        rows = self.records.selectionModel().selectedRows()
        if not rows:
            return
        cell = self.records.item(rows[0].row(), 3)
        if cell is None:
            return
        record_id = cell.text()
        Call(self, lambda: self.console.client.record(record_id)).success(self._show_record).failure(
            self.console.failed
        ).run()

    def _show_record(self, row: p.RecordRow) -> None:
        esc = html.escape
        self.record.setHtml(
            f"<b>{esc(row.family_name)}, {esc(row.given_names)}</b><br>"
            + _t("Born {0}; document {1}; {2}; flags {3}.").format(
                i18n.date_text(row.birth_date) if row.birth_date else "?",
                esc(row.doc_number or "-"),
                accompaniment_text(row.accompaniment),
                " ".join(row.flags) or "-",
            )
        )
