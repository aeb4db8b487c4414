"""One storage contract, run against SQLite and PostgreSQL (the `storage` fixture is parametrised)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from borderapp.events import Event
from borderapp.services import payload_for
from sync import protocol as p
from sync.server import schema as s
from sync.server.errors import ApiError
from sync.server.ingest import Ingest
from sync.server.storage import Storage
from tests.factories import clean_record
from tests.sync.conftest import chain, follow

TABLES = (s.events, s.crossings, s.crossing_people)
PART = 100  # a few hundred events in the batch tests below, as a station's backlog sends them


def enrolled(storage: Storage, device_id: str = "dev-1", bcp: str = "KAK") -> str:
    if not storage.enrolments():
        storage.create_admin("admin", "admin-password-1")
    admin_id = storage.admin_for(storage.login("admin", "admin-password-1").token)
    _, token, _ = storage.create_enrolment(admin_id, bcp, 24)
    storage.enrol(p.EnrolRequest(token=token, device_id=device_id, station_name=f"Station {device_id}"))
    return device_id


def push(storage: Storage, events: list[Event]) -> p.PushResult:
    return Ingest(storage).push(events[0].device_id, p.PushBatch(events=events))


def count_events(storage: Storage) -> int:
    with storage.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(s.events)).scalar_one())


def test_admin_login_and_tokens(storage: Storage) -> None:
    storage.create_admin("admin", "admin-password-1")
    with pytest.raises(ApiError, match="exists already"):
        storage.create_admin("admin", "admin-password-1")
    with pytest.raises(ApiError, match="at least 12"):
        storage.create_admin("short", "x")
    token = storage.login("admin", "admin-password-1").token
    assert storage.admin_for(token) > 0
    with pytest.raises(ApiError, match="Wrong admin user name or password") as info:
        storage.login("admin", "wrong")
    assert info.value.status == 401
    with pytest.raises(ApiError, match="Unknown admin token"):
        storage.admin_for("nope")
    with storage.engine.begin() as conn:
        conn.execute(update(s.admin_tokens).values(expires_at="2000-01-01T00:00:00.000000Z"))
    with pytest.raises(ApiError, match="expired"):
        storage.admin_for(token)


def test_enrolment_is_one_time_and_expires(storage: Storage) -> None:
    storage.create_admin("admin", "admin-password-1")
    admin_id = storage.admin_for(storage.login("admin", "admin-password-1").token)
    _, token, _ = storage.create_enrolment(admin_id, "TIA", 24)
    with storage.engine.connect() as conn:
        stored = conn.execute(select(s.enrolments.c.token_hash)).scalar_one()
    assert token not in stored  # only the hash is kept
    done = storage.enrol(p.EnrolRequest(token=token, device_id="dev-9", station_name="Rinas"))
    assert (done.bcp, done.device_id) == ("TIA", "dev-9")
    assert storage.device_for(done.credential).device_id == "dev-9"
    with pytest.raises(ApiError) as used:
        storage.enrol(p.EnrolRequest(token=token, device_id="dev-10", station_name="x"))
    assert (used.value.status, used.value.code) == (409, "enrolment_used")
    with pytest.raises(ApiError) as unknown:
        storage.enrol(p.EnrolRequest(token="made-up", device_id="dev-11", station_name="x"))
    assert unknown.value.code == "enrolment_unknown"
    _, old, _ = storage.create_enrolment(admin_id, "TIA", 1)
    with storage.engine.begin() as conn:
        conn.execute(
            update(s.enrolments)
            .where(s.enrolments.c.used_at.is_(None))
            .values(expires_at="2000-01-01T00:00:00.000000Z")
        )
    with pytest.raises(ApiError) as expired:
        storage.enrol(p.EnrolRequest(token=old, device_id="dev-12", station_name="x"))
    assert (expired.value.status, expired.value.code) == (410, "enrolment_expired")
    with pytest.raises(ApiError, match="Unknown border crossing point"):
        storage.create_enrolment(admin_id, "ZZZ", 1)
    assert [e.used_at is not None for e in storage.enrolments()] == [False, True]


def test_revoked_device_is_refused(storage: Storage) -> None:
    device = enrolled(storage)
    with storage.engine.connect() as conn:
        cred_hash = conn.execute(select(s.devices.c.credential_hash)).scalar_one()
    storage.revoke(device)
    with storage.engine.connect() as conn:
        row = conn.execute(select(s.devices).where(s.devices.c.credential_hash == cred_hash)).one()
    assert row.revoked_at
    with pytest.raises(ApiError, match="no device"):
        storage.revoke("unknown")


def test_push_stores_once_and_resending_is_acknowledged_again(storage: Storage) -> None:
    device = enrolled(storage)
    events = chain(device, 5)
    first = push(storage, events)
    assert first.acked_seq == 5 and [r.status for r in first.receipts] == ["stored"] * 5
    again = push(storage, events)
    assert again.acked_seq == 5 and [r.status for r in again.receipts] == ["duplicate"] * 5
    assert [r.server_id for r in again.receipts] == [r.server_id for r in first.receipts]
    more = push(storage, events[3:] + chain(device, 2, start=6, prev=events[-1].hash))
    assert [r.status for r in more.receipts] == ["duplicate", "duplicate", "stored", "stored"]
    assert count_events(storage) == 7
    assert len(storage.search("hoxha")) == 7


def test_gap_is_refused_and_nothing_stored(storage: Storage) -> None:
    device = enrolled(storage)
    events = chain(device, 4)
    push(storage, events[:2])
    with pytest.raises(ApiError) as info:
        push(storage, events[3:])
    assert (info.value.status, info.value.code, info.value.detail) == (409, "seq_gap", {"acked_seq": 2})
    assert count_events(storage) == 2


def test_fork_is_refused_flagged_and_nothing_overwritten(storage: Storage) -> None:
    device = enrolled(storage)
    original = chain(device, 3)
    push(storage, original)
    restored_backup = chain(device, 3)  # same seqs, different events: the station was restored and went on
    with pytest.raises(ApiError) as info:
        push(storage, restored_backup)
    assert (info.value.status, info.value.code) == (409, "fork_detected")
    [status] = [d for d in storage.devices() if d.device_id == device]
    assert status.chain_status == "forked" and "differs" in (status.last_error or "")
    with storage.engine.connect() as conn:
        hashes = [r[0] for r in conn.execute(select(s.events.c.hash).order_by(s.events.c.seq))]
    assert hashes == [e.hash for e in original]


def test_broken_link_and_bad_hash_are_refused(storage: Storage) -> None:
    device = enrolled(storage)
    events = chain(device, 2)
    push(storage, events[:1])
    unlinked = chain(device, 1, start=2)  # prev_hash is genesis, not event 1
    with pytest.raises(ApiError, match="does not link to event 1") as info:
        push(storage, unlinked)
    assert info.value.code == "chain_broken"
    forged = events[1].model_copy(update={"payload": {**events[1].payload, "flags": ["F99"]}})
    with pytest.raises(ApiError, match="does not match its hash"):
        push(storage, [forged])
    assert count_events(storage) == 1
    assert [d.chain_status for d in storage.devices()] == ["broken"]


def test_invalid_payload_is_quarantined_and_the_rest_flows(storage: Storage) -> None:
    device = enrolled(storage)
    good = chain(device, 1)
    bad_payload = payload_for(clean_record())
    bad_payload["record"]["child"]["birth_date"] = "2030-01-01"
    bad = follow(good, "crossing.recorded", "rec-bad", bad_payload)
    unknown = follow([*good, bad], "crossing.teleported", "rec-x", {"schema_version": 1})
    after = chain(device, 1, start=4, prev=unknown.hash)
    result = push(storage, [*good, bad, unknown, *after])
    assert result.acked_seq == 4
    assert [r.status for r in result.receipts] == ["stored", "quarantined", "quarantined", "stored"]
    assert result.receipts[1].reason == "invalid record: child.birth_date"
    assert "2030" not in (result.receipts[1].reason or "")  # reasons name fields, never values
    assert [q.seq for q in storage.quarantine()] == [2, 3]
    assert [d.quarantined for d in storage.devices()] == [2]
    # An admin annotates, then resolves: notes are appended, the events stay as they were.
    first = storage.quarantine()[0]
    admin = storage.admin_for(storage.login("admin", "admin-password-1").token)
    storage.annotate_quarantine(admin, first.server_id, p.QuarantineNoteCreate(note="asked the station"))
    storage.annotate_quarantine(admin, first.server_id, p.QuarantineNoteCreate(note="typo, re-sent", resolved=True))
    item = storage.quarantine()[0]
    assert [n.note for n in item.notes] == ["asked the station", "typo, re-sent"] and item.resolved
    assert item.notes[0].admin == "admin" and not storage.quarantine()[1].resolved
    with pytest.raises(ApiError, match="no quarantined event"):
        storage.annotate_quarantine(admin, result.receipts[0].server_id, p.QuarantineNoteCreate(note="not this"))


def test_corrections_and_voids_fold_like_the_station(storage: Storage) -> None:
    device = enrolled(storage)
    events = chain(device, 2)
    rid = events[0].record_id
    fix = follow(
        events,
        "crossing.corrected",
        rid,
        payload_for(
            clean_record(**{"child.given_names": "Anila"}),
            reason="typed wrongly",
            corrects=events[0].event_id,
            changes={},
        ),
    )
    void = follow(
        [*events, fix],
        "crossing.voided",
        events[1].record_id,
        {"schema_version": 1, "reason": "entered twice", "voids": events[1].event_id},
    )
    orphan = follow([*events, fix, void], "crossing.voided", "no-such-record", {"schema_version": 1, "reason": "x"})
    result = push(storage, [*events, fix, void, orphan])
    assert result.receipts[-1].reason == "crossing.voided for a record the server does not hold"
    rows = {r.record_id: r for r in storage.search("hoxha")}
    assert rows[rid].given_names == "Anila" and rows[rid].status == "active"
    assert rows[events[1].record_id].status == "voided"
    # Recorded and corrected in the same batch: the record's keyed people are those of the correction only.
    people = s.crossing_people.c
    with storage.engine.connect() as conn:
        kept = conn.execute(select(people.role).where(people.record_id == rid)).scalars().all()
    assert sorted(kept) == ["adult", "adult", "child"]  # the clean record's child and its two parents


def test_heartbeat_reference_alerts(storage: Storage) -> None:
    device = enrolled(storage)
    push(storage, chain(device, 2))
    hb = storage.heartbeat(
        device,
        p.Heartbeat(
            backlog=7,
            oldest_unsent_age_s=30.0,
            device_clock="2000-01-01T00:00:00Z",
            app_version="0.1.0",
            chain_head_seq=9,
            chain_head_hash="a" * 64,
        ),
    )
    assert hb.acked_seq == 2 and hb.clock_drift_s < -10 * 365 * 86400
    [status] = storage.devices()
    assert (status.backlog, status.app_version, status.last_seen is not None) == (7, "0.1.0", True)
    page = storage.reference_since(0)
    assert {i.key for i in page.items if i.kind == "bcp"} >= {"KAK", "TIA"}
    assert [i.key for i in page.items if i.kind == "checklist"] == ["initial-interview-1"]
    cursor = storage.add_alert(p.AlertCreate(kind="missing_child", family_name="Doe", given_names="Jane"))
    newer = storage.reference_since(page.cursor)
    assert [(i.kind, i.cursor) for i in newer.items] == [("alert", cursor)] and newer.cursor == cursor
    assert storage.reference_since(cursor).items == []
    with pytest.raises(ApiError, match="device_clock"):
        storage.heartbeat(
            device,
            p.Heartbeat(backlog=0, device_clock="yesterday", app_version="x", chain_head_seq=0, chain_head_hash=""),
        )


def test_indicators_per_bcp_and_quarter(storage: Storage) -> None:
    device = enrolled(storage)
    events = chain(device, 3)  # July 2026 exits with both parents
    alone = chain(
        device,
        2,
        start=4,
        prev=events[-1].hash,
        **{
            "crossing.crossed_at": "2026-02-10T10:00:00+01:00",
            "crossing.direction": "entry",
            "accompaniment": "alone",
            "adults": [],
            "child.birth_date": "2012-01-01",
        },
    )
    push(storage, events + alone)
    rows = storage.indicators(2026)
    assert [(r.bcp, r.quarter, r.entries, r.exits, r.unaccompanied, r.flagged) for r in rows] == [
        ("KAK", 1, 2, 0, 2, 2),
        ("KAK", 3, 0, 3, 0, 0),
    ]
    assert storage.indicators(2025) == []


def test_search_by_document_prefix(storage: Storage) -> None:
    device = enrolled(storage)
    push(storage, chain(device, 1, **{"document.number": "ZX1234567"}))
    assert [r.doc_number for r in storage.search("zx12")] == ["ZX1234567"]
    assert storage.search("%") == []


def test_two_server_processes_pushing_the_same_batch_store_it_once(storage: Storage) -> None:
    """Two Ingest objects share no lock, like two server processes: the database must serialise them."""
    import threading

    device = enrolled(storage)
    events = chain(device, 200)
    results: list[p.PushResult] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            results.append(Ingest(storage).push(device, p.PushBatch(events=events)))
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(r.receipts[0].status for r in results) == ["duplicate", "stored"]
    assert count_events(storage) == 200


def test_several_stations_bodies_at_once_through_one_server_process(storage: Storage) -> None:
    """Request bodies parsed and stored by one Ingest from several threads at once (as the server's thread pool
    does): every station's events stored once, each answered with its own receipts."""
    import threading

    ingest = Ingest(storage)
    devices = [enrolled(storage, f"dev-{i}") for i in range(4)]
    bodies = {d: p.PushBatch(events=chain(d, 120)).model_dump_json().encode() for d in devices}
    results: dict[str, p.PushResult] = {}
    errors: list[BaseException] = []

    def send(device: str) -> None:
        try:
            results[device] = ingest.push_json(device, bodies[device])
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=send, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {d: (r.acked_seq, {x.status for x in r.receipts}) for d, r in results.items()} == {
        d: (120, {"stored"}) for d in devices
    }
    assert count_events(storage) == 480


