"""A second process that checks part of a batch while the server process checks the rest (Ingest.push).

The checks of an event (canonical encoding, hash, payload validation, projection columns, keyed people) are
Python, about 70 us an event, and run on one core at a time. A station catching up after days offline sends
500-event batches one after another, each waiting for the last: with a core to spare, the server hands the
later part of a batch to this process and checks the first part itself, and the two halves finish together.
Used only when the server process has that one batch in hand (with several, its other cores are busy anyway).

Whatever goes wrong here (the process died, is not ready yet, hangs, fails on an input) only means the server
checks those events itself: the helper never decides anything the server would not.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import select
import struct
import threading
import time
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from borderapp.events import Event

if TYPE_CHECKING:
    from sync.server.ingest import Checked

log = logging.getLogger("borderapp.server")

EVENTS: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
READY = b"ready"
FAILED = b""
TIMEOUT_S = 30.0


def _serve(conn: Connection, pattern_key: bytes) -> None:
    """The helper process: JSON events in, pickled Checked values out, until the server closes the pipe."""
    from sync.server.ingest import Checked, quiet_garbage_collector

    quiet_garbage_collector()  # as in the server process: the same short-lived objects a batch
    conn.send_bytes(READY)
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            out = [Checked.of(ev, pattern_key).values() for ev in EVENTS.validate_json(data)]
            conn.send_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:
            conn.send_bytes(FAILED)


class CheckHelper:
    """One helper process and its pipe; `begin` hands it events, `end` takes back what it found."""

    def __init__(self, pattern_key: bytes) -> None:
        ctx = multiprocessing.get_context("spawn")  # not fork: the server process has threads
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, pattern_key), name="borderapp-checks", daemon=True)
        self._proc.start()
        child.close()
        self._ready = False
        self._busy = threading.Lock()
        self._events: list[Event] = []
        self.handed = 0  # events handed over since start

    def ready(self) -> bool:
        """Whether the process has started (it imports for about a second): never waits."""
        if not self._ready and self._proc.is_alive():
            try:
                self._ready = self._conn.poll() and self._conn.recv_bytes() == READY
            except (EOFError, OSError):
                self._ready = False
        return self._ready and self._proc.is_alive()

    def begin(self, events: list[Event]) -> bool:
        """Hand `events` over; False (and nothing handed over) when the helper cannot take them now."""
        if not events or not self._busy.acquire(blocking=False):
            return False
        try:
            if not self.ready():
                self._busy.release()
                return False
            self._send(EVENTS.dump_json(events))
        except Exception:  # e.g. a value the JSON writer refuses, or a helper that took nothing: the server checks
            self._busy.release()
            return False
        self._events = events
        self.handed += len(events)
        return True

    def _send(self, data: bytes) -> None:
        """Connection.send_bytes with a deadline: a helper that stopped reading must not stop the server. The
        frame is the one recv_bytes reads (a 4-byte big-endian length, then the bytes; multiprocessing's own
        since Python 3.3, and every test that hands events over goes through it)."""
        deadline = time.monotonic() + TIMEOUT_S
        frame = memoryview(struct.pack("!i", len(data)) + data)
        fd = self._conn.fileno()
        os.set_blocking(fd, False)
        try:
            while frame:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([], [fd], [], left)[1]:
                    log.error("the checking helper took no events for %d s; stopped", TIMEOUT_S)
                    self.close()
                    raise TimeoutError("the checking helper took nothing for a while; stopped")
                frame = frame[os.write(fd, frame) :]
        finally:
            if not self._conn.closed:
                os.set_blocking(fd, True)

    def end(self) -> list[Checked] | None:
        """The checks of the events handed over by `begin`, or None: the caller checks them itself."""
        from sync.server.ingest import Checked

        try:
            if not self._conn.poll(TIMEOUT_S):
                log.error("the checking helper did not answer in %d s; stopped", TIMEOUT_S)
                self.close()
                return None
            data = self._conn.recv_bytes()
            if data == FAILED:
                return None
            values: list[tuple[Any, ...]] = pickle.loads(data)  # noqa: S301 - our own child process
            return [Checked(ev, *value) for ev, value in zip(self._events, values, strict=True)]
        except (EOFError, OSError):
            self._ready = False
            return None
        finally:
            self._events = []
            self._busy.release()

    def close(self) -> None:
        self._ready = False
        self._conn.close()
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(timeout=5)
