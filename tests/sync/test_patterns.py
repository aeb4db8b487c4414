"""Cross-station patterns at the central server, from two real stations synced over loopback: a planted adult
seen with two unrelated children at two stations, and a child overdue from a planned return; with the near
misses that must not show (a father with his own children, a child who came back)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from borderapp import services
from borderapp.events import format_time, uuid7
from borderapp.store.station import User, create_station, open_session
from sync.client import StationSync
from tests.factories import clean_record
from tests.stations import FAST_KDF, login
from tests.sync.live import LiveServer, live_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path / "central") as live:
        yield live


def ago(days: float) -> str:
    return format_time(datetime.now(UTC) - timedelta(days=days))


def with_adult(child: str, number: str, relationship: str, days: float, bcp: str = "KAK") -> Any:
    adult = {"family_name": "Dervishi", "given_names": "Agron", "relationship": relationship,
             "document_number": "BA9999999", "document_state": "ALB", "relationship_evidence": "declared"}  # fmt: skip
    accompaniment = "unrelated_adult" if relationship == "family_friend" else "one_parent"
    return clean_record(
        **{
            "child.given_names": child,
            "document.number": number,
            "crossing.crossed_at": ago(days),
            "crossing.bcp": bcp,
            "accompaniment": accompaniment,
            "adults": [adult],
            "parents": [],
            "travel.planned_return": None,
        }
    )


def test_planted_patterns_and_their_near_misses(station_dir: Path, server: LiveServer, tmp_path: Path) -> None:
    with login(station_dir, "sup") as s:
        StationSync(s).enrol(server.code("KAK"))
        services.record_many(s, [
            with_adult("Ana", "BA1000001", "family_friend", 3),
            with_adult("Drita", "BA1000002", "father", 3),  # a father: a relative, not a pattern
            clean_record(**{"child.given_names": "Besa", "document.number": "BA2000001", "crossing.crossed_at": ago(90),
                            "travel.planned_return": ago(60)[:10]}),  # left 90 days ago, back 60 days ago: overdue
            clean_record(**{"child.given_names": "Dea", "document.number": "BA2000002", "crossing.crossed_at": ago(90),
                            "travel.planned_return": ago(60)[:10]}),
            clean_record(**{"child.given_names": "Dea", "document.number": "BA2000002", "crossing.crossed_at": ago(55),
                            "crossing.direction": "entry", "travel.planned_return": None}),  # Dea came back
        ])  # fmt: skip
        StationSync(s).sync_once()
    second = tmp_path / "second"
    sup = User(id=uuid7(), username="sup2", full_name="Arta", role="supervisor")
    create_station(second, bcp="KAP", station_name="Kapshticë", supervisor=sup, password="second-pw-1",
                   kdf=FAST_KDF).close()  # fmt: skip
    with open_session(second, "sup2", "second-pw-1", kdf=FAST_KDF) as s:
        StationSync(s).enrol(server.code("KAP"))
        services.record_many(s, [with_adult("Elira", "BA1000003", "family_friend", 1, bcp="KAP")])
        StationSync(s).sync_once()

    found = server.storage.patterns(days=30, grace_days=30)
    kinds = sorted(f.kind for f in found)
    assert kinds == ["adult_with_several_children", "overdue_return"]
    adult = next(f for f in found if f.kind == "adult_with_several_children")
    assert adult.detail == {"children": 2} and sorted(r.bcp for r in adult.records) == ["KAK", "KAP"]
    overdue = next(f for f in found if f.kind == "overdue_return")
    [left] = overdue.records
    assert int(overdue.detail["days_overdue"]) >= 59 and left.direction == "exit"
    text = str([f.model_dump() for f in found])
    for personal in ("BA9999999", "Dervishi", "Besa", "BA2000001"):
        assert personal not in text  # keyed hashes and record links only
    # Closer together than the window only: with 1 day, Ana (3 days ago) and Elira (1 day ago) are no pattern.
    assert [f.kind for f in server.storage.patterns(days=1, grace_days=30)] == ["overdue_return"]


def test_a_correction_replaces_the_people_and_an_older_central_database_is_filled_in(
    station_dir: Path, server: LiveServer, tmp_path: Path
) -> None:
    from sqlalchemy import func, select, update

    from sync.server import schema as s
    from sync.server.storage import Storage

    with login(station_dir, "sup") as st:
        StationSync(st).enrol(server.code("KAK"))
        first = services.record_crossing(st, with_adult("Ana", "BA1000001", "family_friend", 3))
        services.record_crossing(st, with_adult("Elira", "BA1000003", "family_friend", 1))
        StationSync(st).sync_once()
        assert [f.kind for f in server.storage.patterns(days=30, grace_days=30)] == ["adult_with_several_children"]
        # The first adult was someone else (another document): corrected, the pattern is gone.
        record = services.show(st, first.record_id).record
        fixed = record.model_copy(update={"adults": [record.adults[0].model_copy(update={"document_number": "BB1"})]})
        services.correct(st, first.record_id, fixed, "wrong passport scanned for the adult")
        StationSync(st).sync_once()
    assert server.storage.patterns(days=30, grace_days=30) == []
    # A central database from before the people table: migration 4 fills it from the stored events.
    with server.storage.engine.begin() as conn:
        before = conn.execute(select(func.count()).select_from(s.crossing_people)).scalar()
        conn.execute(s.crossing_people.delete())
        conn.execute(update(s.server_meta).where(s.server_meta.c.key == "schema_version").values(value="3"))
    again = Storage(server.storage.engine)
    with again.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.crossing_people)).scalar() == before
