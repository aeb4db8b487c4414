"""What the crossing form tells the officer as it changes: each problem under its field (what was typed wrongly
at once, what is missing after the first try to save), the risk flags, and focus on the first problem. A part of
EntryForm (ui/entry_form.py), kept in its own module."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ui import domain_text
from ui.adult_box import AdultBox
from ui.form_fields import Fields, get_value


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


class EntryFeedback:
    """EntryForm's problems and flags. The form provides what is declared here."""

    fields: Fields
    adults: list[AdultBox]
    flags: QLabel
    problems: QLabel
    _tried_save: bool
    _generation: int

    def _show_problems(self, values: dict[str, Any], problems: dict[str, str]) -> None:
        adult_lines: list[str] = []
        for key, label in self.fields.errors.items():
            text = problems.get(key, "")
            typed = key in values and values[key] not in ("", False, [], None)
            visible = bool(text) and (self._tried_save or typed or key == "mrz")
            text = domain_text.text(text)
            label.setText(text[:1].upper() + text[1:] if visible else "")
            label.setVisible(visible)
        for box_number, box in enumerate(self.adults):
            for key, label in box.fields.errors.items():
                text = domain_text.text(problems.get(f"adults.{box_number}.{key}", ""))
                typed = bool(get_value(box.fields.widgets[key]))
                visible = bool(text) and (self._tried_save or typed)
                label.setText(text[:1].upper() + text[1:] if visible else "")
                label.setVisible(visible)
        if self._tried_save and problems:
            adult_lines = [problems[k] for k in problems if k == "form"]
            self.problems.setText(
                _t("{0} thing(s) to fix before saving; each is shown under its field.").format(len(problems))
                + "".join(f"\n{line}" for line in adult_lines)
            )
        else:
            self.problems.setText("")

    def _show_flags(self, generation: int, flags: list[Any]) -> None:
        if generation != self._generation:
            return  # the form changed since
        if not flags:
            self.flags.setText(f"<p style='color:#1b7f3b'>{_t('No risk flags.')}</p>")
            return
        colours = {"high": "#a4161a", "medium": "#9a5b00", "low": "#35506b"}
        items = "".join(
            f"<p><b style='color:{colours[f.severity]}'>{f.code} {html.escape(f.title)}</b><br>"
            f"{html.escape(f.explanation)}</p>"
            for f in flags
        )
        self.flags.setText(items)

    def _focus_first_problem(self, problems: dict[str, str]) -> None:
        for key, widget in self.fields.widgets.items():
            if key in problems:
                widget.setFocus()
                return
        for n, box in enumerate(self.adults):
            for key, widget in box.fields.widgets.items():
                if f"adults.{n}.{key}" in problems:
                    widget.setFocus()
                    return
        if "adults" in problems:
            self.fields.widgets["accompaniment"].setFocus()
