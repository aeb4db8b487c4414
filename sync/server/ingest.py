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

import functools
import gc
import itertools
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack, nullcontext, suppress
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson
from psycopg.types.json import Json
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Column, Connection, Table, delete, insert, select, update

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
from sync.server.helper import MIN_BYTES, MINE, QUEUED_MINE, CheckHelper, split
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


def record_problem(ev: Event, known_records: set[str]) -> str | None:
    """Whether the record the event belongs to is (or is not yet) held here."""
    if ev.type in INTERVIEW_TYPES:
        if ev.type == "interview.opened":
            return "interview id already used" if ev.record_id in known_records else None
        return None if ev.record_id in known_records else f"{ev.type} for an interview the server does not hold"
    if ev.type == "crossing.recorded" and ev.record_id in known_records:
        return "record_id already used by an earlier crossing.recorded event"
    if ev.type != "crossing.recorded" and ev.record_id not in known_records:
        return f"{ev.type} for a record the server does not hold"
    return None


# PostgreSQL: a batch is checked and stored a part at a time, each part's rows sent without waiting while the next
# part is checked (see Rows). 100 events: 5 parts of a 500-event batch, so only the last part's storing is waited for.
PART = 100
RECEIPTS: TypeAdapter[list[p.Receipt]] = TypeAdapter(list[p.Receipt])


def _number_shape(byte: int) -> int:
    """For `parse_batch`: every digit as 0, a minus as -, a letter, quote, underscore or non-ASCII byte (only in
    strings) as h, anything else as a dot. In a body so translated an integer literal of 19 digits or more shows
    as a dot or a minus before 19 zeros; a run of digits inside a hash or a word has an h before it."""
    char = chr(byte)
    if "0" <= char <= "9":
        return ord("0")
    if char == "-":
        return ord("-")
    if char.isalpha() or char in '"_' or byte >= 128:
        return ord("h")
    return ord(".")


_NUMBER_SHAPES = bytes(map(_number_shape, range(256)))
_LONG_INTEGERS = (b"." + b"0" * 19, b"-" + b"0" * 19)


def parse_batch(body: bytes) -> p.PushBatch:
    """A request's JSON as a batch, or 422 naming the fields that are wrong. orjson builds the objects and
    pydantic validates them: 7.5 us an event against 10.8 for pydantic's own JSON parser (a 1,300-byte
    crossing). orjson turns integers beyond 64 bits into floats, which would change an event's hash: a body that
    may hold one (an integer of 19 digits or more) goes to pydantic's parser, as does one orjson refuses (broken
    JSON, lone surrogates), so that it names what is wrong."""
    data = None
    shapes = b"." + body.translate(_NUMBER_SHAPES)
    if not any(long in shapes for long in _LONG_INTEGERS):
        with suppress(orjson.JSONDecodeError):
            data = orjson.loads(body)
    try:
        return p.PushBatch.model_validate_json(body) if data is None else p.PushBatch.model_validate(data)
    except ValidationError as exc:
        raise ApiError(
            422,
            "validation_failed",
            "The batch does not have the expected form.",
            {"fields": field_errors(exc.errors())},
        ) from None


@functools.lru_cache(maxsize=32)
def _json_insert(table: Table, names: tuple[str, ...]) -> str:
    """INSERT of many rows given as one JSON array (a pipeline cannot carry COPY; psycopg's array parameters cost
    Python 3-4 times as much time to write)."""
    columns = ", ".join(names)
    return f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM json_populate_recordset(NULL::{table.name}, %b)"