def test_resources_are_published_once_and_again_when_they_change(storage: Storage) -> None:
    with storage.engine.begin() as conn:
        assert s.publish_resources(conn) == 0  # the storage published them when it opened
        conn.execute(update(s.reference_items).where(s.reference_items.c.key == "KAK").values(data="{}"))
        assert s.publish_resources(conn) == 1  # the resource differs from the last published text
    newest = storage.reference_since(0).items[-1]
    assert (newest.kind, newest.key, newest.data["name"]) == ("bcp", "KAK", "Kakavijë")


def test_database_newer_than_the_server_is_refused(storage: Storage) -> None:
    with storage.engine.begin() as conn:
        conn.execute(update(s.server_meta).where(s.server_meta.c.key == "schema_version").values(value="99"))
    with pytest.raises(s.SchemaTooNew, match="schema 99; this server knows up to 8"):
        Storage(storage.engine)


def test_a_database_of_schema_1_gains_the_interviews_table(storage: Storage) -> None:
    from sqlalchemy import inspect

    with storage.engine.begin() as conn:
        s.interviews.drop(conn)  # as an earlier release's migration 1 left it
        conn.execute(update(s.server_meta).where(s.server_meta.c.key == "schema_version").values(value="1"))
    Storage(storage.engine)
    assert "interviews" in inspect(storage.engine).get_table_names()
    with storage.engine.connect() as conn:
        version = conn.execute(select(s.server_meta.c.value).where(s.server_meta.c.key == "schema_version")).scalar()
    assert version == "8"


