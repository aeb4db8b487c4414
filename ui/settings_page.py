"""Station settings (supervisor): the idle lock, and this workstation's language.

Signals: language_chosen(str) when the language changes (the main window rebuilds its pages in it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from borderapp import services
from borderapp.errors import InvalidInput
from ui import domain_text, i18n
from ui.dbworker import Op
from ui.widgets import ERROR_STYLE, OK_STYLE


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsPage", text)


class SettingsPage(QWidget):
    language_chosen = Signal(str)
    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_lock_minutes")
        self.idle.setRange(1, 60)
        self.idle.setSuffix(_t(" min"))
        self.language = i18n.language_box()
        self.save_button = QPushButton(_t("Save settings"))
        self.save_button.setObjectName("save_settings")
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_t("Lock after this long without use"), self.idle)
        form.addRow(_t("Language on this workstation"), self.language)
        box = QWidget()
        box.setMaximumWidth(620)
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel(f"<h3>{_t('Station settings')}</h3>"))
        inner.addLayout(form)
        inner.addWidget(self.save_button)
        inner.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def load(self) -> None:
        Op(self, services.settings).success(lambda s: self.idle.setValue(s.idle_lock_minutes)).run()

    def save(self) -> None:
        minutes = self.idle.value()
        language = str(self.language.currentData())
        Op(self, lambda s: services.update_settings(s, idle_lock_minutes=minutes)).success(
            lambda settings: self._saved(settings, language)
        ).failure(self._refused).run()

    def _saved(self, settings: services.Settings, language: str) -> None:
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(_t("Settings saved."))
        self.saved.emit(settings)
        if language != i18n.current():
            self.language_chosen.emit(language)

    def _refused(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, InvalidInput):
            self.message.setText("; ".join(domain_text.text(problem) for _, problem in error.problems))
        else:
            self.message.setText(domain_text.text(str(error)))
