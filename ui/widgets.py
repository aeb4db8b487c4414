"""Small pieces several screens build the same way: a read-only table, a field with its problem under it,
the top bar of the login and first-run pages, and the colours of problems and of things that went well."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #a4161a;"
OK_STYLE = "color: #1b7f3b;"


def read_only_table(
    name: str, headers: list[str], *, rows: bool = False, single: bool = False, stretch_last: bool = True
) -> QTableWidget:
    """A table the user reads and selects in (whole rows if `rows`, one at a time if `single`), never edits."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    if headers:
        table.setHorizontalHeaderLabels(headers)
    if rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch_last:
        table.horizontalHeader().setStretchLastSection(True)
    return table


def field_cell(widget: QWidget, name: str) -> tuple[QWidget, QLabel]:
    """`widget` with a hidden problem label under it (shown when there is something to fix), for a form row."""
    widget.setObjectName(name)
    error = QLabel("")
    error.setObjectName(f"error_{name}")
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    cell = QWidget()
    box = QVBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(1)
    box.addWidget(widget)
    box.addWidget(error)
    return cell, error


def centred_page(page: QWidget, panel: QWidget, left: QWidget, language_label: str, language: QWidget) -> None:
    """The login and first-run layout: `left` and the language choice on top, `panel` in the middle.
    Centred by stretches, not an alignment flag, which would lose the wrapped labels' heights."""
    top = QHBoxLayout()
    top.addWidget(left)
    top.addStretch(1)
    top.addWidget(QLabel(language_label))
    top.addWidget(language)
    outer = QVBoxLayout(page)
    outer.addLayout(top)
    outer.addStretch(1)
    middle = QHBoxLayout()
    middle.addStretch(1)
    middle.addWidget(panel)
    middle.addStretch(1)
    outer.addLayout(middle)
    outer.addStretch(2)