def test_a_batch_of_several_parts_with_corrections_across_them(storage: Storage) -> None:
    """A correction or a void must see what earlier events of the same batch recorded (new crossings are
    inserted together, so what is pending goes in before another event is applied)."""
    device = enrolled(storage)
    recorded = chain(device, 2 * PART + 20)
    first, late = recorded[0].record_id, recorded[PART + 10].record_id
    fix = follow(
        recorded,
        "crossing.corrected",
        first,
        payload_for(
            clean_record(**{"child.given_names": "Anila", "adults": []}, accompaniment="alone"),
            reason="typed wrongly",
            corrects=recorded[0].event_id,
            changes={},
        ),
    )
    void = follow([*recorded, fix], "crossing.voided", late, {"schema_version": 1, "reason": "twice", "voids": "x"})
    after = chain(device, 30, start=void.seq + 1, prev=void.hash)
    batch = [*recorded, fix, void, *after]
    result = push(storage, batch)
    assert result.acked_seq == len(batch) and {r.status for r in result.receipts} == {"stored"}
    server_ids = [r.server_id for r in result.receipts]
    assert server_ids == sorted(set(server_ids)) and [r.seq for r in result.receipts] == [e.seq for e in batch]
    people, c = s.crossing_people.c, s.crossings.c
    with storage.engine.connect() as conn:
        rows = {r.record_id: r for r in conn.execute(select(c.record_id, c.given_names, c.status, c.last_seq))}
        kept = conn.execute(select(people.role).where(people.record_id == first)).scalars().all()
        total = conn.execute(select(func.count()).select_from(s.crossing_people)).scalar_one()
    assert len(rows) == len(recorded) + len(after)
    assert (rows[first].given_names, rows[first].last_seq) == ("Anila", fix.seq)
    assert (rows[late].status, rows[late].last_seq) == ("voided", void.seq)
    assert kept == ["child"]  # the correction's people only: the child now travels alone
    assert total == 3 * (len(recorded) + len(after)) - 2  # the clean record's child and two parents each
    assert push(storage, batch).receipts[-1].status == "duplicate"


