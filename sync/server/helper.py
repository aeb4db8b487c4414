"""A second process that checks the later part of a batch while the server process checks and stores the rest.

The checks of an event (canonical encoding, hash, payload validation, projection columns, keyed people) are
Python, 50-90 us an event, and run on one core at a time. A station catching up after days offline sends
500-event batches one after another, each waiting for the last. With a core to spare (SQLite: the database
works in the server process), the server hands the helper the request's JSON as it came, before parsing it
itself; both parse the same bytes, and then:
- the server checks the first `split(n)` events and stores them (inside the batch's transaction);
- the helper checks the rest `ANSWER_EVENTS` at a time and sends each part's results as soon as it has
  them, so that the server stores one part while the helper checks the next.
When the server process has several stations' batches in hand (one server process serving many stations),
each batch goes to the helper when its turn to be stored comes, and the helper checks all of it: the server
process is then busy parsing the batches that wait and storing, and has no time to check.

Whatever goes wrong here (the process died, is not ready yet, hangs, fails on an input, answers out of turn)
only means the server checks the rest of those events itself: the helper never decides anything the server
would not.
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
import zlib
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from borderapp.events import Event

if TYPE_CHECKING:
    from sync.server.ingest import Checked

log = logging.getLogger("borderapp.server")

READY = b"ready"
GZIP = b"\x1f\x8b"  # the first bytes of gzip data; JSON never starts with them
# How long the server waits for the helper to take a request or give an answer before it stops the helper for good
# and checks the rest itself. An answer normally takes milliseconds (a 1,000-event batch parsed, 50 events
# checked), and the server may be waiting inside its transaction, holding SQLite's write lock: kept short.
TIMEOUT_S = 5.0
MIN_EVENTS = 100  # smaller batches are checked in the server process alone: handing over would cost more than it saves
MIN_BYTES = 32 * 1024  # a body smaller than this is not handed over (an event's JSON is some 400-1,500 bytes)
ANSWER_EVENTS = 50  # the helper's answers come this many events at a time (ingest.PART is PostgreSQL's part)
MINE = 35  # per cent of a batch the server checks itself: it also stores the whole batch meanwhile
# The same when other batches wait in the server process: it parses them meanwhile. 8 stations, 1 process,
# 100,000 events: 6,781 events/s with the helper for lone batches only, 7,359 with 15% here, 7,627 with none.
QUEUED_MINE = 0


def split(count: int, mine: int = MINE) -> int:
    """How many of a batch's first events the server process checks itself (`mine` per cent of them); the
    helper checks the rest."""
    return count if count < MIN_EVENTS else count * mine // 100


# An answer: (request number, index of its first event, the hash of its last event, the Checked values of each
# event or None when the helper failed, whether it is the last answer to that request).
Answer = tuple[int, int, str, list[tuple[Any, ...]] | None, bool]


def _serve(conn: Connection, pattern_key: bytes) -> None:
    """The helper process: a request's JSON in, pickled answers out, until the server closes the pipe."""
    from sync.server.ingest import quiet_garbage_collector

    quiet_garbage_collector()  # as in the server process: the same short-lived objects a batch
    try:
        conn.send_bytes(READY)
        while True:
            data = conn.recv_bytes()
            for answer in _answers(int.from_bytes(data[:8], "big"), data[8], data[9:], pattern_key):
                conn.send_bytes(answer)
    except (EOFError, OSError):  # the server closed the pipe, or its process is gone (stopped, killed mid-batch)
        return


def _answers(number: int, mine: int, body: bytes, pattern_key: bytes) -> Iterator[bytes]:
    """The pickled answers to one request: its events' checks a part at a time, or a failure."""
    from sync.server.ingest import Checked, parse_batch

    try:
        if body[:2] == GZIP:  # as it came (the server inflated it too, within its limits)
            body = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body)
        events = parse_batch(body).events
        start = split(len(events), mine)
        if start == len(events):
            yield pickle.dumps((number, start, "", [], True))
        for i in range(start, len(events), ANSWER_EVENTS):
            part = events[i : i + ANSWER_EVENTS]
            values = [Checked.of(ev, pattern_key).values() for ev in part]
            answer: Answer = (number, i, part[-1].hash, values, i + ANSWER_EVENTS >= len(events))
            yield pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # input the server will refuse too (it parses the same bytes), or a bug: it checks
        yield pickle.dumps((number, -1, "", None, True))


