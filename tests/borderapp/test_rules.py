from datetime import date, datetime
from typing import Any

import pytest

from borderapp import reference
from borderapp.demo import mrz_td3
from borderapp.rules import RULES, evaluate
from tests.factories import CLEAN, clean_record

ALONE: dict[str, Any] = {"accompaniment": "alone", "adults": [], "parents": CLEAN["parents"]}
UNCLE = {"family_name": "Leka", "given_names": "Besnik", "relationship": "aunt_uncle", "document_number": "X1"}
TEACHER = {"family_name": "Dervishi", "given_names": "Mira", "relationship": "group_leader", "document_number": "X2"}
FATHER = CLEAN["adults"][0]


def _mrz_for(birth: str, *, break_number: bool = False) -> list[str]:
    born = datetime.strptime(birth, "%y%m%d").date()
    line1, line2 = mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", born, "F", date(2030, 1, 1))
    if break_number:
        line2 = line2[:9] + str((int(line2[9]) + 1) % 10) + line2[10:]
    return [line1, line2]


# code -> (changes that fire it, changes close to it that do not)
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "F01": (
        {**ALONE, "child.birth_date": "2012-01-01"},
        {
            **ALONE,
            "child.birth_date": "2009-01-01",
            "consent.kind": "both_parents_notarised",
            "consent.host_address": "Rruga 1, Athens",
        },
    ),
    "F02": (
        {**ALONE, "child.birth_date": "2009-01-01"},
        {
            **ALONE,
            "child.birth_date": "2009-01-01",
            "consent.kind": "both_parents_notarised",
            "consent.host_address": "Rruga 1, Athens",
        },
    ),
    "F03": (
        {"accompaniment": "relative", "adults": [UNCLE], "child.family_name": "Leka"},
        {
            "accompaniment": "relative",
            "adults": [UNCLE],
            "child.family_name": "Leka",
            "consent.kind": "both_parents_notarised",
        },
    ),
    "F04": (
        {"accompaniment": "one_parent", "adults": [FATHER]},
        {"accompaniment": "one_parent", "adults": [FATHER], "consent.kind": "other_parent_notarised"},
    ),
    "F05": (
        {"consent.kind": "both_parents_notarised", "consent.named_companion": "Someone Else"},
        {
            "consent.kind": "both_parents_notarised",
            "consent.named_companion": "HOXHA Arben",
            "consent.destination": "GRC",
            "consent.signatories": ["Arben Hoxha", "Elira Hoxha"],
        },
    ),
    "F06": (
        {"child.family_name": "Leka"},
        {
            "child.family_name": "Leka",
            "adults.0.relationship_evidence": "birth certificate",
            "adults.1.relationship_evidence": "birth certificate",
        },
    ),
    "F07": (
        {
            "accompaniment": "group",
            "adults": [{**TEACHER, "other_children": 3}],
            "consent.kind": "both_parents_notarised",
        },
        {
            "accompaniment": "group",
            "adults": [{**TEACHER, "other_children": 0}],
            "consent.kind": "both_parents_notarised",
        },
    ),
    "F09": ({"travel.paid_by": "third_party", "travel.payer_name": "Agency X"}, {"travel.paid_by": "family"}),
    "F10": (
        {"travel.planned_return": None, "travel.return_ticket": False},
        {"crossing.direction": "entry", "travel.planned_return": None, "travel.return_ticket": False},
    ),
    "F11": ({"document.mrz_lines": _mrz_for("160304", break_number=True)}, {"document.mrz_lines": _mrz_for("160304")}),
    "F12": ({"document.expiry": "2026-09-01"}, {"document.expiry": "2026-10-15"}),
    "F14": (
        {"child.birth_date": None, "child.presumed_minor": True, "child.estimated_age": 15},
        {"child.birth_date": None, "child.estimated_age": 15},
    ),
    "F15": ({"observations.contradictions": True}, {"observations.notes": "calm, consistent accounts"}),
    "F16": (
        {
            **ALONE,
            "child.nationality": "GRC",
            "child.birth_date": "2009-01-01",
            "consent.kind": "both_parents_notarised",
            "consent.host_address": "Rruga 1, Tirana",
        },
        {
            **ALONE,
            "child.birth_date": "2009-01-01",
            "consent.kind": "both_parents_notarised",
            "consent.host_address": "Rruga 1, Tirana",
        },
    ),
}


def codes(**changes: Any) -> list[str]:
    return [f.code for f in evaluate(clean_record(**changes))]


def test_clean_record_raises_no_flag() -> None:
    assert codes() == []


def test_every_rule_has_cases_and_texts_in_both_languages() -> None:
    assert set(CASES) == set(RULES)
    for lang in reference.LANGUAGES:
        assert set(reference.flag_texts(lang)["flags"]) == set(RULES) | {"F13"}  # F13: alerts.py


@pytest.mark.parametrize("code", sorted(CASES))
def test_flag_fires(code: str) -> None:
    assert code in codes(**CASES[code][0])


@pytest.mark.parametrize("code", sorted(CASES))
def test_flag_does_not_fire_on_the_near_miss(code: str) -> None:
    assert code not in codes(**CASES[code][1])


@pytest.mark.parametrize("lang", reference.LANGUAGES)
def test_explanations_are_filled_in_every_language(lang: str) -> None:
    for code, (fire, _) in CASES.items():
        [flag] = [f for f in evaluate(clean_record(**fire), lang) if f.code == code]
        assert "{" not in flag.explanation and flag.title


def test_explanation_names_the_age_and_the_adult() -> None:
    [f01] = [f for f in evaluate(clean_record(**CASES["F01"][0])) if f.code == "F01"]
    assert "14 years old" in f01.explanation
    [f03] = [f for f in evaluate(clean_record(**CASES["F03"][0]), "sq") if f.code == "F03"]
    assert "Besnik Leka" in f03.explanation


def test_f11_names_each_document_problem() -> None:
    [f11] = [
        f
        for f in evaluate(
            clean_record(
                **{"document.mrz_lines": _mrz_for("150304", break_number=True), "document.expiry": "2026-01-01"}
            )
        )
        if f.code == "F11"
    ]
    assert "document_number" in f11.explanation
    assert "MRZ birth date 2015-03-04 differs from the declared 2016-03-04" in f11.explanation
    assert "expired on 2026-01-01" in f11.explanation


def test_flags_are_sorted_most_severe_first() -> None:
    flags = evaluate(
        clean_record(
            **{
                **ALONE,
                "child.birth_date": "2012-01-01",
                "child.nationality": "GRC",
                "travel.planned_return": None,
                "travel.return_ticket": False,
            }
        )
    )
    severities = [f.severity for f in flags]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)
    assert {"F01", "F16", "F10"} <= {f.code for f in flags}
