"""Realistic sample crossings for demos and benchmarks: every accompaniment kind, a few flagged.

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
from borderapp.text import fold

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
# Plausible proportions for a busy land post, an assumption (no published figures were found): most children
# travel with both parents or with one parent and the other's consent; a few with relatives, guardians, other
# adults or groups, or alone. A clean crossing raises no flag; PROBLEM_SHARE of them get one planted problem (a
# different one each time, so that every flag a station computes appears), and a group's leader raises F07 by
# design (one adult with several unrelated children is checked). About 8% of the records are flagged: enough to
# see every screen work, few enough that a flag stays unusual, as it is at a real booth.
ACCOMPANIMENT_WEIGHTS = {
    "both_parents": 55,
    "one_parent": 25,
    "legal_guardian": 3,
    "relative": 8,
    "unrelated_adult": 3,
    "group": 3,
    "alone": 3,
}
PROBLEM_SHARE = 0.05
# The flags a station computes (F08 needs every station's records, F13 an alert list), planted in this order.
PLANTED = ("F01", "F02", "F03", "F04", "F05", "F06", "F09", "F10", "F11", "F12", "F14", "F15", "F16")


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


def _clean(rng: random.Random, bcp: str, now: datetime, accompaniment: str, foreign: bool) -> dict[str, Any]:
    """A crossing that raises no flag (but a group's F07)."""
    crossed = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
    nationality = rng.choice(["GRC", "SRB", "ITA", "BGR"]) if foreign else "ALB"
    family = rng.choice(FOREIGN_FAMILY if foreign else FAMILY)
    sex = rng.choice("FM")
    given = rng.choice(GIVEN_F if sex == "F" else GIVEN_M)
    age = rng.randrange(16, 18) if accompaniment == "alone" else rng.randrange(0, 18)
    birth = crossed.date() - timedelta(days=age * 365 + rng.randrange(1, 360))
    outbound = rng.random() < 0.5
    back = crossed.date() + timedelta(days=rng.randrange(2, 60))
    expiry = max(back + timedelta(days=120 + rng.randrange(0, 3000)), birth + timedelta(days=5 * 365))
    number = f"{rng.choice('ABCDEF')}{rng.choice('ABCDEF')}{rng.randrange(10**6, 10**7)}"
    adults: list[dict[str, Any]] = []
    consent: dict[str, Any] = {"kind": "none"}
    both = {"kind": "both_parents_notarised", "issued_on": str(crossed.date() - timedelta(days=30))}
    if accompaniment == "both_parents":
        adults = [_adult(rng, family, "father", nationality), _adult(rng, family, "mother", nationality)]
    elif accompaniment == "one_parent":
        adults = [_adult(rng, family, rng.choice(["father", "mother"]), nationality)]
        consent = {"kind": "other_parent_notarised", "issued_on": str(crossed.date() - timedelta(days=20))}
    elif accompaniment == "legal_guardian":
        adults = [_adult(rng, rng.choice(FAMILY), "legal_guardian", nationality)]
        adults[0]["relationship_evidence"] = "court guardianship decision"
    elif accompaniment == "relative":
        adults = [_adult(rng, family, rng.choice(["grandparent", "aunt_uncle", "sibling"]), nationality)]
        consent = both
    elif accompaniment == "unrelated_adult":
        adults = [_adult(rng, rng.choice(FAMILY), "family_friend", nationality)]
        adults[0]["relationship_evidence"] = "named in the parents' notarised declaration"
        consent = both
    elif accompaniment == "group":
        leader = _adult(rng, rng.choice(FAMILY), "group_leader", nationality)
        leader["relationship_evidence"] = "school trip list"
        leader["other_children"] = rng.randrange(2, 20)
        adults, consent = [leader], both
    else:  # alone, 16 or 17, with the parents' declaration naming the host
        consent = {**both, "host_address": "Odos Egnatia 5, Thessaloniki"}
    return {
        "crossing": {
            "bcp": bcp,
            "direction": "exit" if outbound else "entry",
            "crossed_at": crossed.isoformat(),
            "transport": reference.bcps()[bcp].kind,
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
        "travel": {
            "purpose": rng.choice(["tourism", "family_visit", "study", "medical", "sport"]),
            "destination_country": rng.choice(["GRC", "ITA", "MKD", "MNE", "DEU"]) if outbound else "ALB",
            "host_name": rng.choice(["Hotel Olympia", "Family Papadopoulos", "Hotel Tirana"]),
            "host_address": rng.choice(["Main street 1", "Rruga Kavajës 3", "Odos Egnatia 5"]),
            "planned_return": str(back),
            "return_ticket": rng.random() < 0.6,
            "paid_by": rng.choices(["parents", "family"], weights=[80, 20])[0],
        },
    }


def _plant(rng: random.Random, data: dict[str, Any], flag: str) -> None:
    """Change a clean crossing so that it raises `flag` (others may come with it, as at a real booth)."""
    day = datetime.fromisoformat(data["crossing"]["crossed_at"]).date()
    child, doc, travel = data["child"], data["document"], data["travel"]
    if flag in ("F01", "F02", "F16"):
        age = rng.randrange(10, 16) if flag == "F01" else rng.randrange(16, 18)
        child["birth_date"] = str(day - timedelta(days=age * 365 + rng.randrange(1, 360)))
        data["accompaniment"], data["adults"] = "alone", []
        data["consent"] = {"kind": "none"} if flag == "F02" else {
            "kind": "both_parents_notarised", "host_address": "Odos Egnatia 5, Thessaloniki"
        }  # fmt: skip
        if flag == "F16":
            child["nationality"] = doc["issuing_state"] = "SRB"
            child["family_name"] = rng.choice(FOREIGN_FAMILY)
    elif flag == "F03":
        data["accompaniment"] = "relative"
        data["adults"] = [_adult(rng, child["family_name"], "aunt_uncle", child["nationality"])]
        data["consent"] = {"kind": "none"}
    elif flag == "F04":
        data["accompaniment"] = "one_parent"
        data["adults"] = [_adult(rng, child["family_name"], "mother", child["nationality"])]
        data["consent"] = {"kind": "none"}
    elif flag == "F05":
        data["accompaniment"] = "one_parent"
        data["adults"] = [_adult(rng, child["family_name"], "father", child["nationality"])]
        data["consent"] = {"kind": "other_parent_notarised", "named_companion": "Petrit Lika"}
    elif flag == "F06":
        data["accompaniment"] = "relative"
        data["adults"] = [_adult(rng, rng.choice(FAMILY), "aunt_uncle", child["nationality"])]
        while fold(data["adults"][0]["family_name"]) == fold(child["family_name"]):
            data["adults"][0]["family_name"] = rng.choice(FAMILY)
        data["consent"] = {"kind": "both_parents_notarised"}
    elif flag == "F09":
        travel["paid_by"], travel["payer_name"] = "third_party", "Agjencia Udhëtimi"
    elif flag == "F10":
        data["crossing"]["direction"] = "exit"
        travel["planned_return"], travel["return_ticket"] = None, False
    elif flag == "F11":  # expired, but after the birth (a baby's passport)
        born = date.fromisoformat(child["birth_date"])
        doc["expiry"] = str(max(born + timedelta(days=1), day - timedelta(days=rng.randrange(1, 90))))
    elif flag == "F12":
        doc["expiry"] = str(date.fromisoformat(travel["planned_return"]) + timedelta(days=rng.randrange(1, 60)))
    elif flag == "F14":
        child["presumed_minor"], child["estimated_age"] = True, rng.randrange(14, 18)
    elif flag == "F15":
        data["observations"] = {"contradictions": True}
    birth, expiry = date.fromisoformat(child["birth_date"]), date.fromisoformat(doc["expiry"])
    doc["mrz_lines"] = mrz_td3(
        child["family_name"], child["given_names"], doc["number"], doc["issuing_state"], birth, child["sex"], expiry
    )


def sample_record(rng: random.Random, bcp: str, now: datetime, planted: int | None = None) -> CrossingRecord:
    """A clean crossing of a random kind, or with `PLANTED[planted % ...]`'s problem."""
    accompaniment = rng.choices(list(ACCOMPANIMENT_WEIGHTS), weights=list(ACCOMPANIMENT_WEIGHTS.values()))[0]
    data = _clean(rng, bcp, now, accompaniment, foreign=rng.random() < 0.12)
    if planted is not None:
        _plant(rng, data, PLANTED[planted % len(PLANTED)])
    return CrossingRecord.model_validate(data)


def sample_records(count: int, bcp: str, seed: int = 2008, now: datetime | None = None) -> list[CrossingRecord]:
    rng = random.Random(seed)
    moment = now or datetime.now(UTC)
    records, planted = [], 0
    for _ in range(count):
        problem = rng.random() < PROBLEM_SHARE
        records.append(sample_record(rng, bcp, moment, planted if problem else None))
        planted += problem
    return records


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
