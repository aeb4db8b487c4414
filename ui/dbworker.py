"""One thread for all database work, and the `Op` helper that widgets use to run it.

The station store is opened on the worker thread and used only there; the GUI thread never waits for it.

    Op(parent, lambda session: services.search(session, text)).success(show).run()

`success` runs on the GUI thread with the result. Failures go to `failure` if given, otherwise to the message
bridge: a KnownError as its sentence, anything else as a bug report. An Op whose parent was destroyed
delivers nothing.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from borderapp.errors import KnownError
from borderapp.store.station import Session
from ui.messages import Delivery

Job = Callable[[Session], Any]


class Opener:
    """A job that opens the station on the database thread (login) and returns (user, station)."""

    def __init__(self, open_session: Callable[[], Session]) -> None:
        self.open_session = open_session

    def __call__(self, session: Session) -> Any:  # never called: the worker handles openers itself
        raise NotImplementedError


class _Worker(QObject):
    """Lives on the database thread. Signals: done(job_id, result), failed(job_id, error, details)."""

    done = Signal(int, object)
    failed = Signal(int, object, str)

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        try:
            if isinstance(job, Opener):
                session = job.open_session()
                if self.session is not None:
                    self.session.close()
                self.session = session
                result: object = (session.user, session.station)
            elif self.session is None:
                raise KnownError("No station is open.")
            else:
                result = job(self.session)
        except Exception as exc:  # handed to the GUI thread: KnownError as a sentence, others as bugs
            self.failed.emit(job_id, exc, traceback.format_exc())
            return
        self.done.emit(job_id, result)

    @Slot()
    def release(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None


class DbThread(QObject):
    """The database thread. Signals: submit(job_id, job) and close_session() are queued to the worker."""

    submit = Signal(int, object)
    close_session = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName("borderapp-db")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self.submit.connect(self._worker.run)
        self.close_session.connect(self._worker.release)
        self._worker.done.connect(self._done)
        self._worker.failed.connect(self._failed)
        self._ids = itertools.count(1)
        self._pending: dict[int, Op] = {}
        self._thread.start()

    def stop(self) -> None:
        self.close_session.emit()
        self._thread.quit()
        self._thread.wait(5000)

    def enqueue(self, op: Op) -> None:
        job_id = next(self._ids)
        self._pending[job_id] = op
        self.submit.emit(job_id, op.job)

    @Slot(int, object)
    def _done(self, job_id: int, result: object) -> None:
        op = self._pending.pop(job_id, None)
        if op is not None:
            op.deliver(result)

    @Slot(int, object, str)
    def _failed(self, job_id: int, error: object, details: str) -> None:
        op = self._pending.pop(job_id, None)
        if op is not None:
            op.fail(error, details)


_db: DbThread | None = None


def db_thread() -> DbThread:
    global _db
    if _db is None:
        _db = DbThread()
    return _db


def shutdown() -> None:
    global _db
    if _db is not None:
        _db.stop()
        _db = None


class Op(Delivery):
    def __init__(self, parent: QObject | None, job: Job) -> None:
        super().__init__(parent)
        self.job = job

    def run(self) -> Op:
        db_thread().enqueue(self)
        return self
