"""Cross-station patterns (flag 8 of DOMAIN.md and the overdue returns), computed from the central store.

People are known only by keyed hashes (HMAC with the server's own secret): an adult by document number and
issuing state, a child by document number and state or, without a document, by name and birth date. The
server keeps, per crossing, these keys (`people_rows`, at ingest), so a pattern is a query, not a read of every
record; this module makes the keys and finds the patterns in what the query returns.

- The same accompanying adult with different children who are not documented relatives, within N days, at any
  stations.
- A child who left with a planned return date long past, and no entry of that child since (a query alone).
"""

from __future__ import annotations

import functools
import hmac
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from borderapp.models import RELATIVES
from borderapp.text import fold


@dataclass(frozen=True)
class Seen:
    """One crossing as the patterns need it (no names, no document numbers)."""

    record_id: str
    device_id: str
    bcp: str
    direction: str
    crossed_at: str


@dataclass
class Pattern:
    kind: str  # "adult_with_several_children" | "overdue_return"
    key: str  # short keyed hash: the same adult or child across the list, no personal data
    records: list[Seen] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)


@functools.lru_cache(maxsize=8)
def _hmac(secret: bytes) -> hmac.HMAC:
    """HMAC-SHA256 set up once per secret; each key copies it (as fast as hand-fed pads, and standard)."""
    return hmac.new(secret, digestmod="sha256")


def keyed(secret: bytes, *parts: str) -> str:
    """HMAC-SHA256 in hex of the parts as a JSON array: unambiguous, so ("a|b", "c") and ("a", "b|c") differ."""
    mac = _hmac(secret).copy()
    mac.update(json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode())
    return mac.hexdigest()


def adult_key(secret: bytes, adult: dict[str, Any]) -> str | None:
    number = str(adult.get("document_number") or "").strip().upper()
    if not number:
        return None
    return keyed(secret, "adult", str(adult.get("document_state") or "").upper(), number)


def child_key(secret: bytes, record: dict[str, Any]) -> str:
    doc, child = record.get("document") or {}, record["child"]
    number = str(doc.get("number") or "").strip().upper()
    if number:
        return keyed(secret, "child-doc", str(doc.get("issuing_state") or "").upper(), number)
    name = fold(f"{child['family_name']} {child['given_names']}")
    return keyed(secret, "child-name", name, str(child.get("birth_date")))


def people_rows(secret: bytes, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The keyed people of one crossing record: the child (with the planned return), and each adult with a
    document (and whether a documented relative)."""
    travel = record.get("travel") or {}
    rows = [{"role": "child", "person_key": child_key(secret, record), "related": 0,
             "planned_return": travel.get("planned_return")}]  # fmt: skip
    for adult in record.get("adults") or []:
        key = adult_key(secret, adult)
        if key:
            related = int(adult.get("relationship") in RELATIVES)
            rows.append({"role": "adult", "person_key": key, "related": related, "planned_return": None})
    return rows


def crossing_people(
    secret: bytes, record_id: str, direction: str, crossed_at: str, record: dict[str, Any]
) -> list[dict[str, Any]]:
    """`people_rows` as rows of the server's crossing_people table (at ingest, and when filling it in)."""
    crossing = {"record_id": record_id, "direction": direction, "crossed_at": crossed_at}
    return [{**row, **crossing} for row in people_rows(secret, record)]


def _when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def adults_with_several_children(pairs: Iterable[tuple[str, str, Seen]], days: int) -> list[Pattern]:
    """From (adult key, child key, crossing) of adults who are not documented relatives: adults seen with two or
    more different children within `days`."""
    by_adult: dict[str, list[tuple[Seen, str]]] = defaultdict(list)
    for adult, child, seen in pairs:
        by_adult[adult].append((seen, child))
    found = []
    for key, items in by_adult.items():
        items.sort(key=lambda item: item[0].crossed_at)
        window: list[tuple[Seen, str]] = []
        best: list[tuple[Seen, str]] = []
        for item in items:
            window.append(item)
            while _when(item[0].crossed_at) - _when(window[0][0].crossed_at) > timedelta(days=days):
                window.pop(0)
            if len({child for _, child in window}) >= 2 and len(window) > len(best):
                best = list(window)
        if best:
            children = len({child for _, child in best})
            found.append(Pattern("adult_with_several_children", key[:12], [s for s, _ in best], {"children": children}))
    return sorted(found, key=lambda pattern: -pattern.detail["children"])
