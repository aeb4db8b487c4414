"""The crossings projection: current state of each record, folded from its events in the same transaction.

`apply()` is the fold; `rebuild()` replays the whole log (after a migration, or to check the projection).
Queries return pydantic summaries so no caller sees SQL rows.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel

from borderapp.crossing_state import RECORD_TYPES, crossing_columns
from borderapp.events import Event
from borderapp.models import CrossingRecord
from borderapp.store import eventlog, interviews
from borderapp.store.db import Connection
from borderapp.text import fold

_SUMMARY = (
    "record_id, status, bcp, direction, crossed_at, family_name, given_names, birth_date, age, sex, "
    "nationality, doc_number, accompaniment, flags, outcome, last_seq"
)


class CrossingSummary(BaseModel):
    record_id: str
    status: str
    bcp: str
    direction: str
    crossed_at: str
    family_name: str
    given_names: str
    birth_date: str | None
    age: int | None
    sex: str
    nationality: str
    doc_number: str | None
    accompaniment: str
    flags: list[str]
    outcome: str
    last_seq: int
    sync: str = "local"  # local | sent | stored | duplicate | quarantined: the latest event at the central server


def _summary(row: Any) -> CrossingSummary:
    fields = dict(zip([c.strip() for c in _SUMMARY.split(",")], row, strict=True))
    fields["flags"] = [f for f in fields["flags"].split(",") if f]
    return CrossingSummary.model_validate(fields)


def apply(conn: Connection, event: Event) -> None:
    if event.type == "crossing.recorded":
        v = crossing_columns(event)
        v.update(status="active", first_seq=event.seq, last_seq=event.seq, recorded_by=event.actor.user_id)
        cur = conn.execute(
            f"INSERT INTO crossings ({', '.join(v)}) VALUES ({', '.join('?' * len(v))})", list(v.values())
        )
        conn.execute(
            "INSERT INTO crossings_fts (rowid, names) VALUES (?, ?)",
            (cur.lastrowid, f"{v['family_name']} {v['given_names']}"),
        )
    elif event.type == "crossing.corrected":
        v = crossing_columns(event)
        v["last_seq"] = event.seq
        sets = ", ".join(f"{k} = ?" for k in v if k != "record_id")
        conn.execute(
            f"UPDATE crossings SET {sets} WHERE record_id = ?",
            [val for k, val in v.items() if k != "record_id"] + [event.record_id],
        )
        rowid = conn.execute("SELECT id FROM crossings WHERE record_id = ?", (event.record_id,)).fetchone()[0]
        conn.execute("DELETE FROM crossings_fts WHERE rowid = ?", (rowid,))
        conn.execute(
            "INSERT INTO crossings_fts (rowid, names) VALUES (?, ?)", (rowid, f"{v['family_name']} {v['given_names']}")
        )
    elif event.type == "crossing.voided":
        conn.execute(
            "UPDATE crossings SET status = 'voided', last_seq = ? WHERE record_id = ?", (event.seq, event.record_id)
        )
    elif event.type.startswith("interview."):
        interviews.apply(conn, event)


def rebuild(conn: Connection) -> int:
    """Replay every event into empty projection tables (inside the caller's transaction)."""
    conn.execute("DELETE FROM crossings_fts")
    conn.execute("DELETE FROM crossings")
    conn.execute("DELETE FROM interviews")
    count = 0
    for event in eventlog.all_events(conn):
        apply(conn, event)
        count += 1
    return count


def get(conn: Connection, record_id: str) -> tuple[CrossingSummary, CrossingRecord] | None:
    row = conn.execute(f"SELECT {_SUMMARY} FROM crossings WHERE record_id = ?", (record_id,)).fetchone()
    if row is None:
        return None
    (payload,) = conn.execute(
        "SELECT payload FROM events WHERE record_id = ? AND type IN (?, ?) ORDER BY seq DESC LIMIT 1",
        (record_id, *RECORD_TYPES),
    ).fetchone()
    return _summary(row), CrossingRecord.model_validate(json.loads(payload)["record"])


def _like_prefix(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text) + "%"


def search_document(conn: Connection, text: str, limit: int = 50) -> list[CrossingSummary]:
    """Document numbers starting with `text` (spaces and case ignored), in document-number order."""
    prefix = _like_prefix(text.upper().replace(" ", ""))
    sql = f"SELECT {_SUMMARY} FROM crossings WHERE doc_number LIKE ? ESCAPE '\\' ORDER BY doc_number LIMIT ?"
    return [_summary(r) for r in conn.execute(sql, (prefix, limit))]


def search_name_prefix(conn: Connection, text: str, limit: int = 50) -> list[CrossingSummary]:
    """Family name (then given names) starting with `text`, diacritics and case ignored, in name order."""
    key = fold(text)
    if not key:
        return []
    sql = f"SELECT {_SUMMARY} FROM crossings WHERE name_key LIKE ? ESCAPE '\\' ORDER BY name_key LIMIT ?"
    return [_summary(r) for r in conn.execute(sql, (_like_prefix(key), limit))]


def search_names(conn: Connection, text: str, limit: int = 50) -> list[CrossingSummary]:
    """Every word of `text` starts some name (family or given), diacritics ignored; newest first."""
    tokens = re.findall(r"\w+", fold(text))
    if not tokens:
        return []
    match = " ".join(f'"{t}"*' for t in tokens)
    sql = (
        f"SELECT {_SUMMARY} FROM crossings WHERE id IN (SELECT rowid FROM crossings_fts WHERE crossings_fts "
        "MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY id DESC"
    )
    return [_summary(r) for r in conn.execute(sql, (match, limit))]


def search(conn: Connection, text: str, limit: int = 50) -> list[CrossingSummary]:
    """What the search box does: document-number prefix (when the text has a digit), name prefix, then
    any name part, without duplicates, at most `limit`."""
    query = text.strip()
    found: dict[str, CrossingSummary] = {}
    steps = [search_document] if any(ch.isdigit() for ch in query) else []
    steps += [search_name_prefix, search_names]
    for step in steps:
        if not query or len(found) >= limit:
            break
        for summary in step(conn, query, limit - len(found)):
            found.setdefault(summary.record_id, summary)
    return list(found.values())[:limit]


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM crossings").fetchone()[0])


Filter = Literal["all", "today", "flagged", "awaiting_interview", "not_synced"]
Cursor = tuple[str, int]  # (crossed_at, id) of the last row of the previous page


def page(
    conn: Connection,
    *,
    after: Cursor | None = None,
    limit: int = 200,
    only: Filter = "all",
    today: str | None = None,
    acked_seq: int = 0,
    backlog: int | None = None,
    since: str = "",
) -> tuple[list[CrossingSummary], Cursor | None]:
    """Newest first, `limit` rows after `after` (keyset paging: as fast on page 5,000 as on page 1).
    Returns the rows and the cursor of the next page (None at the end).

    `awaiting_interview` is the interview queue's rule (crossings since `since`, flagged or sent to second line,
    with no interview yet); `not_synced` reads the last_seq index when the backlog (events not acknowledged) is
    small, and walks the time index when it is large and the rows it wants are everywhere."""
    where, params = [], []
    source = "crossings"
    if after is not None:
        where.append("(crossed_at < ? OR (crossed_at = ? AND id < ?))")
        params += [after[0], after[0], after[1]]
    if only == "today":
        where.append("crossed_at >= ?")
        params.append(today or "")
    elif only == "flagged":
        where.append("flag_count > 0")
    elif only == "awaiting_interview":
        where.append(
            "crossed_at >= ? AND status = 'active' AND (outcome IN ('interview', 'second_line') OR flag_count > 0) "
            "AND NOT EXISTS (SELECT 1 FROM interviews i WHERE i.crossing_id = crossings.record_id)"
        )
        params.append(since)
    elif only == "not_synced":
        where.append("last_seq > ?")
        params.append(acked_seq)
        if backlog is not None and backlog <= 20_000:
            source = "crossings INDEXED BY crossings_last_seq"
    sql = (
        f"SELECT {_SUMMARY}, id FROM {source} {'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY crossed_at DESC, id DESC LIMIT ?"
    )
    rows = conn.execute(sql, (*params, limit)).fetchall()
    summaries = [_summary(r[:-1]) for r in rows]
    cursor = (rows[-1][4], int(rows[-1][-1])) if len(rows) == limit else None
    return summaries, cursor


# For other projections' queries that show crossings (the interview queue).
SUMMARY_COLUMNS = _SUMMARY
summary_of = _summary
