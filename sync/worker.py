"""Background sync on its own thread, so the booth never waits for the network.

A round runs after a save (`nudge()`), every `interval` seconds, and, after a failure, again after a capped
exponential backoff with jitter (a `Retry-After` from the server is respected). Failures that waiting cannot
fix (not enrolled, revoked, a fork) stop the automatic retries until someone nudges it again.

Listeners get a `WorkerState` after every round; they are called on the worker thread (the UI hands it over
to the GUI thread with a queued signal).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from borderapp.store.station import Session
from sync.client import StationSync, SyncReport
from sync.errors import Offline, PinMismatch, SyncError


@dataclass(frozen=True)
class WorkerState:
    running: bool = False
    online: bool | None = None  # None: not tried yet
    last_report: SyncReport | None = None
    last_error: str | None = None
    alarm: bool = False  # the server's certificate is not the pinned one (PinMismatch)
    failures: int = 0
    next_round_in: float | None = None
    rounds: int = 0


def backoff(failures: int, base: float, cap: float, rng: random.Random) -> float:
    """Capped exponential backoff with 'equal jitter': between half and all of min(cap, base * 2^n)."""
    ceiling = min(cap, base * 2 ** max(0, failures - 1))
    return float(ceiling / 2 + rng.uniform(0, ceiling / 2))


class SyncWorker:
    def __init__(
        self,
        open_session: Callable[[], Session],
        *,
        interval: float = 60.0,
        base: float = 2.0,
        cap: float = 300.0,
        make_client: Callable[[Session], StationSync] = StationSync,
        seed: int | None = None,
    ) -> None:
        self._open_session = open_session
        self.interval, self.base, self.cap = interval, base, cap
        self._make_client = make_client
        self._rng = random.Random(seed)  # noqa: S311 (jitter, not secrets)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[WorkerState], None]] = []
        self.state = WorkerState()

    def subscribe(self, listener: Callable[[WorkerState], None]) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="borderapp-sync", daemon=True)
            self._thread.start()

    def nudge(self) -> None:
        """Sync soon: a record was saved, or the user asked."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _publish(self, **changes: object) -> None:
        self.state = replace(self.state, **changes)  # type: ignore[arg-type]
        for listener in self._listeners:
            listener(self.state)

    def _run(self) -> None:
        session = self._open_session()
        client = self._make_client(session)
        self._publish(running=True)
        try:
            while not self._stop.is_set():
                wait = self._round(client)
                self._publish(next_round_in=wait)
                self._wake.wait(wait)
                self._wake.clear()
        finally:
            client.close()
            session.close()
            self._publish(running=False, next_round_in=None)

    def _round(self, client: StationSync) -> float:
        try:
            report = client.sync_once()
        except Offline as exc:
            failures = self.state.failures + 1
            wait = max(backoff(failures, self.base, self.cap, self._rng), exc.retry_after or 0.0)
            self._publish(online=False, last_error=str(exc), failures=failures, rounds=self.state.rounds + 1)
            return wait
        except SyncError as exc:
            # Waiting will not fix this one: try again only when nudged, or after a long pause.
            alarm = isinstance(exc, PinMismatch)
            self._publish(
                online=not alarm,
                alarm=alarm,
                last_error=str(exc),
                failures=self.state.failures + 1,
                rounds=self.state.rounds + 1,
            )
            return max(self.interval, self.cap)
        self._publish(
            online=True, alarm=False, last_report=report, last_error=None, failures=0, rounds=self.state.rounds + 1
        )
        return self.interval


def wait_until(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """Poll `predicate` until true or `timeout` seconds pass (for callers without an event loop)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
