"""The desktop app: no station yet -> how to make one; login; then the records view.

The booth's crossing-entry form, the first-run wizard, idle lock, supervisor screens and the Albanian
translation are still to come (issue 3); see docs/UI.md.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QStackedWidget

from borderapp import __version__, reference
from borderapp.store.station import DB_NAME
from ui import dbworker
from ui.login import LoginPage
from ui.messages import bridge
from ui.records_view import RecordsView


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, store_dir: str, demo_users: dict[str, str] | None = None) -> None:
        super().__init__()
        self.store = Path(store_dir)
        self.setWindowTitle("BorderApp")
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        if (self.store / DB_NAME).exists():
            self.login = LoginPage(self.store, _t("Station store: {0}").format(self.store), demo_users)
            self.login.signed_in.connect(self._signed_in)
            self.pages.addWidget(self.login)
        else:
            label = QLabel(
                _t(
                    "<h2>BorderApp {0}</h2><p>There is no station in {1} yet.</p>"
                    "<p>Create one with <code>borderapp init</code>, or try the app with <code>borderapp --demo</code>."
                    "</p>"
                ).format(__version__, self.store)
            )
            label.setObjectName("no_station")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.pages.addWidget(label)
        self.records = RecordsView()
        self.pages.addWidget(self.records)
        # Bound methods, not lambdas: Qt drops the connections when this window is destroyed.
        bridge().error.connect(self._error)
        bridge().bug.connect(self._bug)
        self.resize(1366, 768)

    def _signed_in(self, user: Any, station: Any) -> None:
        bcp = reference.bcps().get(station.bcp)
        self.statusBar().showMessage(
            _t("{0} ({1}) at {2}, {3}").format(
                user.full_name, user.role.replace("_", " "), station.station_name, bcp.name if bcp else station.bcp
            )
        )
        self.pages.setCurrentWidget(self.records)
        self.records.load()
        self.records.search.setFocus()

    def _error(self, text: str) -> None:
        QMessageBox(QMessageBox.Icon.Warning, "BorderApp", text, parent=self).open()

    def _bug(self, summary: str, details: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "BorderApp",
            _t(
                "Something went wrong inside BorderApp. Nothing you recorded was lost. Copy the details below for "
                "the support team."
            )
            + f"\n\n{summary}",
            parent=self,
        )
        box.setDetailedText(details)
        box.open()  # window-modal, never blocks the event loop

    def closeEvent(self, event: Any) -> None:
        dbworker.shutdown()
        super().closeEvent(event)


def make_demo_station(count: int = 300) -> tuple[Path, dict[str, str]]:
    """A throwaway station with one user per role and sample records (borderapp --demo)."""
    from borderapp.demo import create_demo_station

    store = Path(tempfile.mkdtemp(prefix="borderapp-demo-")) / "station"
    return store, create_demo_station(store, count=count)


def run(store_dir: str, demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    demo_users = None
    if demo:
        store, demo_users = make_demo_station()
        store_dir = str(store)
    window = MainWindow(store_dir, demo_users)
    window.show()
    code = int(app.exec())
    dbworker.shutdown()
    return code
