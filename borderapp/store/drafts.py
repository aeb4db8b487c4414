"""Unfinished forms (one per user) and station settings, in the encrypted store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from borderapp.events import utc_now
from borderapp.store.db import Connection


@dataclass(frozen=True)
class Draft:
    kind: str  # "crossing" for now; the interview form comes next
    saved_at: str
    data: dict[str, Any]


def save(conn: Connection, user_id: str, kind: str, data: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO drafts (user_id, kind, saved_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE "
        "SET kind = excluded.kind, saved_at = excluded.saved_at, data = excluded.data",
        (user_id, kind, utc_now(), json.dumps(data, ensure_ascii=False, sort_keys=True)),
    )


def load(conn: Connection, user_id: str) -> Draft | None:
    row = conn.execute("SELECT kind, saved_at, data FROM drafts WHERE user_id = ?", (user_id,)).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[2])
    except ValueError:
        return None  # never written by this code; the next save replaces it
    return Draft(str(row[0]), str(row[1]), data if isinstance(data, dict) else {})


def discard(conn: Connection, user_id: str) -> None:
    conn.execute("DELETE FROM drafts WHERE user_id = ?", (user_id,))


def get_setting(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def put_settings(conn: Connection, values: dict[str, str]) -> None:
    conn.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        list(values.items()),
    )
