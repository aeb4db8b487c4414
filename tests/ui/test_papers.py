"""The referral slip and the rights sheet as real PDFs: the slip's QR code, decoded from the rendered page by a
real decoder (ZXing), holds the case reference and check code and nothing personal; nor does the slip's text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from borderapp import interview as iv
from borderapp import services
from tests.interviews import FAT_PW, complete_content, referral_now
from tests.stations import PASSWORDS, login
from ui import papers


def render(path: Path, page: int = 0) -> tuple[QImage, str]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    image = document.render(page, QSize(1240, 1754)).convertToFormat(QImage.Format.Format_Grayscale8)
    text = " ".join(document.getAllText(page).text().split())  # lines wrap where they will
    document.close()
    return image, text


def decode(image: QImage) -> list[str]:
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height).reshape(height, stride)
    return [result.text for result in zxingcpp.read_barcodes(np.ascontiguousarray(pixels[:, :width]))]


def test_the_referral_slip_qr_code_holds_the_case_reference_and_nothing_personal(
    qtbot: object,
    station_dir: Path,
    flagged: str,
    tmp_path: Path,
) -> None:
    with login(station_dir, "sup") as s:
        interview_id = iv.open_interview(s, flagged)
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.record_presence(s, interview_id, "social_worker", "sw", PASSWORDS["sw"])
        iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                iv.Signature("fat", FAT_PW), iv.Signature("sw", PASSWORDS["sw"]))  # fmt: skip
        view = iv.show(s, interview_id)
        case = iv.case_reference(s, interview_id)
        record = services.show(s, flagged).record
        slip = papers.referral_slip(tmp_path / f"referral-{case[0]}.pdf", view, case, s.station)
    image, text = render(slip)
    assert decode(image) == [f"BAREF1|{case[0]}|{case[1]}"]
    assert case[0] in text and "Child Protection Unit" in text and "Mira Oficere" in text
    personal = [record.child.family_name, record.child.given_names, record.document.number or "-",
                record.child.birth_date.strftime("%d.%m.%Y") if record.child.birth_date else "-"]  # fmt: skip
    for value in personal:
        assert value not in text and value not in slip.name
        assert all(value not in found for found in decode(image))


def test_the_rights_sheet_in_each_language(qtbot: object, tmp_path: Path) -> None:
    for language, title in (("en", "Your rights"), ("sq", "Të drejtat e tua")):
        sheet = papers.rights_sheet(tmp_path / f"rights-{language}.pdf", language)
        _, text = render(sheet)
        assert title in text and "116 111" in text