class CheckHelper:
    """One helper process and its pipe: `begin` hands it a request's JSON, `parts` yields its checks as they
    come, `end` waits until it is done with that request (always called after a `begin` that returned True)."""

    def __init__(self, pattern_key: bytes) -> None:
        ctx = multiprocessing.get_context("spawn")  # not fork: the server process has threads
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, pattern_key), name="borderapp-checks", daemon=True)
        self._proc.start()
        child.close()
        self._ready = False
        self._busy = threading.Lock()
        self._number = 0  # of the request in hand
        self._open = False  # whether the last answer to it is still to come
        self.handed = 0  # events the helper checked for the server since start

    def ready(self) -> bool:
        """Whether the process has started (it imports for about a second): never waits."""
        if not self._ready and self._proc.is_alive():
            try:
                self._ready = self._conn.poll() and self._conn.recv_bytes() == READY
            except (EOFError, OSError):
                self._ready = False
        return self._ready and self._proc.is_alive()

    def begin(self, body: bytes, mine: int = MINE) -> bool:
        """Hand over the JSON of a push request, or the request's body gzipped (a sixth of the bytes to copy), of
        whose events the server checks the first `mine` per cent (`split`); False (and nothing handed over) when
        the helper cannot take it now."""
        if not self._busy.acquire(blocking=False):
            return False
        try:
            if not self.ready():
                raise ConnectionError("the checking helper is not running")
            self._number += 1
            self._send(self._number.to_bytes(8, "big") + bytes([mine]) + body)
        except Exception:  # e.g. a helper that took nothing: the server checks
            self._busy.release()
            return False
        self._open = True
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

    def _answer(self) -> Answer | None:
        """The next answer to the request in hand, or None when there is none to wait for (the helper failed
        or is stopped: after TIMEOUT_S without an answer it is stopped for good)."""
        while self._open:
            try:
                if not self._conn.poll(TIMEOUT_S):
                    log.error("the checking helper did not answer in %d s; stopped", TIMEOUT_S)
                    self.close()
                    return None
                answer: Answer = pickle.loads(self._conn.recv_bytes())  # noqa: S301 - our own child process
            except (EOFError, OSError, pickle.UnpicklingError):
                log.error("the checking helper's pipe failed; stopped")
                self.close()
                return None
            if answer[0] == self._number:  # anything else would be an answer to an earlier request: never used
                self._open = not answer[4]
                return answer
        return None

    def parts(self, events: list[Event], start: int) -> Iterator[list[Checked]]:
        """The helper's checks of `events[start:]` (the events the server parsed from the body handed over),
        a part at a time as they come. Stops early when the helper fails or answers something else: the caller
        checks the rest itself."""
        from sync.server.ingest import Checked

        while (answer := self._answer()) is not None:
            _, first, last_hash, values, _ = answer
            these = events[start : start + len(values or ())]
            if values is None or first != start or len(these) != len(values) or (these and these[-1].hash != last_hash):
                self._drain()  # a failure, or not the events expected: nothing more of this request is used
                return
            yield [Checked(ev, *value) for ev, value in zip(these, values, strict=True)]
            self.handed += len(values)
            start += len(values)

    def _drain(self) -> None:
        while self._answer() is not None:
            pass

    def end(self) -> None:
        """Wait until the helper has given its last answer to the request in hand (or is stopped), so that the
        next request gets only its own answers; the helper is then free."""
        try:
            self._drain()
        finally:
            self._open = False
            self._busy.release()

    def close(self) -> None:
        self._ready = self._open = False
        self._conn.close()
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join(timeout=5)