class Rows:
    """Where ingest's rows go, inside the caller's transaction, the fastest way each engine has.

    SQLite: executemany with plain tuples (SQLAlchemy's own executemany spent about 25 us per row building
    parameters). PostgreSQL: one INSERT per table and part, its rows one JSON parameter (written by orjson), sent
    in psycopg's pipeline mode without waiting for the result, so that PostgreSQL stores one part of a batch on
    its own core while Python checks the next. Against COPY of the whole batch after the checks (COPY cannot be
    pipelined), 40,000 events over HTTP: 8 stations 3,900-5,900 -> 7,100-7,800 events/s. Before any statement
    whose result is read, `wait()`: it leaves pipeline mode once everything sent is done, and raises the first
    error of those statements."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.raw: Any = conn.connection.driver_connection  # psycopg or sqlite3, inside the transaction of `conn`
        self.pipelined = conn.dialect.name == "postgresql"
        self._pipeline: ExitStack | None = None

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert rows that all have the same keys."""
        if not rows:
            return
        names = tuple(rows[0])
        if not self.pipelined:
            values = list(map(itemgetter(*names), rows)) if len(names) > 1 else [(row[names[0]],) for row in rows]
            marks = ", ".join("?" * len(names))
            self.raw.executemany(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})", values)
            return
        if self._pipeline is None:
            self._pipeline = ExitStack()
            self._pipeline.enter_context(self.raw.pipeline())
        self.raw.execute(_json_insert(table, names), (Json(rows, dumps=orjson.dumps),))

    def wait(self) -> None:
        """Wait until everything sent is stored (raising the first error), and leave pipeline mode."""
        self.__exit__(None, None, None)

    def __enter__(self) -> Rows:
        return self

    def __exit__(self, *exc: object) -> None:
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.__exit__(*exc)  # type: ignore[arg-type]


def existing(conn: Connection, column: Column[str], ids: list[str]) -> set[str]:
    """Which of `ids` the key column holds. PostgreSQL gets one array parameter: an IN list of 500 parameters
    cost 8 ms a batch to render and plan there."""
    if conn.dialect.name == "postgresql":
        sql = f"SELECT {column.name} FROM {column.table.name} WHERE {column.name} = ANY(%s)"
        with conn.connection.driver_connection.cursor() as cur:  # type: ignore[union-attr]
            # A key lookup: the index is always right. Without statistics (a new table growing fast, not yet
            # analysed by autovacuum) the planner chose a full scan: 6.6 ms a batch instead of 2.8 ms.
            cur.execute("SET LOCAL enable_seqscan = off")
            found = {row[0] for row in cur.execute(sql, (ids,))}
            cur.execute("SET LOCAL enable_seqscan TO DEFAULT")
            return found
    # SQLite: the same in plain SQL (SQLAlchemy spent 3 us an id building the IN list).
    marks = ", ".join("?" * len(ids))
    sql = f"SELECT {column.name} FROM {column.table.name} WHERE {column.name} IN ({marks})"
    return {row[0] for row in conn.connection.driver_connection.execute(sql, ids)}  # type: ignore[union-attr]


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

    def values(self) -> tuple[Any, ...]:
        """Everything but the event, in field order (what the checking helper sends back)."""
        return (self.actor_json, self.payload_json, self.hash_ok, self.problem, self.columns, self.people)


