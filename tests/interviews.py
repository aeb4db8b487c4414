"""A station ready for an interview: a female anti-trafficking officer, and a child of 10 crossing alone just
now (flag F01); a complete checklist and a referral that satisfy the referral rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from borderapp import interview as iv
from borderapp import reference, services
from borderapp.events import format_time
from tests.factories import clean_record
from tests.stations import login

FAT_PW = "female-officer-pw"
TEMP_PW = "temporary-sw-pw"


@pytest.fixture
def flagged(station_dir: Path) -> str:
    """A station with a female anti-trafficking officer, and a child of 10 crossing alone (flag F01)."""
    with login(station_dir, "sup") as s:
        services.add_user(s, username="fat", full_name="Mira Oficere", role="officer", badge="AT-3",
                          female_at_officer=True, password=FAT_PW, repeat=FAT_PW)  # fmt: skip
    just_now = format_time(datetime.now(UTC) - timedelta(minutes=10))
    record = clean_record(
        **{"accompaniment": "alone", "adults": [], "parents": [], "crossing.crossed_at": just_now,
           "travel.planned_return": None}
    )  # fmt: skip
    with login(station_dir, "off") as s:
        return services.record_crossing(s, record).record_id


def complete_content() -> iv.Content:
    items = {}
    for item in reference.checklists()[iv.CHECKLIST]["items"]:
        items[item["key"]] = iv.ItemAnswer(answer="yes", note="done")
    items["interpreter"] = iv.ItemAnswer(answer="na", reason="the child speaks Albanian")
    return iv.Content(items=items, child_views="wants to go home", language="sq", guardian="requested")


def referral_now() -> iv.Referral:
    return iv.Referral(to=["responsible_authority", "child_protection_unit"], at=format_time(datetime.now(UTC)))
