"""One interview: loading it, saving what is typed as `interview.saved` events (every 15 s while it changes,
on "Save", before a lock and when leaving), presence, the signatures, the correction and the papers. Who sees
the content is decided in `borderapp.interview`; the form shows what it is given. All store work goes
through `Op`."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from borderapp import interview as iv
from borderapp import reference
from borderapp.errors import InvalidInput
from ui import domain_text, i18n, papers
from ui.dbworker import Op
from ui.interview_layout import InterviewLayout
from ui.interview_presence import InterviewPresenceSteps, utc_time
from ui.widgets import ERROR_STYLE, OK_STYLE


def _t(text: str) -> str:
    return QCoreApplication.translate("Interviews", text)


class InterviewForm(InterviewPresenceSteps, InterviewLayout):
    """One interview. `show_interview(id)` loads it; `flush()` saves what is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
                when = utc_time(self.referral_at.text())
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
