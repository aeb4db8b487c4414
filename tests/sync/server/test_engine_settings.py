"""How the central database is driven: settings whose absence a user would feel."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from sync import protocol as p
from sync.server.ingest import Ingest
from sync.server.storage import Storage, make_engine
from tests.sync.conftest import chain, follow, fresh_url
from tests.sync.server.test_storage_contract import enrolled


def test_postgresql_keeps_no_prepared_plans(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    # A plan prepared while the crossings table was nearly empty was kept as it grew: the batch's record id
    # lookup became a full scan (190 ms a batch at 40,000 crossings). Every statement is planned afresh now.
    storage = Storage(make_engine(fresh_url("postgresql", tmp_path, request)))
    device = enrolled(storage)
    ingest = Ingest(storage)
    events = chain(device, 80)
    for i in range(0, 80, 10):  # the same statements 8 times: psycopg would prepare them after the 5th
        ingest.push(device, p.PushBatch(events=events[i : i + 10]))
    with storage.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar_one() == 0
    storage.engine.dispose()


def test_the_quarantine_index_holds_only_quarantined_events_and_is_used(tmp_path: Path) -> None:
    """Migration 5 replaced an index over every event by one over the quarantined ones only."""
    url = f"sqlite:///{tmp_path / 'central.db'}"
    storage = Storage(make_engine(url))
    with storage.engine.begin() as conn:  # as schema 4 left it
        conn.execute(text("DROP INDEX events_quarantine"))
        conn.execute(text("CREATE INDEX events_quarantine ON events (status, device_id)"))
        conn.execute(text("UPDATE server_meta SET value = '4' WHERE key = 'schema_version'"))
    storage = Storage(storage.engine)
    with storage.engine.connect() as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'events_quarantine'")).scalar_one()
        assert "WHERE" in sql and "quarantined" in sql
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                text("EXPLAIN QUERY PLAN SELECT count(*) FROM events WHERE device_id = 'd' AND status = 'quarantined'")
            )
        )
    assert "events_quarantine" in plan
    device = enrolled(storage)
    events = chain(device, 2)
    events.append(follow(events, "crossing.teleported", "rec-x", {"schema_version": 1}))
    Ingest(storage).push(device, p.PushBatch(events=events))
    assert [item.seq for item in storage.quarantine()] == [3]
    assert [d.quarantined for d in storage.devices()] == [1]
    storage.engine.dispose()
