"""Realistic sample crossings for demos and benchmarks: every accompaniment kind, some flagged.

Names are invented from common Albanian and neighbouring-country names; no real person is described.
The generator is seeded, so a demo station is the same every time.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from borderapp import reference
from borderapp.models import CrossingRecord
from borderapp.mrz import check_digit

FAMILY = [
    "Hoxha",
    "Shehu",
    "Krasniqi",
    "Gashi",
    "Berisha",
    "Çela",
    "Dervishi",
    "Leka",
    "Marku",
    "Prifti",
    "Kola",
    "Dushku",
    "Bajrami",
    "Mëhilli",
    "Rama",
    "Zeneli",
    "Toska",
    "Gjoka",
    "Kuka",
    "Xhafa",
]
FOREIGN_FAMILY = ["Papadopoulos", "Petrović", "Nikolaidis", "Jovanović", "Rossi", "Dimitrov"]
GIVEN_F = ["Ana", "Elira", "Jonida", "Ëndra", "Sara", "Klea", "Arbëresha", "Drita", "Nora", "Megi", "Ajla"]
GIVEN_M = ["Arben", "Ilir", "Endrit", "Besnik", "Klajdi", "Erion", "Gëzim", "Luan", "Dritan", "Aldo", "Ervin"]
ACCOMPANIMENT_WEIGHTS = {
    "both_parents": 40,
    "one_parent": 25,
    "legal_guardian": 4,
    "relative": 10,
    "unrelated_adult": 6,
    "group": 8,
    "alone": 7,
}


def mrz_td3(family: str, given: str, number: str, nationality: str, birth: date, sex: str, expiry: date) -> list[str]:
    from borderapp.text import fold

    def clean(name: str) -> str:
        return fold(name).upper().replace(" ", "<")

    line1 = f"P<{nationality}{clean(family)}<<{clean(given)}".ljust(44, "<")[:44]
    b, e = birth.strftime("%y%m%d"), expiry.strftime("%y%m%d")
    line2 = f"{number}{check_digit(number)}{nationality}{b}{check_digit(b)}{sex}{e}{check_digit(e)}" + "<" * 14 + "0"
    line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    return [line1, line2]


def _adult(rng: random.Random, family: str, relationship: str, nationality: str) -> dict[str, Any]:
    sex_given = GIVEN_F if relationship == "mother" else GIVEN_M if relationship == "father" else GIVEN_F + GIVEN_M
    return {
        "family_name": family,
        "given_names": rng.choice(sex_given),
        "relationship": relationship,
        "nationality": nationality,
        "document_state": nationality,
        "document_number": f"B{rng.randrange(10**7, 10**8)}",
    }


def sample_record(rng: random.Random, bcp: str, now: datetime) -> CrossingRecord:
    station = reference.bcps()[bcp]
    crossed = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
    foreign = rng.random() < 0.12
    nationality = rng.choice(["GRC", "SRB", "ITA", "BGR"]) if foreign else "ALB"
    family = rng.choice(FOREIGN_FAMILY if foreign else FAMILY)
    sex = rng.choice("FM")
    given = rng.choice(GIVEN_F if sex == "F" else GIVEN_M)
    accompaniment = rng.choices(list(ACCOMPANIMENT_WEIGHTS), weights=list(ACCOMPANIMENT_WEIGHTS.values()))[0]
    age = rng.randrange(14, 18) if accompaniment == "alone" else rng.randrange(0, 18)
    birth = crossed.date() - timedelta(days=age * 365 + rng.randrange(1, 360))
    expiry = crossed.date() + timedelta(days=rng.randrange(-20, 3650))
    if expiry <= birth:  # a baby's first passport: issued after the birth, valid for years
        expiry = birth + timedelta(days=5 * 365)
    number = f"{rng.choice('ABCDEF')}{rng.choice('ABCDEF')}{rng.randrange(10**6, 10**7)}"
    adults: list[dict[str, Any]] = []
    consent = {"kind": "none"}
    if accompaniment == "both_parents":
        adults = [_adult(rng, family, "father", nationality), _adult(rng, family, "mother", nationality)]
    elif accompaniment == "one_parent":
        adults = [_adult(rng, family, rng.choice(["father", "mother"]), nationality)]
        if rng.random() < 0.7:
            consent = {"kind": "other_parent_notarised", "issued_on": str(crossed.date() - timedelta(days=20))}
    elif accompaniment in ("legal_guardian", "relative"):
        relationship = (
            "legal_guardian"
            if accompaniment == "legal_guardian"
            else rng.choice(["grandparent", "aunt_uncle", "sibling"])
        )
        adults = [_adult(rng, family if rng.random() < 0.7 else rng.choice(FAMILY), relationship, nationality)]
        if rng.random() < 0.6:
            consent = {"kind": "both_parents_notarised", "issued_on": str(crossed.date() - timedelta(days=30))}
    elif accompaniment in ("unrelated_adult", "group"):
        relationship = "group_leader" if accompaniment == "group" else rng.choice(["family_friend", "unrelated"])
        leader = _adult(rng, rng.choice(FAMILY), relationship, nationality)
        leader["other_children"] = rng.randrange(2, 20) if accompaniment == "group" else rng.choice([0, 0, 1])
        adults = [leader]
        if rng.random() < 0.7:
            consent = {"kind": "both_parents_notarised", "host_address": "Rruga e Durrësit 10, Tiranë"}
    elif rng.random() < 0.6:
        consent = {"kind": "both_parents_notarised", "host_address": "Odos Egnatia 5, Thessaloniki"}
    outbound = rng.random() < 0.5
    travel = {
        "purpose": rng.choice(["tourism", "family_visit", "study", "medical", "sport"]),
        "destination_country": rng.choice(["GRC", "ITA", "MKD", "MNE", "DEU"]) if outbound else "ALB",
        "host_name": rng.choice(["Hotel Olympia", "Family", None]),
        "host_address": rng.choice(["Main street 1", None, "Rruga Kavajës 3"]),
        "planned_return": str(crossed.date() + timedelta(days=rng.randrange(2, 60))) if rng.random() < 0.8 else None,
        "return_ticket": rng.random() < 0.6,
        "paid_by": rng.choices(["parents", "family", "third_party", "unknown"], weights=[70, 20, 4, 6])[0],
    }
    data = {
        "crossing": {
            "bcp": bcp,
            "direction": "exit" if outbound else "entry",
            "crossed_at": crossed.isoformat(),
            "transport": station.kind,
            "vehicle": f"AA{rng.randrange(100, 999)}BB",
        },
        "child": {
            "family_name": family,
            "given_names": given,
            "birth_date": str(birth),
            "sex": sex,
            "nationality": nationality,
        },
        "document": {
            "type": "passport",
            "issuing_state": nationality,
            "number": number,
            "expiry": str(expiry),
            "mrz_lines": mrz_td3(family, given, number, nationality, birth, sex, expiry),
        },
        "accompaniment": accompaniment,
        "adults": adults,
        "consent": consent,
        "travel": travel,
        "observations": {"contradictions": rng.random() < 0.03},
    }
    return CrossingRecord.model_validate(data)


def sample_records(count: int, bcp: str, seed: int = 2008, now: datetime | None = None) -> list[CrossingRecord]:
    rng = random.Random(seed)
    moment = now or datetime.now(UTC)
    return [sample_record(rng, bcp, moment) for _ in range(count)]


# user name -> (full name, role, password). The passwords are for throwaway demo stations only and are shown
# on their login page.
DEMO_USERS: dict[str, tuple[str, str, str]] = {
    "demo-sup": ("Drita Kelmendi", "supervisor", "demo-supervisor"),
    "demo-officer": ("Mira Berisha", "officer", "demo-officer"),  # also the female anti-trafficking officer
    "demo-social": ("Vera Marku", "social_worker", "demo-social"),
}


def create_demo_station(
    store: Path, *, count: int, bcp: str = "KAK", seed: int = 2008, progress: Callable[[int, int], None] | None = None
) -> dict[str, str]:
    """A throwaway station with one user per role and `count` sample crossings. Returns user -> password."""
    from borderapp import services
    from borderapp.events import uuid7
    from borderapp.store.station import User, create_station

    full, role, password = DEMO_USERS["demo-sup"]
    sup = User(id=uuid7(), username="demo-sup", full_name=full, role="supervisor")
    with create_station(
        store, bcp=bcp, station_name=f"Demo {reference.bcps()[bcp].name}", supervisor=sup, password=password
    ) as session:
        for username, (full, role, password) in DEMO_USERS.items():
            if role != "supervisor":
                session.add_user(
                    User(
                        id=uuid7(),
                        username=username,
                        full_name=full,
                        role=role,
                        female_at_officer=role == "officer",
                    ),
                    password,
                )
        records = sample_records(count, bcp, seed=seed)
        for start in range(0, len(records), 500):
            services.record_many(session, records[start : start + 500])
            if progress:
                progress(min(start + 500, len(records)), len(records))
    return {username: password for username, (_, _, password) in DEMO_USERS.items()}
