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

from ui.messages import Delivery


class _Relay(QObject):
    """Lives on the GUI thread: the pool thread's signals arrive here queued, and go to the call."""

    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, call: Call) -> None:
        super().__init__()
        self.call = call
        self.done.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(object)
    def _done(self, result: object) -> None:
        _running.discard(self.call)
        self.call.deliver(result)

    @Slot(object, str)
    def _failed(self, error: object, details: str) -> None:
        _running.discard(self.call)
        self.call.fail(error, details)


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


class Call(Delivery):
    def __init__(self, parent: QObject | None, fn: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.fn = fn
        self._relay = _Relay(self)

    def run(self) -> Call:
        _running.add(self)
        QThreadPool.globalInstance().start(_Task(self.fn, self._relay))
        return self
