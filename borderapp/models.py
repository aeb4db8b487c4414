"""The child crossing record (DOMAIN.md) as pydantic models.

Field checks live on the fields; checks that need two fields live in `CrossingRecord._cross_checks`, which
collects every problem at once (an officer fixes a form in one pass) and raises `RecordProblems`. Every
message starts with the dotted path of the field it is about, then says what is wrong and how to fix it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from borderapp import reference

SCHEMA_VERSION = 1

Direction = Literal["entry", "exit"]
Transport = Literal["air", "land", "sea"]
Sex = Literal["F", "M", "X"]
Accompaniment = Literal["both_parents", "one_parent", "legal_guardian", "relative", "unrelated_adult", "group", "alone"]
Relationship = Literal[
    "mother",
    "father",
    "legal_guardian",
    "grandparent",
    "sibling",
    "aunt_uncle",
    "other_relative",
    "family_friend",
    "group_leader",
    "unrelated",
    "unknown",
]
ConsentKind = Literal[
    "none", "both_parents_notarised", "other_parent_notarised", "court_custody_decision", "death_certificate"
]
DocumentType = Literal["passport", "id_card", "travel_document", "birth_certificate", "none"]
Outcome = Literal["cleared", "second_line", "interview", "stopped", "referred"]
Purpose = Literal["tourism", "family_visit", "study", "medical", "sport", "relocation", "work", "other"]
PaidBy = Literal["parents", "family", "self", "third_party", "unknown"]

PARENTS: frozenset[str] = frozenset({"mother", "father"})
RELATIVES: frozenset[str] = frozenset(
    {"mother", "father", "legal_guardian", "grandparent", "sibling", "aunt_uncle", "other_relative"}
)


def _country(value: str) -> str:
    value = value.strip().upper()
    if len(value) != 3 or not value.isalpha():
        raise ValueError("use the 3-letter ICAO country code as in the MRZ (for example ALB, GRC, XKX)")
    return value


def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("the name is empty; type it as in the document")
    return value


Country = Annotated[str, AfterValidator(_country)]
# The length is checked before the spaces are collapsed: after the validator it ran as Python on every name.
Name = Annotated[str, Field(max_length=100), AfterValidator(_name)]
Text = Annotated[str, Field(max_length=2000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Crossing(_Model):
    bcp: str
    direction: Direction
    crossed_at: datetime
    transport: Transport
    vehicle: Text | None = None  # flight number, plate or vessel

    @field_validator("crossed_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("give the time with its time zone, for example 2026-07-01T10:30:00+02:00")
        return value.astimezone(UTC)


class Child(_Model):
    family_name: Name
    given_names: Name
    birth_date: date | None = None
    estimated_age: int | None = Field(default=None, ge=0, le=120)
    presumed_minor: bool = False
    sex: Sex
    nationality: Country


class TravelDocument(_Model):
    type: DocumentType = "passport"
    issuing_state: Country | None = None
    number: Annotated[str, Field(max_length=30)] | None = None
    expiry: date | None = None
    personal_number: Annotated[str, Field(max_length=30)] | None = None
    mrz_lines: list[str] = Field(default_factory=list, max_length=3)
    mrz_checks: dict[str, bool] = Field(default_factory=dict)


class AccompanyingAdult(_Model):
    family_name: Name
    given_names: Name
    birth_date: date | None = None
    nationality: Country | None = None
    document_type: DocumentType = "passport"
    document_state: Country | None = None
    document_number: Annotated[str, Field(max_length=30)] | None = None
    relationship: Relationship
    relationship_evidence: Text | None = None  # e.g. "birth certificate", "family certificate"
    other_children: int = Field(default=0, ge=0, le=100)  # other children with this adult, not documented relatives

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}"


class Parent(_Model):
    role: Literal["mother", "father"]
    family_name: Name
    given_names: Name
    custody: Literal["joint", "sole", "none", "unknown"] = "unknown"
    deceased: bool = False
    present: bool = False
    phone: Annotated[str, Field(max_length=40)] | None = None
    phoned: bool | None = None  # whether the absent parent was phoned


class Consent(_Model):
    kind: ConsentKind = "none"
    issued_on: date | None = None
    notary: Text | None = None
    signatories: list[Name] = Field(default_factory=list)
    named_companion: Name | None = None
    destination: Country | None = None
    host_address: Text | None = None


class Travel(_Model):
    purpose: Purpose | None = None
    destination_country: Country | None = None
    host_name: Text | None = None
    host_address: Text | None = None
    planned_return: date | None = None
    return_ticket: bool = False
    paid_by: PaidBy = "unknown"
    payer_name: Text | None = None


class Observations(_Model):
    indicators: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list)
    contradictions: bool = False
    checks_run: list[Annotated[str, Field(max_length=60)]] = Field(default_factory=list)
    database_hits: list[Text] = Field(default_factory=list)
    notes: Text | None = None


class RecordProblems(ValueError):
    """All cross-field problems of one record, each as (field path, sentence)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{path}: {text}" for path, text in problems))


