"""The fold from crossing events to the current state of a record, free of any storage.

The station's projection (SQLCipher) and the central server's (SQLAlchemy) both call it, so a record looks
the same everywhere.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from borderapp.events import Event
from borderapp.models import age_at_crossing
from borderapp.text import fold

RECORD_TYPES = ("crossing.recorded", "crossing.corrected")
CROSSING_TYPES = (*RECORD_TYPES, "crossing.voided")


def crossing_columns(event: Event) -> dict[str, Any]:
    """Projection columns straight from the payload dict: the event was validated when it was made, and
    skipping a second pydantic pass keeps imports and replays fast."""
    record = event.payload["record"]
    crossing, child, doc = record["crossing"], record["child"], record.get("document", {})
    crossed = datetime.fromisoformat(crossing["crossed_at"]).astimezone(UTC)
    birth = date.fromisoformat(child["birth_date"]) if child.get("birth_date") else None
    flags = list(event.payload.get("flags", []))
    return {
        "record_id": event.record_id,
        "bcp": crossing["bcp"],
        "direction": crossing["direction"],
        "crossed_at": crossed.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "family_name": child["family_name"],
        "given_names": child["given_names"],
        "name_key": fold(f"{child['family_name']} {child['given_names']}"),
        "birth_date": child.get("birth_date"),
        "age": age_at_crossing(birth, child.get("presumed_minor", False), child.get("estimated_age"), crossed.date()),
        "sex": child["sex"],
        "nationality": child["nationality"],
        "doc_number": (doc.get("number") or "").upper() or None,
        "accompaniment": record["accompaniment"],
        "flags": ",".join(flags),
        "flag_count": len(flags),
        "outcome": record.get("outcome", "cleared"),
    }
