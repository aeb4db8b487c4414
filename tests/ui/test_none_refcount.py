"""Guards the PySide6 pin: 6.12 on CPython 3.11 loses a reference to None on every void call (STACK.md)."""

import sys

from pytestqt.qtbot import QtBot

from ui.app import MainWindow


def test_void_qt_calls_keep_the_refcount_of_none(qtbot: QtBot) -> None:
    window = MainWindow("station-dir")
    qtbot.addWidget(window)
    label = window.centralWidget()
    before = sys.getrefcount(None)
    for i in range(10_000):
        window.resize(400 + i % 7, 300)
        label.setToolTip("x")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"refcount of None moved by {after - before} over 20,000 void Qt calls"


def test_main_window_shows_the_store(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel

    window = MainWindow("/srv/station")
    qtbot.addWidget(window)
    assert window.setup is not None and window.pages.currentWidget() is window.setup
    assert "found no station in /srv/station" in window.setup.findChild(QLabel, "title").text()
