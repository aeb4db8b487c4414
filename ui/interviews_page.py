"""The initial interview: the queue, then the interview itself (presence, checklist, the child's views,
decision and referral, the two signatures), and the papers (referral slip, rights sheet).

What is typed is saved as `interview.saved` events (every 15 s while it changes, on "Save", before a lock and
when leaving the interview), so a lock, a crash or a restart loses nothing. Who sees the content is decided
in `borderapp.interview`; the page shows what it is given. All store work goes through `Op`.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from borderapp import entry, reference, services
from borderapp import interview as iv
from borderapp.errors import InvalidInput
from borderapp.events import format_time
from ui import domain_text, i18n, papers
from ui.dbworker import Op
from ui.widgets import ERROR_STYLE, OK_STYLE, read_only_table


def _t(text: str) -> str:
    return QCoreApplication.translate("Interviews", text)


def _waited(seconds: float) -> str:
    minutes = int(seconds // 60)
    if minutes < 60:
        return _t("{0} min").format(minutes)
    hours = minutes // 60
    return _t("{0} h {1} min").format(hours, minutes % 60) if hours < 48 else _t("{0} days").format(hours // 24)


def _utc(text: str) -> str:
    """A typed time (blank: now; HH:MM today; or a date and a time), as stored (UTC)."""
    now = datetime.now().astimezone()
    return format_time(entry.parse_time(text, now).astimezone(UTC))


class QueuePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[iv.QueueItem] = []
        self.table = read_only_table(
            "queue",
            [_t("Waiting"), _t("Child"), _t("Crossing"), _t("Flags"), _t("Interview"), _t("Present")],
            rows=True,
            single=True,
        )
        self.open_button = QPushButton(_t("Open the interview"))
        self.open_button.setObjectName("open_interview")
        self.refresh_button = QPushButton(_t("Refresh"))
        self.empty = QLabel(_t("No child is waiting for an interview."))
        self.empty.setObjectName("empty")
        top = QHBoxLayout()
        top.addWidget(
            QLabel(
                _t(
                    "Children flagged in the last 72 hours or sent to second line, and interviews not yet signed; "
                    "the longest waiting first."
                )
            ),
            1,
        )
        top.addWidget(self.refresh_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.load)

    def load(self) -> None:
        Op(self, iv.queue).success(self._show).run()

    def _show(self, items: list[iv.QueueItem]) -> None:
        self.items = items
        self.empty.setVisible(not items)
        waiting = sum(1 for item in items if item.status == "waiting")
        if waiting >= iv.QUEUE_LIMIT:
            self.empty.setText(_t("Only the {0} longest waiting are shown.").format(iv.QUEUE_LIMIT))
            self.empty.setVisible(True)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            c = item.crossing
            present = []
            if item.officer_present:
                present.append(_t("female officer"))
            if item.social_worker_present:
                present.append(_t("social worker"))
            cells = [
                _waited(item.waited_s),
                f"{c.family_name}, {c.given_names}",
                f"{i18n.utc_text(c.crossed_at)} · {_t('Exit') if c.direction == 'exit' else _t('Entry')}",
                " ".join(c.flags) or "-",
                _t("open") if item.status == "open" else _t("waiting"),
                ", ".join(present) or "-",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if items and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def selected(self) -> iv.QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None


class _Presence(QWidget):
    """One participant's presence: who, password, (organisation), confirm."""

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role
        self.state = QLabel("")
        self.state.setObjectName(f"state_{role}")
        self.state.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName(f"user_{role}")
        self.username.setPlaceholderText(_t("user name"))
        self.password = QLineEdit()
        self.password.setObjectName(f"password_{role}")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_t("his or her own password"))
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(_t("badge or organisation"))
        self.confirm = QPushButton(_t("Confirm presence"))
        self.confirm.setObjectName(f"confirm_{role}")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.username, 2)
        row.addWidget(self.password, 2)
        row.addWidget(self.organisation, 2)
        row.addWidget(self.confirm)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.state)
        box.addLayout(row)


