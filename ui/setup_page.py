"""First run: no station in the store directory yet. The page asks for the border crossing point, the
station's name and the first supervisor, creates the encrypted station and signs the supervisor in.

Signals: signed_in(user, station), as the login page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from borderapp import __version__, reference, services
from borderapp.errors import InvalidInput
from ui import domain_text, i18n
from ui.dbworker import Op, Opener
from ui.widgets import ERROR_STYLE, centred_page, field_cell


def _t(text: str) -> str:
    return QCoreApplication.translate("SetupPage", text)


class SetupPage(QWidget):
    signed_in = Signal(object, object)
    language_chosen = Signal(str)
    console_requested = Signal()

    def __init__(self, store: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        title = QLabel(
            f"<h2>{_t('Set up this station')}</h2><p>"
            + _t("BorderApp {0} found no station in {1}. Create it here; you become its first supervisor.").format(
                __version__, store
            )
            + "</p>"
        )
        title.setWordWrap(True)
        title.setObjectName("title")
        self.bcp = QComboBox()
        self.bcp.addItem(_t("(choose the border crossing point)"), "")
        kinds = {"land": _t("land"), "sea": _t("sea"), "air": _t("air")}
        for code, bcp in sorted(reference.bcps().items(), key=lambda item: item[1].name):
            self.bcp.addItem(f"{bcp.name} ({code}, {kinds.get(bcp.kind, bcp.kind)})", code)
        self.station_name = QLineEdit()
        self.station_name.setPlaceholderText(_t("for example: Kakavijë, exit lane 2"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.badge = QLineEdit()
        self.female = QCheckBox(_t("Female anti-trafficking officer"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields: dict[str, QWidget] = {
            "bcp": self.bcp,
            "station_name": self.station_name,
            "username": self.username,
            "full_name": self.full_name,
            "badge": self.badge,
            "password": self.password,
            "password_repeat": self.repeat,
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "bcp": _t("Border crossing point"),
            "station_name": _t("Station name"),
            "username": _t("Your user name"),
            "full_name": _t("Your full name"),
            "badge": _t("Badge number"),
            "password": _t("Password (8 or more characters)"),
            "password_repeat": _t("Password again"),
        }
        for key, widget in self.fields.items():
            widget.setMinimumHeight(widget.sizeHint().height())
            cell, self.errors[key] = field_cell(widget, key)
            form.addRow(labels[key], cell)
            if key == "badge":
                form.addRow("", self.female)
        self.button = QPushButton(_t("Create the station"))
        self.button.setObjectName("create")
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        note = QLabel(
            _t(
                "The records are encrypted with a key that only the users' passwords open. Keep station.db and "
                "station.keys together in every backup. To try BorderApp first, start it with --demo."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #444;")
        panel = QWidget()
        panel.setFixedWidth(600)  # a fixed width lets the wrapped error lines take the height they need
        inner = QVBoxLayout(panel)
        inner.addWidget(title)
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        inner.addWidget(note)
        self.language = i18n.language_box()
        # A central admin in the capital runs the same app with no station: the console is reachable from here.
        self.console_button = QPushButton(_t("Central console…"))
        self.console_button.setObjectName("open_console")
        self.console_button.setToolTip(_t("For central admins: no station is needed"))
        self.console_button.clicked.connect(self.console_requested.emit)
        centred_page(self, panel, self.console_button, _t("Language"), self.language)
        self.button.clicked.connect(self.submit)
        self.language.currentIndexChanged.connect(lambda _: self.language_chosen.emit(self.language.currentData()))
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(self.submit)
        self.bcp.setFocus()

    def submit(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.clear()
        bcp, name, username = str(self.bcp.currentData() or ""), self.station_name.text(), self.username.text().strip()
        full_name, badge, female = self.full_name.text(), self.badge.text(), self.female.isChecked()
        password, repeat = self.password.text(), self.repeat.text()
        self.button.setEnabled(False)
        self.message.setText(_t("Creating the encrypted station…"))
        self.message.setStyleSheet("color: #444;")
        store = self.store

        def create() -> Any:
            return services.create_station(
                store,
                bcp=bcp,
                station_name=name,
                username=username,
                full_name=full_name,
                badge=badge,
                female_at_officer=female,
                password=password,
                repeat=repeat,
            )

        Op(self, Opener(create)).success(self._created).failure(self._refused).run()

    def _created(self, result: Any) -> None:
        self.password.clear()
        self.repeat.clear()
        self.message.clear()
        self.button.setEnabled(True)
        self.signed_in.emit(*result)

    def _refused(self, error: BaseException) -> None:
        self.button.setEnabled(True)
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, InvalidInput):
            first: QWidget | None = None
            for key, text in error.problems:
                label = self.errors.get(key)
                if label is None:
                    continue
                text = domain_text.text(text)
                label.setText(text[:1].upper() + text[1:])
                label.show()
                first = first or self.fields[key]
            self.message.setText(_t("Fix what is marked, then create the station."))
            if first is not None:
                first.setFocus()
            return
        self.message.setText(domain_text.text(str(error)))
