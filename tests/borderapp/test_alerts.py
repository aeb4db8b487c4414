from __future__ import annotations

from typing import Any

from borderapp import services
from borderapp.store import syncstate
from borderapp.store.station import Session
from borderapp.text import name_skeleton
from tests.factories import clean_record


def pull(session: Session, *alerts: dict[str, Any]) -> None:
    """Store alerts the way the sync client does when it pulls reference data."""
    items = [
        {
            "cursor": 100 + i,
            "kind": "alert",
            "key": a.pop("kind", "missing_child"),
            "data": a,
            "created_at": "2026-06-01T00:00:00Z",
        }
        for i, a in enumerate(alerts)
    ]
    with session.writing() as conn:
        syncstate.store_reference(conn, items)


def codes(session: Session, **changes: Any) -> tuple[list[str], str]:
    event = services.record_crossing(session, clean_record(**changes))
    view = services.show(session, event.record_id)
    f13 = [f.explanation for f in view.flags if f.code == "F13"]
    return event.payload["flags"], (f13[0] if f13 else "")


def test_name_skeleton_ignores_diacritics_and_transliterations() -> None:
    assert name_skeleton("Xhafa Gëzim") == name_skeleton("JAFA gezim")
    assert name_skeleton("Shehu Çelë") == name_skeleton("Sehu Cele")
    assert name_skeleton("Hoxha") != name_skeleton("Hoda")


def test_name_and_birth_date_hit_raises_flag_13(officer: Session) -> None:
    pull(officer, {"family_name": "Hoja", "given_names": "Anna", "birth_date": "2016-03-04"})
    flags, explanation = codes(officer)
    assert "F13" in flags
    assert explanation.startswith("the name, the birth date match a missing-child alert")


def test_different_birth_date_is_not_a_hit(officer: Session) -> None:
    pull(officer, {"family_name": "Hoxha", "given_names": "Ana", "birth_date": "2010-01-01"})
    assert "F13" not in codes(officer)[0]


def test_document_number_hit_on_its_own(officer: Session) -> None:
    pull(
        officer,
        {"kind": "wanted_person", "family_name": "Other", "given_names": "Name", "document_number": "ba1234567"},
    )
    flags, explanation = codes(officer)
    assert "F13" in flags and "the document number match a wanted-person alert" in explanation


def test_alert_pulled_later_shows_on_an_older_record(officer: Session) -> None:
    event = services.record_crossing(officer, clean_record())
    assert "F13" not in event.payload["flags"]
    pull(officer, {"family_name": "Hoxha", "given_names": "Ana"})
    assert services.show(officer, event.record_id).flags[0].code == "F13"
