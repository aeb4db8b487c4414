"""Sample records for tests: `clean_record()` raises no flag; tests change one thing at a time."""

from __future__ import annotations

import copy
from typing import Any

from borderapp.models import CrossingRecord

CLEAN: dict[str, Any] = {
    "crossing": {
        "bcp": "KAK",
        "direction": "exit",
        "crossed_at": "2026-07-01T08:30:00+02:00",
        "transport": "land",
        "vehicle": "AA123BB",
    },
    "child": {
        "family_name": "Hoxha",
        "given_names": "Ana",
        "birth_date": "2016-03-04",
        "sex": "F",
        "nationality": "ALB",
    },
    "document": {"type": "passport", "issuing_state": "ALB", "number": "BA1234567", "expiry": "2030-01-01"},
    "accompaniment": "both_parents",
    "adults": [
        {
            "family_name": "Hoxha",
            "given_names": "Arben",
            "relationship": "father",
            "document_number": "BA7654321",
            "document_state": "ALB",
            "nationality": "ALB",
        },
        {
            "family_name": "Hoxha",
            "given_names": "Elira",
            "relationship": "mother",
            "document_number": "BA7654322",
            "document_state": "ALB",
            "nationality": "ALB",
        },
    ],
    "parents": [
        {"role": "father", "family_name": "Hoxha", "given_names": "Arben", "present": True, "custody": "joint"},
        {"role": "mother", "family_name": "Hoxha", "given_names": "Elira", "present": True, "custody": "joint"},
    ],
    "travel": {
        "purpose": "tourism",
        "destination_country": "GRC",
        "host_name": "Hotel Aktí",
        "host_address": "Leoforos 1, Ioannina",
        "planned_return": "2026-07-15",
        "return_ticket": True,
        "paid_by": "parents",
    },
}


def clean_data(**changes: Any) -> dict[str, Any]:
    """The clean record as data, with dotted-path changes: clean_data(**{"child.sex": "M"})."""
    data = copy.deepcopy(CLEAN)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return data


def clean_record(**changes: Any) -> CrossingRecord:
    return CrossingRecord.model_validate(clean_data(**changes))
