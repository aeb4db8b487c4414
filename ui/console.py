"""The central console: an admin signs in to a server URL and sees every station's sync status, makes
enrolment codes (QR on screen, saved as PNG or PDF), revokes devices, reads the quarantine, and produces the
quarterly indicator report. Every call to the server runs off the GUI thread (`ui.net.Call`).

Stale stations are highlighted: no contact for 24 hours, or records waiting longer than 48 hours (both
thresholds can be changed on the page). The list refreshes itself every minute.
"""

from __future__ import annotations

import base64
import html
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference
from sync import protocol as p
from sync.admin import AdminClient
from ui import domain_text, i18n
from ui.messages import bridge
from ui.net import Call
from ui.papers import pdf_writer, png_image
from ui.records_model import accompaniment_text
from ui.report_view import ReportView
from ui.widgets import ERROR_STYLE, read_only_table

STALE_STYLE = QColor("#f8d7da")


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes = int(seconds // 60)
    if minutes < 60:
        return _t("{0} min").format(minutes)
    hours = minutes // 60
    return _t("{0} h").format(hours) if hours < 48 else _t("{0} days").format(hours // 24)


def _seconds_since(iso: str | None, now: datetime) -> float | None:
    if not iso:
        return None
    return (now - datetime.fromisoformat(iso.replace("Z", "+00:00"))).total_seconds()


def is_stale(device: p.DeviceStatus, now: datetime, silent_hours: int, backlog_hours: int) -> bool:
    """No contact for `silent_hours`, or records waiting at the station longer than `backlog_hours`."""
    if device.revoked_at:
        return False
    silent = _seconds_since(device.last_seen, now)
    if silent is None or silent > silent_hours * 3600:
        return True
    return device.oldest_unsent_age_s is not None and device.oldest_unsent_age_s > backlog_hours * 3600


class ConsoleLogin(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = QLineEdit("https://127.0.0.1:8443")
        self.url.setObjectName("server_url")
        self.user = QLineEdit()
        self.user.setObjectName("admin_user")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton(_t("Sign in to the central server"))
        self.button.setObjectName("console_sign_in")
        self.message = QLabel("")
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(_t("Server"), self.url)
        form.addRow(_t("Admin"), self.user)
        form.addRow(_t("Password"), self.password)
        box = QWidget()
        box.setFixedWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel(f"<h2>{_t('Central console')}</h2>"))
        inner.addLayout(form)
        inner.addWidget(self.button)
        inner.addWidget(self.message)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(box)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.password.returnPressed.connect(self.button.click)


class StationsPage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.devices: list[p.DeviceStatus] = []
        self.silent = QSpinBox()
        self.silent.setRange(1, 24 * 14)
        self.silent.setValue(24)
        self.silent.setSuffix(_t(" h without contact"))
        self.backlog = QSpinBox()
        self.backlog.setRange(1, 24 * 14)
        self.backlog.setValue(48)
        self.backlog.setSuffix(_t(" h oldest unsent"))
        self.refresh_button = QPushButton(_t("Refresh"))
        self.revoke_button = QPushButton(_t("Revoke this device…"))
        self.revoke_button.setObjectName("revoke")
        self.revoke_button.setEnabled(False)
        self.summary = QLabel("")
        self.summary.setObjectName("summary")
        self.table = read_only_table(
            "stations",
            [
                _t("BCP"),
                _t("Station"),
                _t("Device"),
                _t("Last seen"),
                _t("Not sent"),
                _t("Oldest unsent"),
                _t("Clock drift"),
                _t("Chain"),
                _t("Quarantined"),
                _t("Last error"),
            ],
            rows=True,
            single=True,
        )
        self.detail = QTextBrowser()
        self.detail.setObjectName("station_detail")
        self.detail.setMaximumHeight(170)
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Stale when:")))
        top.addWidget(self.silent)
        top.addWidget(QLabel(_t("or")))
        top.addWidget(self.backlog)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.refresh_button.clicked.connect(self.load)
        self.silent.valueChanged.connect(lambda _: self._show(self.devices))
        self.backlog.valueChanged.connect(lambda _: self._show(self.devices))
        self.table.itemSelectionChanged.connect(self._selected)
        self.revoke_button.clicked.connect(self._ask_revoke)

    def load(self) -> None:
        Call(self, self.console.client.devices).success(self._show).failure(self.console.failed).run()

    def _show(self, devices: list[p.DeviceStatus]) -> None:
        now = datetime.now(UTC)
        selected = self.selected()
        self.devices = devices
        self.table.setRowCount(len(devices))
        stale = 0
        for row, d in enumerate(devices):
            bcp = reference.bcps().get(d.bcp)
            chain = {"ok": _t("intact"), "forked": _t("forked"), "broken": _t("broken")}.get(d.chain_status, "?")
            if d.revoked_at:
                chain = _t("revoked")
            cells = [
                bcp.name if bcp else d.bcp,
                d.station_name,
                d.device_id[-8:],
                i18n.utc_text(d.last_seen) if d.last_seen else _t("never"),
                "-" if d.backlog is None else str(d.backlog),
                _age(d.oldest_unsent_age_s),
                "-" if d.clock_drift_s is None else _t("{0} s").format(round(d.clock_drift_s)),
                chain,
                str(d.quarantined),
                domain_text.text(d.last_error or ""),
            ]
            late = is_stale(d, now, self.silent.value(), self.backlog.value())
            stale += late
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if late or d.chain_status != "ok":
                    item.setBackground(STALE_STYLE)
                if d.revoked_at:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self.summary.setText(_t("{0} station(s), {1} stale").format(len(devices), stale))
        if selected is not None:
            for row, d in enumerate(devices):
                if d.device_id == selected.device_id:
                    self.table.selectRow(row)
        self._selected()  # the detail and the revoke button follow a refresh

    def selected(self) -> p.DeviceStatus | None:
        rows = self.table.selectionModel().selectedRows()
        return self.devices[rows[0].row()] if rows and rows[0].row() < len(self.devices) else None

    def _selected(self) -> None:
        d = self.selected()
        self.revoke_button.setEnabled(d is not None and not d.revoked_at)
        if d is None:
            self.detail.clear()
            return
        esc = html.escape
        lines = [
            f"<b>{esc(d.station_name)}</b> ({esc(d.bcp)}) · {_t('device')} {esc(d.device_id)}",
            _t("Enrolled {0}; app version {1}.").format(i18n.utc_text(d.enrolled_at), esc(d.app_version or "-")),
            _t("Events received up to number {0}; {1} waiting at the station.").format(
                d.acked_seq, "-" if d.backlog is None else d.backlog
            ),
        ]
        if d.revoked_at:
            lines.append(_t("Revoked {0}.").format(i18n.utc_text(d.revoked_at)))
        if d.last_error:
            lines.append(_t("Last error: {0}").format(esc(d.last_error)))
        self.detail.setHtml("<br>".join(lines))

    def _ask_revoke(self) -> None:
        d = self.selected()
        if d is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _t("Revoke a device"),
            _t("Revoke the device of {0}? Its next request is refused; it must be enrolled again.").format(
                d.station_name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirm_revoke")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = QMessageBox.StandardButton.Yes
        box.buttonClicked.connect(lambda b: self.revoke(d.device_id) if box.standardButton(b) == yes else None)
        box.open()

    def revoke(self, device_id: str) -> None:
        Call(self, lambda: self.console.client.revoke(device_id)).success(lambda _: self.load()).failure(
            self.console.failed
        ).run()


class EnrolmentsPage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.created: p.EnrolmentCreated | None = None
        self.bcp = QComboBox()
        self.bcp.setObjectName("enrol_bcp")
        for code, bcp in sorted(reference.bcps().items(), key=lambda item: item[1].name):
            self.bcp.addItem(f"{bcp.name} ({code})", code)
        self.hours = QSpinBox()
        self.hours.setRange(1, 24 * 30)
        self.hours.setValue(72)
        self.hours.setSuffix(_t(" h valid"))
        self.create_button = QPushButton(_t("Create an enrolment code"))
        self.create_button.setObjectName("create_enrolment")  # (not `create`: QWidget has a method of that name)
        self.qr = QLabel("")
        self.qr.setObjectName("qr")
        self.qr.setFixedSize(260, 260)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setReadOnly(True)
        self.about = QLabel("")
        self.about.setWordWrap(True)
        self.png_button = QPushButton(_t("Save the QR code as PNG…"))
        self.pdf_button = QPushButton(_t("Save as PDF…"))
        for button in (self.png_button, self.pdf_button):
            button.setEnabled(False)
        self.table = read_only_table("enrolments", [_t("BCP"), _t("Created"), _t("Expires"), _t("Used"), _t("Device")])
        row = QHBoxLayout()
        row.addWidget(self.bcp, 2)
        row.addWidget(self.hours)
        row.addWidget(self.create_button)
        made = QHBoxLayout()
        made.addWidget(self.qr)
        side = QVBoxLayout()
        side.addWidget(self.about)
        side.addWidget(self.code)
        side.addWidget(self.png_button)
        side.addWidget(self.pdf_button)
        side.addStretch(1)
        made.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(made)
        layout.addWidget(QLabel(f"<b>{_t('Enrolment codes')}</b>"))
        layout.addWidget(self.table, 1)
        self.create_button.clicked.connect(self.make_code)
        self.png_button.clicked.connect(lambda: self._save("png"))
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))

    def load(self) -> None:
        Call(self, self.console.client.enrolments).success(self._list).failure(self.console.failed).run()

    def _list(self, items: list[p.EnrolmentInfo]) -> None:
        self.table.setRowCount(len(items))
        for r, e in enumerate(items):
            cells = [e.bcp, i18n.utc_text(e.created_at), i18n.utc_text(e.expires_at),
                     i18n.utc_text(e.used_at) if e.used_at else "-", (e.device_id or "-")[-8:]]  # fmt: skip
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def make_code(self) -> None:
        bcp, hours = str(self.bcp.currentData()), self.hours.value()
        Call(self, lambda: self.console.client.create_enrolment(bcp, hours)).success(self._created).failure(
            self.console.failed
        ).run()

    def _created(self, created: p.EnrolmentCreated) -> None:
        self.created = created
        image = png_image(base64.b64decode(created.qr_png_base64))
        self.qr.setPixmap(QPixmap.fromImage(image).scaled(250, 250, Qt.AspectRatioMode.KeepAspectRatio))
        self.code.setText(created.code)
        bcp = reference.bcps().get(created.bcp)
        self.about.setText(
            _t(
                "One-time code for {0}, valid until {1}. At the station a supervisor scans the QR code or pastes "
                "the text in the Sync tab, and compares the certificate fingerprint."
            ).format(bcp.name if bcp else created.bcp, i18n.utc_text(created.expires_at))
        )
        for button in (self.png_button, self.pdf_button):
            button.setEnabled(True)
        self.load()

    def _save(self, kind: str) -> None:
        if self.created is None:
            return
        name = f"enrolment-{self.created.bcp}-{self.created.id}.{kind}"
        dialog = QFileDialog(self, _t("Save the enrolment code"), str(Path.home() / name), f"{kind.upper()} (*.{kind})")
        dialog.setObjectName("save_enrolment")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.write(kind, Path(path)))
        dialog.open()

    def write(self, kind: str, path: Path) -> Path:
        assert self.created is not None
        png = base64.b64decode(self.created.qr_png_base64)
        if kind == "png":
            path.write_bytes(png)
            return path
        writer = pdf_writer(path, _t("BorderApp station enrolment"), dpi=150)
        painter = QPainter(writer)
        try:
            font = QFont("DejaVu Sans")
            font.setPointSize(16)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QRectF(0, 0, writer.width(), 60), _t("BorderApp station enrolment"))
            painter.drawImage(QRectF(0, 80, 600, 600), png_image(png))
            font.setPointSize(9)
            font.setBold(False)
            painter.setFont(font)
            painter.drawText(
                QRectF(0, 700, writer.width(), 400),
                int(Qt.TextFlag.TextWrapAnywhere),
                self.about.text() + "\n\n" + self.created.code,
            )
        finally:
            painter.end()
        return path


