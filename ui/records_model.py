"""The records table: a thin model over `services.list_crossings` and `services.search`.

Rows arrive a page at a time from the database thread (`canFetchMore`/`fetchMore`), so a station with a
million crossings opens at once; a search replaces the rows with its results. No SQL here.

Signals: loading(bool) while a page or a search is on its way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from borderapp import services
from borderapp.store import projection
from borderapp.store.projection import CrossingSummary
from ui import i18n
from ui.dbworker import Op

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordsModel", text)


def sync_text(state: str) -> str:
    """A record's state at the central server, from the receipt of its latest event."""
    texts = {
        "local": _t("Not sent"),
        "sent": _t("Sent, no receipt yet"),
        "stored": _t("Received"),
        "duplicate": _t("Received"),
        "quarantined": _t("Quarantined"),
    }
    return texts.get(state, state)


def accompaniment_text(value: str) -> str:
    texts = {
        "both_parents": _t("both parents"),
        "one_parent": _t("one parent"),
        "legal_guardian": _t("legal guardian"),
        "relative": _t("relative"),
        "unrelated_adult": _t("unrelated adult"),
        "group": _t("group"),
        "alone": _t("alone"),
    }
    return texts.get(value, value)


class RecordsModel(QAbstractTableModel):
    loading = Signal(bool)

    COLUMNS = ("time", "direction", "name", "born", "document", "accompaniment", "flags", "status", "sync")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CrossingSummary] = []
        self._cursor: projection.Cursor | None = None
        self._exhausted = False
        self._busy = False
        self._only: projection.Filter = "all"
        self._search = ""
        self._generation = 0  # answers for an older filter or search are dropped

    # -- what to show ----------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [
            _t("Time"),
            _t("Direction"),
            _t("Name"),
            _t("Born"),
            _t("Document"),
            _t("Accompaniment"),
            _t("Flags"),
            _t("Status"),
            _t("Central server"),
        ]

    def set_filter(self, only: projection.Filter) -> None:
        self._only, self._search = only, ""
        self.reload()

    def set_search(self, text: str) -> None:
        self._search = text.strip()
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows, self._cursor, self._exhausted, self._busy = [], None, False, False
        self.endResetModel()
        if self._search:
            self._start_search()
        else:
            self.fetchMore(QModelIndex())

    def forget(self) -> None:
        """Drop every row (the station was locked); nothing is fetched until the next `reload`."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._cursor, self._exhausted, self._busy = [], None, True, False
        self.endResetModel()

    def summary(self, row: int) -> CrossingSummary:
        return self._rows[row]

    # -- paging --------------------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and not self._exhausted and not self._busy and not self._search

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._busy = True
        self.loading.emit(True)
        generation, cursor, only = self._generation, self._cursor, self._only
        Op(self, lambda s: services.list_crossings(s, after=cursor, limit=PAGE, only=only)).success(
            lambda result: self._append(generation, *result)
        ).failure(lambda exc: self._stopped(generation, exc)).run()

    def _append(self, generation: int, rows: list[CrossingSummary], cursor: projection.Cursor | None) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._cursor, self._exhausted = cursor, cursor is None
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loading.emit(False)

    def _stopped(self, generation: int, error: BaseException) -> None:
        from ui.messages import bridge

        if generation == self._generation:
            self._busy, self._exhausted = False, True
            self.loading.emit(False)
        bridge().error.emit(str(error))

    def _start_search(self) -> None:
        self._busy = True
        self.loading.emit(True)
        generation, text = self._generation, self._search
        Op(self, lambda s: services.search(s, text, limit=PAGE)).success(
            lambda rows: self._append(generation, rows, None)
        ).failure(lambda exc: self._stopped(generation, exc)).run()

    # -- Qt model ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "flags" and r.flags:
            return QColor("#a4161a")
        if role == Qt.ItemDataRole.ForegroundRole and r.status == "voided":
            return QColor("#6c757d")
        return None

    def _text(self, r: CrossingSummary, column: str) -> str:
        if column == "time":  # local time, in the chosen language's short format
            return i18n.utc_text(r.crossed_at)
        if column == "direction":
            return _t("Entry") if r.direction == "entry" else _t("Exit")
        if column == "name":
            return f"{r.family_name}, {r.given_names}"
        if column == "born":
            if r.birth_date:
                return i18n.date_text(r.birth_date)
            return f"~{r.age}" if r.age is not None else "?"
        if column == "document":
            return r.doc_number or "-"
        if column == "accompaniment":
            return accompaniment_text(r.accompaniment)
        if column == "flags":
            return " ".join(r.flags) or "-"
        if column == "sync":
            return sync_text(r.sync)
        return _t("Void") if r.status == "voided" else _t("Active")