def age_on(birth: date, day: date) -> int:
    """Completed years on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_at_crossing(birth: date | None, presumed_minor: bool, estimated: int | None, day: date) -> int | None:
    """From the birth date; for a presumed minor (age in doubt) or without a birth date, the estimate."""
    if birth is not None and not presumed_minor:
        return age_on(birth, day)
    return estimated


class CrossingRecord(_Model):
    schema_version: int = SCHEMA_VERSION
    crossing: Crossing
    child: Child
    document: TravelDocument = Field(default_factory=TravelDocument)
    accompaniment: Accompaniment
    adults: list[AccompanyingAdult] = Field(default_factory=list, max_length=20)
    parents: list[Parent] = Field(default_factory=list, max_length=2)
    consent: Consent = Field(default_factory=Consent)
    travel: Travel = Field(default_factory=Travel)
    observations: Observations = Field(default_factory=Observations)
    outcome: Outcome = "cleared"

    @property
    def crossing_date(self) -> date:
        return self.crossing.crossed_at.date()

    @property
    def age(self) -> int | None:
        c = self.child
        return age_at_crossing(c.birth_date, c.presumed_minor, c.estimated_age, self.crossing_date)

    @model_validator(mode="after")
    def _cross_checks(self) -> CrossingRecord:
        problems = list(_problems(self))
        if problems:
            raise RecordProblems(problems)
        return self


def _problems(r: CrossingRecord) -> Any:
    day = r.crossing_date
    known = reference.bcps()
    if r.crossing.bcp not in known:
        example = ", ".join(list(known)[:3])
        yield (
            "crossing.bcp",
            f"unknown border crossing point {r.crossing.bcp!r}; use a code from "
            f"resources/bcps.json (for example {example})",
        )
    c = r.child
    if c.birth_date is None and c.estimated_age is None:
        yield ("child.birth_date", "give the date of birth, or mark 'presumed minor' and give an estimated age")
    if c.birth_date is not None and c.birth_date > day:
        yield (
            "child.birth_date",
            f"the date of birth {c.birth_date} is after the crossing date {day}; check the document",
        )
    elif c.birth_date is not None and not c.presumed_minor and age_on(c.birth_date, day) >= 18:
        yield (
            "child.birth_date",
            f"the person was {age_on(c.birth_date, day)} on {day}, so not a child; only "
            "children under 18 are recorded. If the age is uncertain, mark 'presumed minor' and give an "
            "estimated age",
        )
    if c.presumed_minor and c.estimated_age is None:
        yield ("child.estimated_age", "a presumed minor needs an estimated age (0-17)")
    if c.estimated_age is not None and c.estimated_age >= 18:
        yield (
            "child.estimated_age",
            f"the estimated age {c.estimated_age} is not that of a child; record only persons presumed to be under 18",
        )
    d = r.document
    if d.type != "none" and not d.number:
        yield ("document.number", "give the document number, or choose 'none' as the document type")
    if d.expiry is not None and c.birth_date is not None and d.expiry < c.birth_date:
        yield (
            "document.expiry",
            f"the expiry date {d.expiry} is before the date of birth {c.birth_date}; check both dates",
        )
    if r.travel.planned_return is not None and r.travel.planned_return < day:
        yield (
            "travel.planned_return",
            f"the planned return {r.travel.planned_return} is before the crossing "
            f"date {day}; correct the date or leave it empty",
        )
    yield from _accompaniment_problems(r)


def _accompaniment_problems(r: CrossingRecord) -> Any:
    parents_present = sum(1 for a in r.adults if a.relationship in PARENTS)
    if r.accompaniment == "alone" and r.adults:
        yield (
            "adults",
            f"the child is recorded as travelling alone but {len(r.adults)} accompanying adult(s) "
            "are listed; choose another accompaniment or remove them",
        )
    elif r.accompaniment != "alone" and not r.adults:
        yield ("adults", "add the accompanying adult(s), or record the child as travelling alone")
    elif r.accompaniment == "both_parents" and parents_present < 2:
        yield ("adults", "'both parents' needs the mother and the father among the accompanying adults")
    elif r.accompaniment == "one_parent" and parents_present != 1:
        yield ("adults", "'one parent' needs exactly one accompanying adult recorded as mother or father")


def describe(error: ValidationError) -> list[tuple[str, str]]:
    """Turn a pydantic error into (field path, sentence) pairs fit to show next to the fields."""
    out: list[tuple[str, str]] = []
    for err in error.errors():
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, RecordProblems):
            out.extend(cause.problems)
            continue
        path = ".".join(str(p) for p in err["loc"]) or "record"
        message = err["msg"].removeprefix("Value error, ")
        out.append((path, message))
    return out