class TemporaryAccountDialog(QDialog):
    """The supervisor gives an arriving social worker with no account here one that expires by itself."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Temporary account for a social worker"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.organisation = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hours = QLineEdit("12")
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.create_button = QPushButton(_t("Create the account"))
        form = QFormLayout(self)
        form.addRow(_t("User name"), self.username)
        form.addRow(_t("Full name"), self.full_name)
        form.addRow(_t("Organisation"), self.organisation)
        form.addRow(_t("Password (typed by the social worker)"), self.password)
        form.addRow(_t("Password again"), self.repeat)
        form.addRow(_t("Expires after (hours)"), self.hours)
        form.addRow(self.message)
        form.addRow(self.create_button)
        self.create_button.clicked.connect(self.submit)

    def submit(self) -> None:
        username, full_name, organisation = (
            self.username.text().strip(),
            self.full_name.text(),
            self.organisation.text(),
        )
        password, repeat = self.password.text(), self.repeat.text()
        hours = int(self.hours.text()) if self.hours.text().strip().isdigit() else 0

        def job(session: Any) -> Any:
            return services.add_temporary_social_worker(
                session,
                username=username,
                full_name=full_name,
                organisation=organisation,
                password=password,
                repeat=repeat,
                hours=hours,
            )

        Op(self, job).success(lambda _: self.accept()).failure(
            lambda e: self.message.setText(domain_text.sentences(e))
        ).run()


class InterviewForm(QWidget):
    """One interview. `show_interview(id)` loads it; `flush()` saves what is typed."""

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
        self.officer = _Presence("female_at_officer")
        self.social = _Presence("social_worker")
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

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(15_000)
        self._autosave.timeout.connect(self.flush)
        self.officer.confirm.clicked.connect(lambda: self._confirm(self.officer))
        self.social.confirm.clicked.connect(lambda: self._confirm(self.social))
        self.officer.password.returnPressed.connect(lambda: self._confirm(self.officer))
        self.social.password.returnPressed.connect(lambda: self._confirm(self.social))
        self.call_button.clicked.connect(self._call)
        self.temporary_button.clicked.connect(self._temporary)
        self.sign_button.clicked.connect(self.sign)
        self.correct_button.clicked.connect(self._start_correction)
        self.save_correction.clicked.connect(self.correct)
        self.save_button.clicked.connect(self.flush)
        self.rights_button.clicked.connect(self._rights)
        self.slip_button.clicked.connect(self._slip)
        for widget in (self.language, self.interpreter_language, self.notes, self.referral_at):
            widget.textChanged.connect(self._changed)
        self.child_views.textChanged.connect(self._changed)
        for check in (self.interpreter_used, self.no_link, *self.referral.values()):
            check.toggled.connect(self._changed)
        self.guardian.currentIndexChanged.connect(self._changed)
        self.decision.currentIndexChanged.connect(self._changed)

    # -- loading --------------------------------------------------------------------------------------------
    def _build_checklist(self, checklist_id: str) -> None:
        while self.checklist_grid.count():
            item = self.checklist_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.items.clear()
        checklist = reference.checklists()[checklist_id]
        language = i18n.current() if i18n.current() in checklist["languages"] else "en"
        for row, item in enumerate(checklist["items"]):
            text = QLabel(f"{row + 1}. {item[language]}")
            text.setWordWrap(True)
            answer = QComboBox()
            answer.setObjectName(f"answer_{item['key']}")
            for value, label in (("", "—"), ("yes", _t("Yes")), ("no", _t("No")), ("na", _t("Not applicable"))):
                answer.addItem(label, value)
            reason = QLineEdit()
            reason.setPlaceholderText(_t("why not applicable") if item.get("reason_if_na") else "")
            reason.setEnabled(bool(item.get("reason_if_na")))
            note = QLineEdit()
            note.setPlaceholderText(_t("note"))
            problem = QLabel("")
            problem.setStyleSheet(ERROR_STYLE)
            problem.hide()
            self.checklist_grid.addWidget(text, row * 2, 0)
            self.checklist_grid.addWidget(answer, row * 2, 1)
            self.checklist_grid.addWidget(reason, row * 2, 2)
            self.checklist_grid.addWidget(note, row * 2, 3)
            self.checklist_grid.addWidget(problem, row * 2 + 1, 0, 1, 4)
            answer.currentIndexChanged.connect(self._changed)
            reason.textChanged.connect(self._changed)
            note.textChanged.connect(self._changed)
            self.items[item["key"]] = (answer, reason, note, problem)
        self.checklist_grid.setColumnStretch(0, 4)
        self.checklist_grid.setColumnStretch(2, 2)
        self.checklist_grid.setColumnStretch(3, 2)

    def show_interview(self, interview_id: str) -> None:
        self.interview_id = interview_id
        Op(self, lambda s: iv.show(s, interview_id)).success(self._show).run()

    def _show(self, view: iv.InterviewView) -> None:
        self.view = view
        self._loading = True
        try:
            row, c = view.row, view.crossing
            who = f"{html.escape(c.family_name)}, {html.escape(c.given_names)}" if c else "?"
            status = _t("signed") if view.signed else _t("open")
            self.header.setText(
                f"<b>{who}</b> · {' '.join(c.flags) if c else ''} · "
                + _t("crossing {0}, interview opened {1}, {2}").format(
                    i18n.utc_text(row["crossing_at"]), i18n.utc_text(row["opened_at"]), status
                )
            )
            self._show_presence(view)
            allowed = view.content is not None
            self.content_box.setVisible(allowed)
            self.sign_box.setVisible(allowed and not view.signed)
            self.hidden_note.setVisible(not allowed)
            self.slip_button.setEnabled(view.signed)
            self._build_checklist(row["checklist"])
            if view.content is not None:
                self._fill(view)
            self._set_read_only(view.signed or not allowed)
            self.correction_box.setVisible(allowed and view.signed)
            self.correction_reason.setVisible(False)
            self.save_correction.setVisible(False)
            self.correct_button.setVisible(True)
            self._dirty = False
        finally:
            self._loading = False

    def _show_presence(self, view: iv.InterviewView) -> None:
        missing = []
        for widget, role, text in (
            (self.officer, "female_at_officer", _t("the female anti-trafficking officer")),
            (self.social, "social_worker", _t("the social worker")),
        ):
            here = [a for a in view.attendance if a["role"] == role]
            if here:
                a = here[-1]
                badge = f" ({a['badge_or_organisation']})" if a.get("badge_or_organisation") else ""
                widget.state.setText(
                    f"<span style='{OK_STYLE}'>✓ "
                    + _t("{0}{1}, arrived {2}").format(
                        html.escape(a["name"]), html.escape(badge), i18n.utc_text(a["arrived_at"])
                    )
                    + "</span>"
                )
                for w in (widget.username, widget.password, widget.organisation, widget.confirm):
                    w.hide()
            else:
                missing.append(text)
                widget.state.setText(f"<span style='{ERROR_STYLE}'>" + _t("Not present yet") + "</span>")
                for w in (widget.username, widget.password, widget.organisation, widget.confirm):
                    w.setVisible(not view.signed)
        calls = [
            _t("called at {0}").format(i18n.utc_text(c["called_at"])) + (f" ({c['reason']})" if c.get("reason") else "")
            for c in view.calls
        ]
        text = ""
        if missing and not view.signed:
            who = f" {_t('and')} ".join(missing)
            text = _t("Missing: {0}. The interview cannot be signed without both.").format(who)
        if calls:
            text += ("\n" if text else "") + _t("Social worker {0}.").format("; ".join(calls))
        self.presence_message.setText(text)
        self.presence_message.setStyleSheet(ERROR_STYLE if missing and not view.signed else "")
        self.temporary_button.setVisible(self.may_create_accounts and not view.signed)
        social_here = any(a["role"] == "social_worker" for a in view.attendance)
        call_row: list[QWidget] = [self.call_label, self.called_at, self.call_reason, self.call_button]
        for part in call_row:
            part.setVisible(not view.signed and not social_here)
        if view.signed:
            names = " · ".join(f"{html.escape(sig['name'])}" for sig in view.signatures)
            signed = _t("Signed by both: {0}, {1}.").format(names, i18n.utc_text(view.row["signed_at"]))
            self.presence_message.setText(f"{text}\n{signed}" if text else signed)

    def _fill(self, view: iv.InterviewView) -> None:
        content = view.content or iv.Content()
        for key, (answer, reason, note, _) in self.items.items():
            given = content.items.get(key, iv.ItemAnswer())
            answer.setCurrentIndex(max(answer.findData(given.answer or ""), 0))
            reason.setText(given.reason or "")
            note.setText(given.note or "")
        self.child_views.setPlainText(content.child_views or "")
        self.language.setText(content.language or "")
        self.interpreter_used.setChecked(content.interpreter is not None)
        self.interpreter_language.setText(content.interpreter.language if content.interpreter else "")
        self.no_link.setChecked(bool(content.interpreter and content.interpreter.no_link_confirmed))
        self.guardian.setCurrentIndex(max(self.guardian.findData(content.guardian or ""), 0))
        self.notes.setText(content.notes or "")
        self.decision.setCurrentIndex(max(self.decision.findData(view.decision or ""), 0))
        referral = view.referral or iv.Referral()
        for key, box in self.referral.items():
            box.setChecked(key in referral.to)
        self.referral_at.setText(i18n.utc_text(referral.at) if referral.at else "")

    def _set_read_only(self, read_only: bool) -> None:
        for answer, reason, note, _ in self.items.values():
            answer.setEnabled(not read_only)
            note.setReadOnly(read_only)
            reason.setReadOnly(read_only)
        self.child_views.setReadOnly(read_only)
        for edit in (self.language, self.interpreter_language, self.notes, self.referral_at):
            edit.setReadOnly(read_only)
        for widget in (self.interpreter_used, self.no_link, self.guardian, self.decision, *self.referral.values()):
            widget.setEnabled(not read_only)

    # -- what is typed ---------------------------------------------------------------------------------------
    def content(self) -> iv.Content:
        items = {}
        for key, (answer, reason, note, _) in self.items.items():
            value = answer.currentData() or None
            if value or reason.text().strip() or note.text().strip():
                items[key] = iv.ItemAnswer(answer=value, reason=reason.text() or None, note=note.text() or None)
        interpreter = None
        if self.interpreter_used.isChecked():
            interpreter = iv.Interpreter(
                language=self.interpreter_language.text() or "?", no_link_confirmed=self.no_link.isChecked()
            )
        return iv.Content(
            items=items,
            child_views=self.child_views.toPlainText() or None,
            language=self.language.text() or None,
            interpreter=interpreter,
            guardian=self.guardian.currentData() or None,
            notes=self.notes.text() or None,
        )

    def _referral(self) -> iv.Referral:
        to = [key for key, box in self.referral.items() if box.isChecked()]
        when = None
        if to:
            try:
                when = _utc(self.referral_at.text())
            except ValueError:
                when = None
        return iv.Referral(to=to, at=when)

    def _changed(self, *_: Any) -> None:
        if self._loading or self.view is None or self.view.signed or self.view.content is None:
            return
        self._dirty = True
        if not self._autosave.isActive():
            self._autosave.start()

    def flush(self) -> None:
        """Save what is typed as an `interview.saved` event (nothing if unchanged)."""
        self._autosave.stop()
        if not self._dirty or self.view is None or self.view.signed or self.view.content is None:
            return
        self._dirty = False
        content, interview_id = self.content(), self.interview_id
        decision, referral = self.decision.currentData() or None, self._referral()
        Op(self, lambda s: iv.save_content(s, interview_id, content, decision, referral)).success(
            lambda _: self.message.setText(_t("Saved."))
        ).failure(self._failed).run()

    # -- actions ----------------------------------------------------------------------------------------------
    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(domain_text.sentences(error))

    def _confirm(self, who: _Presence) -> None:
        interview_id, role = self.interview_id, who.role
        username, password, organisation = who.username.text().strip(), who.password.text(), who.organisation.text()
        who.password.clear()
        Op(
            self,
            lambda s: iv.record_presence(s, interview_id, role, username, password, organisation=organisation),  # type: ignore[arg-type]
        ).success(lambda _: self._reload()).failure(self._presence_failed).run()

    def _presence_failed(self, error: BaseException) -> None:
        self.presence_message.setStyleSheet(ERROR_STYLE)
        self.presence_message.setText(domain_text.sentences(error))

    def _call(self) -> None:
        try:
            called = _utc(self.called_at.text())
        except ValueError as exc:
            self._presence_failed(InvalidInput([("called_at", str(exc))]))
            return
        interview_id, reason = self.interview_id, self.call_reason.text()
        Op(self, lambda s: iv.record_call(s, interview_id, "social_worker", reason, called)).success(
            lambda _: self._called()
        ).failure(self._presence_failed).run()

    def _called(self) -> None:
        self.called_at.clear()
        self.call_reason.clear()
        self._reload()

    def _temporary(self) -> None:
        dialog = TemporaryAccountDialog(self)
        dialog.accepted.connect(lambda: self._temporary_made(dialog.username.text().strip()))
        dialog.open()

    def _temporary_made(self, username: str) -> None:
        self.social.username.setText(username)
        self.social.password.setFocus()  # the social worker types the new password to confirm presence

    def _reload(self) -> None:
        self.flush()
        self.show_interview(self.interview_id)

    def sign(self) -> None:
        self.message.setStyleSheet("")
        if self.view is None:
            return
        officer_id = next((a for a in self.view.attendance if a["role"] == "female_at_officer"), None)
        social_id = next((a for a in self.view.attendance if a["role"] == "social_worker"), None)
        content, decision, referral = self.content(), self.decision.currentData() or None, self._referral()
        interview_id = self.interview_id
        usernames = {}
        if officer_id and social_id:
            usernames = {"officer": officer_id["user_id"], "social": social_id["user_id"]}
        officer_pw, social_pw = self.sign_officer.text(), self.sign_social.text()
        self.sign_officer.clear()
        self.sign_social.clear()

        def job(session: Any) -> Any:
            names = {u.id: u.username for u in session.users()}
            officer = iv.Signature(names.get(usernames.get("officer", ""), ""), officer_pw)
            social = iv.Signature(names.get(usernames.get("social", ""), ""), social_pw)
            return iv.sign(session, interview_id, content, decision, referral, officer, social)

        Op(self, job).success(lambda _: self._signed()).failure(self._sign_failed).run()

    def _sign_failed(self, error: BaseException) -> None:
        for _, _, _, problem in self.items.values():
            problem.hide()
        if isinstance(error, InvalidInput):
            for path, text in error.problems:
                if path.startswith("items.") and path[6:] in self.items:
                    label = self.items[path[6:]][3]
                    text = domain_text.text(text)
                    label.setText(text[:1].upper() + text[1:])
                    label.show()
        self._failed(error)

    def _signed(self) -> None:
        self._dirty = False
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(_t("Signed by both. The interview is now read-only; print the referral slip."))
        self.show_interview(self.interview_id)

    def _start_correction(self) -> None:
        """A signed interview stays as signed; a correction is a new event with the reason."""
        self._set_read_only(False)
        self.correct_button.setVisible(False)
        self.correction_reason.setVisible(True)
        self.save_correction.setVisible(True)
        self.correction_reason.setFocus()

    def correct(self) -> None:
        content, decision, referral = self.content(), self.decision.currentData() or None, self._referral()
        interview_id, reason = self.interview_id, self.correction_reason.text()
        Op(self, lambda s: iv.correct(s, interview_id, content, decision, referral, reason)).success(
            lambda _: self._corrected()
        ).failure(self._failed).run()

    def _corrected(self) -> None:
        self.correction_reason.clear()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(_t("Correction saved with its reason; the signed version stays in the history."))
        self.show_interview(self.interview_id)

    # -- papers -----------------------------------------------------------------------------------------------
    def _save_pdf(self, suggested: str, write: Any) -> None:
        dialog = QFileDialog(self, _t("Save as PDF"), str(Path.home() / suggested), "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setObjectName("save_pdf")
        dialog.fileSelected.connect(lambda path: self._written(write(Path(path))))
        dialog.open()

    def _written(self, path: Path) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(_t("Written: {0}").format(path))

    def _rights(self) -> None:
        language = str(self.rights_language.currentData())
        self._save_pdf(f"rights-{language}.pdf", lambda path: papers.rights_sheet(path, language))

    def _slip(self) -> None:
        if self.view is None or not self.view.signed:
            return
        view, interview_id = self.view, self.interview_id
        Op(self, lambda s: (iv.case_reference(s, interview_id), s.station)).success(
            lambda result: self._save_pdf(
                f"referral-{result[0][0]}.pdf", lambda path: papers.referral_slip(path, view, result[0], result[1])
            )
        ).run()


class InterviewsPage(QWidget):
    """The Interviews tab: the queue, and the interview opened from it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.queue = QueuePage()
        self.form = InterviewForm()
        self.stack.addWidget(self.queue)
        self.stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.queue.open_button.clicked.connect(self.open_selected)
        self.queue.table.doubleClicked.connect(lambda _: self.open_selected())
        self.form.back.clicked.connect(self.back_to_queue)

    def set_user(self, role: str) -> None:
        self.form.may_create_accounts = services.may(role, "users")

    def load(self) -> None:
        self.queue.load()

    def open_selected(self) -> None:
        item = self.queue.selected()
        if item is None:
            return
        crossing_id = item.crossing.record_id
        Op(self, lambda s: iv.open_interview(s, crossing_id)).success(self.open_interview).run()

    def open_interview(self, interview_id: str) -> None:
        self.form.show_interview(interview_id)
        self.stack.setCurrentWidget(self.form)

    def back_to_queue(self) -> None:
        self.form.flush()
        self.stack.setCurrentWidget(self.queue)
        self.queue.load()

    def flush(self) -> None:
        if self.stack.currentWidget() is self.form:
            self.form.flush()

    def forget(self) -> None:
        """Before a lock: back to the queue, nothing of the child on screen."""
        self.form.view = None
        self.form.header.clear()
        self.stack.setCurrentWidget(self.queue)
        self.queue.table.setRowCount(0)
