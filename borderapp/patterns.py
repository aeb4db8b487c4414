"""Cross-station patterns (flag 8 of DOMAIN.md and the overdue returns), computed from the central store's
crossing records. Pure: the server gives it the records, it gives back what stands out.

- The same accompanying adult with different children who are not documented relatives, within N days, at any
  stations: the adult is known only by a keyed hash of document number and issuing state (so the list can be
  shown and kept without the document numbers).
- A child who left with a planned return date long past, and no entry of that child since.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from borderapp.models import RELATIVES
from borderapp.text import fold


@dataclass(frozen=True)
class Seen:
    """One crossing as the patterns need it."""

    record_id: str
    device_id: str
    bcp: str
    direction: str
    crossed_at: str
    record: dict[str, Any]  # the record part of the latest payload


@dataclass
class Pattern:
    kind: str  # "adult_with_several_children" | "overdue_return"
    key: str  # short keyed hash: the same adult or child across the list, no personal data
    records: list[Seen] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)


def _keyed(secret: bytes, *parts: str) -> str:
    return hmac.new(secret, "|".join(parts).encode(), hashlib.sha256).hexdigest()


def adult_key(secret: bytes, adult: dict[str, Any]) -> str | None:
    number = str(adult.get("document_number") or "").strip().upper()
    if not number:
        return None
    return _keyed(secret, "adult", str(adult.get("document_state") or "").upper(), number)


def child_key(secret: bytes, record: dict[str, Any]) -> str:
    doc, child = record.get("document") or {}, record["child"]
    number = str(doc.get("number") or "").strip().upper()
    if number:
        return _keyed(secret, "child-doc", str(doc.get("issuing_state") or "").upper(), number)
    return _keyed(
        secret, "child-name", fold(f"{child['family_name']} {child['given_names']}"), str(child.get("birth_date"))
    )


def _when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def adults_with_several_children(secret: bytes, seen: Iterable[Seen], days: int) -> list[Pattern]:
    """Adults seen with two or more different children who are not documented relatives within `days`."""
    by_adult: dict[str, list[tuple[Seen, str]]] = defaultdict(list)
    for s in seen:
        for adult in s.record.get("adults") or []:
            if adult.get("relationship") in RELATIVES:
                continue
            key = adult_key(secret, adult)
            if key:
                by_adult[key].append((s, child_key(secret, s.record)))
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


def overdue_returns(secret: bytes, seen: Iterable[Seen], today: date, grace_days: int) -> list[Pattern]:
    """Children who left with a planned return more than `grace_days` ago and have not entered since."""
    exits: dict[str, Seen] = {}
    entries: dict[str, list[str]] = defaultdict(list)
    for s in seen:
        key = child_key(secret, s.record)
        if s.direction == "exit":
            back = str((s.record.get("travel") or {}).get("planned_return") or "")
            late = bool(back) and date.fromisoformat(back) < today - timedelta(days=grace_days)
            if late and (key not in exits or exits[key].crossed_at < s.crossed_at):
                exits[key] = s
        else:
            entries[key].append(s.crossed_at)
    found = []
    for key, left in exits.items():
        if any(at > left.crossed_at for at in entries.get(key, [])):
            continue
        back = left.record["travel"]["planned_return"]
        overdue = (today - date.fromisoformat(back)).days
        found.append(Pattern("overdue_return", key[:12], [left], {"planned_return": back, "days_overdue": overdue}))
    return sorted(found, key=lambda pattern: -pattern.detail["days_overdue"])