def quiet_garbage_collector() -> None:
    """A 500-event batch makes some 60,000 short-lived objects (none in reference cycles); with the defaults
    the collector ran dozens of times a batch and now and then walked every object the server had imported.
    What exists once the app is built stays for the life of the process, so it is frozen out of collections,
    and young objects are collected in larger steps."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


class Ingest:
    def __init__(self, storage: Storage, *, helper: bool = False) -> None:
        self.storage = storage
        self._sqlite = storage.engine.dialect.name == "sqlite"
        # A second process that checks most of each large batch while this one parses and stores (helper.py).
        # For SQLite: with PostgreSQL the other core is already busy storing (Rows).
        self._helper = CheckHelper(storage.pattern_key) if helper and self._sqlite else None
        self._active = 0  # pushes in this process, waiting or running
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        # SQLite: the WAL is copied back into the database file on a thread of its own after each batch, so the
        # request that wrote it does not pay for the copy and its fsync (sqlite3 lets go of the GIL meanwhile,
        # so it runs on another core). A passive checkpoint never blocks a writer or a reader.
        self._checkpointer = ThreadPoolExecutor(1, "wal-checkpoint") if self._sqlite else None
        self._checkpoint_pending: Future[None] | None = None
        # SQLite: one batch at a time in this process. The writes are one at a time anyway (one write lock), and
        # Python's work cannot run in parallel; batches of several stations interleaved only made each wait for
        # the GIL between the rows it wrote (8 stations at once were 25% slower than one). PostgreSQL works
        # on its own cores while a batch waits for it, so there batches overlap.
        self._serial: AbstractContextManager[object] = threading.Lock() if self._sqlite else nullcontext()
        # One request body parsed at a time (as on the event loop, where it was parsed before): several threads
        # parsing at once took the GIL in turns from the batch holding the write lock, which then held it longer
        # (8 stations, 2 SQLite processes, 100,000 events: 3,622-4,834 events/s; one at a time 4,821-5,653).
        self._parsing = threading.Lock()

    def _lock(self, device_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(device_id, threading.Lock())

    def _flag(self, device_id: str, status: str, error: str) -> None:
        with self.storage.writer.begin() as conn:
            conn.execute(
                update(s.devices)
                .where(s.devices.c.device_id == device_id)
                .values(chain_status=status, last_error=error, last_seen=utc_now())
            )

    def push(self, device_id: str, batch: p.PushBatch) -> p.PushResult:
        """Take a batch of one device's events (see the module's docstring)."""
        return self._take(device_id, batch)

    def push_json(self, device_id: str, body: bytes, gzipped: bytes | None = None) -> p.PushResult:
        """Take a batch as the request's JSON: parsed here (422 when it is not a batch). With a checking helper
        (helper.py), the body (`gzipped`, when it came so) goes to it before this process parses it when this is
        the only batch in hand, or else when the batch's turn to be stored comes."""
        return self._take(device_id, body, gzipped)

    def _take(self, device_id: str, batch: p.PushBatch | bytes, gzipped: bytes | None = None) -> p.PushResult:
        with self._locks_guard:
            self._active += 1
            alone = self._active == 1
        helper = self._helper
        handed: CheckHelper | None = None  # the helper, once it has this batch
        raw: bytes | None = None  # the body as it came, when the helper may take it
        mine = MINE
        try:
            if isinstance(batch, bytes):
                if helper is not None and len(batch) >= MIN_BYTES:
                    raw = gzipped or batch
                    # The only batch in hand: the helper parses it while this process does too.
                    if alone and helper.begin(raw):
                        handed, raw = helper, None
                with self._parsing:
                    batch = parse_batch(batch)
            evs = batch.events
            for ev in evs:
                if ev.device_id != device_id:
                    raise ApiError(
                        403,
                        "forbidden",
                        f"Event {ev.seq} names another device; a station sends only its own events.",
                        {"seq": ev.seq},
                    )
            if any(b.seq != a.seq + 1 for a, b in itertools.pairwise(evs)):
                raise ApiError(422, "bad_request", "Events in a batch must be in seq order without gaps.")
            with self._serial:
                # Batches of several stations in hand: the helper checks each one in full (QUEUED_MINE) when its
                # turn comes (it is free then: the batch before gave it back before letting go of `_serial`).
                if raw is not None and helper is not None and helper.begin(raw, QUEUED_MINE):
                    handed, mine = helper, QUEUED_MINE
                try:
                    return self._push_parts(device_id, evs, self._parts(evs, handed, mine))
                finally:
                    done, handed = handed, None  # given back before the next batch's turn
                    if done is not None:
                        done.end()
        finally:
            if handed is not None:  # handed over, then refused before its turn (a bad body, another device)
                handed.end()
            with self._locks_guard:
                self._active -= 1

    def _parts(self, evs: list[Event], handed: CheckHelper | None, mine: int) -> Iterable[list[Checked]]:
        """The checks of a batch's events, in order, a part at a time."""
        if handed is not None:
            # The first events checked here before the transaction, the rest by the helper while this process
            # stores them, a part at a time. The write lock is held while the last parts come (some tens of ms).
            start = split(len(evs), mine)
            return itertools.chain([self._check(evs[:start])], self._theirs(handed, evs, start))
        if self._sqlite:
            # The costly part (hashing, validation, the fold) runs before the transaction, so that the database's
            # write lock (one for all processes) is held only for the stored-state checks and the inserts.
            return [self._check(evs)]
        # Checked a part at a time inside the transaction, while PostgreSQL stores the part before.
        return (self._check(evs[start : start + PART]) for start in range(0, len(evs), PART))

    def _check(self, evs: list[Event]) -> list[Checked]:
        return [Checked.of(ev, self.storage.pattern_key) for ev in evs]

    def _theirs(self, helper: CheckHelper, evs: list[Event], start: int) -> Iterator[list[Checked]]:
        """The helper's checks of `evs[start:]` as they come; whatever it does not give, checked here."""
        for part in helper.parts(evs, start):
            yield part
            start += len(part)
        if start < len(evs):
            yield self._check(evs[start:])

    def _push_parts(self, device_id: str, evs: list[Event], parts: Iterable[list[Checked]]) -> p.PushResult:
        with self._lock(device_id):
            try:
                for before, ev in itertools.pairwise(evs):
                    if ev.prev_hash != before.hash:
                        raise ApiError(
                            409, "chain_broken", f"Event {ev.seq} does not link to event {before.seq}.", {"seq": ev.seq}
                        )
                with self.storage.writer.begin() as conn:
                    result = self._push(conn, device_id, evs, parts)
                self._after_commit()
                return result
            except ApiError as err:
                if err.code in ("fork_detected", "chain_broken"):
                    self._flag(device_id, "forked" if err.code == "fork_detected" else "broken", err.message)
                raise

    def _after_commit(self) -> None:
        if self._checkpointer is None:
            return
        with self._locks_guard:
            if self._checkpoint_pending is None or self._checkpoint_pending.done():
                self._checkpoint_pending = self._checkpointer.submit(self._checkpoint)

    def _checkpoint(self) -> None:
        raw = self.storage.engine.raw_connection()  # autocommit (see make_engine): no transaction around it
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)").close()
        finally:
            raw.close()

    def close(self) -> None:
        """Wait for a pending checkpoint, stop its thread and the checking helper."""
        if self._checkpointer is not None:
            self._checkpointer.shutdown(wait=True)
        if self._helper is not None:
            self._helper.close()

    def _push(self, conn: Connection, device_id: str, evs: list[Event], parts: Iterable[list[Checked]]) -> p.PushResult:
        d, e = s.devices.c, s.events.c
        acked, head = conn.execute(
            select(d.acked_seq, d.head_hash).where(d.device_id == device_id).with_for_update()
        ).one()
        old = [ev.seq for ev in evs if ev.seq <= acked]
        stored = {}
        if old:
            columns = (e.seq, e.hash, e.server_id, e.received_at, e.status, e.reason)
            found = conn.execute(select(*columns).where(e.device_id == device_id, e.seq.in_(old)))
            stored = {row.seq: row for row in found}
        new = [ev for ev in evs if ev.seq > acked]
        known: set[str] = set()
        if new:
            ids = sorted({ev.record_id for ev in new})
            known = existing(conn, s.crossings.c.record_id, ids)
            if any(ev.type in INTERVIEW_TYPES for ev in new):
                known |= existing(conn, s.interviews.c.interview_id, ids)
        receipts: list[p.Receipt] = []
        now = utc_now()
        outcome: list[tuple[Event, str | None]] = []  # the new events and their quarantine reasons, in order
        with Rows(conn) as rows:
            for part in parts:
                for c in part:
                    if not c.hash_ok:
                        raise ApiError(
                            409, "chain_broken", f"Event {c.event.seq} does not match its hash.", {"seq": c.event.seq}
                        )
                    if c.event.seq <= acked:
                        receipts.append(self._duplicate(c.event, stored.get(c.event.seq), acked))
                part_new = [c for c in part if c.event.seq > acked]
                if part_new:
                    if not outcome:  # the first new event, after the ones sent before were compared
                        self._continues(part_new[0].event, acked, head)
                    outcome += self._store(conn, rows, device_id, part_new, known, now)
        if not new:
            conn.execute(update(s.devices).where(d.device_id == device_id).values(last_seen=utc_now()))
            return p.PushResult(acked_seq=acked, head_hash=head, receipts=receipts)
        by_seq = dict(
            conn.execute(
                select(e.seq, e.server_id).where(e.device_id == device_id, e.seq.between(new[0].seq, new[-1].seq))
            ).all()
        )
        receipts += RECEIPTS.validate_python(  # in pydantic's core: 3 times faster than model_construct
            [
                {
                    "event_id": ev.event_id,
                    "seq": ev.seq,
                    "server_id": by_seq[ev.seq],
                    "received_at": now,
                    "status": "quarantined" if problem else "stored",
                    "reason": problem,
                }
                for ev, problem in outcome
            ]
        )
        last = new[-1]
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
        return p.Receipt.model_construct(
            event_id=ev.event_id,
            seq=ev.seq,
            server_id=row.server_id,
            received_at=row.received_at,
            status="duplicate",
            reason=row.reason,
        )

    def _store(
        self, conn: Connection, rows: Rows, device_id: str, new: list[Checked], known: set[str], now: str
    ) -> list[tuple[Event, str | None]]:
        """Insert new events (one part of a batch) and project the good ones; `known` (the record ids held)
        grows with what they record."""
        events, outcome, good = [], [], []
        for item in new:
            ev = item.event
            problem = item.problem or record_problem(ev, known)
            if problem is None:
                good.append(item)
                if ev.type in ("crossing.recorded", "interview.opened"):
                    known.add(ev.record_id)
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
                    "payload": item.payload_json,
                    "prev_hash": ev.prev_hash,
                    "hash": ev.hash,
                    "received_at": now,
                    "status": "quarantined" if problem else "ok",
                    "reason": problem,
                }
            )
        rows.insert(s.events, events)
        self._project(conn, rows, device_id, good)
        return outcome

    def _project(self, conn: Connection, rows: Rows, device_id: str, good: list[Checked]) -> None:
        c = s.crossings.c
        inserts: list[dict[str, Any]] = []
        people: list[dict[str, Any]] = []
        for item in good:
            ev, columns = item.event, item.columns or {}
            if ev.type == "crossing.recorded":
                people += item.people  # the keyed people, for the cross-station patterns
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
            # A later event may touch a record of this part: what was sent is stored first, then read and changed.
            rows.insert(s.crossings, inserts)
            rows.insert(s.crossing_people, people)
            inserts, people = [], []
            rows.wait()
            if ev.type in INTERVIEW_TYPES:
                self._project_interview(conn, device_id, ev)
            elif ev.type == "crossing.corrected":  # the corrected record's people replace the earlier ones
                conn.execute(delete(s.crossing_people).where(s.crossing_people.c.record_id == ev.record_id))
                values = {k: v for k, v in columns.items() if k != "record_id"}
                conn.execute(update(s.crossings).where(c.record_id == ev.record_id).values(**values, last_seq=ev.seq))
                rows.insert(s.crossing_people, item.people)  # sent last: SQLAlchemy statements wait for none
            else:
                conn.execute(
                    update(s.crossings).where(c.record_id == ev.record_id).values(status="voided", last_seq=ev.seq)
                )
        rows.insert(s.crossings, inserts)
        rows.insert(s.crossing_people, people)

    def _project_interview(self, conn: Connection, device_id: str, ev: Event) -> None:
        """The station's own fold (borderapp.interview_state), so an interview reads the same everywhere."""
        i = s.interviews.c
        if ev.type == "interview.opened":
            c = s.crossings.c
            crossed = conn.execute(select(c.crossed_at).where(c.record_id == ev.payload["crossing_id"])).scalar()
            conn.execute(insert(s.interviews).values(**interview_fold(None, ev, crossed or ""), device_id=device_id))
            return
        found = conn.execute(select(*[i[col] for col in INTERVIEW_COLUMNS]).where(i.interview_id == ev.record_id))
        row = found.mappings().first()
        new = interview_fold(dict(row) if row else None, ev)
        conn.execute(update(s.interviews).where(i.interview_id == ev.record_id).values(**new))
