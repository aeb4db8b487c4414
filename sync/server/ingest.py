"""Idempotent event ingest with chain verification (ARCHITECTURE.md, sync protocol v1).

For one device, one batch, one transaction:
- events at or below the acknowledged seq must match what is stored (same hash): acknowledged again as
  duplicates; a different event there is a fork (restored backup, tampering): 409, device flagged, nothing
  stored or overwritten;
- new events must continue the chain: seq = acked + 1, prev_hash = head hash, hash = the envelope's hash;
  otherwise 409 (`seq_gap` or `chain_broken`) and nothing of the batch is stored;
- a well-formed event whose payload fails validation is stored with status `quarantined` and its reason,
  and acknowledged, so one bad event never blocks the rest.
Crossing events are folded into `crossings` with the station's own fold (`borderapp.crossing_state`).
"""

from __future__ import annotations

import itertools
import threading
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import psycopg
from pydantic import ValidationError
from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from borderapp import patterns
from borderapp.crossing_state import CROSSING_TYPES, RECORD_TYPES, crossing_columns
from borderapp.events import Event, utc_now
from borderapp.interview import Content, Referral
from borderapp.interview_state import COLUMNS as INTERVIEW_COLUMNS
from borderapp.interview_state import INTERVIEW_TYPES
from borderapp.interview_state import fold as interview_fold
from borderapp.models import SCHEMA_VERSION, CrossingRecord, describe
from sync import protocol as p
from sync.server import schema as s
from sync.server.errors import ApiError, field_errors
from sync.server.storage import Storage


def payload_problem(ev: Event) -> str | None:
    """Why this event's payload cannot be used (the quarantine reason), or None. Pure: no database needed, so
    it runs before the transaction. Reasons name fields, never values."""
    if ev.type not in CROSSING_TYPES and ev.type not in INTERVIEW_TYPES:
        return f"unknown event type {ev.type!r}"
    version = ev.payload.get("schema_version")
    if not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        return f"unsupported payload schema_version {version!r} (this server knows 1-{SCHEMA_VERSION})"
    if ev.type in INTERVIEW_TYPES:
        return interview_problem(ev)
    if ev.type in RECORD_TYPES:
        try:
            CrossingRecord.model_validate(ev.payload.get("record"))
        except ValidationError as exc:
            return "invalid record: " + ", ".join(sorted({path for path, _ in describe(exc)}))
        flags = ev.payload.get("flags", [])
        if not isinstance(flags, list) or len(flags) > 20 or not all(isinstance(f, str) and len(f) <= 8 for f in flags):
            return "invalid flags: expected a list of flag codes"
    if ev.type != "crossing.recorded" and not str(ev.payload.get("reason") or "").strip():
        return f"{ev.type} without a reason"
    return None


def interview_problem(ev: Event) -> str | None:
    """The fields the interviews projection folds, checked for shape (the content is the station's business)."""
    p = ev.payload
    bad: str | None = None
    if ev.type == "interview.opened":
        if not (isinstance(p.get("crossing_id"), str) and isinstance(p.get("checklist"), str)):
            bad = "crossing_id, checklist"
    elif ev.type == "interview.attended":
        if p.get("role") not in ("female_at_officer", "social_worker"):
            bad = "role"
        elif not (isinstance(p.get("user_id"), str) and isinstance(p.get("arrived_at"), str)):
            bad = "user_id, arrived_at"
    elif ev.type in ("interview.signed", "interview.corrected"):
        if p.get("decision") not in ("potential_victim", "at_risk", "no_concern"):
            bad = "decision"
        elif ev.type == "interview.signed" and len(p.get("signatures") or []) != 2:
            bad = "signatures"
        elif ev.type == "interview.corrected" and not str(p.get("reason") or "").strip():
            return "interview.corrected without a reason"
    if "content_sealed" in p and not isinstance(p["content_sealed"], str):
        bad = "content_sealed"
    if bad is not None:
        return f"invalid {ev.type}: {bad}"
    try:
        Content.model_validate(p.get("content") or {})
        Referral.model_validate(p.get("referral") or {})
    except ValidationError as exc:
        return f"invalid {ev.type}: " + ", ".join(sorted({path for path, _ in describe(exc)}))
    return None


