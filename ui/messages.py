"""The one bridge for everything the user is told. Widgets and Ops emit; the main window shows.

Signals: error(str), warning(str), info(str), bug(summary, details). Tests connect to them and assert the
exact sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class MessageBridge(QObject):
    error = Signal(str)
    warning = Signal(str)
    info = Signal(str)
    bug = Signal(str, str)


_bridge: MessageBridge | None = None


def bridge() -> MessageBridge:
    global _bridge
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge
