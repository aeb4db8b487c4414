import json
import uuid

import pytest
import sqlcipher3

from borderapp import services
from borderapp.errors import ChainBroken, InvalidInput, PermissionDenied, RecordNotFound
from borderapp.events import GENESIS_HASH, Event, canonical_json, uuid7
from borderapp.store import eventlog, projection
from borderapp.store.station import Session
from tests.factories import clean_record
from tests.stations import login


def test_uuid7_has_version_variant_and_time_order() -> None:
    a, b = uuid7(now_ms=1_700_000_000_000), uuid7(now_ms=1_700_000_000_001)
    assert uuid.UUID(a).version == 7 and uuid.UUID(a).variant == uuid.RFC_4122
    assert a < b
    assert int(uuid.UUID(a).hex[:12], 16) == 1_700_000_000_000


def test_canonical_json_is_sorted_compact_utf8() -> None:
    assert canonical_json({"b": 1, "a": ["ë", None]}) == '{"a":["ë",null],"b":1}'.encode()


def test_events_chain_with_gapless_seq_and_hashes(officer: Session) -> None:
    first = services.record_crossing(officer, clean_record())
    second = services.record_crossing(officer, clean_record())
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS_HASH and second.prev_hash == first.hash
    assert first.computed_hash() == first.hash
    assert first.actor.name == "Ilir Officer" and first.actor.badge == "O-7"
    assert first.device_id == officer.station.device_id