class QuarantinePage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.items: list[p.QuarantineItem] = []
        self.table = read_only_table(
            "quarantine",
            [_t("Received"), _t("Device"), _t("Number"), _t("Type"), _t("Reason"), _t("State")],
            rows=True,
            single=True,
        )
        self.empty = QLabel(_t("Nothing is in quarantine."))
        note = QLabel(
            _t(
                "Events the server could not use are kept here with the reason, and acknowledged to the station so "
                "the rest flows. Nothing is deleted."
            )
        )
        note.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(140)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(_t("What was found or done"))
        self.resolved = QCheckBox(_t("Resolved"))
        self.add_button = QPushButton(_t("Add the note"))
        self.add_button.setObjectName("add_note")
        self.add_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.resolved)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.annotate)

    def load(self) -> None:
        Call(self, self.console.client.quarantine).success(self._show).failure(self.console.failed).run()

    def _show(self, items: list[p.QuarantineItem]) -> None:
        selected = self.selected()
        self.items = items
        self.empty.setVisible(not items)
        self.table.setRowCount(len(items))
        for r, q in enumerate(items):
            state = _t("resolved") if q.resolved else (_t("noted") if q.notes else _t("open"))
            cells = [i18n.utc_text(q.received_at), q.device_id[-8:], str(q.seq), q.type, q.reason, state]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if selected is not None and q.server_id == selected.server_id:
                self.table.selectRow(r)
        self._selected()  # the notes of the selected event, as they are now

    def selected(self) -> p.QuarantineItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _selected(self) -> None:
        item = self.selected()
        self.add_button.setEnabled(item is not None)
        if item is None:
            self.notes.clear()
            return
        lines = [
            f"{i18n.utc_text(n.at)} · {html.escape(n.admin)}: {html.escape(n.note)}"
            + (f" <b>({_t('resolved')})</b>" if n.resolved else "")
            for n in item.notes
        ]
        self.notes.setHtml("<br>".join(lines) or _t("No notes yet."))

    def annotate(self) -> None:
        item = self.selected()
        if item is None:
            return
        server_id, text, resolved = item.server_id, self.note.text(), self.resolved.isChecked()
        Call(self, lambda: self.console.client.annotate(server_id, text, resolved)).success(
            lambda _: self._annotated()
        ).failure(self.console.failed).run()

    def _annotated(self) -> None:
        self.note.clear()
        self.resolved.setChecked(False)
        self.load()


