"""The checking helper process (sync/server/helper.py): what it finds must be exactly what the server finds, and
whatever goes wrong with it, the server checks the events itself and stores every one, once."""

from __future__ import annotations

import gzip
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from borderapp.services import payload_for
from sync import protocol as p
from sync.server import helper as helper_module
from sync.server import schema as s
from sync.server.errors import ApiError
from sync.server.helper import CheckHelper, split
from sync.server.ingest import Checked, Ingest
from sync.server.storage import Storage, make_engine
from tests.factories import clean_record
from tests.sync.conftest import chain, follow
from tests.sync.live import started
from tests.sync.server.test_storage_contract import enrolled


@pytest.fixture
def sqlite_storage(tmp_path: Path) -> Iterator[Storage]:
    store = Storage(make_engine(f"sqlite:///{tmp_path / 'central.db'}"))
    yield store
    store.engine.dispose()


@pytest.fixture
def ingest(sqlite_storage: Storage) -> Iterator[Ingest]:
    ingest = Ingest(sqlite_storage, helper=True)
    assert ingest._helper is not None
    started(ingest._helper)
    yield ingest
    ingest.close()


def awkward_batch(device: str) -> list:  # type: ignore[type-arg]
    """Clean crossings, one with an invalid record, one with a float and a big integer in its payload."""
    events = chain(device, 150)
    bad = payload_for(clean_record())
    bad["record"]["child"]["birth_date"] = "2030-01-01"
    events.append(follow(events, "crossing.recorded", "rec-bad", bad))
    odd = {**payload_for(clean_record()), "note_score": 0.00001, "big": 2**70}
    events.append(follow(events, "crossing.recorded", "rec-odd", odd))
    return events + chain(device, 60, start=events[-1].seq + 1, prev=events[-1].hash)


def body_of(events: list) -> bytes:  # type: ignore[type-arg]
    return p.PushBatch(events=events).model_dump_json().encode()


def helper_checks(helper: CheckHelper, events: list, body: bytes | None = None) -> list[Checked]:  # type: ignore[type-arg]
    """Hand a batch over and take every part the helper answers with."""
    assert helper.begin(body or body_of(events))
    try:
        return [c for part in helper.parts(events, split(len(events))) for c in part]
    finally:
        helper.end()


@pytest.mark.parametrize("compressed", [False, True])
def test_the_helper_finds_exactly_what_the_server_finds(sqlite_storage: Storage, compressed: bool) -> None:
    events = awkward_batch("dev-1")
    forged = events[-5].model_copy(update={"occurred_at": "2026-01-01T00:00:00Z"})
    events[-5] = forged
    body = body_of(events)
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    try:
        theirs = helper_checks(helper, events, gzip.compress(body) if compressed else body)
    finally:
        helper.close()
    start = split(len(events))
    assert len(events) == 212 and start == 212 * helper_module.MINE // 100 and len(theirs) == 212 - start
    ours = [Checked.of(ev, sqlite_storage.pattern_key) for ev in events[start:]]
    assert [c.values() for c in theirs] == [c.values() for c in ours]
    assert [c.event for c in theirs] == events[start:]
    assert not theirs[-5].hash_ok and theirs[150 - start].problem == "invalid record: child.birth_date"
    assert theirs[151 - start].payload_json == ours[151 - start].payload_json  # the float and the big integer


