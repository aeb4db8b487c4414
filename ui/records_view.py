"""The records view: search (names without diacritics, document numbers), filters, the table, and a detail
pane with the record, its flags and its history (who, when, what changed, why)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QDateTime, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference, services
from borderapp.store import projection
from ui import i18n
from ui.dbworker import Op
from ui.record_dialogs import CorrectionDialog, VoidDialog
from ui.records_model import RecordsModel, accompaniment_text, sync_text
from ui.users_page import role_text


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
        for column, width in enumerate((118, 62, 170, 84, 96, 110, 70, 56)):
            self.table.setColumnWidth(column, width)
        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        self.current: services.RecordView | None = None
        self.bcp = ""
        self.correct_button = QPushButton(_t("Correct this record…"))
        self.correct_button.setObjectName("correct")
        self.void_button = QPushButton(_t("Void this record…"))
        self.void_button.setObjectName("void")
        actions = QHBoxLayout()
        actions.addWidget(self.correct_button)
        actions.addWidget(self.void_button)
        self.detail_panel = QWidget()
        detail_box = QVBoxLayout(self.detail_panel)
        detail_box.setContentsMargins(0, 0, 0, 0)
        detail_box.addWidget(self.detail, 1)
        detail_box.addLayout(actions)
        self.may_correct = False
        self.correct_button.clicked.connect(self.open_correction)
        self.void_button.clicked.connect(self.open_void)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.detail_panel)
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

    def set_user(self, role: str, bcp: str) -> None:
        """Corrections and voids are the supervisor's."""
        self.may_correct = services.may(role, "correct")
        self.bcp = bcp
        self.correct_button.setVisible(self.may_correct)
        self.void_button.setVisible(self.may_correct)
        self._enable_actions()

    def _enable_actions(self) -> None:
        active = self.current is not None and self.current.summary.status == "active"
        self.correct_button.setEnabled(active)
        self.void_button.setEnabled(active)

    def _clear_detail(self) -> None:
        self.current = None
        self._enable_actions()
        self.detail.setHtml(f"<p style='color:#555'>{_t('Select a record to see it, its flags and its history.')}</p>")

    def open_correction(self) -> None:
        if self.current is None:
            return
        dialog = CorrectionDialog(self, self.current.summary.record_id, self.current.record, self.bcp)
        dialog.stored.connect(self._changed)
        dialog.open()

    def open_void(self) -> None:
        if self.current is None:
            return
        child = self.current.record.child
        dialog = VoidDialog(self, self.current.summary.record_id, f"{child.given_names} {child.family_name}")
        dialog.stored.connect(self._changed)
        dialog.open()

    def _changed(self, record_id: str) -> None:
        self.model.reload()
        self.show_record(record_id)

    def show_record(self, record_id: str) -> None:
        language = i18n.current()
        Op(self, lambda s: services.show(s, record_id, language)).success(self._show).run()

    def load(self) -> None:
        self.model.reload()

    def _selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        self.show_record(self.model.summary(rows[0].row()).record_id)

    def _show(self, view: services.RecordView) -> None:
        self.current = view
        self._enable_actions()
        r, child = view.record, view.record.child
        esc = html.escape
        when = i18n.datetime_text(QDateTime.fromSecsSinceEpoch(int(r.crossing.crossed_at.timestamp())))
        born = i18n.date_text(child.birth_date.isoformat()) if child.birth_date else "?"
        bcp = reference.bcps().get(r.crossing.bcp)
        parts = [
            f"<h3>{esc(child.family_name)}, {esc(child.given_names)}</h3>",
            f"<p>{_t('Born')}: {born} · {_t('Nationality')}: {child.nationality} · "
            f"{_t('Document')}: {esc(r.document.number or '-')}</p>",
            f"<p>{esc(bcp.name if bcp else r.crossing.bcp)} · {when} · {accompaniment_text(r.accompaniment)}</p>",
        ]
        if view.summary.status == "voided":
            parts.append(f"<p><b>{_t('This record is void.')}</b></p>")
        at_server = _t("Central server: {0}").format(sync_text(view.summary.sync))
        if view.receipt is not None:
            at_server += " · " + _t("receipt {0}, {1}").format(
                view.receipt.server_id, i18n.utc_text(view.receipt.received_at)
            )
            if view.receipt.reason:
                at_server += " · " + esc(view.receipt.reason)
        parts.append(f"<p>{at_server}</p>")
        if view.flags:
            parts.append(f"<h4>{_t('Flags')}</h4><ul>")
            parts += [f"<li><b>{f.code}</b> {esc(f.title)}: {esc(f.explanation)}</li>" for f in view.flags]
            parts.append("</ul>")
        parts.append(f"<h4>{_t('History')}</h4><ul>")
        parts += [f"<li>{line}</li>" for line in history_lines(view)]
        parts.append("</ul>")
        self.detail.setHtml("".join(parts))


def history_lines(view: services.RecordView) -> list[str]:
    """Each event of the record as HTML: what, when (local), who, why, and each change (old -> new)."""
    what = {
        "crossing.recorded": _t("Recorded"),
        "crossing.corrected": _t("Corrected"),
        "crossing.voided": _t("Voided"),
    }
    lines = []
    for event in view.history:
        text = _t("{0} on {1} by {2} ({3})").format(
            what.get(event.type, event.type),
            i18n.utc_text(event.occurred_at),
            html.escape(event.actor.name),
            role_text(event.actor.role),
        )
        if "reason" in event.payload:
            text += "<br>" + _t("Reason: {0}").format(html.escape(str(event.payload["reason"])))
        for path, (old, new) in event.payload.get("changes", {}).items():
            text += f"<br><code>{html.escape(path)}</code>: {html.escape(str(old))} → {html.escape(str(new))}"
        lines.append(text)
    return lines
