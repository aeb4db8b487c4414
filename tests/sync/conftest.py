"""Central storage on both backends: a SQLite file, and a PostgreSQL database made for this test run.

PostgreSQL must be reachable (.ci/ensure-postgres sees to it in `make test`); when it is not, the tests fail
with the reason instead of skipping, so a green run always means both backends were tested.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from borderapp.events import GENESIS_HASH, Actor, Event, utc_now, uuid7
from borderapp.services import payload_for
from sync.server.storage import Storage, make_engine
from tests.factories import clean_record

PG_ADMIN_URL = os.environ.get("BORDERAPP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    name = f"borderapp_test_{os.getpid()}"
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is not reachable at {PG_ADMIN_URL} ({exc}). Run `bash .ci/ensure-postgres` or set "
            "BORDERAPP_TEST_PG_URL.",
            pytrace=False,
        )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def fresh_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    url: str = request.getfixturevalue("pg_url")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    store = Storage(make_engine(fresh_url(request.param, tmp_path, request)))
    yield store
    store.engine.dispose()


ACTOR = Actor(user_id="u-1", name="Ilir Officer", role="officer", badge="O-7")


def chain(device_id: str, count: int, *, start: int = 1, prev: str = GENESIS_HASH, **changes: object) -> list[Event]:
    """`count` real crossing events continuing a device's chain (the station's own sealing code)."""
    out = []
    for seq in range(start, start + count):
        ev = Event.seal(
            event_id=uuid7(),
            device_id=device_id,
            seq=seq,
            type="crossing.recorded",
            record_id=uuid7(),
            actor=ACTOR,
            occurred_at=utc_now(),
            payload=payload_for(clean_record(**changes)),
            prev_hash=prev,
        )
        out.append(ev)
        prev = ev.hash
    return out


def follow(events: list[Event], type_: str, record_id: str, payload: dict[str, object]) -> Event:
    last = events[-1]
    return Event.seal(
        event_id=uuid7(),
        device_id=last.device_id,
        seq=last.seq + 1,
        type=type_,
        record_id=record_id,
        actor=ACTOR,
        occurred_at=utc_now(),
        payload=payload,
        prev_hash=last.hash,
    )
