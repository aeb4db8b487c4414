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

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from borderapp import entry, services
from borderapp.events import Event
from ui import domain_text, entry_layout, i18n
from ui.adult_box import AdultBox
from ui.dbworker import Op
from ui.entry_adults import EntryAdults
from ui.entry_feedback import EntryFeedback
from ui.form_fields import Fields, ScanEnd, changed_signal, checks_html, get_value, set_value


def _t(text: str) -> str:
    return QCoreApplication.translate("EntryForm", text)


class EntryForm(EntryAdults, EntryFeedback, QWidget):
    """Signals: saved(Event) after a new record is stored; submitted(CrossingRecord) instead, when correcting."""

    saved = Signal(object)
    submitted = Signal(object)
    # made by entry_layout.build
    mrz: QPlainTextEdit
    mrz_result: QLabel
    adults_box: QVBoxLayout
    add_adult_button: QPushButton
    confirmation: QLabel
    draft_banner: QLabel
    flags: QLabel
    problems: QLabel
    save_button: QPushButton
    clear_button: QPushButton

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
        self.fields = Fields()
        self.adults: list[AdultBox] = []
        f = self.fields
        entry_layout.build(self)

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
            changed_signal(widget).connect(self._changed)
        self.mrz.textChanged.connect(self._mrz_typed)
        ScanEnd(self.mrz, self._reading, self._after_scan_now)
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
        out = {key: get_value(widget) for key, widget in self.fields.widgets.items()}
        out["adults"] = [box.values() for box in self.adults]
        return out

    def set_values(self, values: dict[str, Any]) -> None:
        self._restoring = True
        try:
            for box in list(self.adults):
                self._drop_adult(box)
            for key, widget in self.fields.widgets.items():
                if key in values:
                    set_value(widget, values[key])
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
                    set_value(self.fields.widgets[key], value)
            finally:
                self._restoring = False
            self._changed()
            self._advance.start()

    def _show_scan(self, reading: entry.MrzReading | None = None) -> None:
        self.mrz_result.setText(checks_html(reading or self._reading()))

    def _after_scan(self) -> None:
        if self.mrz.hasFocus():
            self.fields.widgets["accompaniment"].setFocus()

    def _after_scan_now(self) -> None:
        self._advance.stop()
        self.fields.widgets["accompaniment"].setFocus()

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
