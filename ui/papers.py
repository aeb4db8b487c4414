"""Papers for the child's way on: the referral slip (PDF with a QR code) and the rights sheet.

The slip carries only the case reference, its check code, the station, the decision, the referral and the
staff who signed; the QR code carries only `BAREF1|<reference>|<check>`. No name, birth date or document
number of the child appears on the slip, in its QR code or in the file name: the child's details travel
through the National Referral Mechanism. The rights sheet is data (`resources/rights/<language>.json`); a new
language is a new file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import qrcode
import qrcode.image.pure
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from borderapp import interview as iv
from borderapp import reference

DPI = 300


def _t(text: str) -> str:
    return QCoreApplication.translate("Papers", text)


def qr_image(text: str) -> QImage:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=10, border=4)
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(image_factory=qrcode.image.pure.PyPNGImage).save(buffer)  # PNG without Pillow
    return png_image(buffer.getvalue())


def pdf_writer(path: Path, title: str, *, dpi: int = DPI, landscape: bool = False, margin_mm: int = 18) -> QPdfWriter:
    """An A4 PDF at `path` (every PDF the app writes: slips, rights sheets, enrolment codes, reports)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    writer.setTitle(title)
    writer.setCreator("BorderApp")
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, margins))
    return writer


def png_image(data: bytes) -> QImage:
    image = QImage()
    image.loadFromData(data, "PNG")
    return image


class _Page:
    """Top-down text on one page, in points converted to the writer's pixels."""

    def __init__(self, painter: QPainter, width: int) -> None:
        self.p, self.width, self.y = painter, width, 0.0

    def px(self, points: float) -> float:
        return points * DPI / 72

    def text(self, text: str, size: float = 11, bold: bool = False, gap: float = 6) -> None:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)
        box = QRectF(0, self.y, self.width, 10_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        used = self.p.boundingRect(box, flags, text)
        self.p.drawText(box, flags, text)
        self.y += used.height() + self.px(gap)

    def line(self, gap: float = 8) -> None:
        self.p.drawLine(0, int(self.y), self.width, int(self.y))
        self.y += self.px(gap)


def referral_slip(path: Path, view: iv.InterviewView, case: tuple[str, str], station: Any) -> Path:
    """Write the referral slip of a signed interview to `path` (a PDF)."""
    ref, check = case
    writer = pdf_writer(path, _t("Referral slip {0}").format(ref))
    painter = QPainter(writer)
    try:
        width = writer.width()
        page = _Page(painter, width)
        qr = qr_image(iv.qr_text(ref, check))
        side = int(page.px(130))
        painter.drawImage(QRectF(width - side, 0, side, side), qr)
        page.width = width - side - int(page.px(12))
        page.text(_t("Referral slip"), 20, bold=True)
        page.text(_t("Initial identification interview of a child"), 12)
        page.text(_t("Case reference: {0}").format(ref), 14, bold=True)
        page.text(_t("Check code: {0}").format(check), 12)
        bcp = reference.bcps().get(station.bcp)
        page.text(_t("Border crossing point: {0}").format(bcp.name if bcp else station.bcp), 11)
        page.y = max(page.y, side + page.px(10))
        page.width = width
        page.line()
        row = view.row
        page.text(_t("Interview signed: {0}").format(_when(row["signed_at"])), 11)
        page.text(_t("Decision: {0}").format(decision_text(view.decision)), 12, bold=True)
        referral = view.referral or iv.Referral()
        to = ", ".join(destination_text(d) for d in referral.to) or _t("none")
        page.text(_t("Referred to: {0}").format(to), 12, bold=True)
        page.text(_t("Referral time: {0}").format(_when(referral.at)), 11)
        page.line()
        page.text(_t("Present and signed"), 12, bold=True)
        for signature in view.signatures:
            badge = next(
                (a.get("badge_or_organisation") for a in view.attendance if a["user_id"] == signature["user_id"]), ""
            )
            role = participant_text(signature["role"])
            page.text(f"{role}: {signature['name']} {('(' + badge + ')') if badge else ''}", 11)
            page.text(_t("Signed with password at {0}").format(_when(signature["signed_at"])), 9, gap=10)
        page.line()
        page.text(
            _t(
                "This slip carries no personal data of the child. The child's details reach the receiving "
                "authority through the National Referral Mechanism; quote the case reference and check code."
            ),
            9,
        )
        page.y += page.px(30)
        page.text(_t("Received by (name, organisation, signature, time):"), 11)
    finally:
        painter.end()
    return path


def rights_sheet(path: Path, language: str) -> Path:
    """Write the child's rights sheet in `language` to `path` (a PDF)."""
    sheet = iv.rights_sheet(language)
    writer = pdf_writer(path, sheet["title"])
    painter = QPainter(writer)
    try:
        page = _Page(painter, writer.width())
        page.text(sheet["title"], 22, bold=True, gap=14)
        for paragraph in sheet["paragraphs"]:
            page.text(paragraph, 13, gap=10)
        page.line()
        page.text(sheet["contacts"], 12, bold=True)
    finally:
        painter.end()
    return path


def _when(iso: str | None) -> str:
    from ui import i18n

    return i18n.utc_text(iso)


def decision_text(decision: str | None) -> str:
    return {
        "potential_victim": _t("potential victim of trafficking"),
        "at_risk": _t("child at risk"),
        "no_concern": _t("no concern found"),
    }.get(decision or "", "-")


def destination_text(destination: str) -> str:
    return {
        "responsible_authority": _t("Responsible Authority (National Referral Mechanism)"),
        "child_protection_unit": _t("Child Protection Unit"),
        "shelter": _t("shelter"),
        "family": _t("family"),
    }.get(destination, destination)


def participant_text(role: str) -> str:
    return {"female_at_officer": _t("Female anti-trafficking officer"), "social_worker": _t("Social worker")}.get(
        role, role
    )
