"""The HTTP API over the real app and a real database (TestClient is an httpx client)."""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from borderapp import services
from borderapp.events import GENESIS_HASH, Event
from borderapp.store import eventlog
from sync import protocol as p
from sync.server.app import Limits, create_app
from sync.server.storage import Storage, make_engine
from tests.factories import clean_record
from tests.stations import login
from tests.sync.conftest import BACKENDS, chain, fresh_url


@pytest.fixture(params=BACKENDS)
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    storage = Storage(make_engine(fresh_url(request.param, tmp_path, request)))
    storage.create_admin("admin", "admin-password-1")
    app = create_app(
        storage,
        server_url="https://central.example:8443",
        fingerprint="ab" * 32,
        limits=Limits(max_body_bytes=200_000, max_inflated_bytes=2_000_000, rate_per_second=5, burst=8),
    )
    with TestClient(app) as c:
        yield c
    storage.engine.dispose()


def admin_headers(client: TestClient) -> dict[str, str]:
    token = client.post("/v1/admin/login", json={"username": "admin", "password": "admin-password-1"}).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def enrol(client: TestClient, device_id: str, bcp: str = "KAK") -> tuple[dict[str, str], p.EnrolmentCode]:
    created = client.post("/v1/admin/enrolments", json={"bcp": bcp}, headers=admin_headers(client))
    assert created.status_code == 201, created.text
    code = p.EnrolmentCode.parse(created.json()["code"])
    done = client.post("/v1/enrol", json={"token": code.token, "device_id": device_id, "station_name": "Kakavijë"})
    assert done.status_code == 201, done.text
    return {"Authorization": f"Bearer {done.json()['credential']}"}, code


def error_of(response: object) -> dict[str, object]:
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) >= {"code", "message"}
    return body["error"]  # type: ignore[no-any-return]


