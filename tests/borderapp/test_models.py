from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from borderapp.models import CrossingRecord, age_on, describe
from tests.factories import clean_data, clean_record


def problems(**changes: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        CrossingRecord.model_validate(clean_data(**changes))
    return describe(info.value)


def test_clean_record_is_valid_and_normalised_to_utc() -> None:
    r = clean_record()
    assert r.crossing.crossed_at == datetime(2026, 7, 1, 6, 30, tzinfo=UTC)
    assert r.age == 10


def test_age_counts_completed_years() -> None:
    from datetime import date

    assert age_on(date(2008, 7, 2), date(2026, 7, 1)) == 17
    assert age_on(date(2008, 7, 1), date(2026, 7, 1)) == 18


def test_birth_date_in_the_future_names_field_and_fix() -> None:
    assert problems(**{"child.birth_date": "2027-01-01"}) == [
        ("child.birth_date", "the date of birth 2027-01-01 is after the crossing date 2026-07-01; check the document")
    ]


def test_adult_is_refused_unless_presumed_minor() -> None:
    [(path, text)] = problems(**{"child.birth_date": "2008-06-30"})
    assert path == "child.birth_date"
    assert "was 18 on 2026-07-01, so not a child" in text and "presumed minor" in text
    r = clean_record(**{"child.birth_date": "2008-06-30", "child.presumed_minor": True, "child.estimated_age": 16})
    assert r.age == 16


def test_presumed_minor_needs_an_estimated_age_under_18() -> None:
    assert problems(**{"child.presumed_minor": True})[0][0] == "child.estimated_age"
    [(path, text)] = problems(**{"child.presumed_minor": True, "child.estimated_age": 19})
    assert (path, "not that of a child" in text) == ("child.estimated_age", True)


def test_no_birth_date_and_no_estimate() -> None:
    assert problems(**{"child.birth_date": None}) == [
        ("child.birth_date", "give the date of birth, or mark 'presumed minor' and give an estimated age")
    ]


def test_expiry_before_birth() -> None:
    [(path, text)] = problems(**{"document.expiry": "2015-01-01"})
    assert path == "document.expiry" and "before the date of birth 2016-03-04" in text


def test_unknown_bcp_code() -> None:
    [(path, text)] = problems(**{"crossing.bcp": "XXX"})
    assert path == "crossing.bcp" and "unknown border crossing point 'XXX'" in text and "resources/bcps.json" in text


def test_naive_crossing_time_asks_for_a_time_zone() -> None:
    [(path, text)] = problems(**{"crossing.crossed_at": "2026-07-01T08:30:00"})
    assert path == "crossing.crossed_at" and "time zone" in text


def test_bad_country_code() -> None:
    [(path, text)] = problems(**{"child.nationality": "Albania"})
    assert path == "child.nationality" and "3-letter ICAO country code" in text


def test_planned_return_before_crossing() -> None:
    [(path, _)] = problems(**{"travel.planned_return": "2026-06-01"})
    assert path == "travel.planned_return"


def test_accompaniment_must_match_adults() -> None:
    [(path, text)] = problems(accompaniment="alone")
    assert path == "adults" and "travelling alone but 2" in text
    [(path, text)] = problems(adults=[], parents=[])
    assert path == "adults" and "add the accompanying adult" in text
    [(path, text)] = problems(accompaniment="one_parent")
    assert "exactly one" in text


def test_document_number_required_unless_no_document() -> None:
    [(path, _)] = problems(**{"document.number": None})
    assert path == "document.number"
    assert clean_record(**{"document.number": None, "document.type": "none"}).document.type == "none"


def test_all_problems_are_reported_at_once() -> None:
    found = problems(**{"crossing.bcp": "XXX", "child.birth_date": "2027-01-01", "travel.planned_return": "2026-01-01"})
    assert [p for p, _ in found] == ["crossing.bcp", "child.birth_date", "travel.planned_return"]


def test_unknown_field_is_refused() -> None:
    found = problems(**{"child.eye_colour": "brown"})
    assert found[0][0] == "child.eye_colour"


def test_names_are_limited_to_100_characters_and_their_spaces_collapsed() -> None:
    long = "A" * 101
    assert problems(**{"child.family_name": long}) == [
        ("child.family_name", "String should have at most 100 characters")
    ]
    assert CrossingRecord.model_validate(clean_data(**{"child.given_names": "  Ana   Maria "})).child.given_names == (
        "Ana Maria"
    )
