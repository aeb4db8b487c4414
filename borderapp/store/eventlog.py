"""Append to, read and verify the station's event log (the `events` table)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from borderapp.errors import ChainBroken
from borderapp.events import GENESIS_HASH, Actor, Event
from borderapp.store.db import Connection

_COLUMNS = "seq, event_id, device_id, type, record_id, actor, occurred_at, payload, prev_hash, hash"


def head(conn: Connection) -> tuple[int, str]:
    """(last seq, its hash), or (0, genesis) for an empty log."""
    row = conn.execute("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)


def insert(conn: Connection, event: Event) -> None:
    """Insert inside the caller's transaction; the schema's trigger refuses anything off the chain."""
    actor_json, payload_json = event.encoded()
    conn.execute(
        f"INSERT INTO events ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.seq,
            event.event_id,
            event.device_id,
            event.type,
            event.record_id,
            actor_json,
            event.occurred_at,
            payload_json,
            event.prev_hash,
            event.hash,
        ),
    )


def _from_row(row: Any) -> Event:
    # Built without validation: the row was written by this code, and every reader that must trust an event
    # (verify, the server) checks its hash, which covers every field.
    seq, event_id, device_id, type_, record_id, actor, occurred_at, payload, prev_hash, hash_ = row
    return Event.model_construct(
        seq=seq,
        event_id=event_id,
        device_id=device_id,
        type=type_,
        record_id=record_id,
        actor=Actor.model_construct(**json.loads(actor)),
        occurred_at=occurred_at,
        payload=json.loads(payload),
        prev_hash=prev_hash,
        hash=hash_,
    )


def for_record(conn: Connection, record_id: str) -> list[Event]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE record_id = ? ORDER BY seq", (record_id,))
    return [_from_row(r) for r in rows]


def all_events(conn: Connection, after_seq: int = 0, batch: int = 2000, limit: int | None = None) -> Iterator[Event]:
    """Events after `after_seq` in seq order (at most `limit`), read in batches so a million events never sit
    in memory at once."""
    last, left = after_seq, limit
    while left is None or left > 0:
        size = batch if left is None else min(batch, left)
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (last, size)
        ).fetchall()
        if not rows:
            return
        for row in rows:
            yield _from_row(row)
        last = int(rows[-1][0])
        if left is not None:
            left -= len(rows)


def verify(conn: Connection, device_id: str) -> int:
    """Walk the chain; return the number of events, or raise ChainBroken at the first broken link."""
    expected_prev, expected_seq = GENESIS_HASH, 1
    for ev in all_events(conn):
        if ev.seq != expected_seq:
            raise ChainBroken(
                f"The event log has a gap: event {expected_seq} is missing (next is {ev.seq}).", expected_seq
            )
        if ev.prev_hash != expected_prev:
            raise ChainBroken(
                f"Event {ev.seq} does not link to event {ev.seq - 1}: the log was changed outside BorderApp.", ev.seq
            )
        if ev.computed_hash() != ev.hash:
            raise ChainBroken(
                f"Event {ev.seq} ({ev.type}) does not match its hash: its content was changed "
                "outside BorderApp after it was recorded.",
                ev.seq,
            )
        if ev.device_id != device_id:
            raise ChainBroken(
                f"Event {ev.seq} names another device ({ev.device_id}); this station is {device_id}.", ev.seq
            )
        expected_prev, expected_seq = ev.hash, ev.seq + 1
    return expected_seq - 1
