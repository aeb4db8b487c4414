"""The console's Stations tab: every device's sync status, stale ones highlighted (no contact for 24 hours,
or records waiting longer than 48 hours; both can be changed on the page), and revocation."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference
from sync import protocol as p
from ui import domain_text, i18n
from ui.net import Call
from ui.widgets import read_only_table

if TYPE_CHECKING:
    from ui.console import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


STALE_STYLE = QColor("#f8d7da")


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
