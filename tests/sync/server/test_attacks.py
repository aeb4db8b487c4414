"""Attacks by an enrolled station on other stations' records, sent as an attacker would: over HTTP to a live
server on loopback, on SQLite and PostgreSQL. Each asserts that the attack fails and that nothing changed.

Station A (the victim) and station B (the attacker, with its own valid credential and chain) are both
enrolled for KAK by one-time codes over the API.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from borderapp.events import GENESIS_HASH, Event, uuid7
from borderapp.services import payload_for
from sync import protocol as p
from sync.server import schema as s
from tests.factories import clean_record
from tests.sync.conftest import ACTOR, BACKENDS, chain, follow, fresh_url
from tests.sync.live import LiveServer, live_server


@dataclass
class Station:
    device_id: str
    headers: dict[str, str]
    log: list[Event]

    def push(self, client: httpx.Client, events: list[Event]) -> httpx.Response:
        body = gzip.compress(p.PushBatch(events=events).model_dump_json().encode())
        response = client.post(
            "/v1/events", content=body, headers={**self.headers, "Content-Encoding": "gzip"}
        )
        if response.status_code == 200:
            self.log += events
        return response

    def next(self, type_: str, record_id: str, payload: dict[str, Any]) -> Event:
        if not self.log:
            return Event.seal(event_id=uuid7(), device_id=self.device_id, seq=1, type=type_, record_id=record_id,
                              actor=ACTOR, occurred_at="2026-07-01T09:00:00.000000Z", payload=payload,
                              prev_hash=GENESIS_HASH)  # fmt: skip
        return follow(self.log, type_, record_id, payload)


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    url = fresh_url(request.param, tmp_path, request)
    with live_server(tmp_path / "central", tls=False, url=url) as live:
        yield live


@pytest.fixture
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def enrol(client: httpx.Client, server: LiveServer, device_id: str) -> Station:
    code = p.EnrolmentCode.parse(server.code("KAK"))
    done = client.post("/v1/enrol", json={"token": code.token, "device_id": device_id, "station_name": device_id})
    assert done.status_code == 201, done.text
    return Station(device_id, {"Authorization": f"Bearer {done.json()['credential']}"}, [])


def snapshot(server: LiveServer) -> dict[str, Any]:
    """Everything the attacks could change: the projections and the count of stored events per status."""
    with server.storage.engine.connect() as conn:
        crossings = sorted(tuple(r) for r in conn.execute(select(s.crossings)))
        people = sorted(tuple(r)[1:] for r in conn.execute(select(s.crossing_people)))
        interviews = sorted(tuple(r) for r in conn.execute(select(s.interviews)))
        ok = conn.execute(select(func.count()).select_from(s.events).where(s.events.c.status == "ok")).scalar()
    return {"crossings": crossings, "people": people, "interviews": interviews, "ok_events": ok}


@pytest.fixture
def victim(client: httpx.Client, server: LiveServer) -> Station:
    a = enrol(client, server, "station-a")
    assert a.push(client, chain("station-a", 2)).status_code == 200
    opened = a.next("interview.opened", uuid7(), {"schema_version": 1, "crossing_id": a.log[0].record_id,
                                                  "checklist": "initial-interview-1"})  # fmt: skip
    assert a.push(client, [opened]).status_code == 200
    return a


def quarantined(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [r["reason"] for r in response.json()["receipts"] if r["status"] == "quarantined"]


def test_another_station_cannot_void_correct_reopen_or_interview_a_record(
    client: httpx.Client, server: LiveServer, victim: Station
) -> None:
    attacker = enrol(client, server, "station-b")
    record_id, interview_id = victim.log[0].record_id, victim.log[2].record_id
    before = snapshot(server)
    forged = [
        ("crossing.voided", record_id, {"schema_version": 1, "reason": "forged", "voids": victim.log[0].event_id}),
        ("crossing.corrected", record_id, payload_for(clean_record(**{"child.given_names": "Forged"}),
                                                      reason="forged", corrects=victim.log[0].event_id, changes={})),
        ("crossing.recorded", record_id, payload_for(clean_record())),
        ("interview.opened", uuid7(), {"schema_version": 1, "crossing_id": record_id,
                                       "checklist": "initial-interview-1"}),
        ("interview.signed", interview_id, {"schema_version": 1, "decision": "no_concern",
                                            "signatures": [{"user": "x"}, {"user": "y"}]}),
    ]  # fmt: skip
    for type_, target, payload in forged:
        event = attacker.next(type_, target, payload)
        reasons = quarantined(attacker.push(client, [event]))
        assert len(reasons) == 1 and reasons[0].startswith("foreign_record: "), (type_, reasons)
    assert snapshot(server) == before  # no projection row changed, no keyed person removed
    admin = {"Authorization": f"Bearer {server.storage.login('admin', 'admin-password-1').token}"}
    row = client.get(f"/v1/admin/records/{record_id}", headers=admin).json()
    assert (row["status"], row["given_names"], row["device_id"]) == ("active", "Ana", "station-a")
    quarantine = client.get("/v1/admin/quarantine", headers=admin).json()
    assert [q["device_id"] for q in quarantine] == ["station-b"] * len(forged)
    # The attacker's queue kept moving: every forged event was acknowledged.
    head = client.get("/v1/events/head", headers=attacker.headers).json()
    assert head["acked_seq"] == len(forged)


def test_a_crossing_at_another_bcp_is_quarantined_and_not_counted(
    client: httpx.Client, server: LiveServer, victim: Station
) -> None:
    attacker = enrol(client, server, "station-b")
    admin = {"Authorization": f"Bearer {server.storage.login('admin', 'admin-password-1').token}"}
    before = client.get("/v1/admin/indicators", params={"year": 2026}, headers=admin).json()
    elsewhere = clean_record(**{"crossing.bcp": "TIA", "crossing.transport": "air"})
    event = attacker.next("crossing.recorded", uuid7(), payload_for(elsewhere))
    reasons = quarantined(attacker.push(client, [event]))
    assert len(reasons) == 1 and reasons[0].startswith("bcp_mismatch: ")
    assert client.get("/v1/admin/indicators", params={"year": 2026}, headers=admin).json() == before
    assert all(row["bcp"] == "KAK" for row in before)


def test_replayed_event_ids_hashes_and_seqs_are_refused_not_a_server_error(
    client: httpx.Client, server: LiveServer, victim: Station
) -> None:
    """Another device's event ids, its events' hashes and seqs, and an id twice in one batch: 4xx or quarantine,
    never 500 (a unique-constraint error was a 500, and the client retried for ever)."""
    attacker = enrol(client, server, "station-b")
    before = snapshot(server)
    theirs = victim.log[0]
    stolen_id = Event.seal(**{**attacker.next("crossing.recorded", uuid7(), theirs.payload).model_dump(
        exclude={"hash"}), "event_id": theirs.event_id})  # fmt: skip
    response = attacker.push(client, [stolen_id])
    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"
    twice = attacker.next("crossing.recorded", uuid7(), payload_for(clean_record()))
    again = Event.seal(**{**follow([twice], "crossing.recorded", uuid7(), twice.payload).model_dump(
        exclude={"hash"}), "event_id": twice.event_id})  # fmt: skip
    response = attacker.push(client, [twice, again])
    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"
    # The victim's own events, sent as they are (another device's id in the envelope): 403.
    response = attacker.push(client, victim.log[:2])
    assert response.status_code == 403
    # The victim's events re-sealed as the attacker's (same seqs, same record ids): quarantined as foreign.
    resealed = []
    for ev in victim.log[:2]:
        nxt = attacker.next(ev.type, ev.record_id, ev.payload) if not resealed else follow(resealed, ev.type,
                                                                                           ev.record_id, ev.payload)
        resealed.append(nxt)  # fmt: skip
    reasons = quarantined(attacker.push(client, resealed))
    assert len(reasons) == 2 and all(r.startswith("foreign_record: ") for r in reasons)
    assert snapshot(server) == before
    assert client.get("/v1/events/head", headers=victim.headers).json()["acked_seq"] == len(victim.log)


def test_oversized_bodies_are_refused_before_they_are_read(client: httpx.Client, server: LiveServer) -> None:
    """A 20 MB body to the unauthenticated login, and to every other endpoint but the batch: 413 with the
    error shape, nothing parsed, no admin token made."""
    with server.storage.engine.connect() as conn:
        tokens = conn.execute(select(func.count()).select_from(s.admin_tokens)).scalar()
    big = b'{"username": "admin", "password": "' + b"x" * 20_000_000 + b'"}'
    for path in ("/v1/admin/login", "/v1/enrol", "/v1/heartbeat"):
        response = client.post(path, content=big, headers={"Content-Type": "application/json"})
        assert response.status_code == 413, path
        assert response.json()["error"]["code"] == "payload_too_large"
    # Without a Content-Length (chunked), the count still stops it.
    response = client.post("/v1/admin/login", content=iter([big[:1_000_000]] * 5))
    assert response.status_code == 413
    with server.storage.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.admin_tokens)).scalar() == tokens
    ok = client.post("/v1/admin/login", json={"username": "admin", "password": "admin-password-1"})
    assert ok.status_code == 200


def test_a_huge_event_payload_is_quarantined_and_only_a_prefix_kept(client: httpx.Client, server: LiveServer) -> None:
    """40 MB of junk in one event (small once gzipped): acknowledged as quarantined, its hash kept, at most a
    bounded prefix of its payload stored."""
    station = enrol(client, server, "station-j")
    junk = station.next("crossing.recorded", uuid7(), {"schema_version": 1, "junk": "j" * 40_000_000})
    body = gzip.compress(p.PushBatch(events=[junk]).model_dump_json().encode())
    assert len(body) < 8 * 2**20
    response = client.post("/v1/events", content=body, headers={**station.headers, "Content-Encoding": "gzip"})
    reasons = quarantined(response)
    assert len(reasons) == 1 and reasons[0].startswith("payload_too_large: ")
    with server.storage.engine.connect() as conn:
        stored = conn.execute(select(s.events.c.payload, s.events.c.hash).where(s.events.c.event_id == junk.event_id))
        payload, digest = stored.one()
    assert len(payload) <= 4096 and digest == junk.hash
    # Sent again (its answer lost): acknowledged as the same event, not a fork.
    again = client.post("/v1/events", content=body, headers={**station.headers, "Content-Encoding": "gzip"})
    assert again.status_code == 200 and again.json()["receipts"][0]["status"] == "duplicate"


def test_admin_reads_are_audited_and_search_text_never_travels_or_rests_in_clear(
    client: httpx.Client, server: LiveServer, victim: Station
) -> None:
    token = client.post("/v1/admin/login", json={"username": "admin", "password": "admin-password-1"}).json()["token"]
    admin = {"Authorization": f"Bearer {token}"}
    # The old way, the text in the URL, is gone: a proxy would have logged it.
    assert client.get("/v1/admin/records", params={"q": "Hoxha"}, headers=admin).status_code in (404, 405)
    found = client.post("/v1/admin/records/search", json={"q": "Hoxha"}, headers=admin)
    assert found.status_code == 200 and [r["family_name"] for r in found.json()] == ["Hoxha", "Hoxha"]
    record_id = victim.log[0].record_id
    assert client.get(f"/v1/admin/records/{record_id}", headers=admin).status_code == 200
    assert client.get("/v1/admin/patterns", headers=admin).status_code == 200
    assert client.post("/v1/admin/records/search", json={"q": "hoxha"}, headers=admin).status_code == 200
    log = client.get("/v1/admin/audit", headers=admin).json()
    assert [(e["admin"], e["action"], e["record_id"]) for e in log] == [
        ("admin", "search", None),
        ("admin", "patterns", None),
        ("admin", "record", record_id),
        ("admin", "search", None),
    ]
    assert log[0]["search_key"] == log[3]["search_key"] and len(log[0]["search_key"]) == 64  # same text, same key
    with server.storage.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(s.admin_reads))]
    assert not any("hoxha" in str(value).casefold() for row in rows for value in row)
    # Only admins read it.
    assert client.get("/v1/admin/audit", headers=victim.headers).status_code == 401


def login(client: httpx.Client, username: str, password: str) -> httpx.Response:
    return client.post("/v1/admin/login", json={"username": username, "password": password})


def test_guessing_an_admin_password_is_throttled_by_account_across_server_processes(
    client: httpx.Client, server: LiveServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    for _ in range(5):
        assert login(client, "admin", "a wrong guess!").status_code == 401
    refused = login(client, "admin", "admin-password-1")  # even the right password, while locked
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert 0 < int(refused.headers["Retry-After"]) <= 30
    # Another server process over the same database (or this one after a restart) holds the lock too.
    url = server.storage.engine.url.render_as_string(hide_password=False)
    with live_server(tmp_path / "second", tls=False, url=url) as second, httpx.Client(base_url=second.url) as other:
        assert login(other, "admin", "admin-password-1").status_code == 429
    outcomes = [entry.outcome for entry in server.storage.sign_ins()]
    assert outcomes[:2] == ["throttled", "throttled"] and outcomes.count("failed") == 5


def test_guessing_many_names_from_one_address_is_throttled(client: httpx.Client, server: LiveServer) -> None:
    for n in range(5):
        assert login(client, f"someone-{n}", "a wrong guess!").status_code == 401
    assert login(client, "admin", "admin-password-1").status_code == 429


def test_an_unknown_name_answers_like_a_wrong_password_in_about_the_same_time(
    client: httpx.Client, server: LiveServer
) -> None:
    """Names cannot be told from the answer or its time (it was 5 ms against 105 ms)."""
    import time

    def timed(username: str) -> tuple[float, httpx.Response]:
        began = time.perf_counter()
        response = login(client, username, "a wrong guess!")
        return time.perf_counter() - began, response

    known = [timed("admin") for _ in range(2)]
    unknown = [timed("no-such-admin") for _ in range(2)]
    assert {(r.status_code, r.json()["error"]["message"]) for _, r in known + unknown} == {
        (401, "Wrong admin user name or password.")
    }
    assert min(t for t, _ in unknown) > 0.5 * min(t for t, _ in known)


def test_sign_out_revokes_the_token_and_disabling_an_admin_stops_all_of_theirs(
    client: httpx.Client, server: LiveServer
) -> None:
    server.storage.create_admin("ops", "ops-password-long")
    token = login(client, "admin", "admin-password-1").json()["token"]
    admin = {"Authorization": f"Bearer {token}"}
    ops = [{"Authorization": f"Bearer {login(client, 'ops', 'ops-password-long').json()['token']}"} for _ in range(2)]
    assert all(client.get("/v1/admin/devices", headers=h).status_code == 200 for h in ops)
    assert client.post("/v1/admin/admins/ops/disable", headers=admin).status_code == 204
    assert [client.get("/v1/admin/devices", headers=h).status_code for h in ops] == [401, 401]
    again = login(client, "ops", "ops-password-long")
    assert again.status_code == 401 and "disabled" in again.json()["error"]["message"]
    assert client.post("/v1/admin/logout", headers=admin).status_code == 204
    assert client.get("/v1/admin/devices", headers=admin).status_code == 401
    with server.storage.engine.connect() as conn:  # tokens rest only as hashes
        stored = [tuple(r) for r in conn.execute(select(s.admin_tokens))]
    assert not any(token in str(value) for row in stored for value in row)
    fresh = {"Authorization": f"Bearer {login(client, 'admin', 'admin-password-1').json()['token']}"}
    log = client.get("/v1/admin/sign-ins", headers=fresh).json()
    assert [e["outcome"] for e in log][:2] == ["ok", "disabled"]


def test_weak_admin_passwords_are_refused(server: LiveServer) -> None:
    from sync.server.errors import ApiError

    for weak, why in (("short-pw", "at least 12"), ("Password123!", "most common"), ("qwertyuiop12", "most common")):
        with pytest.raises(ApiError, match=why):
            server.storage.create_admin(f"weak-{len(weak)}-{why[:4]}", weak)


def test_a_long_text_inside_a_valid_crossing_is_quarantined(client: httpx.Client, server: LiveServer) -> None:
    station = enrol(client, server, "station-t")
    payload = {**payload_for(clean_record()), "extra": "t" * 100_000}  # the record is valid; the extra is not
    reasons = quarantined(station.push(client, [station.next("crossing.recorded", uuid7(), payload)]))
    assert len(reasons) == 1 and reasons[0].startswith("payload_too_large: a text")
    assert snapshot(server)["crossings"] == []


def test_a_constraint_no_check_foresaw_is_a_409_not_a_500(client: httpx.Client, server: LiveServer) -> None:
    """The database is given one more rule (a unique document number) that ingest knows nothing of: a batch
    that breaks it is refused whole with 409, nothing stored, and the station may send again."""
    from sqlalchemy import text

    with server.storage.engine.begin() as conn:
        conn.execute(text("CREATE UNIQUE INDEX test_unique_doc ON crossings (doc_number)"))
    station = enrol(client, server, "station-u")
    twice = chain("station-u", 2)  # the same clean record twice: the same document number
    response = station.push(client, twice)
    assert response.status_code == 409 and response.json()["error"]["code"] == "conflict"
    assert snapshot(server)["ok_events"] == 0
