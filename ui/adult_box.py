"""One accompanying adult in the crossing form: the MRZ of the adult's document fills the fields; the
relationship is asked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from borderapp import entry
from ui.form_fields import Fields, changed_signal, checks_html, combo, get_value, mrz_edit, set_value


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


class AdultBox(QGroupBox):
    """One accompanying adult: the MRZ of the adult's document fills the fields; the relationship is asked."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, number: int, crossing_day: Any) -> None:
        super().__init__(_t("Adult {0}").format(number))
        self._crossing_day = crossing_day
        self.fields = Fields()
        self.mrz = mrz_edit(2)
        self.mrz.setObjectName("adult_mrz")
        self.mrz.setPlaceholderText(_t("Scan the adult's document (optional)"))
        self.mrz_result = QLabel("")
        self.mrz_result.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.mrz, 0, 0, 1, 2)
        grid.addWidget(self.mrz_result, 1, 0, 1, 2)
        left, right = QFormLayout(), QFormLayout()
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        f = self.fields
        f.add(left, _t("Relationship"), "relationship", combo("relationship"))
        f.add(left, _t("Family name"), "family_name", QLineEdit())
        f.add(left, _t("Given names"), "given_names", QLineEdit())
        f.add(left, _t("Born"), "birth_date", QLineEdit())
        f.add(right, _t("Nationality"), "nationality", QLineEdit())
        f.add(right, _t("Document no."), "document_number", QLineEdit())
        f.add(right, _t("Issued by"), "document_state", QLineEdit())
        f.add(right, _t("Evidence"), "evidence", QLineEdit()).setToolTip(
            _t("Evidence of the relationship, for example a birth or family certificate")
        )
        f.add(right, _t("Other children"), "other_children", QLineEdit()).setToolTip(
            _t("How many other children travel with this adult who are not documented relatives")
        )
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for key in ("nationality", "document_state"):
            edit = f.widgets[key]
            assert isinstance(edit, QLineEdit)
            edit.setMaxLength(3)
            edit.setPlaceholderText("ALB")
            edit.setMinimumWidth(60)
        for key in ("document_number", "evidence", "other_children"):
            f.widgets[key].setMinimumWidth(120)
        date_edit = f.widgets["birth_date"]
        assert isinstance(date_edit, QLineEdit)
        date_edit.setPlaceholderText(_t("DD.MM.YYYY"))
        self.remove_button = QPushButton(_t("Remove adult {0}").format(number))
        self.remove_button.setAutoDefault(False)
        grid.addWidget(self.remove_button, 3, 1, Qt.AlignmentFlag.AlignRight)
        self.remove_button.clicked.connect(lambda: self.remove.emit(self))
        self.mrz.textChanged.connect(self._mrz_typed)
        for widget in f.widgets.values():
            changed_signal(widget).connect(self._field_changed)

    def _field_changed(self, *_: Any) -> None:
        self.changed.emit()

    def reading(self) -> entry.MrzReading:
        return entry.read_mrz(self.mrz.toPlainText(), reference=self._crossing_day(), for_adult=True)

    def _mrz_typed(self) -> None:
        reading = entry.read_mrz(self.mrz.toPlainText(), reference=self._crossing_day(), for_adult=True)
        self.mrz_result.setText(checks_html(reading))
        for key, value in reading.values.items():
            set_value(self.fields.widgets[key], value)
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        return {"mrz": self.mrz.toPlainText()} | {k: get_value(w) for k, w in self.fields.widgets.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        self.mrz.blockSignals(True)
        self.mrz.setPlainText(str(values.get("mrz") or ""))
        self.mrz.blockSignals(False)
        for key, widget in self.fields.widgets.items():
            set_value(widget, values.get(key))
