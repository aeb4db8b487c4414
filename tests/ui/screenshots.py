"""Screenshots of the desktop app at 1366x768 into docs/screenshots/ (not a test; run under Xvfb):

xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/ui/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import dbworker  # noqa: E402
from ui.app import MainWindow, make_demo_station  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    app = QApplication(sys.argv[:1])
    store, users = make_demo_station(300)
    steps: list[tuple[str, Callable[[MainWindow], None]]] = []
    empty = MainWindow(str(Path(tempfile.mkdtemp()) / "station"))
    window = MainWindow(str(store), users)

    def shoot(name: str, target: MainWindow) -> None:
        target.grab().save(str(OUT / f"{name}.png"))
        print("saved", name)

    def sequence() -> None:
        empty.show()
        QTimer.singleShot(400, lambda: (shoot("en-no-station", empty), empty.close(), window.show()))
        QTimer.singleShot(900, lambda: shoot("en-login-demo", window))
        QTimer.singleShot(
            1000,
            lambda: (
                window.login.user.setText("demo-officer"),
                window.login.password.setText(users["demo-officer"]),
                window.login.submit(),
            ),
        )
        QTimer.singleShot(3000, lambda: shoot("en-records", window))
        QTimer.singleShot(3100, lambda: window.records.table.selectRow(2))
        QTimer.singleShot(3800, lambda: shoot("en-records-detail", window))
        QTimer.singleShot(3900, lambda: window.records.search.setText("cela"))
        QTimer.singleShot(4800, lambda: shoot("en-records-search", window))
        QTimer.singleShot(4900, window.close)  # the demo's records are unsent: the app asks first
        QTimer.singleShot(5500, lambda: app.primaryScreen().grabWindow(0).save(str(OUT / "en-close-with-unsent.png")))
        QTimer.singleShot(5600, lambda: setattr(window, "_close_confirmed", True))
        QTimer.singleShot(5700, app.quit)

    QTimer.singleShot(0, sequence)
    app.exec()
    dbworker.shutdown()
    del steps


if __name__ == "__main__":
    main()
