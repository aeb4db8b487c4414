"""The checking helper process (sync/server/helper.py): what it finds must be exactly what the server finds, and
whatever goes wrong with it, the server checks the events itself and stores every one, once."""

from __future__ import annotations

import os
import signal
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
from sync.server.helper import CheckHelper
from sync.server.ingest import Checked, Ingest
from sync.server.storage import Storage, make_engine
from tests.factories import clean_record
from tests.sync.conftest import chain, follow
from tests.sync.server.test_storage_contract import enrolled


def started(helper: CheckHelper) -> CheckHelper:
    deadline = time.monotonic() + 60
    while not helper.ready():
        assert time.monotonic() < deadline, "the helper process did not start"
        time.sleep(0.05)
    return helper


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


def test_the_helper_finds_exactly_what_the_server_finds(sqlite_storage: Storage) -> None:
    events = awkward_batch("dev-1")
    forged = events[5].model_copy(update={"occurred_at": "2026-01-01T00:00:00Z"})
    events[5] = forged
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    try:
        assert helper.begin(events)
        theirs = helper.end()
    finally:
        helper.close()
    assert theirs is not None
    ours = [Checked.of(ev, sqlite_storage.pattern_key) for ev in events]
    assert [c.values() for c in theirs] == [c.values() for c in ours]
    assert [c.event for c in theirs] == events
    assert not theirs[5].hash_ok and theirs[150].problem == "invalid record: child.birth_date"


def test_a_station_batch_is_shared_with_the_helper_and_stored_once(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    events = awkward_batch(device)
    result = ingest.push(device, p.PushBatch(events=events))
    assert ingest._helper is not None and ingest._helper.handed == len(events) - len(events) * 57 // 100
    assert [r.seq for r in result.receipts] == [e.seq for e in events]
    assert [r.status for r in result.receipts].count("quarantined") == 1
    with sqlite_storage.engine.connect() as conn:
        counts = [conn.execute(select(func.count()).select_from(t)).scalar_one() for t in (s.events, s.crossings)]
    assert counts == [len(events), len(events) - 1]
    assert ingest.push(device, p.PushBatch(events=events)).receipts[-1].status == "duplicate"


def test_a_refused_batch_leaves_the_helper_free_for_the_next(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    events = chain(device, 300)
    with pytest.raises(ApiError) as info:  # refused after the helper checked its part
        ingest.push(device, p.PushBatch(events=events[150:]))
    assert info.value.code == "seq_gap"
    assert ingest._helper is not None and ingest._helper.handed == 150 - 150 * 57 // 100
    assert {r.status for r in ingest.push(device, p.PushBatch(events=events)).receipts} == {"stored"}
    assert ingest._helper.handed == (150 - 150 * 57 // 100) + (300 - 300 * 57 // 100)  # each its own answer


def test_a_dead_helper_leaves_the_checks_to_the_server(ingest: Ingest, sqlite_storage: Storage) -> None:
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    helper._proc.kill()
    helper._proc.join(timeout=10)
    events = chain(device, 200)
    result = ingest.push(device, p.PushBatch(events=events))
    assert result.acked_seq == 200 and {r.status for r in result.receipts} == {"stored"}
    assert helper.handed == 0 and not helper.ready()


def test_a_helper_that_takes_nothing_is_stopped_and_the_batch_still_stored(
    ingest: Ingest, sqlite_storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = enrolled(sqlite_storage)
    helper = ingest._helper
    assert helper is not None
    monkeypatch.setattr(helper_module, "TIMEOUT_S", 0.5)
    os.kill(helper._proc.pid or 0, signal.SIGSTOP)  # alive but reading nothing: more than a pipe holds is handed
    events = chain(device, 1000)
    result = ingest.push(device, p.PushBatch(events=events))
    assert result.acked_seq == 1000 and {r.status for r in result.receipts} == {"stored"}
    assert not helper._proc.is_alive() and helper.handed == 0  # stopped for good
    more = chain(device, 200, start=1001, prev=events[-1].hash)
    assert ingest.push(device, p.PushBatch(events=more)).acked_seq == 1200


def test_an_answer_that_does_not_come_is_given_up(sqlite_storage: Storage, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(helper_module, "TIMEOUT_S", 0.5)
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    os.kill(helper._proc.pid or 0, signal.SIGSTOP)
    assert helper.begin(chain("dev-1", 3))  # a few events: the pipe holds them
    began = time.monotonic()
    assert helper.end() is None
    assert time.monotonic() - began < 10 and not helper._proc.is_alive()
    assert not helper.begin(chain("dev-1", 3))


def test_the_helper_answers_a_failure_for_input_it_cannot_read(sqlite_storage: Storage) -> None:
    helper = started(CheckHelper(sqlite_storage.pattern_key))
    try:
        helper._busy.acquire()  # as begin() does, with input no server would send
        helper._events = chain("dev-1", 1)
        helper._conn.send_bytes(b"not a list of events")
        assert helper.end() is None  # the server checks those itself
        assert helper.begin(chain("dev-1", 3))  # and the helper goes on serving
        assert [c.hash_ok for c in helper.end() or []] == [True, True, True]
    finally:
        helper.close()
