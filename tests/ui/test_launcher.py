import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import launcher

ROOT = Path(__file__).resolve().parents[2]


def test_no_subcommand_opens_the_desktop_window(tmp_path: Path) -> None:
    """In its own process: quitting the application object would spoil it for the tests that follow."""
    driver = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "def look():\n"
        "    print([w.windowTitle() for w in app.topLevelWidgets() if w.isVisible()])\n"
        "    app.quit()\n"
        "QTimer.singleShot(300, look)\n"
        "from ui import launcher\n"
        f"sys.exit(launcher.main(['--store', {str(tmp_path / 'station')!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", driver],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert "['BorderApp']" in done.stdout


def test_subcommands_do_not_need_qt(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["bcps"]) == 0
    out = capsys.readouterr().out
    assert "KAK  land  Kakavijë (border with GRC)" in out and "TIA  air" in out