class PatternsPage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.found: list[p.PatternItem] = []
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(30)
        self.days.setSuffix(_t(" days"))
        self.grace = QSpinBox()
        self.grace.setRange(0, 3650)
        self.grace.setValue(30)
        self.grace.setSuffix(_t(" days"))
        self.find_button = QPushButton(_t("Look for patterns"))
        self.find_button.setObjectName("find_patterns")
        self.summary = QLabel("")
        self.table = read_only_table(
            "patterns", [_t("Pattern"), _t("Person (keyed)"), _t("What")], rows=True, single=True
        )
        self.records = read_only_table(
            "pattern_records", [_t("Crossed"), _t("BCP"), _t("Direction"), _t("Record")], rows=True
        )
        self.record = QTextBrowser()
        self.record.setObjectName("pattern_record")
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Same adult with different children within")))
        top.addWidget(self.days)
        top.addWidget(QLabel(_t("; planned return passed by more than")))
        top.addWidget(self.grace)
        top.addWidget(self.find_button)
        top.addWidget(self.summary, 1)
        below = QHBoxLayout()
        below.addWidget(self.records, 1)
        below.addWidget(self.record, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(below, 1)
        self.find_button.clicked.connect(self.load)
        self.table.itemSelectionChanged.connect(self._selected)
        self.records.itemSelectionChanged.connect(self._record)

    def load(self) -> None:
        days, grace = self.days.value(), self.grace.value()
        Call(self, lambda: self.console.client.patterns(days, grace)).success(self._show).failure(
            self.console.failed
        ).run()

    def _show(self, found: list[p.PatternItem]) -> None:
        self.found = found
        self.summary.setText(_t("{0} pattern(s)").format(len(found)))
        self.table.setRowCount(len(found))
        for r, f in enumerate(found):
            if f.kind == "adult_with_several_children":
                kind = _t("Same adult, different unrelated children")
                what = _t("{0} children at {1} crossing(s)").format(f.detail["children"], len(f.records))
            else:
                kind = _t("Not back after the planned return")
                what = _t("planned return {0}, {1} days ago; no entry since").format(
                    i18n.date_text(str(f.detail["planned_return"])), f.detail["days_overdue"]
                )
            for c, text in enumerate([kind, f.key, what]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if found:
            self.table.selectRow(0)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        pattern = self.found[rows[0].row()]
        self.records.setRowCount(len(pattern.records))
        for r, ref in enumerate(pattern.records):
            bcp = reference.bcps().get(ref.bcp)
            cells = [i18n.utc_text(ref.crossed_at), bcp.name if bcp else ref.bcp,
                     _t("exit") if ref.direction == "exit" else _t("entry"), ref.record_id]  # fmt: skip
            for c, text in enumerate(cells):
                self.records.setItem(r, c, QTableWidgetItem(text))
        self.record.clear()

    def _record(self) -> None:
        rows = self.records.selectionModel().selectedRows()
        if not rows:
            return
        cell = self.records.item(rows[0].row(), 3)
        if cell is None:
            return
        record_id = cell.text()
        Call(self, lambda: self.console.client.record(record_id)).success(self._show_record).failure(
            self.console.failed
        ).run()

    def _show_record(self, row: p.RecordRow) -> None:
        esc = html.escape
        self.record.setHtml(
            f"<b>{esc(row.family_name)}, {esc(row.given_names)}</b><br>"
            + _t("Born {0}; document {1}; {2}; flags {3}.").format(
                i18n.date_text(row.birth_date) if row.birth_date else "?",
                esc(row.doc_number or "-"),
                accompaniment_text(row.accompaniment),
                " ".join(row.flags) or "-",
            )
        )


class ConsoleWindow(QMainWindow):
    """The central console, in its own window."""

    def __init__(self, server_url: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(_t("BorderApp central console"))
        self.client = AdminClient(server_url or "https://127.0.0.1:8443")
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.login = ConsoleLogin()
        if server_url:
            self.login.url.setText(server_url)
        self.tabs = QTabWidget()
        self.stations = StationsPage(self)
        self.enrolments = EnrolmentsPage(self)
        self.quarantine = QuarantinePage(self)
        self.patterns = PatternsPage(self)
        self.report = ReportView(_t("Child crossings and interviews, all stations"))
        self.tabs.addTab(self.stations, _t("&Stations"))
        self.tabs.addTab(self.enrolments, _t("&Enrolments"))
        self.tabs.addTab(self.quarantine, _t("&Quarantine"))
        self.tabs.addTab(self.report, _t("&Report"))
        self.tabs.addTab(self.patterns, _t("&Patterns"))
        self.pages.addWidget(self.login)
        self.pages.addWidget(self.tabs)
        self.server_label = QLabel("")
        self.statusBar().addPermanentWidget(self.server_label)
        self._refresh = QTimer(self)
        self._refresh.setInterval(60_000)
        self._refresh.timeout.connect(self.stations.load)
        self.login.button.clicked.connect(self.sign_in)
        self.report.wanted.connect(self._report)
        self.tabs.currentChanged.connect(self._tab)
        self.resize(1366, 768)

    def sign_in(self) -> None:
        self.client.close()
        self.client = AdminClient(self.login.url.text())
        user, password = self.login.user.text().strip(), self.login.password.text()
        self.login.password.clear()
        self.login.message.setStyleSheet("color: #444;")
        self.login.message.setText(_t("Signing in…"))
        self.login.button.setEnabled(False)
        Call(self, lambda: self.client.login(user, password)).success(self._signed_in).failure(self._refused).run()

    def _refused(self, error: BaseException) -> None:
        self.login.button.setEnabled(True)
        self.login.message.setStyleSheet(ERROR_STYLE)
        self.login.message.setText(domain_text.text(str(error)))

    def _signed_in(self, fingerprint: str | None) -> None:
        self.login.button.setEnabled(True)
        self.login.message.clear()
        pinned = _t("certificate {0}…").format(fingerprint[:23]) if fingerprint else _t("plain HTTP (tests only)")
        self.server_label.setText(f"{self.client.server_url} · {pinned}")
        self.pages.setCurrentWidget(self.tabs)
        self.stations.load()
        self._refresh.start()

    def _tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.enrolments:
            self.enrolments.load()
        elif page is self.quarantine:
            self.quarantine.load()
        elif page is self.stations:
            self.stations.load()

    def _report(self, year: int, quarter: int) -> None:
        Call(self, lambda: self.client.report(year, quarter)).success(
            lambda result: self.report.show_table(year, quarter, result.rows)
        ).failure(lambda error: self.report.failed(domain_text.text(str(error)))).run()

    def failed(self, error: BaseException) -> None:
        bridge().error.emit(str(error))

    def closeEvent(self, event: Any) -> None:
        self._refresh.stop()
        self.client.close()
        super().closeEvent(event)