def test_a_real_station_enrolled_by_code_pushes_its_log(client: TestClient, station_dir: Path) -> None:
    with login(station_dir, "off") as station:
        for given in ("Ana", "Besa", "Drini"):
            services.record_crossing(station, clean_record(**{"child.given_names": given}))
        with station.reading() as conn:
            events = list(eventlog.all_events(conn))
        device_id = station.station.device_id
    headers, code = enrol(client, device_id)
    assert (code.server_url, code.bcp, code.fingerprint) == ("https://central.example:8443", "KAK", "ab" * 32)
    body = p.PushBatch(events=events).model_dump_json().encode()
    r = client.post(
        "/v1/events",
        content=gzip.compress(body),
        headers={**headers, "Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    result = p.PushResult.model_validate(r.json())
    assert result.acked_seq == 3 and all(rc.status == "stored" for rc in result.receipts)
    assert client.get("/v1/events/head", headers=headers).json() == {"acked_seq": 3, "head_hash": events[-1].hash}
    found = client.post("/v1/admin/records/search", json={"q": "hoxha b"}, headers=admin_headers(client)).json()
    assert [r["given_names"] for r in found] == ["Besa"]
    [device] = client.get("/v1/admin/devices", headers=admin_headers(client)).json()
    assert (device["device_id"], device["acked_seq"], device["chain_status"]) == (device_id, 3, "ok")


def test_enrolment_qr_codes_carry_only_the_code(client: TestClient) -> None:
    created = client.post(
        "/v1/admin/enrolments", json={"bcp": "TIA", "expires_in_hours": 2}, headers=admin_headers(client)
    ).json()
    assert created["code"].startswith("BAENROL1|https://central.example:8443|TIA|")
    assert created["qr_svg"].lstrip().startswith("<svg") or "<svg" in created["qr_svg"][:200]
    assert base64.b64decode(created["qr_png_base64"])[:8] == b"\x89PNG\r\n\x1a\n"
    listed = client.get("/v1/admin/enrolments", headers=admin_headers(client)).json()
    assert [e["bcp"] for e in listed] == ["TIA"] and "token" not in json.dumps(listed)


def test_enrolment_errors_are_distinct(client: TestClient) -> None:
    _, code = enrol(client, "dev-1")
    again = client.post("/v1/enrol", json={"token": code.token, "device_id": "dev-2", "station_name": "x"})
    assert (again.status_code, error_of(again)["code"]) == (409, "enrolment_used")
    unknown = client.post("/v1/enrol", json={"token": "nope", "device_id": "dev-3", "station_name": "x"})
    assert (unknown.status_code, error_of(unknown)["code"]) == (404, "enrolment_unknown")


def test_revoked_device_gets_401(client: TestClient) -> None:
    headers, _ = enrol(client, "dev-1")
    assert client.get("/v1/events/head", headers=headers).status_code == 200
    assert client.post("/v1/admin/devices/dev-1/revoke", headers=admin_headers(client)).status_code == 204
    r = client.get("/v1/events/head", headers=headers)
    assert (r.status_code, error_of(r)["code"]) == (401, "device_revoked")
    assert r.headers["www-authenticate"] == "Bearer"


def test_auth_errors(client: TestClient) -> None:
    r = client.get("/v1/admin/devices")
    assert (r.status_code, error_of(r)["code"]) == (401, "unauthorized")
    r = client.get("/v1/events/head", headers={"Authorization": "Bearer made-up"})
    assert (r.status_code, error_of(r)["code"]) == (401, "unauthorized")
    r = client.post("/v1/admin/login", json={"username": "admin", "password": "wrong"})
    assert (r.status_code, error_of(r)["code"]) == (401, "unauthorized")


def test_fork_and_gap_answers_over_http(client: TestClient) -> None:
    headers, _ = enrol(client, "dev-1")
    events = chain("dev-1", 4)

    def send(evs: list[Event]) -> Response:
        return client.post(
            "/v1/events",
            content=p.PushBatch(events=evs).model_dump_json(),
            headers={**headers, "Content-Type": "application/json"},
        )

    assert send(events[:2]).status_code == 200
    assert send(events[:2]).json()["receipts"][0]["status"] == "duplicate"
    gap = send(events[3:])
    assert (gap.status_code, error_of(gap)["code"], error_of(gap)["detail"]) == (409, "seq_gap", {"acked_seq": 2})
    fork = send(chain("dev-1", 2))
    assert (fork.status_code, error_of(fork)["code"]) == (409, "fork_detected")


def test_invalid_batch_answers_422_without_echoing_values(client: TestClient) -> None:
    headers, _ = enrol(client, "dev-1")
    event = chain("dev-1", 1)[0].model_dump(mode="json")
    event["seq"] = "not-a-number-Hoxha"
    r = client.post("/v1/events", content=json.dumps({"events": [event]}), headers=headers)
    assert (r.status_code, error_of(r)["code"]) == (422, "validation_failed")
    assert "Hoxha" not in r.text
    r = client.post("/v1/events", content=b"\x1f\x8bnot gzip", headers={**headers, "Content-Encoding": "gzip"})
    assert (r.status_code, error_of(r)["code"]) == (400, "bad_request")
    other = chain("dev-other", 1)
    r = client.post("/v1/events", content=p.PushBatch(events=other).model_dump_json(), headers=headers)
    assert (r.status_code, error_of(r)["code"]) == (403, "forbidden")


def test_size_limits(client: TestClient) -> None:
    headers, _ = enrol(client, "dev-1")
    r = client.post("/v1/events", content=b"x" * 300_000, headers=headers)
    assert (r.status_code, error_of(r)["code"]) == (413, "payload_too_large")
    bomb = gzip.compress(b" " * 3_000_000)  # small on the wire, too big unpacked
    r = client.post("/v1/events", content=bomb, headers={**headers, "Content-Encoding": "gzip"})
    assert (r.status_code, error_of(r)["code"]) == (413, "payload_too_large")


@pytest.fixture(params=BACKENDS)
def slow_client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    """A server whose bucket refills so slowly that no test run is fast or slow enough to see a refill."""
    storage = Storage(make_engine(fresh_url(request.param, tmp_path, request)))
    storage.create_admin("admin", "admin-password-1")
    app = create_app(storage, server_url="https://central.example:8443", limits=Limits(rate_per_second=0.001, burst=8))
    with TestClient(app) as c:
        yield c
    storage.engine.dispose()


def test_rate_limit_per_device(slow_client: TestClient) -> None:
    client = slow_client
    headers, _ = enrol(client, "dev-1")
    codes = [client.get("/v1/events/head", headers=headers).status_code for _ in range(10)]
    assert codes == [200] * 8 + [429] * 2  # the burst, then refused
    r = client.get("/v1/events/head", headers=headers)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert error_of(r)["code"] == "rate_limited"


def test_heartbeat_and_reference_with_cursor(client: TestClient) -> None:
    headers, _ = enrol(client, "dev-1")
    hb = client.post(
        "/v1/heartbeat",
        headers=headers,
        json={
            "backlog": 3,
            "oldest_unsent_age_s": 12.5,
            "device_clock": "2026-11-28T10:00:00Z",
            "app_version": "0.1.0",
            "chain_head_seq": 3,
            "chain_head_hash": "f" * 64,
        },
    )
    assert hb.status_code == 200 and hb.json()["acked_seq"] == 0
    page = client.get("/v1/reference", headers=headers).json()
    assert len([i for i in page["items"] if i["kind"] == "bcp"]) >= 20
    client.post(
        "/v1/admin/alerts",
        headers=admin_headers(client),
        json={"kind": "missing_child", "family_name": "Doe", "given_names": "Jane", "birth_date": "2015-01-02"},
    )
    newer = client.get("/v1/reference", params={"since": page["cursor"]}, headers=headers).json()
    assert [i["kind"] for i in newer["items"]] == ["alert"]


def test_indicators_and_quarantine_endpoints(client: TestClient) -> None:
    headers, _ = enrol(client, "dev-1")
    client.post("/v1/events", content=p.PushBatch(events=chain("dev-1", 2)).model_dump_json(), headers=headers)
    rows = client.get("/v1/admin/indicators", params={"year": 2026}, headers=admin_headers(client)).json()
    assert rows == [
        {"bcp": "KAK", "year": 2026, "quarter": 3, "entries": 0, "exits": 2, "unaccompanied": 0, "flagged": 0}
    ]
    assert client.get("/v1/admin/quarantine", headers=admin_headers(client)).json() == []
    # A note on an event id beyond the database's integers is a clear 422, not a server error (schemathesis).
    huge = client.post(
        "/v1/admin/quarantine/9223372036854775808/notes", json={"note": "x"}, headers=admin_headers(client)
    )
    assert huge.status_code == 422 and error_of(huge)["code"] == "validation_failed"


def test_indicators_give_one_row_per_bcp_and_quarter_as_the_report_counts(client: TestClient) -> None:
    """Crossings in all three months of the first quarter (and one in the third): one row per BCP and quarter,
    with the same counts as the quarterly report. (The quarter was once `(month - 1) / 3 + 1`: true division in
    SQLAlchemy 2, one row per month.)"""
    headers, _ = enrol(client, "dev-1")
    events: list[Event] = []
    for when, direction, alone in (
        ("2026-01-10T10:00:00+01:00", "entry", False),
        ("2026-02-11T10:00:00+01:00", "exit", False),
        ("2026-02-20T10:00:00+01:00", "entry", True),
        ("2026-03-12T10:00:00+01:00", "exit", True),
        ("2026-03-30T10:00:00+01:00", "entry", False),
        ("2026-07-02T10:00:00+02:00", "exit", False),
    ):
        changes: dict[str, object] = {"crossing.crossed_at": when, "crossing.direction": direction}
        if alone:
            changes.update({"accompaniment": "alone", "adults": [], "child.birth_date": "2012-01-01"})
        events += chain("dev-1", 1, start=len(events) + 1, prev=events[-1].hash if events else GENESIS_HASH, **changes)
    pushed = client.post("/v1/events", content=p.PushBatch(events=events).model_dump_json(), headers=headers)
    assert pushed.status_code == 200, pushed.text
    rows = client.get("/v1/admin/indicators", params={"year": 2026}, headers=admin_headers(client)).json()
    assert [(r["bcp"], r["quarter"]) for r in rows] == [("KAK", 1), ("KAK", 3)]
    for row in rows:
        report = client.get(
            "/v1/admin/report", params={"year": 2026, "quarter": row["quarter"]}, headers=admin_headers(client)
        ).json()
        kak = next(r for r in report["rows"] if r["bcp"] == "KAK")
        for name in ("entries", "exits", "unaccompanied", "flagged"):
            assert row[name] == kak[name], (row["quarter"], name)
    assert (rows[0]["entries"], rows[0]["exits"], rows[0]["unaccompanied"]) == (3, 2, 2)
