from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import launcher
from ui.app import MainWindow


def test_no_subcommand_opens_the_desktop_window(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[str] = []

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        for w in windows:
            w.close()
        QApplication.quit()

    QTimer.singleShot(200, look_then_close)
    assert launcher.main(["--store", str(tmp_path / "station")]) == 0
    assert seen == ["BorderApp"]


def test_subcommands_do_not_need_qt(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["bcps"]) == 0
    out = capsys.readouterr().out
    assert "KAK  land  Kakavijë (border with GRC)" in out and "TIA  air" in out