FOREIGN = "foreign_record"
BCP_MISMATCH = "bcp_mismatch"
TOO_LARGE = "payload_too_large"
# An event's payload: a crossing is 1-3 KiB, an interview's sealed content at most some 200 KiB.
MAX_PAYLOAD_CHARS = 512 * 1024
QUARANTINE_PREFIX_CHARS = 4096
# One string in a payload (but the interview's sealed content, which holds the whole checklist): record texts are
# at most 2,000 characters, names 100.
MAX_STRING_CHARS = 64 * 1024


def _longest_string(value: object) -> int:
    """The length of the longest string or key in a payload (the sealed content aside)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return max((max(len(k), _longest_string(v)) for k, v in value.items() if k != "content_sealed"), default=0)
    if isinstance(value, list):
        return max((_longest_string(v) for v in value), default=0)
    return 0


def record_problem(ev: Event, owners: dict[str, str], device_id: str, bcp: str) -> str | None:
    """Whether this device may apply the event to the record it names, as the server holds it: the quarantine
    reason, or None. `owners` maps each record and interview id held to the device that first recorded it. A
    reason that an attacker's event earns starts with a stable code (`foreign_record: …`, `bcp_mismatch: …`)."""
    owner = owners.get(ev.record_id)
    if owner is not None and owner != device_id:
        return f"{FOREIGN}: {ev.type} names a record or interview of another station"
    if ev.type in RECORD_TYPES and ev.payload["record"]["crossing"]["bcp"] != bcp:
        return f"{BCP_MISMATCH}: a crossing at a border crossing point this station is not enrolled for"
    if ev.type in INTERVIEW_TYPES:
        if ev.type == "interview.opened":
            crossing_owner = owners.get(str(ev.payload["crossing_id"]))
            if crossing_owner is not None and crossing_owner != device_id:
                return f"{FOREIGN}: interview.opened for a crossing of another station"
            return "interview id already used" if owner is not None else None
        return None if owner is not None else f"{ev.type} for an interview the server does not hold"
    if ev.type == "crossing.recorded" and owner is not None:
        return "record_id already used by an earlier crossing.recorded event"
    if ev.type != "crossing.recorded" and owner is None:
        return f"{ev.type} for a record the server does not hold"
    return None


def owners_of(conn: Connection, ids: list[str], interviews: bool) -> dict[str, str]:
    """The owning device of each of `ids` held as a crossing (or, with `interviews`, as an interview)."""
    tables = [s.crossings.c.record_id] + ([s.interviews.c.interview_id] if interviews else [])
    found: dict[str, str] = {}
    for key in tables:
        query = select(key, key.table.c.device_id).where(key.in_(ids))
        found.update({row[0]: row[1] for row in conn.execute(query)})
    return found


def parse_batch(body: bytes) -> p.PushBatch:
    """A request's JSON as a batch, or 422 naming the fields that are wrong (never their values)."""
    try:
        return p.PushBatch.model_validate_json(body)
    except ValidationError as exc:
        raise ApiError(
            422,
            "validation_failed",
            "The batch does not have the expected form.",
            {"fields": field_errors(exc.errors())},
        ) from None


def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows that all have the same keys. PostgreSQL: one COPY, its bulk-loading statement (SQLAlchemy's
    executemany sent one INSERT a row: one station over HTTP 936 events/s, 1,641 with COPY, runs hours apart); SQLite:
    executemany."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]  # in this transaction
    with cursor, cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])


