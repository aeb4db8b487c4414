"""The interviews projection on the station: `borderapp.interview_state.fold` applied to each interview event
(the server uses the same fold). The content stays in the events; see `borderapp.interview`."""

from __future__ import annotations

from typing import Any

from borderapp.events import Event
from borderapp.interview_state import COLUMNS, fold
from borderapp.store.db import Connection

_SELECT = f"SELECT {', '.join(COLUMNS)} FROM interviews"


def _row(found: Any) -> dict[str, Any] | None:
    return None if found is None else dict(zip(COLUMNS, found, strict=True))


def apply(conn: Connection, event: Event) -> None:
    if event.type == "interview.opened":
        crossed = conn.execute(
            "SELECT crossed_at FROM crossings WHERE record_id = ?", (event.payload.get("crossing_id"),)
        ).fetchone()
        row = fold(None, event, crossed[0] if crossed else "")
        conn.execute(f"INSERT INTO interviews ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                     [row[c] for c in COLUMNS])  # fmt: skip
        return
    row = fold(get(conn, event.record_id), event)
    sets = ", ".join(f"{c} = ?" for c in COLUMNS if c != "interview_id")
    conn.execute(
        f"UPDATE interviews SET {sets} WHERE interview_id = ?",
        [row[c] for c in COLUMNS if c != "interview_id"] + [event.record_id],
    )


def get(conn: Connection, interview_id: str) -> dict[str, Any] | None:
    return _row(conn.execute(f"{_SELECT} WHERE interview_id = ?", (interview_id,)).fetchone())


def for_crossing(conn: Connection, crossing_id: str) -> dict[str, Any] | None:
    return _row(conn.execute(f"{_SELECT} WHERE crossing_id = ? ORDER BY id DESC LIMIT 1", (crossing_id,)).fetchone())


def open_ones(conn: Connection) -> list[dict[str, Any]]:
    return [r for r in (_row(f) for f in conn.execute(f"{_SELECT} WHERE status = 'open' ORDER BY opened_at")) if r]
