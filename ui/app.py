"""The desktop app entry point. A plain window until the booth screens land (issue 3)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from borderapp import __version__


class MainWindow(QMainWindow):
    def __init__(self, store_dir: str) -> None:
        super().__init__()
        self.setWindowTitle("BorderApp")
        label = QLabel(
            f"<h2>BorderApp {__version__}</h2>"
            f"<p>Station store: {store_dir}</p>"
            "<p>The booth screens are not built yet. Use the command line meanwhile:<br>"
            "<code>borderapp --help</code></p>"
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setCentralWidget(label)
        self.resize(800, 500)


def run(store_dir: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(store_dir)
    window.show()
    return int(app.exec())
