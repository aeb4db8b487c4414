"""The records view: search (names without diacritics, document numbers), filters, the table, and a detail
pane with the record, its flags and its history (who, when, what changed, why)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from borderapp import services
from borderapp.store import projection
from ui import i18n
from ui.dbworker import Op
from ui.records_model import RecordsModel, accompaniment_text


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordsView", text)


def filters() -> list[tuple[projection.Filter, str]]:
    return [
        ("all", _t("All records")),
        ("today", _t("Today")),
        ("flagged", _t("Flagged")),
        ("awaiting_interview", _t("Awaiting interview")),
        ("not_synced", _t("Not yet synced")),
    ]


class RecordsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordsModel(self)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_t("Search: family name, any name part or document number"))
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        for key, label in filters():
            self.filter.addItem(label, key)
        self.status = QLabel("")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((122, 62, 176, 84, 100, 112, 80, 60)):
            self.table.setColumnWidth(column, width)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([900, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)  # the table and the detail take all the height
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(lambda: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)
        self.filter.currentIndexChanged.connect(lambda _: self.model.set_filter(self.filter.currentData()))
        self.model.loading.connect(lambda busy: self.status.setText(_t("Loading…") if busy else ""))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.model.modelReset.connect(self._clear_detail)  # a new search or filter: the old record goes
        self._clear_detail()

    def _clear_detail(self) -> None:
        self.detail.setHtml(f"<p style='color:#555'>{_t('Select a record to see it, its flags and its history.')}</p>")

    def load(self) -> None:
        self.model.reload()

    def _selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        record_id = self.model.summary(rows[0].row()).record_id
        language = i18n.current()
        Op(self, lambda s: services.show(s, record_id, language)).success(self._show).run()

    def _show(self, view: services.RecordView) -> None:
        r, child = view.record, view.record.child
        esc = html.escape
        parts = [
            f"<h3>{esc(child.family_name)}, {esc(child.given_names)}</h3>",
            f"<p>{_t('Born')}: {child.birth_date or '?'} · {_t('Nationality')}: {child.nationality} · "
            f"{_t('Document')}: {esc(r.document.number or '-')}</p>",
            f"<p>{esc(r.crossing.bcp)} · {r.crossing.crossed_at:%Y-%m-%d %H:%M} UTC · "
            f"{accompaniment_text(r.accompaniment)}</p>",
        ]
        if view.summary.status == "voided":
            parts.append(f"<p><b>{_t('This record is void.')}</b></p>")
        if view.flags:
            parts.append(f"<h4>{_t('Flags')}</h4><ul>")
            parts += [f"<li><b>{f.code}</b> {esc(f.title)}: {esc(f.explanation)}</li>" for f in view.flags]
            parts.append("</ul>")
        parts.append(f"<h4>{_t('History')}</h4><ul>")
        parts += [f"<li>{esc(line)}</li>" for line in services.iter_history_lines(view)]
        parts.append("</ul>")
        self.detail.setHtml("".join(parts))