@dataclass
class Checked:
    """An event with everything that needs no database worked out before the transaction: its canonical
    encoding, whether it matches its hash, what is wrong with its payload, its projection columns and the keyed
    people of a crossing (for the patterns)."""

    event: Event
    actor_json: str
    payload_json: str
    hash_ok: bool
    problem: str | None
    columns: dict[str, Any] | None
    people: list[dict[str, Any]]

    @classmethod
    def of(cls, ev: Event, pattern_key: bytes) -> Checked:
        actor_json, payload_json = ev.encoded()
        if len(payload_json) > MAX_PAYLOAD_CHARS:
            problem: str | None = f"{TOO_LARGE}: the payload has more than {MAX_PAYLOAD_CHARS // 1024} Ki characters"
        elif len(payload_json) > MAX_STRING_CHARS and _longest_string(ev.payload) > MAX_STRING_CHARS:
            problem = f"{TOO_LARGE}: a text in the payload has more than {MAX_STRING_CHARS // 1024} Ki characters"
        else:
            problem = payload_problem(ev)
        columns, people = None, []
        if problem is None and ev.type in RECORD_TYPES:
            columns = crossing_columns(ev)
            record = ev.payload["record"]
            people = patterns.crossing_people(
                pattern_key, ev.record_id, columns["direction"], columns["crossed_at"], record
            )
        hash_ok = ev.computed_hash((actor_json, payload_json)) == ev.hash
        return cls(ev, actor_json, payload_json, hash_ok, problem, columns, people)


