"""The crossings projection: current state of each record, folded from its events in the same transaction.

`apply()` is the fold; `rebuild()` replays the whole log (after a migration, or to check the projection).
Queries return pydantic summaries so no caller sees SQL rows.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from borderapp.events import Event, canonical_json
from borderapp.models import CrossingRecord
from borderapp.store import eventlog
from borderapp.store.db import Connection
from borderapp.text import fold

RECORD_TYPES = ("crossing.recorded", "crossing.corrected")
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


def _summary(row: Any) -> CrossingSummary:
    fields = dict(zip([c.strip() for c in _SUMMARY.split(",")], row, strict=True))
    fields["flags"] = [f for f in fields["flags"].split(",") if f]
    return CrossingSummary.model_validate(fields)


def _values(event: Event) -> dict[str, Any]:
    record = CrossingRecord.model_validate(event.payload["record"])
    child = record.child
    flags = list(event.payload.get("flags", []))
    return {
        "record_id": event.record_id,
        "bcp": record.crossing.bcp,
        "direction": record.crossing.direction,
        "crossed_at": record.crossing.crossed_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "family_name": child.family_name,
        "given_names": child.given_names,
        "name_key": fold(f"{child.family_name} {child.given_names}"),
        "birth_date": child.birth_date.isoformat() if child.birth_date else None,
        "age": record.age,
        "sex": child.sex,
        "nationality": child.nationality,
        "doc_number": (record.document.number or "").upper() or None,
        "accompaniment": record.accompaniment,
        "flags": ",".join(flags),
        "flag_count": len(flags),
        "outcome": record.outcome,
        "record": canonical_json(event.payload["record"]).decode(),
    }


def apply(conn: Connection, event: Event) -> None:
    if event.type == "crossing.recorded":
        v = _values(event)
        v.update(status="active", first_seq=event.seq, last_seq=event.seq, recorded_by=event.actor.user_id)
        cur = conn.execute(
            f"INSERT INTO crossings ({', '.join(v)}) VALUES ({', '.join('?' * len(v))})", list(v.values())
        )
        conn.execute(
            "INSERT INTO crossings_fts (rowid, names) VALUES (?, ?)",
            (cur.lastrowid, f"{v['family_name']} {v['given_names']}"),
        )
    elif event.type == "crossing.corrected":
        v = _values(event)
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


def rebuild(conn: Connection) -> int:
    """Replay every event into empty projection tables (inside the caller's transaction)."""
    conn.execute("DELETE FROM crossings_fts")
    conn.execute("DELETE FROM crossings")
    count = 0
    for event in eventlog.all_events(conn):
        apply(conn, event)
        count += 1
    return count


def get(conn: Connection, record_id: str) -> tuple[CrossingSummary, CrossingRecord] | None:
    row = conn.execute(f"SELECT {_SUMMARY}, record FROM crossings WHERE record_id = ?", (record_id,)).fetchone()
    if row is None:
        return None
    return _summary(row[:-1]), CrossingRecord.model_validate_json(row[-1])


def _like_prefix(text: str) -> str:
    return re.sub(r"([\\%_])", r"\\\1", text) + "%"


def search(conn: Connection, text: str, limit: int = 50) -> list[CrossingSummary]:
    """Document-number prefix, then name prefix (family name first), then FTS over all names."""
    query = text.strip()
    found: dict[str, CrossingSummary] = {}

    def take(sql: str, params: tuple[Any, ...]) -> None:
        for row in conn.execute(sql, params):
            summary = _summary(row)
            found.setdefault(summary.record_id, summary)

    if not query:
        return []
    if any(ch.isdigit() for ch in query):
        take(
            f"SELECT {_SUMMARY} FROM crossings WHERE doc_number LIKE ? ESCAPE '\\' ORDER BY doc_number LIMIT ?",
            (_like_prefix(query.upper().replace(" ", "")), limit),
        )
    key = fold(query)
    if key and len(found) < limit:
        take(
            f"SELECT {_SUMMARY} FROM crossings WHERE name_key LIKE ? ESCAPE '\\' ORDER BY name_key LIMIT ?",
            (_like_prefix(key), limit - len(found)),
        )
    tokens = re.findall(r"\w+", key)
    if tokens and len(found) < limit:
        match = " ".join(f'"{t}"*' for t in tokens)
        take(
            f"SELECT {_SUMMARY} FROM crossings WHERE id IN (SELECT rowid FROM crossings_fts WHERE crossings_fts "
            "MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY id DESC",
            (match, limit),
        )
    return list(found.values())[:limit]


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM crossings").fetchone()[0])