def test_a_bad_hash_in_a_late_part_stores_nothing_of_the_batch(storage: Storage) -> None:
    device = enrolled(storage)
    events = chain(device, 2 * PART + 5)
    forged = events[-3].model_copy(update={"occurred_at": "2026-01-01T00:00:00Z"})
    with pytest.raises(ApiError, match=f"Event {forged.seq} does not match its hash") as info:
        push(storage, [*events[:-3], forged, *events[-2:]])
    assert info.value.code == "chain_broken"
    with storage.engine.connect() as conn:
        counts = [conn.execute(select(func.count()).select_from(t)).scalar_one() for t in TABLES]
    assert counts == [0, 0, 0]
    assert [d.chain_status for d in storage.devices()] == ["broken"]
    assert push(storage, events).acked_seq == len(events)  # the true log is taken afterwards


def _old_key(secret: bytes, *parts: str) -> str:
    """Keys as schema 5 made them: the parts joined by "|" (ambiguous)."""
    import hmac

    return hmac.new(secret, "|".join(parts).encode(), "sha256").hexdigest()


def test_migration_6_makes_every_keyed_person_again_and_the_patterns_stay(storage: Storage) -> None:
    """A database of schema 5 with keys made the old way: after the migration every key is the new one, and the
    patterns find the same adult with the same two children."""
    from datetime import UTC, datetime, timedelta

    from borderapp.patterns import adult_key

    device = enrolled(storage)
    when = (datetime.now(UTC) - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    adult = {"family_name": "Dervishi", "given_names": "Agron", "relationship": "family_friend",
             "document_number": "BA9999999", "document_state": "ALB", "relationship_evidence": "declared"}  # fmt: skip
    first = chain(device, 2, **{"crossing.crossed_at": when, "accompaniment": "unrelated_adult", "adults": [adult],
                                "parents": [], "travel.planned_return": None})  # fmt: skip
    second = chain(device, 1, start=3, prev=first[-1].hash, **{"child.given_names": "Drita", "document.number":
                   "BA5550001", "crossing.crossed_at": when, "accompaniment": "unrelated_adult", "adults": [adult],
                   "parents": [], "travel.planned_return": None})  # fmt: skip
    void = follow([*first, *second], "crossing.voided", first[1].record_id, {"schema_version": 1, "reason": "twice"})
    push(storage, [*first, *second, void])

    def seen() -> list[tuple[str, list[str]]]:
        return [(f.kind, sorted(r.record_id for r in f.records)) for f in storage.patterns(days=30, grace_days=30)]

    before = seen()
    assert before == [("adult_with_several_children", sorted([first[0].record_id, second[0].record_id]))]
    people = s.crossing_people.c
    with storage.engine.begin() as conn:
        keys_now = sorted(tuple(r) for r in conn.execute(select(people.record_id, people.role, people.person_key)))
        secret = s.pattern_secret(conn)
        for row in conn.execute(select(people.id, people.record_id, people.role)).all():
            old = "x" * 64
            if row.role == "adult":
                old = _old_key(secret, "adult", "ALB", "BA9999999")
            conn.execute(update(s.crossing_people).where(people.id == row.id).values(person_key=old))
        conn.execute(update(s.server_meta).where(s.server_meta.c.key == "schema_version").values(value="5"))
    Storage(storage.engine)
    with storage.engine.connect() as conn:
        keys_after = sorted(tuple(r) for r in conn.execute(select(people.record_id, people.role, people.person_key)))
    assert keys_after == keys_now
    assert {k for _, role, k in keys_after if role == "adult"} == {adult_key(secret, adult)}
    assert seen() == before