def test_triggers_refuse_update_delete_and_off_chain_inserts(officer: Session) -> None:
    ev = services.record_crossing(officer, clean_record())
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        officer.conn.execute("UPDATE events SET type = 'x' WHERE seq = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        officer.conn.execute("DELETE FROM events")
    gap = Event.seal(**{**ev.hashed_fields(), "seq": 5, "event_id": uuid7(), "prev_hash": ev.hash})
    with pytest.raises(sqlcipher3.IntegrityError, match="breaks the chain"):
        eventlog.insert(officer.conn, gap)
    fork = Event.seal(**{**ev.hashed_fields(), "seq": 2, "event_id": uuid7(), "prev_hash": GENESIS_HASH})
    with pytest.raises(sqlcipher3.IntegrityError, match="breaks the chain"):
        eventlog.insert(officer.conn, fork)


def test_verify_reports_the_first_broken_link(supervisor: Session) -> None:
    for _ in range(5):
        services.record_crossing(supervisor, clean_record())
    assert services.verify(supervisor).events == 5
    # Someone with the key edits an event directly, bypassing the trigger.
    supervisor.conn.execute("DROP TRIGGER events_no_update")
    payload = json.loads(supervisor.conn.execute("SELECT payload FROM events WHERE seq = 3").fetchone()[0])
    payload["record"]["child"]["given_names"] = "Changed"
    supervisor.conn.execute("UPDATE events SET payload = ? WHERE seq = 3", (json.dumps(payload),))
    with pytest.raises(ChainBroken, match="Event 3 .crossing.recorded. does not match its hash") as info:
        services.verify(supervisor)
    assert info.value.seq == 3


def test_verify_notices_a_projection_changed_behind_the_log(supervisor: Session) -> None:
    ev = services.record_crossing(supervisor, clean_record())
    supervisor.conn.execute("UPDATE crossings SET status = 'voided' WHERE record_id = ?", (ev.record_id,))
    with pytest.raises(Exception, match="crossings list does not match the event log"):
        services.verify(supervisor)


def test_correction_is_a_new_event_with_reason_and_changes(supervisor: Session) -> None:
    first = services.record_crossing(supervisor, clean_record())
    fixed = clean_record(**{"child.given_names": "Anila"})
    corr = services.correct(supervisor, first.record_id, fixed, "Name typed wrongly at the booth")
    assert corr.payload["corrects"] == first.event_id
    assert corr.payload["changes"] == {"child.given_names": ["Ana", "Anila"]}
    view = services.show(supervisor, first.record_id)
    assert [e.type for e in view.history] == ["crossing.recorded", "crossing.corrected"]
    assert view.record.child.given_names == "Anila"
    assert [r.record_id for r in services.search(supervisor, "anila")] == [first.record_id]
    assert [r.given_names for r in services.search(supervisor, "hoxha")] == ["Anila"]


def test_void_keeps_the_record_and_its_history(supervisor: Session) -> None:
    ev = services.record_crossing(supervisor, clean_record())
    services.void(supervisor, ev.record_id, "Recorded twice by mistake")
    view = services.show(supervisor, ev.record_id)
    assert view.summary.status == "voided"
    assert view.history[-1].payload["reason"] == "Recorded twice by mistake"
    with pytest.raises(InvalidInput, match="already void"):
        services.void(supervisor, ev.record_id, "again and again")
    with pytest.raises(InvalidInput, match="voided; it can no longer be corrected"):
        services.correct(supervisor, ev.record_id, clean_record(), "some reason")


def test_corrections_need_a_reason_and_a_change(supervisor: Session) -> None:
    ev = services.record_crossing(supervisor, clean_record())
    with pytest.raises(InvalidInput, match="reason: say why"):
        services.correct(supervisor, ev.record_id, clean_record(**{"child.sex": "X"}), "  ")
    with pytest.raises(InvalidInput, match="changes nothing"):
        services.correct(supervisor, ev.record_id, clean_record(), "no change at all")
    with pytest.raises(RecordNotFound):
        services.void(supervisor, uuid7(), "does not exist")


def test_roles(officer: Session) -> None:
    ev = services.record_crossing(officer, clean_record())
    with pytest.raises(PermissionDenied, match="An officer may not correct records"):
        services.correct(officer, ev.record_id, clean_record(**{"child.sex": "X"}), "reason here")
    with login(officer.paths.directory, "sw") as sw:
        with pytest.raises(PermissionDenied, match="social worker may not see crossing records"):
            services.search(sw, "hoxha")
        with pytest.raises(PermissionDenied, match="may not record crossings"):
            services.record_crossing(sw, clean_record())


def test_search_by_name_prefix_diacritics_and_document(officer: Session) -> None:
    a = services.record_crossing(
        officer,
        clean_record(**{"child.family_name": "Çela", "child.given_names": "Ëndrit", "document.number": "BB9876543"}),
    )
    services.record_crossing(officer, clean_record(**{"child.family_name": "Celami", "child.given_names": "Ana"}))
    services.record_crossing(officer, clean_record(**{"child.family_name": "Hoxha", "child.given_names": "Ana"}))
    assert {r.family_name for r in services.search(officer, "cel")} == {"Çela", "Celami"}
    assert [r.record_id for r in services.search(officer, "bb98")] == [a.record_id]
    assert [r.record_id for r in services.search(officer, "endr")] == [a.record_id]  # given name, via FTS
    assert {r.family_name for r in services.search(officer, "ana")} == {"Celami", "Hoxha"}
    assert services.search(officer, "%") == [] and services.search(officer, "  ") == []


def test_projection_rebuild_matches_the_live_projection(supervisor: Session) -> None:
    ids = [services.record_crossing(supervisor, clean_record()).record_id for _ in range(3)]
    services.correct(supervisor, ids[0], clean_record(**{"outcome": "second_line"}), "sent to second line")
    services.void(supervisor, ids[1], "duplicate entry")
    query = "SELECT record_id, status, outcome, last_seq FROM crossings ORDER BY id"
    before = supervisor.conn.execute(query).fetchall()
    with supervisor.writing() as conn:
        assert projection.rebuild(conn) == 5
    assert supervisor.conn.execute(query).fetchall() == before


def test_export_writes_every_event_as_json_lines(supervisor: Session) -> None:
    import io

    for _ in range(3):
        services.record_crossing(supervisor, clean_record())
    out = io.StringIO()
    assert services.export_events(supervisor, out) == 3
    lines = [Event.model_validate_json(line) for line in out.getvalue().splitlines()]
    assert [e.seq for e in lines] == [1, 2, 3] and all(e.computed_hash() == e.hash for e in lines)


def _drop_guards(session: Session) -> None:
    for trigger in ("events_no_update", "events_no_delete", "events_chain"):
        session.conn.execute(f"DROP TRIGGER {trigger}")


def test_verify_reports_a_relinked_event(supervisor: Session) -> None:
    events = [services.record_crossing(supervisor, clean_record()) for _ in range(4)]
    _drop_guards(supervisor)
    forged = Event.seal(**{**events[2].hashed_fields(), "prev_hash": GENESIS_HASH})
    supervisor.conn.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE seq = 3", (forged.prev_hash, forged.hash))
    with pytest.raises(ChainBroken, match="Event 3 does not link to event 2") as info:
        services.verify(supervisor)
    assert info.value.seq == 3


def test_verify_reports_a_deleted_event(supervisor: Session) -> None:
    for _ in range(4):
        services.record_crossing(supervisor, clean_record())
    _drop_guards(supervisor)
    supervisor.conn.execute("DELETE FROM events WHERE seq = 2")
    with pytest.raises(ChainBroken, match="gap: event 2 is missing"):
        services.verify(supervisor)


def test_verify_reports_an_event_of_another_device(supervisor: Session) -> None:
    services.record_crossing(supervisor, clean_record())
    _drop_guards(supervisor)
    supervisor.conn.execute("UPDATE events SET device_id = 'other' WHERE seq = 1")
    with pytest.raises(ChainBroken, match="does not match its hash"):
        services.verify(supervisor)
    ev = Event.seal(
        **{
            **services.show(supervisor, services.search(supervisor, "hoxha")[0].record_id).history[0].hashed_fields(),
            "device_id": "other",
        }
    )
    supervisor.conn.execute("UPDATE events SET hash = ? WHERE seq = 1", (ev.hash,))
    with pytest.raises(ChainBroken, match="names another device"):
        services.verify(supervisor)


def test_name_and_document_searches_read_only_covering_indexes(officer: Session) -> None:
    services.record_crossing(officer, clean_record())
    for sql, params in (
        (projection.search_name_prefix, "hox"),
        (projection.search_document, "BA12"),
    ):
        plans: list[str] = []
        officer.conn.set_trace_callback(plans.append)
        sql(officer.conn, params)
        officer.conn.set_trace_callback(None)
        [query] = [q for q in plans if q.startswith("SELECT")]
        plan = " ".join(str(r[-1]) for r in officer.conn.execute("EXPLAIN QUERY PLAN " + query))
        assert "USING COVERING INDEX" in plan, plan


def test_records_pages_newest_first_with_filters(supervisor: Session) -> None:
    records = [clean_record(**{"crossing.crossed_at": f"2026-07-{day:02d}T10:00:00+00:00"}) for day in range(1, 8)]
    records.append(
        clean_record(**{"crossing.crossed_at": "2026-07-04T10:00:00+00:00", "travel.paid_by": "third_party"})
    )
    services.record_many(supervisor, records)
    first, cursor = services.list_crossings(supervisor, limit=3)
    assert [r.crossed_at[:10] for r in first] == ["2026-07-07", "2026-07-06", "2026-07-05"]
    second, cursor = services.list_crossings(supervisor, after=cursor, limit=3)
    assert [r.crossed_at[:10] for r in second] == ["2026-07-04", "2026-07-04", "2026-07-03"]
    third, cursor = services.list_crossings(supervisor, after=cursor, limit=3)
    assert [r.crossed_at[:10] for r in third] == ["2026-07-02", "2026-07-01"] and cursor is None
    flagged, _ = services.list_crossings(supervisor, only="flagged")
    assert [r.flags for r in flagged] == [["F09"]]
    unsynced, _ = services.list_crossings(supervisor, only="not_synced")
    assert len(unsynced) == 8
    assert services.list_crossings(supervisor, only="today")[0] == []  # all in July 2026


def test_not_synced_reads_the_last_seq_index_when_the_backlog_is_small(supervisor: Session) -> None:
    from borderapp.store import syncstate

    services.record_many(supervisor, [clean_record() for _ in range(5)])
    with supervisor.writing() as conn:
        receipts = [
            {"seq": n, "server_id": n, "received_at": "2026-11-28T10:00:00Z", "status": "stored"} for n in (1, 2, 3)
        ]
        syncstate.store_receipts(conn, receipts, acked=3)
    plans: list[str] = []
    supervisor.conn.set_trace_callback(plans.append)
    unsynced, _ = services.list_crossings(supervisor, only="not_synced")
    supervisor.conn.set_trace_callback(None)
    assert sorted(r.last_seq for r in unsynced) == [4, 5]
    [query] = [q for q in plans if "FROM crossings INDEXED BY" in q]
    plan = " ".join(str(r[-1]) for r in supervisor.conn.execute("EXPLAIN QUERY PLAN " + query))
    assert "crossings_last_seq" in plan, plan


def test_awaiting_interview_is_the_interview_queue(supervisor: Session, flagged: str) -> None:
    from datetime import UTC, datetime, timedelta

    from borderapp import interview as iv
    from borderapp.events import format_time

    old = format_time(datetime.now(UTC) - timedelta(days=5))
    services.record_crossing(supervisor, clean_record(**{"crossing.crossed_at": old, "outcome": "second_line",
                                                          "travel.planned_return": None}))  # fmt: skip
    waiting, _ = services.list_crossings(supervisor, only="awaiting_interview")
    assert [r.record_id for r in waiting] == [flagged]  # the old second-line crossing is not waiting any more
    iv.open_interview(supervisor, flagged)
    assert services.list_crossings(supervisor, only="awaiting_interview")[0] == []
