"""The console's Enrolments tab: one-time enrolment codes for a BCP, the QR code on screen and saved as PNG or
PDF, and the codes made so far."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference
from sync import protocol as p
from ui import i18n
from ui.net import Call
from ui.papers import pdf_writer, png_image
from ui.widgets import read_only_table

if TYPE_CHECKING:
    from ui.console import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


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
