"""The fold from interview events to an interview's projection row, free of any storage.

The station's projection (SQLCipher) and the central server's (SQLAlchemy) both call it, so an interview's
status and its times (crossing -> opened -> both present -> signed -> referred) are the same everywhere.
The content (checklist answers, the child's views) is not in the row: it stays in the events.
"""

from __future__ import annotations

import json
from typing import Any

from borderapp.events import Event

INTERVIEW_TYPES = (
    "interview.opened",  # a flagged or second-line crossing taken to an initial interview
    "interview.attended",  # the female anti-trafficking officer or the social worker confirmed presence
    "interview.called",  # the stand-by person was called (time, reason)
    "interview.saved",  # the content so far (the form is kept as events: a restart loses nothing)
    "interview.signed",  # both signed: content, decision and referral, one dual-signature event
    "interview.corrected",  # after signing: a new version with a reason
)
COLUMNS = (
    "interview_id",
    "crossing_id",
    "status",
    "checklist",
    "crossing_at",
    "opened_at",
    "officer_id",
    "officer_arrived_at",
    "social_worker_id",
    "social_worker_arrived_at",
    "both_present_at",
    "signed_at",
    "decision",
    "referral",
    "referred_at",
    "last_seq",
)


def fold(state: dict[str, Any] | None, event: Event, crossing_at: str = "") -> dict[str, Any]:
    """The row after `event` (`state` is the row before it, None for `interview.opened`)."""
    p = event.payload
    if event.type == "interview.opened" or state is None:
        row: dict[str, Any] = dict.fromkeys(COLUMNS)
        row.update(
            interview_id=event.record_id,
            crossing_id=p.get("crossing_id", ""),
            status="open",
            checklist=p.get("checklist", ""),
            crossing_at=crossing_at,
            opened_at=event.occurred_at,
        )
    else:
        row = dict(state)
    if event.type == "interview.attended":
        who = "officer" if p["role"] == "female_at_officer" else "social_worker"
        row[f"{who}_id"], row[f"{who}_arrived_at"] = p["user_id"], p["arrived_at"]
        if row["officer_arrived_at"] and row["social_worker_arrived_at"]:
            row["both_present_at"] = max(row["officer_arrived_at"], row["social_worker_arrived_at"])
    elif event.type in ("interview.signed", "interview.corrected"):
        if event.type == "interview.signed":
            row["status"], row["signed_at"] = "signed", event.occurred_at
        referral = p.get("referral") or {}
        row["decision"] = p.get("decision", row["decision"])
        row["referral"] = json.dumps(sorted(referral.get("to") or []))
        row["referred_at"] = referral.get("at")
    row["last_seq"] = event.seq
    return row
