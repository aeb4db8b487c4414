"""The booth form as data: typed values -> record or problems per field; the MRZ as a reader types it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from borderapp import entry, rules, services
from borderapp.demo import mrz_td3
from tests.stations import login

TZ = timezone(timedelta(hours=2))
NOW = datetime(2026, 7, 1, 10, 30, tzinfo=TZ)
CHILD_MRZ = "\n".join(mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", date(2016, 3, 4), "F", date(2030, 1, 1)))
FATHER_MRZ = "\n".join(mrz_td3("Hoxha", "Arben", "BA7654321", "ALB", date(1985, 5, 6), "M", date(2031, 1, 1)))


def filled(**changes: object) -> dict[str, object]:
    values = entry.blank("exit", "land")
    values.update(entry.read_mrz(CHILD_MRZ, reference=NOW.date()).values)
    values["mrz"] = CHILD_MRZ
    adult = entry.blank_adult() | entry.read_mrz(FATHER_MRZ, reference=NOW.date(), for_adult=True).values
    adult["relationship"] = "father"
    values.update(
        accompaniment="one_parent",
        adults=[adult],
        consent="other_parent_notarised",
        purpose="tourism",
        destination="GRC",
        host="Hotel Aktí",
        planned_return="15.07.2026",
    )
    values.update(changes)
    return values


def test_a_scanned_passport_fills_the_child_and_document_fields_with_every_check() -> None:
    reading = entry.read_mrz(CHILD_MRZ.lower().replace("\n", "\r\n") + "\n", reference=NOW.date())
    assert reading.complete and reading.error is None and reading.all_pass
    assert reading.values == {
        "family_name": "Hoxha",
        "given_names": "Ana",
        "birth_date": "04.03.2016",
        "sex": "F",
        "nationality": "ALB",
        "document_type": "passport",
        "issuing_state": "ALB",
        "document_number": "BA1234567",
        "expiry": "01.01.2030",
    }
    assert set(reading.checks) == {"document_number", "birth_date", "expiry_date", "personal_number", "composite"}


def test_a_scan_still_arriving_is_not_an_error_but_a_finished_bad_one_is() -> None:
    first_line = CHILD_MRZ.splitlines()[0]
    assert entry.read_mrz(first_line + "\n", reference=NOW.date()) == entry.MrzReading()
    assert entry.read_mrz(first_line, reference=NOW.date(), final=True).error is not None
    bad = entry.read_mrz(CHILD_MRZ.replace("BA1234567", "BA1234568", 1), reference=NOW.date())
    assert bad.complete and not bad.all_pass and bad.checks["document_number"] is False
    wrong_char = entry.read_mrz("P<ALBHOXHA§", reference=NOW.date())
    assert wrong_char.error is not None and "position 11" in wrong_char.error


def test_a_filled_form_builds_the_record_with_its_mrz_and_times() -> None:
    built = entry.build(filled(crossed_at="09:15"), bcp="KAK", now=NOW)
    assert built.problems == {}
    record = built.record
    assert record is not None
    assert record.child.birth_date == date(2016, 3, 4) and record.child.sex == "F"
    assert record.document.mrz_lines == CHILD_MRZ.splitlines() and all(record.document.mrz_checks.values())
    assert record.crossing.crossed_at == datetime(2026, 7, 1, 7, 15, tzinfo=UTC)
    assert record.adults[0].birth_date == date(1985, 5, 6) and record.travel.planned_return == date(2026, 7, 15)
    assert [f.code for f in rules.evaluate(record)] == []


def test_every_problem_comes_back_at_once_next_to_its_field() -> None:
    values = filled(
        birth_date="31.02.2016",
        estimated_age="ten",
        crossed_at="25:00",
        planned_return="2026-06-01",
        sex="",
        accompaniment="alone",
    )
    values["adults"][0]["other_children"] = "two"  # type: ignore[index]
    built = entry.build(values, bcp="KAK", now=NOW)
    assert built.record is None
    assert "not a date in the calendar" in built.problems["birth_date"]
    assert "not an age" in built.problems["estimated_age"]
    assert "HH:MM" in built.problems["crossed_at"]
    assert built.problems["adults.0.other_children"].startswith("type how many")
    assert built.problems["sex"] == "choose the sex as in the document (F, M or X)"
    built = entry.build(filled(planned_return="2026-06-01", accompaniment="alone"), bcp="KAK", now=NOW)
    assert "before the crossing" in built.problems["planned_return"]
    assert "travelling alone" in built.problems["adults"]


def test_an_empty_form_says_what_is_needed_and_a_future_time_is_refused() -> None:
    built = entry.build(entry.blank(), bcp="KAK", now=NOW)
    assert {"family_name", "given_names", "sex", "nationality", "accompaniment", "birth_date"} <= set(built.problems)
    assert entry.is_blank(entry.blank("entry", "air"), "entry", "air")
    assert not entry.is_blank(filled())
    built = entry.build(filled(crossed_at="11:00"), bcp="KAK", now=NOW)
    assert "in the future" in built.problems["crossed_at"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2016-03-04", date(2016, 3, 4)),
        ("4.3.2016", date(2016, 3, 4)),
        ("04/03/2016", date(2016, 3, 4)),
        ("04032016", date(2016, 3, 4)),
    ],
)
def test_dates_as_typed_at_a_booth(typed: str, expected: date) -> None:
    assert entry.parse_date(typed) == expected


def test_an_unreadable_mrz_on_save_is_named_not_dropped() -> None:
    built = entry.build(filled(mrz=CHILD_MRZ[:50]), bcp="KAK", now=NOW)
    assert built.record is None and "MRZ" in built.problems["mrz"]


def test_drafts_are_per_user_and_the_lane_is_remembered(station_dir: Path) -> None:
    with login(station_dir, "off") as s:
        assert services.entry_defaults(s) == ("exit", "land")
        services.save_draft(s, "crossing", filled())
        record = entry.build(filled(direction="entry", transport="sea"), bcp="KAK", now=NOW).record
        assert record is not None
        services.record_crossing(s, record)
        assert services.entry_defaults(s) == ("entry", "sea")
    with login(station_dir, "sup") as s:
        assert services.load_draft(s) is None
    with login(station_dir, "off") as s:
        draft = services.load_draft(s)
        assert draft is not None and draft.kind == "crossing" and draft.data == filled()
        services.discard_draft(s)
        assert services.load_draft(s) is None


def test_settings_are_the_supervisors_and_checked(station_dir: Path) -> None:
    from borderapp.errors import InvalidInput, PermissionDenied

    with login(station_dir, "off") as s:
        assert services.settings(s).idle_lock_minutes == 5
        with pytest.raises(PermissionDenied, match="may not change the station settings"):
            services.update_settings(s, idle_lock_minutes=10)
    with login(station_dir, "sup") as s:
        with pytest.raises(InvalidInput, match="between 1 and 60 minutes"):
            services.update_settings(s, idle_lock_minutes=0)
        services.update_settings(s, idle_lock_minutes=12)
    with login(station_dir, "off") as s:
        assert services.settings(s).idle_lock_minutes == 12


def test_a_record_round_trips_through_the_form_and_a_correction_keeps_what_the_form_does_not_show() -> None:
    from tests.factories import clean_record

    original = clean_record(**{"observations.checks_run": ["SIS"], "crossing.crossed_at": "2026-07-01T08:30:27+02:00"})
    values = entry.values_from(original, NOW.tzinfo)
    rebuilt = entry.build(values, bcp=original.crossing.bcp, now=NOW)
    assert rebuilt.problems == {} and rebuilt.record is not None
    same = entry.merged(original, rebuilt.record)
    assert same == original  # nothing changed: the correction service would say so
    values["given_names"] = "Anna"
    values["adults"][1]["evidence"] = "family certificate"
    edited = entry.build(values, bcp=original.crossing.bcp, now=NOW).record
    assert edited is not None
    corrected = entry.merged(original, edited)
    assert corrected.child.given_names == "Anna" and corrected.adults[1].relationship_evidence == "family certificate"
    assert corrected.parents == original.parents and corrected.observations.checks_run == ["SIS"]
    assert corrected.crossing.crossed_at == original.crossing.crossed_at


def test_a_correction_of_a_record_whose_checks_were_not_stored_does_not_invent_changes() -> None:
    from tests.factories import clean_record

    original = clean_record(**{"document.mrz_lines": CHILD_MRZ.splitlines()})
    assert original.document.mrz_checks == {}
    edited = entry.build(entry.values_from(original, NOW.tzinfo), bcp="KAK", now=NOW).record
    assert edited is not None and edited.document.mrz_checks  # the form reads the checks again
    assert entry.merged(original, edited) == original
