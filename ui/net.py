"""Network calls off the GUI thread (the central console), as `Op` does for the station store:

    Call(parent, lambda: client.devices()).success(show).failure(tell).run()

Calls run on Qt's global thread pool; results come back on the GUI thread. A call whose parent is gone
delivers nothing. Failures without a `failure` callback go to the message bridge, as `Op`'s do.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from borderapp.errors import KnownError
from ui.messages import bridge


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # handed to the GUI thread
            self.relay.failed.emit(exc, traceback.format_exc())
            return
        self.relay.done.emit(result)


_running: set[Call] = set()  # keeps each call (and its relay) alive until it delivered


class Call(QObject):
    def __init__(self, parent: QObject | None, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self._alive = True
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._deliver)
        self._relay.failed.connect(self._fail)
        if parent is not None:
            parent.destroyed.connect(self._parent_gone)

    def _parent_gone(self) -> None:
        self._alive = False

    def success(self, callback: Callable[[Any], None]) -> Call:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Call:
        self._failure = callback
        return self

    def run(self) -> Call:
        _running.add(self)
        QThreadPool.globalInstance().start(_Task(self.fn, self._relay))
        return self

    @Slot(object)
    def _deliver(self, result: object) -> None:
        _running.discard(self)
        if self._alive and self._success is not None:
            self._success(result)

    @Slot(object, str)
    def _fail(self, error: object, details: str) -> None:
        _running.discard(self)
        if not self._alive:
            return
        if self._failure is not None and isinstance(error, BaseException):
            self._failure(error)
        elif isinstance(error, KnownError):
            bridge().error.emit(str(error))
        else:
            bridge().bug.emit(f"{type(error).__name__}: {error}", details)
