"""The quarterly indicator report computed from a real station's records (the same code runs at the server),
and its anonymised export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from borderapp import interview as iv
from borderapp import report, services
from borderapp.errors import PermissionDenied
from borderapp.events import format_time
from tests.factories import clean_record
from tests.interviews import FAT_PW, complete_content, referral_now
from tests.stations import PASSWORDS, login


def test_quarter_bounds() -> None:
    assert report.quarter_bounds(2026, 1) == ("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z")
    assert report.quarter_bounds(2026, 4) == ("2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z")
    with pytest.raises(ValueError, match="quarter is 1, 2, 3 or 4"):
        report.quarter_bounds(2026, 5)


def test_the_station_report_counts_crossings_interviews_and_times(station_dir: Path, flagged: str) -> None:
    now = datetime.now(UTC)
    quarter = (now.month - 1) // 3 + 1
    at = format_time(now - timedelta(minutes=30))
    with login(station_dir, "off") as s:
        now_ = {"crossing.crossed_at": at, "travel.planned_return": None}
        services.record_many(s, [clean_record(**now_) for _ in range(12)])
        services.record_many(s, [clean_record(**now_, **{"crossing.direction": "entry"}) for _ in range(3)])
        services.record_crossing(s, clean_record())  # July 2026: another quarter unless it is July now
    with login(station_dir, "fat", FAT_PW) as s:
        interview_id = iv.open_interview(s, flagged)
        iv.record_presence(s, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.record_presence(s, interview_id, "social_worker", "sw", PASSWORDS["sw"])
        iv.sign(s, interview_id, complete_content(), "potential_victim", referral_now(),
                iv.Signature("fat", FAT_PW), iv.Signature("sw", PASSWORDS["sw"]))  # fmt: skip
    with login(station_dir, "off") as s, pytest.raises(PermissionDenied):
        services.station_report(s, now.year, quarter)
    with login(station_dir, "sup") as s:
        result = services.station_report(s, now.year, quarter)
    [kak, total] = result.table()
    assert kak["bcp"] == "KAK" and total["bcp"] == report.ALL
    assert (kak["exits"], kak["entries"]) == (13, 3)  # 12 + the flagged child, 3 entries
    assert kak["unaccompanied"] == 1 and kak["flagged"] == 1 and kak["interviews"] == 1
    assert kak["both_present_pct"] == 100.0
    assert kak["referred_responsible_authority"] == 1 and kak["referred_child_protection_unit"] == 1
    assert 0.1 < kak["hours_to_interview_median"] < 1 and kak["hours_to_referral_avg"] is not None
    anonymised = list(csv.DictReader(io.StringIO(result.csv(anonymised=True))))
    assert anonymised[0]["exits"] == "13" and anonymised[0]["entries"] == "<11" and anonymised[0]["flagged"] == "<11"
    assert anonymised[0]["both_present_pct"] == ""  # one interview only: too few to show a share
    plain = list(csv.DictReader(io.StringIO(result.csv())))
    assert plain[0]["entries"] == "3" and plain[0]["both_present_pct"] == "100.0"
    assert set(plain[0]) == {"year", "quarter", *report.COLUMNS}
