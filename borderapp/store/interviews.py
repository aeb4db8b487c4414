"""The interviews projection: one row per initial interview, folded from `interview.*` events, with the times
the indicators need (crossing -> opened -> both present -> signed -> referred). The content (checklist
answers, the child's views) stays in the events and is read through `borderapp.interview` only by those
allowed to see it."""

from __future__ import annotations

import json
from typing import Any

from borderapp.events import Event
from borderapp.store.db import Connection

TYPES = ("interview.opened", "interview.attended", "interview.called", "interview.saved", "interview.signed",
         "interview.corrected")  # fmt: skip


def apply(conn: Connection, event: Event) -> None:
    p, iid = event.payload, event.record_id
    if event.type == "interview.opened":
        crossed = conn.execute("SELECT crossed_at FROM crossings WHERE record_id = ?", (p["crossing_id"],)).fetchone()
        conn.execute(
            "INSERT INTO interviews (interview_id, crossing_id, status, checklist, crossing_at, opened_at, last_seq)"
            " VALUES (?, ?, 'open', ?, ?, ?, ?)",
            (iid, p["crossing_id"], p["checklist"], crossed[0] if crossed else "", event.occurred_at, event.seq),
        )
        return
    if event.type == "interview.attended":
        column = "officer" if p["role"] == "female_at_officer" else "social_worker"
        conn.execute(
            f"UPDATE interviews SET {column}_id = ?, {column}_arrived_at = ?, last_seq = ? WHERE interview_id = ?",
            (p["user_id"], p["arrived_at"], event.seq, iid),
        )
        conn.execute(
            "UPDATE interviews SET both_present_at = max(officer_arrived_at, social_worker_arrived_at) "
            "WHERE interview_id = ? AND officer_arrived_at IS NOT NULL AND social_worker_arrived_at IS NOT NULL",
            (iid,),
        )
        return
    if event.type == "interview.signed":
        referral = p.get("referral") or {}
        conn.execute(
            "UPDATE interviews SET status = 'signed', signed_at = ?, decision = ?, referral = ?, referred_at = ?, "
            "last_seq = ? WHERE interview_id = ?",
            (
                event.occurred_at,
                p["decision"],
                json.dumps(referral.get("to") or []),
                referral.get("at"),
                event.seq,
                iid,
            ),
        )
        return
    if event.type == "interview.corrected" and "decision" in p:
        referral = p.get("referral") or {}
        conn.execute(
            "UPDATE interviews SET decision = ?, referral = ?, referred_at = ?, last_seq = ? WHERE interview_id = ?",
            (p["decision"], json.dumps(referral.get("to") or []), referral.get("at"), event.seq, iid),
        )
        return
    conn.execute("UPDATE interviews SET last_seq = ? WHERE interview_id = ?", (event.seq, iid))


def row(conn: Connection, interview_id: str) -> dict[str, Any] | None:
    cursor = conn.execute("SELECT * FROM interviews WHERE interview_id = ?", (interview_id,))
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def for_crossing(conn: Connection, crossing_id: str) -> dict[str, Any] | None:
    cursor = conn.execute("SELECT * FROM interviews WHERE crossing_id = ? ORDER BY id DESC LIMIT 1", (crossing_id,))
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))
