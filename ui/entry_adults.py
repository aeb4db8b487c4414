"""The crossing form's accompanying adults: their boxes added as the accompaniment asks, numbered, in the tab
order (accompaniment, then each adult, then the rest), and focus moving on after each adult's scan. A part of
EntryForm (ui/entry_form.py), kept in its own module."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.adult_box import AdultBox
from ui.form_fields import Fields, ScanEnd, get_value, set_value


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


class EntryAdults:
    """EntryForm's adult boxes. The form provides what is declared here."""

    fields: Fields
    adults: list[AdultBox]
    adults_box: QVBoxLayout
    add_adult_button: QPushButton
    _restoring: bool

    def _changed(self, *_: Any) -> None:
        raise NotImplementedError  # EntryForm's

    def _crossing_day(self) -> date:
        raise NotImplementedError  # EntryForm's

    def add_adult(self, focus: bool = True) -> AdultBox:
        box = AdultBox(len(self.adults) + 1, self._crossing_day)
        ScanEnd(box.mrz, box.reading, lambda: self._after_adult_scan(box))
        box.changed.connect(self._changed)
        box.remove.connect(self._remove_adult)
        self.adults.append(box)
        self.adults_box.addWidget(box)
        self._fix_tab_order()
        if focus:
            box.fields.widgets["relationship"].setFocus()
        self._changed()
        return box

    def _remove_adult(self, box: AdultBox) -> None:
        self._drop_adult(box)
        for n, other in enumerate(self.adults, 1):
            other.setTitle(_t("Adult {0}").format(n))
            other.remove_button.setText(_t("Remove adult {0}").format(n))
        self.add_adult_button.setFocus()
        self._changed()

    def _drop_adult(self, box: AdultBox) -> None:
        self.adults.remove(box)
        self.adults_box.removeWidget(box)
        box.hide()
        box.deleteLater()

    def _fix_tab_order(self) -> None:
        # Accompaniment -> each adult (relationship, scan, fields) -> "Add an adult" -> the rest of the form.
        previous: QWidget = self.fields.widgets["accompaniment"]
        for box in self.adults:
            for widget in (
                [box.fields.widgets["relationship"], box.mrz]
                + [w for k, w in box.fields.widgets.items() if k != "relationship"]
                + [box.remove_button]
            ):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.add_adult_button)
        QWidget.setTabOrder(self.add_adult_button, self.fields.widgets["direction"])

    def _accompaniment_chosen(self) -> None:
        if self._restoring:
            return
        value = get_value(self.fields.widgets["accompaniment"])
        wanted = {"both_parents": 2, "alone": 0, "": 0}.get(value, 1)
        while len(self.adults) < wanted:
            box = self.add_adult(focus=False)
            if value == "both_parents":
                set_value(box.fields.widgets["relationship"], ("mother", "father")[len(self.adults) - 1])
            elif value == "one_parent":
                pass  # mother or father: the officer says which

    def _after_adult_scan(self, box: AdultBox) -> None:
        index = self.adults.index(box) if box in self.adults else -1
        if 0 <= index < len(self.adults) - 1:
            self.adults[index + 1].fields.widgets["relationship"].setFocus()
        else:
            self.fields.widgets["consent"].setFocus()
