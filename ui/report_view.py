"""The quarterly indicator report on screen: quarter, table, chart, and export to CSV, anonymised CSV and PDF.
The same widget shows a station's own report (supervisor, offline) and the central report (console); the
owner answers `wanted(year, quarter)` with `show_table(year, quarter, rows)` (rows from `borderapp.report`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from borderapp import reference, report
from ui.papers import pdf_writer
from ui.widgets import read_only_table


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportView", text)


def column_titles() -> dict[str, str]:
    return {
        "bcp": _t("Border crossing point"),
        "children": _t("Children"),
        "entries": _t("Entries"),
        "exits": _t("Exits"),
        "unaccompanied": _t("Unaccompanied"),
        "flagged": _t("Flagged"),
        "interviews": _t("Interviews"),
        "both_present_pct": _t("Both present, %"),
        "referred_responsible_authority": _t("To the Responsible Authority"),
        "referred_child_protection_unit": _t("To the Child Protection Unit"),
        "referred_shelter": _t("To a shelter"),
        "referred_family": _t("To the family"),
        "hours_to_interview_avg": _t("Hours to interview, average"),
        "hours_to_interview_median": _t("Hours to interview, median"),
        "hours_to_referral_avg": _t("Hours to referral, average"),
        "hours_to_referral_median": _t("Hours to referral, median"),
    }


def bcp_name(code: str) -> str:
    if code == report.ALL:
        return _t("All")
    found = reference.bcps().get(code)
    return found.name if found else code


class ReportView(QWidget):
    wanted = Signal(int, int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.year, self.quarter, self.rows = 0, 0, []  # type: tuple[int, int, list[dict[str, Any]]]
        today = date.today()
        self.year_box = QSpinBox()
        self.year_box.setObjectName("year")
        self.year_box.setRange(2008, 2100)
        self.year_box.setValue(today.year)
        self.quarter_box = QComboBox()
        self.quarter_box.setObjectName("quarter")
        for q in range(1, 5):
            self.quarter_box.addItem(_t("Quarter {0}").format(q), q)
        self.quarter_box.setCurrentIndex((today.month - 1) // 3)
        self.show_button = QPushButton(_t("Show the report"))
        self.show_button.setObjectName("show_report")
        self.csv_button = QPushButton(_t("CSV…"))
        self.anonymised_button = QPushButton(_t("Anonymised CSV…"))
        self.pdf_button = QPushButton(_t("PDF with chart…"))
        for button in (self.csv_button, self.anonymised_button, self.pdf_button):
            button.setEnabled(False)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.table = read_only_table("report_table", [], stretch_last=False)
        self.chart = QChart()
        self.chart.setTitle(_t("Children recorded, flagged and interviewed, by border crossing point"))
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("Year")))
        top.addWidget(self.year_box)
        top.addWidget(self.quarter_box)
        top.addWidget(self.show_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.csv_button)
        top.addWidget(self.anonymised_button)
        top.addWidget(self.pdf_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart_view)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.show_button.clicked.connect(self.ask)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.anonymised_button.clicked.connect(lambda: self._export("anonymised"))
        self.pdf_button.clicked.connect(lambda: self._export("pdf"))

    def ask(self) -> None:
        self.status.setText(_t("Counting…"))
        self.wanted.emit(self.year_box.value(), int(self.quarter_box.currentData()))

    def failed(self, message: str) -> None:
        self.status.setText(message)

    def show_table(self, year: int, quarter: int, rows: list[dict[str, Any]]) -> None:
        self.year, self.quarter, self.rows = year, quarter, rows
        titles = column_titles()
        self.table.setColumnCount(len(report.COLUMNS))
        self.table.setHorizontalHeaderLabels([titles[c] for c in report.COLUMNS])
        self.table.setRowCount(len(rows))
        for r, figures in enumerate(rows):
            for c, key in enumerate(report.COLUMNS):
                value = figures.get(key)
                text = bcp_name(str(value)) if key == "bcp" else ("-" if value is None else f"{value}")
                item = QTableWidgetItem(text)
                if key != "bcp":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self._chart(rows)
        total = rows[-1] if rows else {}
        self.status.setText(
            _t("{0}, quarter {1}: {2} children, {3} flagged, {4} interviews.").format(
                year, quarter, total.get("children", 0), total.get("flagged", 0), total.get("interviews", 0)
            )
        )
        for button in (self.csv_button, self.anonymised_button, self.pdf_button):
            button.setEnabled(bool(rows))

    def _chart(self, rows: list[dict[str, Any]]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        per_bcp = [r for r in rows if r["bcp"] != report.ALL]
        series = QBarSeries()
        for key, label in (
            ("entries", _t("Entries")),
            ("exits", _t("Exits")),
            ("flagged", _t("Flagged")),
            ("interviews", _t("Interviews")),
        ):
            bars = QBarSet(label)
            for figures in per_bcp:
                bars.append(float(figures[key]))
            series.append(bars)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([bcp_name(r["bcp"]) for r in per_bcp])
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setLabelFormat("%d")
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    # -- export ----------------------------------------------------------------------------------------------
    def _export(self, kind: str) -> None:
        suffix = "pdf" if kind == "pdf" else "csv"
        name = f"indicators-{self.year}-q{self.quarter}{'-anonymised' if kind == 'anonymised' else ''}.{suffix}"
        dialog = QFileDialog(self, _t("Export the report"), str(Path.home() / name), f"{suffix.upper()} (*.{suffix})")
        dialog.setObjectName("export_report")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.write(kind, Path(path)))
        dialog.open()

    def write(self, kind: str, path: Path) -> Path:
        if kind == "pdf":
            self._pdf(path)
        else:
            path.write_text(report.to_csv(self.year, self.quarter, self.rows, anonymised=kind == "anonymised"), "utf-8")
        self.status.setText(_t("Written: {0}").format(path))
        return path

    def _pdf(self, path: Path) -> None:
        writer = pdf_writer(path, self.title, dpi=150, landscape=True, margin_mm=12)
        painter = QPainter(writer)
        try:
            width = writer.width()
            font = QFont("DejaVu Sans")
            font.setPointSize(14)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(
                QRectF(0, 0, width, 60), f"{self.title} — {self.year}, {_t('Quarter {0}').format(self.quarter)}"
            )
            image = self.chart_view.grab()
            chart_height = int(width * image.height() / max(1, image.width()) * 0.6)
            painter.drawPixmap(QRectF(0, 70, width * 0.6, chart_height).toRect(), image)
            font.setPointSize(7)
            font.setBold(False)
            painter.setFont(font)
            titles = column_titles()
            y = 90 + chart_height
            keys = report.COLUMNS
            col = width / len(keys)
            for i, key in enumerate(keys):
                painter.drawText(QRectF(i * col, y, col - 4, 60), int(Qt.TextFlag.TextWordWrap), titles[key])
            y += 64
            for figures in self.rows:
                for i, key in enumerate(keys):
                    value = figures.get(key)
                    text = bcp_name(str(value)) if key == "bcp" else ("-" if value is None else str(value))
                    painter.drawText(QRectF(i * col, y, col - 4, 24), text)
                y += 24
        finally:
            painter.end()
