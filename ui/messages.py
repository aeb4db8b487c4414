"""The one bridge for everything the user is told. Widgets and Ops emit; the main window shows.

Signals: error(str), warning(str), info(str), bug(summary, details). Tests connect to them and assert the
exact sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

from PySide6.QtCore import QObject, Signal

from borderapp.errors import KnownError


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


class Delivery:
    """What a background job (`ui.dbworker.Op`, `ui.net.Call`) hands back on the GUI thread: the result to
    `success`, a failure to `failure` if given, otherwise to the bridge (a KnownError as its sentence, anything
    else as a bug). Nothing is delivered once the parent widget is gone."""

    def __init__(self, parent: QObject | None) -> None:
        self._alive = True
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        if parent is not None:
            parent.destroyed.connect(self._parent_gone)

    def _parent_gone(self) -> None:
        self._alive = False

    def success(self, callback: Callable[[Any], None]) -> Self:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Self:
        self._failure = callback
        return self

    def deliver(self, result: object) -> None:
        if self._alive and self._success is not None:
            self._success(result)

    def fail(self, error: object, details: str) -> None:
        if not self._alive:
            return
        if self._failure is not None and isinstance(error, BaseException):
            self._failure(error)
        elif isinstance(error, KnownError):
            bridge().error.emit(str(error))
        else:
            bridge().bug.emit(f"{type(error).__name__}: {error}", details)