def test_a_station_batch_is_shared_with_the_helper_and_stored_once(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    events = awkward_batch(device)
    body = body_of(events)
    result = ingest.push_json(device, body, gzip.compress(body))
    assert ingest._helper is not None and ingest._helper.handed == len(events) - split(len(events))
    assert [r.seq for r in result.receipts] == [e.seq for e in events]
    assert [r.status for r in result.receipts].count("quarantined") == 1
    with sqlite_storage.engine.connect() as conn:
        counts = [conn.execute(select(func.count()).select_from(t)).scalar_one() for t in (s.events, s.crossings)]
    assert counts == [len(events), len(events) - 1]
    assert ingest.push_json(device, body).receipts[-1].status == "duplicate"


class Turnstile:
    """Stands for Ingest._serial (a lock), counting the batches that wait for their turn."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.waiting = 0

    def __enter__(self) -> None:
        self.waiting += 1
        self.lock.acquire()
        self.waiting -= 1

    def __exit__(self, *exc: object) -> None:
        self.lock.release()


def test_batches_of_several_stations_in_hand_are_each_checked_by_the_helper_at_their_turn(
    ingest: Ingest, sqlite_storage: Storage
) -> None:
    """Three stations' batches arrive while the helper and the write turn are taken by a batch before them:
    each goes to the helper in full when its turn comes (this process parses and stores meanwhile)."""
    helper = ingest._helper
    assert helper is not None
    devices = [enrolled(sqlite_storage, f"dev-{i}") for i in range(3)]
    batches = {device: chain(device, 300) for device in devices}
    results: dict[str, p.PushResult] = {}

    def push(device: str) -> None:
        results[device] = ingest.push_json(device, body_of(batches[device]))

    turn = Turnstile()
    ingest._serial = turn
    threads = [threading.Thread(target=push, args=(device,)) for device in devices]
    with turn.lock:  # the batch before holds the turn and the helper
        assert helper.begin(body_of(chain("dev-other", 300)))
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while turn.waiting < 3:
            assert time.monotonic() < deadline, "the batches did not reach their turn"
            time.sleep(0.01)
        helper.end()
    for thread in threads:
        thread.join(timeout=60)
    assert helper._number == 4 and helper.handed == 900  # none of the three checked in this process
    for device in devices:
        assert [r.seq for r in results[device].receipts] == list(range(1, 301))
        assert {r.status for r in results[device].receipts} == {"stored"}
    with sqlite_storage.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.events)).scalar_one() == 900


def test_a_refused_batch_leaves_the_helper_free_for_the_next(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    events = chain(device, 300)
    with pytest.raises(ApiError) as info:  # refused while the helper checks its part
        ingest.push_json(device, body_of(events[150:]))
    assert info.value.code == "seq_gap"
    with pytest.raises(ApiError) as info:  # not a batch at all: the helper says so too
        ingest.push_json(device, b"[" * 40_000)
    assert info.value.code == "validation_failed"
    assert ingest._helper is not None and ingest._helper.handed == 0
    assert {r.status for r in ingest.push_json(device, body_of(events)).receipts} == {"stored"}
    assert ingest._helper.handed == 300 - split(300)  # its own answers, none left over from the refused ones


def test_answers_for_other_events_are_not_used(ingest: Ingest, sqlite_storage: Storage) -> None:
    """The helper parses the very bytes the server parses, so its events are the server's: should they ever
    differ (a bug), its answers are dropped and the server checks the events itself."""
    device = enrolled(sqlite_storage)
    events, other = chain(device, 200), chain(device, 200)
    helper = ingest._helper
    assert helper is not None
    assert helper.begin(body_of(other))
    assert list(helper.parts(events, split(200))) == []
    helper.end()
    assert len(helper_checks(helper, events)) == 200 - split(200)  # and it goes on serving


def test_a_dead_helper_leaves_the_checks_to_the_server(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    helper._proc.kill()
    helper._proc.join(timeout=10)
    events = chain(device, 200)
    result = ingest.push_json(device, body_of(events))
    assert result.acked_seq == 200 and {r.status for r in result.receipts} == {"stored"}
    assert helper.handed == 0 and not helper.ready()


def test_a_helper_that_dies_in_the_middle_leaves_the_rest_to_the_server(
    ingest: Ingest, sqlite_storage: Storage
) -> None:
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    events = chain(device, 600)
    assert helper.begin(body_of(events))
    parts = helper.parts(events, split(600))
    first = next(parts)
    helper._proc.kill()
    rest = [c for part in parts for c in part]
    helper.end()
    assert len(first) == helper_module.ANSWER_EVENTS and len(first) + len(rest) < 600 - split(600)
    result = ingest.push_json(device, body_of(events))  # then every event checked here
    assert result.acked_seq == 600 and {r.status for r in result.receipts} == {"stored"}


def test_a_helper_that_takes_nothing_is_stopped_and_the_batch_still_stored(
    ingest: Ingest, sqlite_storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    monkeypatch.setattr(helper_module, "TIMEOUT_S", 0.5)
    os.kill(helper._proc.pid or 0, signal.SIGSTOP)  # alive but reading nothing: more than a pipe holds is handed
    events = chain(device, 1000)
    result = ingest.push_json(device, body_of(events))
    assert result.acked_seq == 1000 and {r.status for r in result.receipts} == {"stored"}
    assert not helper._proc.is_alive() and helper.handed == 0  # stopped for good
    more = chain(device, 200, start=1001, prev=events[-1].hash)
    assert ingest.push_json(device, body_of(more)).acked_seq == 1200


def test_a_helper_that_stops_answering_during_the_transaction_is_given_up(
    ingest: Ingest, sqlite_storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body fits in the pipe, so the helper takes it; it never answers while the server waits inside its
    transaction: after TIMEOUT_S the server stops it, checks those events itself and lets the write lock go."""
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    monkeypatch.setattr(helper_module, "TIMEOUT_S", 0.5)
    os.kill(helper._proc.pid or 0, signal.SIGSTOP)
    events = chain(device, 200)
    body = body_of(events)
    began = time.monotonic()
    result = ingest.push_json(device, body, gzip.compress(body))
    assert result.acked_seq == 200 and {r.status for r in result.receipts} == {"stored"}
    assert time.monotonic() - began < 10 and not helper._proc.is_alive() and helper._number == 1
    with sqlite_storage.writer.begin() as conn:  # the write lock is free again
        assert conn.execute(select(func.count()).select_from(s.events)).scalar_one() == 200


def test_an_answer_that_does_not_come_is_given_up(sqlite_storage: Storage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helper_module, "TIMEOUT_S", 0.5)
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    os.kill(helper._proc.pid or 0, signal.SIGSTOP)
    events = chain("dev-1", 120)
    assert helper.begin(gzip.compress(body_of(events)))  # small: the pipe holds it
    began = time.monotonic()
    assert list(helper.parts(events, split(120))) == []
    helper.end()
    assert time.monotonic() - began < 10 and not helper._proc.is_alive()
    assert not helper.begin(body_of(events))


def test_the_helper_answers_a_failure_for_input_it_cannot_read(sqlite_storage: Storage) -> None:
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    events = chain("dev-1", 120)
    try:
        for unreadable in (b"not a batch", gzip.compress(b"not a batch either"), b"\x1f\x8b not gzip"):
            assert helper.begin(unreadable)
            assert list(helper.parts(events, split(120))) == []  # the server checks those itself
            helper.end()
        assert [c.hash_ok for c in helper_checks(helper, events)] == [True] * (120 - split(120))  # still serving
    finally:
        helper.close()


def test_a_helper_whose_server_goes_away_mid_batch_ends_quietly(sqlite_storage: Storage) -> None:
    """A server killed while the helper answers (a power cut at the central site, a stopped service): the
    helper stops at its next answer without a traceback on the server's console."""
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    events = chain("dev-1", 1000)
    assert helper.begin(body_of(events))
    parts = helper.parts(events, split(1000))
    assert len(next(parts)) == helper_module.ANSWER_EVENTS  # it is answering
    helper._conn.close()  # the server's end, as when its process dies
    helper._proc.join(timeout=30)
    assert helper._proc.exitcode == 0


def test_small_batches_stay_with_the_server(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    events = chain(device, 200)
    assert len(body_of(events[:20])) < helper_module.MIN_BYTES < len(body_of(events[20:60]))
    ingest.push_json(device, body_of(events[:20]))  # not even handed over
    assert helper._number == 0
    ingest.push_json(device, body_of(events[20:60]))  # handed over, but fewer than MIN_EVENTS: all checked here
    assert helper._number == 1 and helper.handed == 0
    assert split(99) == 99 and split(100) == 100 * helper_module.MINE // 100
    assert ingest.push_json(device, body_of(events[60:])).acked_seq == 200
    assert helper.handed == 140 - split(140)
