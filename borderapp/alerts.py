"""Offline matching of a crossing against the alert lists pulled from the central server (flag 13).

A hit asks the officer for a second-line check; it proves nothing. Names are compared by how they sound
(`text.name_skeleton`: diacritics and common transliterations ignored), with the birth date when both sides
have one; a document number matches on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from borderapp import reference
from borderapp.models import CrossingRecord
from borderapp.rules import Flag
from borderapp.store.db import Connection
from borderapp.text import name_skeleton


@dataclass(frozen=True)
class AlertHit:
    cursor: int
    kind: str  # missing_child | wanted_person
    matched: tuple[str, ...]  # "name", "birth_date", "document_number"


def match(conn: Connection, record: CrossingRecord) -> list[AlertHit]:
    child, doc = record.child, (record.document.number or "").upper()
    key = name_skeleton(f"{child.family_name} {child.given_names}")
    rows = conn.execute(
        "SELECT cursor, kind, name_key, birth_date, doc_number FROM alerts WHERE name_key = ? "
        "OR (doc_number IS NOT NULL AND doc_number = ?) ORDER BY cursor",
        (key, doc or None),
    )
    hits = []
    for cursor, kind, name_key, birth, number in rows:
        matched: list[str] = []
        if number and doc and number == doc:
            matched.append("document_number")
        if name_key == key:
            births_differ = birth and child.birth_date and birth != child.birth_date.isoformat()
            if not births_differ:
                matched.append("name")
                if birth and child.birth_date:
                    matched.append("birth_date")
        if matched:
            hits.append(AlertHit(int(cursor), str(kind), tuple(matched)))
    return hits


def alert_flag(hits: list[AlertHit], language: str = "en") -> Flag | None:
    if not hits:
        return None
    texts = reference.flag_texts(language)
    words = texts["words"]
    parts = [
        words["alert_hit"].format(
            kind=words[f"alert_{h.kind}"], matched=", ".join(words[f"matched_{m}"] for m in h.matched)
        )
        for h in hits
    ]
    text = texts["flags"]["F13"]
    return Flag("F13", "high", text["title"], text["explanation"].format(hits="; ".join(parts)))


def hits_json(hits: list[AlertHit]) -> list[dict[str, object]]:
    return [json.loads(json.dumps({"cursor": h.cursor, "kind": h.kind, "matched": list(h.matched)})) for h in hits]
