"""The supervisor's station users: add, change (name, role, badge, female anti-trafficking officer), disable,
and set a new password (a new key slot for the same data). Every check is in `services`; problems show under
their fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from borderapp import services
from borderapp.errors import InvalidInput
from borderapp.store.station import User
from ui import domain_text
from ui.dbworker import Op
from ui.widgets import ERROR_STYLE, OK_STYLE, field_cell, read_only_table


def _t(text: str) -> str:
    return QCoreApplication.translate("UsersPage", text)


def role_text(role: str) -> str:
    return {"officer": _t("Officer"), "social_worker": _t("Social worker"), "supervisor": _t("Supervisor")}.get(
        role, role
    )


class UsersPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users: list[User] = []
        self.table = read_only_table(
            "users",
            [_t("User name"), _t("Full name"), _t("Role"), _t("Badge"), _t("Female AT officer"), _t("State")],
            rows=True,
            single=True,
        )

        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in services.ROLES:
            self.role.addItem(role_text(role), role)
        self.badge = QLineEdit()
        self.female = QCheckBox(_t("Female anti-trafficking officer"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields: dict[str, QWidget] = {
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "badge": self.badge,
            "password": self.password,
            "password_repeat": self.repeat,
        }
        labels = {
            "username": _t("User name"),
            "full_name": _t("Full name"),
            "role": _t("Role"),
            "badge": _t("Badge number"),
            "password": _t("Password"),
            "password_repeat": _t("Password again"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, widget in self.fields.items():
            widget.setMinimumHeight(widget.sizeHint().height())
            cell, self.errors[key] = field_cell(widget, key)
            form.addRow(labels[key], cell)
            if key == "badge":
                form.addRow("", self.female)
        self.add_button = QPushButton(_t("Add user"))
        self.save_button = QPushButton(_t("Save changes"))
        self.password_button = QPushButton(_t("Set this password"))
        self.disable_button = QPushButton(_t("Disable user"))
        self.new_button = QPushButton(_t("New user"))
        for name, button in (
            ("add_user", self.add_button),
            ("save_user", self.save_button),
            ("set_password", self.password_button),
            ("disable_user", self.disable_button),
            ("new_user", self.new_button),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        editor = QGroupBox(_t("User"))
        editor_box = QVBoxLayout(editor)
        editor_box.addLayout(form)
        row1 = QHBoxLayout()
        row1.addWidget(self.new_button)
        row1.addWidget(self.add_button)
        row1.addWidget(self.save_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.password_button)
        row2.addWidget(self.disable_button)
        editor_box.addLayout(row1)
        editor_box.addLayout(row2)
        editor_box.addWidget(self.message)
        editor_box.addStretch(1)
        hint = QLabel(
            _t(
                "A new password writes a new key slot for the same encrypted data: the old password stops working "
                "at once. A disabled user's slot is removed; the user's records stay."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #444;")
        editor_box.addWidget(hint)
        editor.setFixedWidth(460)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(editor)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.password_button.clicked.connect(self.set_password)
        self.disable_button.clicked.connect(self.disable)
        self.new_button.clicked.connect(self.new)
        self.new()

    # -- loading -------------------------------------------------------------------------------------------
    def load(self) -> None:
        Op(self, services.list_users).success(self._show).run()

    def _show(self, users: list[User]) -> None:
        selected = self.selected()
        self.users = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            state = _t("Active") if user.active else _t("Disabled")
            if user.active and user.expires_at:
                state = _t("Temporary, until {0}").format(user.expires_at[:16].replace("T", " "))
            cells = [
                user.username,
                user.full_name,
                role_text(user.role),
                user.badge or "",
                _t("Yes") if user.female_at_officer else "",
                state,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        if selected is not None:
            for row, user in enumerate(users):
                if user.username == selected.username:
                    self.table.selectRow(row)

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        self._clear_errors()
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.full_name.setText(user.full_name)
        self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
        self.badge.setText(user.badge or "")
        self.female.setChecked(user.female_at_officer)
        self.password.clear()
        self.repeat.clear()
        self.add_button.setEnabled(False)
        self.save_button.setEnabled(user.active)
        self.password_button.setEnabled(user.active)
        self.disable_button.setEnabled(user.active)

    def new(self) -> None:
        self.table.clearSelection()
        self._clear_errors()
        for edit in (self.username, self.full_name, self.badge, self.password, self.repeat):
            edit.clear()
        self.username.setReadOnly(False)
        self.role.setCurrentIndex(0)
        self.female.setChecked(False)
        self.add_button.setEnabled(True)
        self.save_button.setEnabled(False)
        self.password_button.setEnabled(False)
        self.disable_button.setEnabled(False)
        self.username.setFocus()

    # -- actions -------------------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.clear()

    def _run(self, job: Any, done: str) -> None:
        self._clear_errors()
        Op(self, job).success(lambda _: self._done(done)).failure(self._refused).run()

    def _done(self, text: str) -> None:
        self.password.clear()
        self.repeat.clear()
        self.load()
        self.message.setStyleSheet(OK_STYLE)
        self.message.setText(text)

    def _refused(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        if not isinstance(error, InvalidInput):
            self.message.setText(domain_text.text(str(error)))
            return
        others = []
        for key, text in error.problems:
            sentence = domain_text.text(text)
            sentence = sentence[:1].upper() + sentence[1:]
            label = self.errors.get(key)
            if label is None or (key == "username" and self.username.isReadOnly()):
                others.append(sentence)  # about the user as a whole, not a field being edited
                continue
            label.setText(sentence)
            label.show()
        self.message.setText("\n".join(others) or _t("Fix what is marked."))

    def add(self) -> None:
        values = {
            "username": self.username.text().strip(),
            "full_name": self.full_name.text(),
            "role": self.role.currentData(),
            "badge": self.badge.text(),
            "female_at_officer": self.female.isChecked(),
            "password": self.password.text(),
            "repeat": self.repeat.text(),
        }
        self._run(lambda s: services.add_user(s, **values), _t("User {0} added.").format(values["username"]))

    def save(self) -> None:
        username = self.username.text()
        values = {
            "full_name": self.full_name.text(),
            "role": self.role.currentData(),
            "badge": self.badge.text(),
            "female_at_officer": self.female.isChecked(),
        }
        self._run(lambda s: services.update_user(s, username, **values), _t("Changes to {0} saved.").format(username))

    def set_password(self) -> None:
        username, password, repeat = self.username.text(), self.password.text(), self.repeat.text()
        self._run(
            lambda s: services.reset_password(s, username, password, repeat),
            _t("New password for {0} set; the old one no longer opens the station.").format(username),
        )

    def disable(self) -> None:
        username = self.username.text()
        self._run(
            lambda s: services.disable_user(s, username),
            _t("{0} disabled; the password no longer opens the station.").format(username),
        )
