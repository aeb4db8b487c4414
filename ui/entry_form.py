"""The crossing form at the booth: scan, check, save, next child. Keyboard only.

Focus starts in the MRZ field. A document reader types its 2-3 lines there; once they read as an MRZ the
child's and the document's fields fill, each check digit shows its result, and focus moves on to the
accompaniment after a short pause (the reader's trailing Enter lands in the MRZ field, where it is harmless).
Enter anywhere else, or Ctrl+S, saves. A saved form clears and focuses the MRZ field for the next child, and
a line names the record. Problems stand under their fields: those about what was typed at once, those about
what is still missing after the first try to save. The flag panel follows the form as it changes.

The form's values are `borderapp.entry` values; everything that needs the store goes through `Op`.
Signals: saved(Event) after a record is stored.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from borderapp import entry, services
from borderapp.events import Event
from ui import domain_text, i18n
from ui.dbworker import Op
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


def _combo(key: str) -> QComboBox:
    box = QComboBox()
    for value, label in choices()[key]:
        box.addItem(label, value)
    return box


def _set(widget: QWidget, value: Any) -> None:
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


def _get(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData() or ""
    raise TypeError(type(widget))


def _changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    raise TypeError(type(widget))


def _mrz_edit(lines: int) -> QPlainTextEdit:
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


def _checks_html(reading: entry.MrzReading) -> str:
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


class _ScanEnd(QObject):
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


class _Fields:
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


class AdultBox(QGroupBox):
    """One accompanying adult: the MRZ of the adult's document fills the fields; the relationship is asked."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, number: int, crossing_day: Any) -> None:
        super().__init__(_t("Adult {0}").format(number))
        self._crossing_day = crossing_day
        self.fields = _Fields()
        self.mrz = _mrz_edit(2)
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
        f.add(left, _t("Relationship"), "relationship", _combo("relationship"))
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
            _changed_signal(widget).connect(self._field_changed)

    def _field_changed(self, *_: Any) -> None:
        self.changed.emit()

    def reading(self) -> entry.MrzReading:
        return entry.read_mrz(self.mrz.toPlainText(), reference=self._crossing_day(), for_adult=True)

    def _mrz_typed(self) -> None:
        reading = entry.read_mrz(self.mrz.toPlainText(), reference=self._crossing_day(), for_adult=True)
        self.mrz_result.setText(_checks_html(reading))
        for key, value in reading.values.items():
            _set(self.fields.widgets[key], value)
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        return {"mrz": self.mrz.toPlainText()} | {k: _get(w) for k, w in self.fields.widgets.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        self.mrz.blockSignals(True)
        self.mrz.setPlainText(str(values.get("mrz") or ""))
        self.mrz.blockSignals(False)
        for key, widget in self.fields.widgets.items():
            _set(widget, values.get(key))


class EntryForm(QWidget):
    """Signals: saved(Event) after a new record is stored; submitted(CrossingRecord) instead, when correcting."""

    saved = Signal(object)
    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None, correcting: bool = False) -> None:
        super().__init__(parent)
        self.correcting = correcting  # a supervisor's correction: no drafts, the dialog stores it
        self.ready = False
        self.bcp = ""
        self._lane = ("exit", "land")
        self._tried_save = False
        self._saving = False
        self._generation = 0
        self._restoring = False
        self.fields = _Fields()
        self.adults: list[AdultBox] = []
        f = self.fields

        # -- left column: scan, child, document ----------------------------------------------------------
        scan = QGroupBox(_t("Document scan"))
        scan_form = QFormLayout(scan)
        self.mrz = _mrz_edit(3)
        f.add(scan_form, _t("MRZ"), "mrz", self.mrz)
        self.mrz_result = QLabel("")
        self.mrz_result.setObjectName("mrz_result")
        self.mrz_result.setWordWrap(True)
        scan_form.addRow("", self.mrz_result)
        child = QGroupBox(_t("Child"))
        child_form = QFormLayout(child)
        f.add(child_form, _t("Family name"), "family_name", QLineEdit())
        f.add(child_form, _t("Given names"), "given_names", QLineEdit())
        f.add(child_form, _t("Born"), "birth_date", QLineEdit())
        f.add(child_form, _t("Sex"), "sex", _combo("sex"))
        f.add(child_form, _t("Nationality"), "nationality", QLineEdit())
        presumed = QCheckBox(_t("Presumed minor (no reliable date of birth)"))
        f.add(child_form, _t("Age in doubt"), "presumed_minor", presumed)
        f.add(child_form, _t("Estimated age"), "estimated_age", QLineEdit())
        document = QGroupBox(_t("Document"))
        doc_form = QFormLayout(document)
        f.add(doc_form, _t("Type"), "document_type", _combo("document_type"))
        f.add(doc_form, _t("Number"), "document_number", QLineEdit())
        f.add(doc_form, _t("Issued by"), "issuing_state", QLineEdit())
        f.add(doc_form, _t("Expires"), "expiry", QLineEdit())

        # -- right column: crossing, company, journey, outcome --------------------------------------------
        crossing = QGroupBox(_t("Crossing"))
        crossing_form = QFormLayout(crossing)
        f.add(crossing_form, _t("Accompanied by"), "accompaniment", _combo("accompaniment"))
        self.adults_box = QVBoxLayout()
        self.adults_box.setSpacing(4)
        crossing_form.addRow(self.adults_box)
        self.add_adult_button = QPushButton(_t("Add an adult (Ctrl+D)"))
        self.add_adult_button.setObjectName("add_adult")
        self.add_adult_button.setAutoDefault(False)
        crossing_form.addRow("", self.add_adult_button)
        adults_error = QLabel("")
        adults_error.setStyleSheet(ERROR_STYLE)
        adults_error.setWordWrap(True)
        adults_error.setObjectName("error_adults")
        adults_error.hide()
        crossing_form.addRow("", adults_error)
        f.errors["adults"] = adults_error
        f.add(crossing_form, _t("Direction"), "direction", _combo("direction"))
        f.add(crossing_form, _t("Transport"), "transport", _combo("transport"))
        f.add(crossing_form, _t("Vehicle"), "vehicle", QLineEdit())
        f.add(crossing_form, _t("Time"), "crossed_at", QLineEdit())
        journey = QGroupBox(_t("Journey and consent"))
        journey_form = QFormLayout(journey)
        f.add(journey_form, _t("Consent document"), "consent", _combo("consent"))
        f.add(journey_form, _t("Host named in it"), "consent_host", QLineEdit())
        f.add(journey_form, _t("Purpose"), "purpose", _combo("purpose"))
        f.add(journey_form, _t("Destination"), "destination", QLineEdit())
        f.add(journey_form, _t("Host or hotel"), "host", QLineEdit())
        f.add(journey_form, _t("Planned return"), "planned_return", QLineEdit())
        f.add(journey_form, _t("Return ticket"), "return_ticket", QCheckBox(_t("Shown")))
        f.add(journey_form, _t("Paid by"), "paid_by", _combo("paid_by"))
        f.add(journey_form, _t("Payer's name"), "payer", QLineEdit())
        outcome = QGroupBox(_t("Outcome"))
        outcome_form = QFormLayout(outcome)
        f.add(outcome_form, _t("Outcome"), "outcome", _combo("outcome"))
        differ = QCheckBox(_t("The child's and the adults' answers differ"))
        f.add(outcome_form, _t("Contradictions"), "contradictions", differ)
        f.add(outcome_form, _t("Notes"), "notes", QLineEdit())

        for key in ("nationality", "issuing_state", "destination"):
            edit = f.widgets[key]
            assert isinstance(edit, QLineEdit)
            edit.setMaxLength(3)
            edit.setPlaceholderText(_t("ALB, GRC, XKX…"))
        for key in ("birth_date", "expiry", "planned_return"):
            edit = f.widgets[key]
            assert isinstance(edit, QLineEdit)
            edit.setPlaceholderText(_t("DD.MM.YYYY"))
        crossed_at = f.widgets["crossed_at"]
        assert isinstance(crossed_at, QLineEdit)
        crossed_at.setPlaceholderText(_t("now, or HH:MM if earlier"))
        estimated = f.widgets["estimated_age"]
        assert isinstance(estimated, QLineEdit)
        estimated.setPlaceholderText(_t("years, when the age is in doubt"))

        # -- flags, save, confirmation ------------------------------------------------------------------
        self.confirmation = QLabel("")
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setWordWrap(True)
        self.confirmation.setStyleSheet("background: #e3f2e6; color: #0f3d1e; padding: 6px; border-radius: 3px;")
        self.confirmation.hide()
        self.draft_banner = QLabel("")
        self.draft_banner.setObjectName("draft_banner")
        self.draft_banner.setWordWrap(True)
        self.draft_banner.setStyleSheet("background: #fff4d6; color: #4a3500; padding: 6px; border-radius: 3px;")
        self.draft_banner.hide()
        flags_title = QLabel(f"<b>{_t('Risk flags')}</b>")
        self.flags = QLabel("")
        self.flags.setObjectName("flags")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.flags.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.problems = QLabel("")
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.save_button = QPushButton(_t("Save (Enter or Ctrl+S)"))
        self.save_button.setObjectName("save")
        self.save_button.setAutoDefault(False)
        self.clear_button = QPushButton(_t("Clear form (Ctrl+N)"))
        self.clear_button.setObjectName("clear")
        self.clear_button.setAutoDefault(False)

        left = QVBoxLayout()
        left.addWidget(scan)
        left.addWidget(child)
        left.addWidget(document)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(crossing)
        right.addWidget(journey)
        right.addWidget(outcome)
        right.addStretch(1)
        columns = QWidget()
        grid = QHBoxLayout(columns)
        grid.addLayout(left, 1)
        grid.addLayout(right, 1)
        scroll = QScrollArea()
        scroll.setWidget(columns)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the columns shrink instead
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        side = QVBoxLayout()
        side.addWidget(self.confirmation)
        side.addWidget(self.draft_banner)
        side.addWidget(flags_title)
        side.addWidget(self.flags, 1)
        side.addWidget(self.problems)
        side.addWidget(self.save_button)  # one above the other: room for the longer Albanian labels
        side.addWidget(self.clear_button)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(330)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(scroll, 1)
        outer.addWidget(side_widget)

        # -- behaviour ------------------------------------------------------------------------------------
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(150)
        self._live.timeout.connect(self.refresh)
        self._draft = QTimer(self)
        self._draft.setSingleShot(True)
        self._draft.setInterval(1000)
        self._draft.timeout.connect(self.flush_draft)
        self._advance = QTimer(self)  # after a complete scan, once the reader has stopped typing
        self._advance.setSingleShot(True)
        self._advance.setInterval(350)
        self._advance.timeout.connect(self._after_scan)
        for widget in f.widgets.values():
            _changed_signal(widget).connect(self._changed)
        self.mrz.textChanged.connect(self._mrz_typed)
        _ScanEnd(self.mrz, self._reading, self._after_scan_now)
        accompaniment = f.widgets["accompaniment"]
        assert isinstance(accompaniment, QComboBox)
        accompaniment.currentIndexChanged.connect(self._accompaniment_chosen)
        self.add_adult_button.clicked.connect(lambda: self.add_adult(focus=True))
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)
        if correcting:
            self.save_button.hide()  # the correction dialog has its own, with the reason
            self.clear_button.hide()
        keys_slots = [("Ctrl+S", self.save), ("Ctrl+D", lambda: self.add_adult(True))]
        if not correcting:
            keys_slots.append(("Ctrl+N", self.clear))
        for keys, slot in keys_slots:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.refresh()

    # -- values ------------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        out = {key: _get(widget) for key, widget in self.fields.widgets.items()}
        out["adults"] = [box.values() for box in self.adults]
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        self._restoring = True
        try:
            for box in list(self.adults):
                self._drop_adult(box)
            for key, widget in self.fields.widgets.items():
                if key in values:
                    _set(widget, values[key])
            for adult in values.get("adults") or []:
                self.add_adult(focus=False).set_values(adult)
        finally:
            self._restoring = False
        self._show_scan()
        self._changed()

    def start(self, bcp: str) -> None:
        """After sign-in: the station's lane, then the user's unfinished form if one was kept."""
        self.bcp = bcp
        self.ready = False
        Op(self, lambda s: (services.entry_defaults(s), services.load_draft(s))).success(self._started).run()

    def _started(self, result: Any) -> None:
        lane, draft = result
        self._lane = lane
        self.ready = True  # the station's lane and the user's draft are in (tests and the benchmark wait for it)
        self.clear(keep_draft=True)
        if draft is not None and draft.kind == "crossing" and not entry.is_blank(draft.data):
            self.set_values(draft.data)
            when = datetime.fromisoformat(draft.saved_at.replace("Z", "+00:00")).astimezone()
            self.draft_banner.setText(
                _t("Your unfinished form from {0} is back. Finish it, or press Ctrl+N to start again.").format(
                    when.strftime("%d.%m.%Y %H:%M")
                )
            )
            self.draft_banner.show()
        self.mrz.setFocus()

    # -- adults ------------------------------------------------------------------------------------------
    def add_adult(self, focus: bool = True) -> AdultBox:
        box = AdultBox(len(self.adults) + 1, self._crossing_day)
        _ScanEnd(box.mrz, box.reading, lambda: self._after_adult_scan(box))
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
        value = _get(self.fields.widgets["accompaniment"])
        wanted = {"both_parents": 2, "alone": 0, "": 0}.get(value, 1)
        while len(self.adults) < wanted:
            box = self.add_adult(focus=False)
            if value == "both_parents":
                _set(box.fields.widgets["relationship"], ("mother", "father")[len(self.adults) - 1])
            elif value == "one_parent":
                pass  # mother or father: the officer says which

    # -- MRZ ---------------------------------------------------------------------------------------------
    def _crossing_day(self) -> Any:
        return datetime.now().astimezone().date()

    def _reading(self) -> entry.MrzReading:
        return entry.read_mrz(self.mrz.toPlainText(), reference=self._crossing_day())

    def _mrz_typed(self) -> None:
        if self._restoring:
            return
        reading = self._reading()
        self._show_scan(reading)
        if reading.complete and not reading.error:
            self._restoring = True  # the fields below change together; one refresh after
            try:
                for key, value in reading.values.items():
                    _set(self.fields.widgets[key], value)
            finally:
                self._restoring = False
            self._changed()
            self._advance.start()

    def _show_scan(self, reading: entry.MrzReading | None = None) -> None:
        self.mrz_result.setText(_checks_html(reading or self._reading()))

    def _after_scan(self) -> None:
        if self.mrz.hasFocus():
            self.fields.widgets["accompaniment"].setFocus()

    def _after_scan_now(self) -> None:
        self._advance.stop()
        self.fields.widgets["accompaniment"].setFocus()

    def _after_adult_scan(self, box: AdultBox) -> None:
        index = self.adults.index(box) if box in self.adults else -1
        if 0 <= index < len(self.adults) - 1:
            self.adults[index + 1].fields.widgets["relationship"].setFocus()
        else:
            self.fields.widgets["consent"].setFocus()

    # -- live checks -------------------------------------------------------------------------------------
    def _changed(self, *_: Any) -> None:
        if self._restoring:
            return
        self.confirmation.hide()
        self._live.start()
        if not self.correcting:
            self._draft.start()

    def _now(self) -> datetime:
        return datetime.now().astimezone()

    def refresh(self) -> None:
        """Field problems and flags for the form as it is now."""
        values = self.values()
        built = entry.build(values, bcp=self.bcp or "KAK", now=self._now())
        self._show_problems(values, built.problems)
        self._generation += 1
        generation = self._generation
        if built.record is None and entry.is_blank(values, *self._lane):
            self.flags.setText(
                f"<p style='color:#555'>{_t('Scan the child’s document, or type the fields, to begin.')}</p>"
            )
            return
        if built.record is None:
            waiting = _t("The flags show once the form is complete ({0} to fill in or fix).")
            self.flags.setText(f"<p style='color:#555'>{waiting.format(len(built.problems))}</p>")
            return
        record = built.record
        language = i18n.current()
        Op(self, lambda s: services.flags_for(s, record, language)).success(
            lambda flags: self._show_flags(generation, flags)
        ).run()

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
                typed = bool(_get(box.fields.widgets[key]))
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

    # -- save, clear, drafts -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Line edits, combo boxes and check boxes pass Enter up to here; the MRZ field keeps it (line break).
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        if self._saving:
            return
        self._tried_save = True
        values = self.values()
        built = entry.build(values, bcp=self.bcp, now=self._now())
        if built.record is None:
            self._show_problems(values, built.problems)
            self._focus_first_problem(built.problems)
            return
        record = built.record
        if self.correcting:
            self.submitted.emit(record)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._draft.stop()

        def job(session: Any) -> Event:
            event = services.record_crossing(session, record)
            services.discard_draft(session)
            return event

        Op(self, job).success(self._saved).failure(self._not_saved).run()

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

    def _saved(self, event: Event) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        record = event.payload["record"]
        child = record["child"]
        crossing = record["crossing"]
        when = datetime.fromisoformat(crossing["crossed_at"].replace("Z", "+00:00")).astimezone()
        flags = event.payload.get("flags") or []
        self._lane = (crossing["direction"], crossing["transport"])
        self.clear(keep_draft=True)
        text = _t("Saved: {0} {1}, {2} at {3}. Record {4}.").format(
            child["family_name"].upper(),
            child["given_names"],
            _t("exit") if crossing["direction"] == "exit" else _t("entry"),
            when.strftime("%H:%M"),
            event.record_id[-8:],
        )
        text += " " + (_t("Flags: {0}.").format(", ".join(flags)) if flags else _t("No flags."))
        self.confirmation.setText(text)
        self.confirmation.show()
        self.saved.emit(event)

    def _not_saved(self, error: BaseException) -> None:
        # Nothing is lost: the form keeps what was typed and the draft is saved again.
        self._saving = False
        self.save_button.setEnabled(True)
        self.problems.setText(_t("Not saved: {0}").format(domain_text.text(str(error))))
        self._draft.start()

    def clear(self, keep_draft: bool = False) -> None:
        """A fresh form for the next child: direction and transport stay; focus in the MRZ field."""
        self._tried_save = False
        self.set_values(entry.blank(*self._lane))
        self.draft_banner.hide()
        self.problems.setText("")
        self.confirmation.hide()
        self._draft.stop()
        if not keep_draft and not self.correcting:
            Op(self, services.discard_draft).run()
        self.mrz.setFocus()

    def flush_draft(self) -> Op | None:
        """Keep what is typed now as the user's draft (or drop the draft if the form is empty)."""
        self._draft.stop()
        if self.correcting:
            return None
        values = self.values()
        if entry.is_blank(values, *self._lane):
            return Op(self, services.discard_draft).run()
        return Op(self, lambda s: services.save_draft(s, "crossing", values)).run()

    def forget(self) -> None:
        """Before a lock: nothing typed stays on screen (the draft holds it, encrypted)."""
        self.set_values(entry.blank(*self._lane))
        self._live.stop()
        self._draft.stop()
        self.confirmation.hide()
        self.draft_banner.hide()