class Ingest:
    """Takes batches of events from stations: `push_json` (a request's body) or `push` (a parsed batch)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        # SQLite has one writer at a time. Batches of this process wait for their turn here, in order, rather
        # than in SQLite's busy handler, which sleeps and retries (8 stations at once: p95 of 7 s a batch).
        sqlite = storage.engine.dialect.name == "sqlite"
        self._writing: AbstractContextManager[object] = threading.Lock() if sqlite else nullcontext()

    def push_json(self, device_id: str, body: bytes) -> p.PushResult:
        """Take a batch as the request's JSON (422 when it is not a batch)."""
        return self.push(device_id, parse_batch(body))

    def push(self, device_id: str, batch: p.PushBatch) -> p.PushResult:
        """Take a batch of one device's events (see the module's docstring)."""
        evs = batch.events
        for ev in evs:
            if ev.device_id != device_id:
                raise ApiError(
                    403,
                    "forbidden",
                    f"Event {ev.seq} names another device; a station sends only its own events.",
                    {"seq": ev.seq},
                )
        for before, ev in itertools.pairwise(evs):
            if ev.seq != before.seq + 1:
                raise ApiError(422, "bad_request", "Events in a batch must be in seq order without gaps.")
        try:
            for before, ev in itertools.pairwise(evs):
                if ev.prev_hash != before.hash:
                    raise ApiError(
                        409, "chain_broken", f"Event {ev.seq} does not link to event {before.seq}.", {"seq": ev.seq}
                    )
            # The costly part (hashing, validation, the fold) runs before the transaction, so that the write lock
            # (one for all server processes on SQLite) is held only for the stored-state checks and the inserts.
            checked = [Checked.of(ev, self.storage.pattern_key) for ev in evs]
            for c in checked:
                if not c.hash_ok:
                    seq = c.event.seq
                    raise ApiError(409, "chain_broken", f"Event {seq} does not match its hash.", {"seq": seq})
            try:
                with self._writing, self.storage.writer.begin() as conn:
                    return self._push(conn, device_id, checked)
            except (IntegrityError, psycopg.IntegrityError):  # a constraint no check above foresaw: not a 500
                # (psycopg's own error comes from COPY, which talks to the driver directly)
                raise ApiError(
                    409, "conflict", "The batch conflicts with what the server holds; nothing of it was stored."
                ) from None
        except ApiError as err:
            if err.code in ("fork_detected", "chain_broken"):
                self._flag(device_id, "forked" if err.code == "fork_detected" else "broken", err.message)
            raise

    def _flag(self, device_id: str, status: str, error: str) -> None:
        with self.storage.writer.begin() as conn:
            conn.execute(
                update(s.devices)
                .where(s.devices.c.device_id == device_id)
                .values(chain_status=status, last_error=error, last_seen=utc_now())
            )

    def _push(self, conn: Connection, device_id: str, checked: list[Checked]) -> p.PushResult:
        d, e = s.devices.c, s.events.c
        acked, head, bcp = conn.execute(
            select(d.acked_seq, d.head_hash, d.bcp).where(d.device_id == device_id).with_for_update()
        ).one()
        old = [c.event for c in checked if c.event.seq <= acked]
        new = [c for c in checked if c.event.seq > acked]
        receipts: list[p.Receipt] = []
        if old:
            columns = (e.seq, e.hash, e.server_id, e.received_at, e.status, e.reason)
            found = conn.execute(select(*columns).where(e.device_id == device_id, e.seq.in_([ev.seq for ev in old])))
            stored = {row.seq: row for row in found}
            receipts += [self._duplicate(ev, stored.get(ev.seq), acked) for ev in old]
        if not new:
            conn.execute(update(s.devices).where(d.device_id == device_id).values(last_seen=utc_now()))
            return p.PushResult(acked_seq=acked, head_hash=head, receipts=receipts)
        self._continues(new[0].event, acked, head)
        self._fresh_ids(conn, new)
        ids = {c.event.record_id for c in new}
        ids |= {str(c.event.payload.get("crossing_id")) for c in new if c.event.type == "interview.opened"}
        owners = owners_of(conn, sorted(ids), any(c.event.type in INTERVIEW_TYPES for c in new))
        now = utc_now()
        outcome = self._store(conn, device_id, bcp, new, owners, now)
        first, last = new[0].event, new[-1].event
        numbered = select(e.seq, e.server_id).where(e.device_id == device_id, e.seq.between(first.seq, last.seq))
        by_seq = {row.seq: row.server_id for row in conn.execute(numbered)}
        receipts += [
            p.Receipt(
                event_id=ev.event_id,
                seq=ev.seq,
                server_id=by_seq[ev.seq],
                received_at=now,
                status="quarantined" if problem else "stored",
                reason=problem,
            )
            for ev, problem in outcome
        ]
        conn.execute(
            update(s.devices)
            .where(d.device_id == device_id)
            .values(acked_seq=last.seq, head_hash=last.hash, last_seen=utc_now())
        )
        return p.PushResult(acked_seq=last.seq, head_hash=last.hash, receipts=receipts)

    @staticmethod
    def _continues(first: Event, acked: int, head: str) -> None:
        """The first new event must come right after the last one stored, and link to it."""
        if first.seq != acked + 1:
            raise ApiError(
                409,
                "seq_gap",
                f"The server holds this station's events up to {acked}; send from {acked + 1}.",
                {"acked_seq": acked},
            )
        if first.prev_hash != head:
            raise ApiError(
                409,
                "chain_broken",
                f"Event {first.seq} does not link to event {acked}.",
                {"seq": first.seq, "acked_seq": acked},
            )

    @staticmethod
    def _duplicate(ev: Event, row: Any, acked: int) -> p.Receipt:
        """The receipt of an event sent again, or a fork when the stored one differs."""
        if row is None or row.hash != ev.hash:
            raise ApiError(
                409,
                "fork_detected",
                f"Event {ev.seq} differs from the one this station sent "
                "before (a restored backup or a changed log). Nothing was overwritten; the central "
                "admin has been alerted.",
                {"seq": ev.seq, "acked_seq": acked},
            )
        return p.Receipt(
            event_id=ev.event_id,
            seq=ev.seq,
            server_id=row.server_id,
            received_at=row.received_at,
            status="duplicate",
            reason=row.reason,
        )

    @staticmethod
    def _fresh_ids(conn: Connection, new: list[Checked]) -> None:
        """New events must have event ids the server has not seen (from any station) and differ among themselves:
        a replayed id is refused with 409, before the database's unique index would fail the transaction."""
        ids = [c.event.event_id for c in new]
        e = s.events.c
        taken = set(conn.execute(select(e.event_id).where(e.event_id.in_(ids))).scalars())
        if taken or len(set(ids)) != len(ids):
            seq = next(c.event.seq for c in new if c.event.event_id in taken or ids.count(c.event.event_id) > 1)
            raise ApiError(
                409,
                "conflict",
                f"Event {seq} has an event id the server already holds; a station makes a new id for each event.",
                {"seq": seq},
            )

    def _store(
        self, conn: Connection, device_id: str, bcp: str, new: list[Checked], owners: dict[str, str], now: str
    ) -> list[tuple[Event, str | None]]:
        """Insert the new events and project the good ones, in order; `owners` (the record ids held and their
        devices) grows with what they record. Returns each event with its quarantine reason (None when stored)."""
        events, outcome, good = [], [], []
        for item in new:
            ev = item.event
            problem = item.problem or record_problem(ev, owners, device_id, bcp)
            if problem is None:
                good.append(item)
                if ev.type in ("crossing.recorded", "interview.opened"):
                    owners[ev.record_id] = device_id
            outcome.append((ev, problem))
            events.append(
                {
                    "device_id": device_id,
                    "seq": ev.seq,
                    "event_id": ev.event_id,
                    "type": ev.type,
                    "record_id": ev.record_id,
                    "actor": item.actor_json,
                    "occurred_at": ev.occurred_at,
                    # A quarantined event keeps its hash (so a resend still matches) and a prefix of its payload, for
                    # the admins: one device cannot fill the server's disk with junk it has quarantined.
                    "payload": item.payload_json[:QUARANTINE_PREFIX_CHARS] if problem else item.payload_json,
                    "prev_hash": ev.prev_hash,
                    "hash": ev.hash,
                    "received_at": now,
                    "status": "quarantined" if problem else "ok",
                    "reason": problem,
                }
            )
        insert_rows(conn, s.events, events)
        self._project(conn, device_id, good)
        return outcome

    def _project(self, conn: Connection, device_id: str, good: list[Checked]) -> None:
        """Fold the good events into the projections. New crossings are inserted together; a later event of the
        batch may change one of them, so what is pending is inserted before any other event is applied."""
        c = s.crossings.c
        inserts: list[dict[str, Any]] = []
        people: list[dict[str, Any]] = []

        def flush() -> None:
            insert_rows(conn, s.crossings, inserts)
            insert_rows(conn, s.crossing_people, people)
            inserts.clear()
            people.clear()

        for item in good:
            ev, columns = item.event, item.columns or {}
            if ev.type == "crossing.recorded":
                people.extend(item.people)  # the keyed people, for the cross-station patterns
                inserts.append(
                    {
                        **columns,
                        "device_id": device_id,
                        "status": "active",
                        "first_seq": ev.seq,
                        "last_seq": ev.seq,
                        "recorded_by": ev.actor.user_id,
                    }
                )
                continue
            flush()
            if ev.type in INTERVIEW_TYPES:
                self._project_interview(conn, device_id, ev)
                continue
            # Every change names the owning device too (record_problem has checked it; this is the second lock).
            mine = (c.record_id == ev.record_id) & (c.device_id == device_id)
            if ev.type == "crossing.corrected":  # the corrected record's people replace the earlier ones
                values = {k: v for k, v in columns.items() if k != "record_id"}
                if conn.execute(update(s.crossings).where(mine).values(**values, last_seq=ev.seq)).rowcount:
                    conn.execute(delete(s.crossing_people).where(s.crossing_people.c.record_id == ev.record_id))
                    insert_rows(conn, s.crossing_people, item.people)
            else:
                conn.execute(update(s.crossings).where(mine).values(status="voided", last_seq=ev.seq))
        flush()

    def _project_interview(self, conn: Connection, device_id: str, ev: Event) -> None:
        """The station's own fold (borderapp.interview_state), so an interview reads the same everywhere."""
        i = s.interviews.c
        if ev.type == "interview.opened":
            c = s.crossings.c
            mine = (c.record_id == ev.payload["crossing_id"]) & (c.device_id == device_id)
            crossed = conn.execute(select(c.crossed_at).where(mine)).scalar()
            conn.execute(insert(s.interviews).values(**interview_fold(None, ev, crossed or ""), device_id=device_id))
            return
        mine = (i.interview_id == ev.record_id) & (i.device_id == device_id)
        row = conn.execute(select(*[i[col] for col in INTERVIEW_COLUMNS]).where(mine)).mappings().first()
        if row is not None:  # record_problem let through only the owner's events; this is the second lock
            conn.execute(update(s.interviews).where(mine).values(**interview_fold(dict(row), ev)))
