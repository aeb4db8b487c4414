"""The crossing form's building blocks: choice lists, reading and setting a field's value, the MRZ box and its
check-digit line, the end-of-scan key filter, and the fields-with-error-labels registry. Shared by the form
(ui/entry_form.py), its layout (ui/entry_layout.py) and the adult's box (ui/adult_box.py); the texts belong to
the form's translation context."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from borderapp import entry
from ui import domain_text
from ui.widgets import ERROR_STYLE, field_cell


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


def choices() -> dict[str, list[tuple[str, str]]]:
    """Each choice field's options as (value, label); built when needed so the labels follow the language."""
    return {
        "direction": [("exit", _t("Exit")), ("entry", _t("Entry"))],
        "transport": [("land", _t("Land")), ("air", _t("Air")), ("sea", _t("Sea"))],
        "sex": [("", ""), ("F", _t("F (female)")), ("M", _t("M (male)")), ("X", _t("X (unspecified)"))],
        "document_type": [
            ("passport", _t("Passport")),
            ("id_card", _t("Identity card")),
            ("travel_document", _t("Travel document")),
            ("birth_certificate", _t("Birth certificate")),
            ("none", _t("No document")),
        ],
        "accompaniment": [
            ("", _t("(choose)")),
            ("both_parents", _t("Both parents")),
            ("one_parent", _t("One parent")),
            ("legal_guardian", _t("Legal guardian")),
            ("relative", _t("Relative")),
            ("unrelated_adult", _t("Unrelated adult")),
            ("group", _t("Group (school, sport)")),
            ("alone", _t("Alone")),
        ],
        "relationship": [
            ("", _t("(choose)")),
            ("mother", _t("Mother")),
            ("father", _t("Father")),
            ("legal_guardian", _t("Legal guardian")),
            ("grandparent", _t("Grandparent")),
            ("sibling", _t("Sibling")),
            ("aunt_uncle", _t("Aunt or uncle")),
            ("other_relative", _t("Other relative")),
            ("family_friend", _t("Family friend")),
            ("group_leader", _t("Group leader")),
            ("unrelated", _t("Unrelated")),
            ("unknown", _t("Unknown")),
        ],
        "consent": [
            ("none", _t("None")),
            ("both_parents_notarised", _t("Both parents, notarised")),
            ("other_parent_notarised", _t("Other parent, notarised")),
            ("court_custody_decision", _t("Court custody decision")),
            ("death_certificate", _t("Death certificate of a parent")),
        ],
        "purpose": [
            ("", ""),
            ("tourism", _t("Tourism")),
            ("family_visit", _t("Family visit")),
            ("study", _t("Study")),
            ("medical", _t("Medical")),
            ("sport", _t("Sport")),
            ("relocation", _t("Moving abroad")),
            ("work", _t("Work")),
            ("other", _t("Other")),
        ],
        "paid_by": [
            ("unknown", _t("Unknown")),
            ("parents", _t("Parents")),
            ("family", _t("Family")),
            ("self", _t("The child")),
            ("third_party", _t("Someone else")),
        ],
        "outcome": [
            ("cleared", _t("Cleared")),
            ("second_line", _t("Second line check")),
            ("interview", _t("Initial interview")),
            ("stopped", _t("Stopped")),
            ("referred", _t("Referred")),
        ],
    }


def combo(key: str) -> QComboBox:
    box = QComboBox()
    for value, label in choices()[key]:
        box.addItem(label, value)
    return box


def set_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != (value or ""):
            widget.setPlainText(str(value or ""))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value or "")
        widget.setCurrentIndex(max(index, 0))


def get_value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData() or ""
    raise TypeError(type(widget))


def changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    raise TypeError(type(widget))


def mrz_edit(lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on; Enter is the reader's line break
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(10)
    edit.setFont(font)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    edit.setPlaceholderText(_t("Scan the document (or type its MRZ lines)"))
    return edit


def checks_html(reading: entry.MrzReading) -> str:
    if reading.error:
        return f"<span style='{ERROR_STYLE}'>{html.escape(domain_text.text(reading.error))}</span>"
    if not reading.checks:
        return ""
    names = {
        "document_number": _t("document number"),
        "birth_date": _t("birth date"),
        "expiry_date": _t("expiry date"),
        "personal_number": _t("personal number"),
        "composite": _t("composite"),
    }
    parts = []
    for name, ok in reading.checks.items():
        colour, mark = ("#1b7f3b", "✓") if ok else ("#a4161a", "✗")
        parts.append(f"<span style='color:{colour}'>{mark} {names.get(name, name)}</span>")
    verdict = (
        _t("All check digits are correct.")
        if reading.all_pass
        else _t("A check digit is wrong: compare the fields with the document.")
    )
    return "&nbsp;&nbsp;".join(parts) + f"<br>{verdict}"


class ScanEnd(QObject):
    """The reader's Enter after the last MRZ line: swallowed (no empty line) and focus moves on at once."""

    def __init__(self, edit: QPlainTextEdit, reading: Callable[[], entry.MrzReading], done: Callable[[], None]) -> None:
        super().__init__(edit)
        self._reading, self._done = reading, done
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_enter = isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.type() == QEvent.Type.KeyPress and is_enter:
            reading = self._reading()
            if reading.complete and reading.error is None:
                self._done()
                return True
        return False


class Fields:
    """Form widgets by value key, with an error label under each."""

    def __init__(self) -> None:
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, form: QFormLayout, label: str, key: str, widget: QWidget) -> QWidget:
        cell, error = field_cell(widget, key)
        form.addRow(label, cell)
        self.widgets[key] = widget
        self.errors[key] = error
        return widget
