"""The crossing form's layout: the two columns of group boxes (scan, child, document; crossing and adults,
journey and consent, outcome) in a scroll area, and the side panel (flags, problems, save). `build` makes the
widgets on the form it is given, so the form (ui/entry_form.py) holds only behaviour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.form_fields import combo, mrz_edit
from ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from ui.entry_form import EntryForm


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


def build(form: EntryForm) -> None:
    """The form's widgets, in its `fields` and as its attributes (mrz, adults_box, flags, save_button…)."""
    f = form.fields
    # -- left column: scan, child, document ----------------------------------------------------------
    scan = QGroupBox(_t("Document scan"))
    scan_form = QFormLayout(scan)
    form.mrz = mrz_edit(3)
    f.add(scan_form, _t("MRZ"), "mrz", form.mrz)
    form.mrz_result = QLabel("")
    form.mrz_result.setObjectName("mrz_result")
    form.mrz_result.setWordWrap(True)
    scan_form.addRow("", form.mrz_result)
    child = QGroupBox(_t("Child"))
    child_form = QFormLayout(child)
    f.add(child_form, _t("Family name"), "family_name", QLineEdit())
    f.add(child_form, _t("Given names"), "given_names", QLineEdit())
    f.add(child_form, _t("Born"), "birth_date", QLineEdit())
    f.add(child_form, _t("Sex"), "sex", combo("sex"))
    f.add(child_form, _t("Nationality"), "nationality", QLineEdit())
    presumed = QCheckBox(_t("Presumed minor (no reliable date of birth)"))
    f.add(child_form, _t("Age in doubt"), "presumed_minor", presumed)
    f.add(child_form, _t("Estimated age"), "estimated_age", QLineEdit())
    document = QGroupBox(_t("Document"))
    doc_form = QFormLayout(document)
    f.add(doc_form, _t("Type"), "document_type", combo("document_type"))
    f.add(doc_form, _t("Number"), "document_number", QLineEdit())
    f.add(doc_form, _t("Issued by"), "issuing_state", QLineEdit())
    f.add(doc_form, _t("Expires"), "expiry", QLineEdit())

    # -- right column: crossing, company, journey, outcome --------------------------------------------
    crossing = QGroupBox(_t("Crossing"))
    crossing_form = QFormLayout(crossing)
    f.add(crossing_form, _t("Accompanied by"), "accompaniment", combo("accompaniment"))
    form.adults_box = QVBoxLayout()
    form.adults_box.setSpacing(4)
    crossing_form.addRow(form.adults_box)
    form.add_adult_button = QPushButton(_t("Add an adult (Ctrl+D)"))
    form.add_adult_button.setObjectName("add_adult")
    form.add_adult_button.setAutoDefault(False)
    crossing_form.addRow("", form.add_adult_button)
    adults_error = QLabel("")
    adults_error.setStyleSheet(ERROR_STYLE)
    adults_error.setWordWrap(True)
    adults_error.setObjectName("error_adults")
    adults_error.hide()
    crossing_form.addRow("", adults_error)
    f.errors["adults"] = adults_error
    f.add(crossing_form, _t("Direction"), "direction", combo("direction"))
    f.add(crossing_form, _t("Transport"), "transport", combo("transport"))
    f.add(crossing_form, _t("Vehicle"), "vehicle", QLineEdit())
    f.add(crossing_form, _t("Time"), "crossed_at", QLineEdit())
    journey = QGroupBox(_t("Journey and consent"))
    journey_form = QFormLayout(journey)
    f.add(journey_form, _t("Consent document"), "consent", combo("consent"))
    f.add(journey_form, _t("Host named in it"), "consent_host", QLineEdit())
    f.add(journey_form, _t("Purpose"), "purpose", combo("purpose"))
    f.add(journey_form, _t("Destination"), "destination", QLineEdit())
    f.add(journey_form, _t("Host or hotel"), "host", QLineEdit())
    f.add(journey_form, _t("Planned return"), "planned_return", QLineEdit())
    f.add(journey_form, _t("Return ticket"), "return_ticket", QCheckBox(_t("Shown")))
    f.add(journey_form, _t("Paid by"), "paid_by", combo("paid_by"))
    f.add(journey_form, _t("Payer's name"), "payer", QLineEdit())
    outcome = QGroupBox(_t("Outcome"))
    outcome_form = QFormLayout(outcome)
    f.add(outcome_form, _t("Outcome"), "outcome", combo("outcome"))
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
    form.confirmation = QLabel("")
    form.confirmation.setObjectName("confirmation")
    form.confirmation.setWordWrap(True)
    form.confirmation.setStyleSheet("background: #e3f2e6; color: #0f3d1e; padding: 6px; border-radius: 3px;")
    form.confirmation.hide()
    form.draft_banner = QLabel("")
    form.draft_banner.setObjectName("draft_banner")
    form.draft_banner.setWordWrap(True)
    form.draft_banner.setStyleSheet("background: #fff4d6; color: #4a3500; padding: 6px; border-radius: 3px;")
    form.draft_banner.hide()
    flags_title = QLabel(f"<b>{_t('Risk flags')}</b>")
    form.flags = QLabel("")
    form.flags.setObjectName("flags")
    form.flags.setWordWrap(True)
    form.flags.setTextFormat(Qt.TextFormat.RichText)
    form.flags.setAlignment(Qt.AlignmentFlag.AlignTop)
    form.problems = QLabel("")
    form.problems.setObjectName("problems")
    form.problems.setWordWrap(True)
    form.problems.setStyleSheet(ERROR_STYLE)
    form.save_button = QPushButton(_t("Save (Enter or Ctrl+S)"))
    form.save_button.setObjectName("save")
    form.save_button.setAutoDefault(False)
    form.clear_button = QPushButton(_t("Clear form (Ctrl+N)"))
    form.clear_button.setObjectName("clear")
    form.clear_button.setAutoDefault(False)

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
    side.addWidget(form.confirmation)
    side.addWidget(form.draft_banner)
    side.addWidget(flags_title)
    side.addWidget(form.flags, 1)
    side.addWidget(form.problems)
    side.addWidget(form.save_button)  # one above the other: room for the longer Albanian labels
    side.addWidget(form.clear_button)
    side_widget = QWidget()
    side_widget.setLayout(side)
    side_widget.setFixedWidth(330)
    outer = QHBoxLayout(form)
    outer.setContentsMargins(4, 4, 4, 4)
    outer.addWidget(scroll, 1)
    outer.addWidget(side_widget)
