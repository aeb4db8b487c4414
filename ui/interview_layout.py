"""The interview's form, laid out (its behaviour is in ui/interview_form.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
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

from borderapp import interview as iv
from ui import i18n, papers
from ui.interview_presence import Presence


def _t(text: str) -> str:
    return QCoreApplication.translate("Interviews", text)


class InterviewLayout(QWidget):
    """The interview's widgets, laid out: header and papers, presence, checklist, the child, decision and
    referral, the signatures and the correction. InterviewForm adds what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: iv.InterviewView | None = None
        self.interview_id = ""
        self.may_create_accounts = False
        self._dirty = False
        self._loading = False
        self.header = QLabel("")
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.back = QPushButton(_t("Back to the queue"))
        self.back.setObjectName("back")
        self.rights_language = QComboBox()
        self.rights_language.setObjectName("rights_language")
        for code, name in iv.rights_languages().items():
            self.rights_language.addItem(name, code)
        self.rights_language.setCurrentIndex(max(self.rights_language.findData(i18n.current()), 0))
        self.rights_button = QPushButton(_t("Rights sheet (PDF)…"))
        self.rights_button.setObjectName("rights_sheet")
        self.slip_button = QPushButton(_t("Referral slip (PDF)…"))
        self.slip_button.setObjectName("referral_slip")

        # presence
        presence = QGroupBox(_t("Present at the interview"))
        self.officer = Presence("female_at_officer")
        self.social = Presence("social_worker")
        self.called_at = QLineEdit()
        self.called_at.setPlaceholderText(_t("called at HH:MM (empty: now)"))
        self.call_reason = QLineEdit()
        self.call_reason.setPlaceholderText(_t("why it takes long, if it does"))
        self.call_button = QPushButton(_t("Record the call"))
        self.call_button.setObjectName("record_call")
        self.temporary_button = QPushButton(_t("Temporary account for a social worker…"))
        self.temporary_button.setObjectName("temporary_account")
        self.presence_message = QLabel("")
        self.presence_message.setObjectName("presence_message")
        self.presence_message.setWordWrap(True)
        call_row = QHBoxLayout()
        self.call_label = QLabel(_t("Stand-by social worker:"))
        self.called_at.setMinimumWidth(190)
        call_row.addWidget(self.call_label)
        call_row.addWidget(self.called_at)
        call_row.addWidget(self.call_reason, 2)
        call_row.addWidget(self.call_button)
        call_row.addWidget(self.temporary_button)
        p = QFormLayout(presence)
        p.addRow(_t("Female anti-trafficking officer"), self.officer)
        p.addRow(_t("Social worker"), self.social)
        p.addRow(call_row)
        p.addRow(self.presence_message)

        # content
        self.content_box = QWidget()
        content = QVBoxLayout(self.content_box)
        content.setContentsMargins(0, 0, 0, 0)
        checklist = QGroupBox(_t("Checklist"))
        self.checklist_grid = QGridLayout(checklist)
        self.items: dict[str, tuple[QComboBox, QLineEdit, QLineEdit, QLabel]] = {}
        about = QGroupBox(_t("The child"))
        a = QFormLayout(about)
        self.child_views = QPlainTextEdit()
        self.child_views.setObjectName("child_views")
        self.child_views.setFixedHeight(60)
        self.language = QLineEdit()
        self.language.setObjectName("language_used")
        self.interpreter_used = QCheckBox(_t("An interpreter was used"))
        self.interpreter_language = QLineEdit()
        self.interpreter_language.setPlaceholderText(_t("interpreter's language"))
        self.no_link = QCheckBox(_t("The interpreter has no link to the accompanying adult"))
        self.guardian = QComboBox()
        for value, label in (
            ("", _t("(choose)")),
            ("present", _t("present")),
            ("requested", _t("requested")),
            ("not_needed", _t("not needed")),
        ):
            self.guardian.addItem(label, value)
        self.notes = QLineEdit()
        interp = QHBoxLayout()
        interp.addWidget(self.interpreter_used)
        interp.addWidget(self.interpreter_language)
        interp.addWidget(self.no_link)
        a.addRow(_t("The child's views"), self.child_views)
        a.addRow(_t("Language used"), self.language)
        a.addRow(_t("Interpreter"), interp)
        a.addRow(_t("Guardian or representative"), self.guardian)
        a.addRow(_t("Notes"), self.notes)
        decision = QGroupBox(_t("Decision and referral"))
        d = QFormLayout(decision)
        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        for value, label in (
            ("", _t("(choose)")),
            ("potential_victim", papers.decision_text("potential_victim")),
            ("at_risk", papers.decision_text("at_risk")),
            ("no_concern", papers.decision_text("no_concern")),
        ):
            self.decision.addItem(label, value)
        self.referral: dict[str, QCheckBox] = {}
        targets = QHBoxLayout()
        for key in ("responsible_authority", "child_protection_unit", "shelter", "family"):
            box = QCheckBox(papers.destination_text(key))
            box.setObjectName(f"referral_{key}")
            self.referral[key] = box
            targets.addWidget(box)
        self.referral_at = QLineEdit()
        self.referral_at.setPlaceholderText(_t("HH:MM (empty: now)"))
        d.addRow(_t("Decision"), self.decision)
        d.addRow(_t("Referred to"), targets)
        d.addRow(_t("Referral time"), self.referral_at)
        content.addWidget(checklist)
        content.addWidget(about)
        content.addWidget(decision)
        self.hidden_note = QLabel(
            _t(
                "Only the interview's participants, social workers and the supervisor see what was said. "
                "Here: who is present and how far the interview is."
            )
        )
        self.hidden_note.setObjectName("hidden_note")
        self.hidden_note.setWordWrap(True)

        # sign-off
        sign = QGroupBox(_t("Both sign the completed interview"))
        self.sign_officer = QLineEdit()
        self.sign_officer.setObjectName("sign_officer")
        self.sign_officer.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_officer.setPlaceholderText(_t("female officer's password"))
        self.sign_social = QLineEdit()
        self.sign_social.setObjectName("sign_social")
        self.sign_social.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_social.setPlaceholderText(_t("social worker's password"))
        self.sign_button = QPushButton(_t("Sign the interview"))
        self.sign_button.setObjectName("sign")
        self.save_button = QPushButton(_t("Save now"))
        self.save_button.setObjectName("save_interview")
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        srow = QHBoxLayout(sign)
        srow.addWidget(self.sign_officer)
        srow.addWidget(self.sign_social)
        srow.addWidget(self.sign_button)
        srow.addWidget(self.save_button)
        self.sign_box = sign
        correction = QGroupBox(_t("Correct the signed interview"))
        self.correct_button = QPushButton(_t("Correct…"))
        self.correct_button.setObjectName("correct_interview")
        self.correction_reason = QLineEdit()
        self.correction_reason.setObjectName("correction_reason")
        self.correction_reason.setPlaceholderText(_t("why (kept with the interview; at least 5 characters)"))
        self.save_correction = QPushButton(_t("Save the correction"))
        self.save_correction.setObjectName("save_correction")
        crow = QHBoxLayout(correction)
        crow.addWidget(self.correct_button)
        crow.addWidget(self.correction_reason, 1)
        crow.addWidget(self.save_correction)
        self.correction_box = correction

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(presence)
        body.addWidget(self.hidden_note)
        body.addWidget(self.content_box)
        body.addWidget(sign)
        body.addWidget(correction)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.header, 1)
        top.addWidget(self.rights_language)
        top.addWidget(self.rights_button)
        top.addWidget(self.slip_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)  # above the form: the outcome of signing or saving is seen at once
        layout.addWidget(scroll, 1)
