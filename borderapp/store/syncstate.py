"""The station's side of sync, kept in the encrypted store: credential, acknowledged seq, receipts, reference
data and alerts, and the log the sync panel shows. Used by sync/client.py; knows nothing of HTTP."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from borderapp.events import Event, utc_now
from borderapp.store import eventlog
from borderapp.store.db import Connection
from borderapp.text import name_skeleton


def get(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def put(conn: Connection, values: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )


def acked_seq(conn: Connection) -> int:
    return int(get(conn, "acked_seq") or 0)


def unsent(conn: Connection, limit: int, after: int | None = None) -> list[Event]:
    """The next events the server has not acknowledged, in seq order (or those after `after`: the batch after
    one still on its way)."""
    start = acked_seq(conn) if after is None else after
    return list(eventlog.all_events(conn, after_seq=start, batch=limit, limit=limit))


def store_receipts(conn: Connection, receipts: list[dict[str, Any]], acked: int) -> None:
    conn.executemany(
        "INSERT INTO receipts (seq, server_id, received_at, status, reason) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (seq) DO NOTHING",
        [(r["seq"], r["server_id"], r["received_at"], r["status"], r.get("reason")) for r in receipts],
    )
    if acked > acked_seq(conn):
        put(conn, {"acked_seq": str(acked)})


def log(conn: Connection, outcome: str, message: str, sent: int = 0) -> None:
    conn.execute(
        "INSERT INTO sync_log (at, outcome, message, sent) VALUES (?, ?, ?, ?)", (utc_now(), outcome, message, sent)
    )


@dataclass(frozen=True)
class Backlog:
    head_seq: int
    acked_seq: int
    oldest_unsent_at: str | None

    @property
    def count(self) -> int:
        return self.head_seq - self.acked_seq

    def oldest_age_s(self, now: datetime | None = None) -> float | None:
        if self.oldest_unsent_at is None:
            return None
        born = datetime.fromisoformat(self.oldest_unsent_at.replace("Z", "+00:00"))
        return max(0.0, ((now or datetime.now(UTC)) - born).total_seconds())


def backlog(conn: Connection) -> Backlog:
    head, _ = eventlog.head(conn)
    acked = acked_seq(conn)
    row = conn.execute("SELECT occurred_at FROM events WHERE seq = ?", (acked + 1,)).fetchone()
    return Backlog(head, acked, str(row[0]) if row else None)


def store_reference(conn: Connection, items: list[dict[str, Any]]) -> int:
    """Keep pulled reference items; alerts also go into the matching table. Returns the new cursor."""
    cursor = int(get(conn, "reference_cursor") or 0)
    for item in items:
        conn.execute(
            "INSERT INTO reference_items (cursor, kind, key, data, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (cursor) DO NOTHING",
            (
                item["cursor"],
                item["kind"],
                item["key"],
                json.dumps(item["data"], ensure_ascii=False),
                item["created_at"],
            ),
        )
        if item["kind"] == "alert":
            data = item["data"]
            conn.execute(
                "INSERT INTO alerts (cursor, kind, name_key, birth_date, doc_number, data) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (cursor) DO NOTHING",
                (
                    item["cursor"],
                    item["key"],
                    name_skeleton(f"{data['family_name']} {data['given_names']}"),
                    data.get("birth_date"),
                    (data.get("document_number") or "").upper() or None,
                    json.dumps(data, ensure_ascii=False),
                ),
            )
        cursor = max(cursor, int(item["cursor"]))
    put(conn, {"reference_cursor": str(cursor)})
    return cursor


def receipt_statuses(conn: Connection, seqs: list[int]) -> dict[int, str]:
    """The state at the central server of each of these seqs: its receipt's status (stored, duplicate,
    quarantined), or `sent` when it went out and no receipt came back yet; seqs never sent are left out."""
    if not seqs:
        return {}
    marks = ",".join("?" * len(seqs))
    found = {
        int(seq): str(status)
        for seq, status in conn.execute(f"SELECT seq, status FROM receipts WHERE seq IN ({marks})", seqs)
    }
    sent = int(get(conn, "sent_seq") or 0)
    return {seq: found.get(seq, "sent") for seq in seqs if seq in found or seq <= sent}


@dataclass(frozen=True)
class Receipt:
    server_id: int
    received_at: str
    status: str
    reason: str | None


def receipt(conn: Connection, seq: int) -> Receipt | None:
    row = conn.execute("SELECT server_id, received_at, status, reason FROM receipts WHERE seq = ?", (seq,)).fetchone()
    return Receipt(int(row[0]), str(row[1]), str(row[2]), row[3]) if row else None


@dataclass(frozen=True)
class Overview:
    enrolled: bool
    backlog: int
    oldest_unsent_age_s: float | None
    last_success: str | None
    last_error: str | None


def overview(conn: Connection) -> Overview:
    b = backlog(conn)
    return Overview(
        get(conn, "credential") is not None,
        b.count,
        b.oldest_age_s(),
        get(conn, "last_success"),
        get(conn, "last_error") or None,
    )


@dataclass(frozen=True)
class Attempt:
    at: str
    outcome: str
    message: str
    sent: int


def attempts(conn: Connection, limit: int = 100) -> list[Attempt]:
    """The latest sync attempts, newest first (plain sentences; never a child's data)."""
    rows = conn.execute("SELECT at, outcome, message, sent FROM sync_log ORDER BY id DESC LIMIT ?", (limit,))
    return [Attempt(str(a), str(o), str(m), int(s)) for a, o, m, s in rows]


@dataclass(frozen=True)
class Enrolment:
    server_url: str
    bcp: str
    fingerprint: str | None  # None: plain HTTP (tests and labs only)
    enrolled_at: str | None


def enrolment(conn: Connection) -> Enrolment | None:
    url = get(conn, "server_url")
    if url is None or get(conn, "credential") is None:
        return None
    return Enrolment(url, get(conn, "bcp") or "", get(conn, "fingerprint") or None, get(conn, "enrolled_at"))
