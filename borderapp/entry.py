"""The booth's crossing form as plain data: what the officer typed -> a `CrossingRecord`, or every problem.

The form's values are a flat dict of strings and booleans (`blank()` lists the keys), with `adults` as a list
of such dicts. They are what a draft stores, so an unfinished form survives a lock, a crash or a restart.
`build()` returns the record, or the problems keyed by the form field they belong to, each a sentence saying
what is wrong and how to fix it; `read_mrz()` turns what a document reader typed into field values and the
result of each check digit. No Qt here: the UI and the tests use the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from pydantic import ValidationError

from borderapp.models import CrossingRecord, describe
from borderapp.mrz import MRZError, MRZResult, parse_mrz

ADULT_KEYS = (
    "mrz",
    "family_name",
    "given_names",
    "birth_date",
    "nationality",
    "document_state",
    "document_number",
    "relationship",
    "evidence",
    "other_children",
)


def blank(direction: str = "exit", transport: str = "land") -> dict[str, Any]:
    """An empty form; direction and transport are the station's last ones."""
    return {
        "mrz": "",
        "direction": direction,
        "transport": transport,
        "vehicle": "",
        "crossed_at": "",
        "family_name": "",
        "given_names": "",
        "birth_date": "",
        "sex": "",
        "nationality": "",
        "presumed_minor": False,
        "estimated_age": "",
        "document_type": "passport",
        "issuing_state": "",
        "document_number": "",
        "expiry": "",
        "accompaniment": "",
        "adults": [],
        "consent": "none",
        "consent_host": "",
        "purpose": "",
        "destination": "",
        "host": "",
        "planned_return": "",
        "return_ticket": False,
        "paid_by": "unknown",
        "payer": "",
        "contradictions": False,
        "outcome": "cleared",
        "notes": "",
    }


def blank_adult() -> dict[str, Any]:
    return {key: "" for key in ADULT_KEYS} | {"relationship": "", "other_children": ""}


def is_blank(values: dict[str, Any], direction: str = "exit", transport: str = "land") -> bool:
    """Nothing typed yet (a fresh form for the same direction and transport): no draft is worth keeping."""
    empty = blank(direction, transport)
    return all(values.get(k, v) == v for k, v in empty.items() if k not in ("direction", "transport"))


# -- dates and times as typed at a booth ----------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")  # 04032016, as typed on a number pad


def parse_date(text: str) -> date:
    """YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or DDMMYYYY; ValueError with the sentence to show otherwise."""
    text = text.strip()
    for pattern, order in ((_ISO, "ymd"), (_DOTTED, "dmy"), (_COMPACT, "dmy")):
        m = pattern.match(text)
        if m:
            parts = dict(zip(order, (int(g) for g in m.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                raise ValueError(f"{text} is not a date in the calendar; check the day and the month") from None
    raise ValueError(f"{text!r} is not a date; type it as DD.MM.YYYY (for example 04.03.2016)")


_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_time(text: str, now: datetime) -> datetime:
    """Blank is now; HH:MM is today at that time; or a date and a time. Local time of this workstation."""
    text = " ".join(text.split())
    if not text:
        return now
    day, _, clock = text.rpartition(" ")
    m = _HHMM.match(clock)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValueError(f"{text!r} is not a time; type HH:MM (for example 14:05), or leave it empty for now")
    when = time(int(m.group(1)), int(m.group(2)))
    on = parse_date(day) if day else now.date()
    value = datetime.combine(on, when, tzinfo=now.tzinfo)
    if value > now:
        raise ValueError("the crossing time is in the future; correct it or leave it empty for now")
    return value


# -- MRZ ---------------------------------------------------------------------------------------------------------
CHECK_NAMES = {
    "document_number": "document number",
    "birth_date": "birth date",
    "expiry_date": "expiry date",
    "personal_number": "personal number",
    "composite": "composite",
}


@dataclass(frozen=True)
class MrzReading:
    """What the reader's lines gave: field values to fill, each check's result, or why nothing could be read."""

    values: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)
    error: str | None = None
    complete: bool = False

    @property
    def all_pass(self) -> bool:
        return bool(self.checks) and all(self.checks.values())


def _doc_type(result: MRZResult) -> str:
    first = result.document_type[:1]
    return {"P": "passport", "I": "id_card", "A": "id_card", "C": "id_card"}.get(first, "travel_document")


def read_mrz(text: str, *, reference: date, for_adult: bool = False, final: bool = False) -> MrzReading:
    """Parse what the reader typed. While typing (`final` False) a scan still arriving is not an error, just
    not `complete`; when saving, anything that is not a readable MRZ is."""
    lines = [ln for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()]
    if not lines:
        return MrzReading()
    try:
        result = parse_mrz(text, reference=reference)
    except MRZError as exc:
        joined = "".join("".join(ln.split()) for ln in lines)
        still_arriving = len(joined) < 88 and not any(len("".join(ln.split())) > 44 for ln in lines)
        if still_arriving and not final and "cannot appear" not in str(exc):
            return MrzReading()
        return MrzReading(error=str(exc), complete=True)
    if for_adult:
        values: dict[str, Any] = {
            "family_name": result.family_name.title(),
            "given_names": result.given_names.title(),
            "birth_date": result.birth_date.strftime("%d.%m.%Y"),
            "nationality": result.nationality,
            "document_state": result.issuing_state,
            "document_number": result.document_number,
        }
    else:
        values = {
            "family_name": result.family_name.title(),
            "given_names": result.given_names.title(),
            "birth_date": result.birth_date.strftime("%d.%m.%Y"),
            "sex": result.sex,
            "nationality": result.nationality,
            "document_type": _doc_type(result),
            "issuing_state": result.issuing_state,
            "document_number": result.document_number,
            "expiry": result.expiry_date.strftime("%d.%m.%Y"),
        }
    return MrzReading(values=values, checks=dict(result.checks), complete=True)


# -- record -> form (a supervisor's correction starts from the record as it is) --------------------------------
def _dotted(day: date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def values_from(record: CrossingRecord, tz: tzinfo | None = None) -> dict[str, Any]:
    """The form values that `build()` turns back into this record (in `tz`, by default this workstation's)."""
    c, d, t = record.child, record.document, record.travel
    when = record.crossing.crossed_at.astimezone(tz)
    values = blank(record.crossing.direction, record.crossing.transport)
    values.update(
        mrz="\n".join(d.mrz_lines),
        vehicle=record.crossing.vehicle or "",
        crossed_at=f"{when:%d.%m.%Y %H:%M}",
        family_name=c.family_name,
        given_names=c.given_names,
        birth_date=_dotted(c.birth_date),
        sex=c.sex,
        nationality=c.nationality,
        presumed_minor=c.presumed_minor,
        estimated_age="" if c.estimated_age is None else str(c.estimated_age),
        document_type=d.type,
        issuing_state=d.issuing_state or "",
        document_number=d.number or "",
        expiry=_dotted(d.expiry),
        accompaniment=record.accompaniment,
        adults=[
            blank_adult()
            | {
                "family_name": a.family_name,
                "given_names": a.given_names,
                "birth_date": _dotted(a.birth_date),
                "nationality": a.nationality or "",
                "document_state": a.document_state or "",
                "document_number": a.document_number or "",
                "relationship": a.relationship,
                "evidence": a.relationship_evidence or "",
                "other_children": str(a.other_children) if a.other_children else "",
            }
            for a in record.adults
        ],
        consent=record.consent.kind,
        consent_host=record.consent.host_address or "",
        purpose=t.purpose or "",
        destination=t.destination_country or "",
        host=t.host_name or "",
        planned_return=_dotted(t.planned_return),
        return_ticket=t.return_ticket,
        paid_by=t.paid_by,
        payer=t.payer_name or "",
        contradictions=record.observations.contradictions,
        outcome=record.outcome,
        notes=record.observations.notes or "",
    )
    return values


# The parts of a record the form shows; `merged` keeps everything else from the original.
SHOWN = {
    "crossing": ("bcp", "direction", "crossed_at", "transport", "vehicle"),
    "child": ("family_name", "given_names", "birth_date", "estimated_age", "presumed_minor", "sex", "nationality"),
    "document": ("type", "issuing_state", "number", "expiry", "mrz_lines", "mrz_checks"),
    "consent": ("kind", "host_address"),
    "travel": (
        "purpose",
        "destination_country",
        "host_name",
        "planned_return",
        "return_ticket",
        "paid_by",
        "payer_name",
    ),
    "observations": ("contradictions", "notes"),
}
ADULT_SHOWN = (
    "family_name", "given_names", "birth_date", "nationality", "document_state", "document_number", "relationship",
    "relationship_evidence", "other_children",
)  # fmt: skip


def merged(original: CrossingRecord, edited: CrossingRecord) -> CrossingRecord:
    """The edited record with what the form does not show (parents, consent details, checks run, the crossing's
    seconds) kept from the original, so a correction changes only what the supervisor changed."""
    data = original.model_dump(mode="json")
    new = edited.model_dump(mode="json")
    for part, keys in SHOWN.items():
        data[part].update({k: new[part][k] for k in keys})
    if original.document.mrz_lines == edited.document.mrz_lines:
        data["document"]["mrz_checks"] = original.document.mrz_checks  # re-reading the same lines is no change
    if original.crossing.crossed_at.replace(second=0, microsecond=0) == edited.crossing.crossed_at:
        data["crossing"]["crossed_at"] = original.crossing.crossed_at.isoformat()
    adults = []
    for n, adult in enumerate(new["adults"]):
        kept = dict(data["adults"][n]) if n < len(data["adults"]) else dict(adult)
        kept.update({k: adult[k] for k in ADULT_SHOWN})
        adults.append(kept)
    data["adults"] = adults
    data["accompaniment"], data["outcome"] = new["accompaniment"], new["outcome"]
    return CrossingRecord.model_validate(data)


# -- form -> record ----------------------------------------------------------------------------------------------
# Where a model path's problem is shown in the form.
_FIELD_OF = {
    "crossing.direction": "direction",
    "crossing.transport": "transport",
    "crossing.vehicle": "vehicle",
    "crossing.crossed_at": "crossed_at",
    "document.type": "document_type",
    "document.issuing_state": "issuing_state",
    "document.number": "document_number",
    "document.expiry": "expiry",
    "document.mrz_lines": "mrz",
    "consent.kind": "consent",
    "consent.host_address": "consent_host",
    "travel.purpose": "purpose",
    "travel.destination_country": "destination",
    "travel.host_name": "host",
    "travel.planned_return": "planned_return",
    "travel.paid_by": "paid_by",
    "travel.payer_name": "payer",
    "observations.notes": "notes",
}
_ADULT_FIELD_OF = {"document_number": "document_number", "relationship_evidence": "evidence"}


def field_of(path: str) -> str:
    """The form field for a model path: `child.birth_date` -> `birth_date`, `adults.0.relationship` stays."""
    if path in _FIELD_OF:
        return _FIELD_OF[path]
    parts = path.split(".")
    if parts[0] == "child" and len(parts) > 1:
        return parts[1]
    if parts[0] == "adults" and len(parts) >= 3 and parts[1].isdigit():
        return f"adults.{parts[1]}.{_ADULT_FIELD_OF.get(parts[2], parts[2])}"
    if parts[0] in ("accompaniment", "outcome", "adults"):
        return parts[0]
    return "form"


@dataclass
class Built:
    record: CrossingRecord | None
    problems: dict[str, str]  # form field -> the first problem with it


def _text(values: dict[str, Any], key: str) -> str | None:
    value = str(values.get(key) or "").strip()
    return value or None


def _mrz_lines(text: str) -> list[str]:
    return ["".join(ln.split()).upper() for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()]


def build(values: dict[str, Any], *, bcp: str, now: datetime) -> Built:
    """The record the form describes, or every problem at once (keyed by form field). `now` is local, aware."""
    problems: dict[str, str] = {}

    def day(key: str, where: dict[str, Any], problem_key: str | None = None) -> str | None:
        text = _text(where, key)
        if text is None:
            return None
        try:
            return parse_date(text).isoformat()
        except ValueError as exc:
            problems.setdefault(problem_key or key, str(exc))
            return None

    try:
        crossed_at = parse_time(str(values.get("crossed_at") or ""), now)
    except ValueError as exc:
        problems["crossed_at"] = str(exc)
        crossed_at = now
    age_text = _text(values, "estimated_age")
    estimated: int | None = None
    if age_text is not None:
        if age_text.isdigit():
            estimated = int(age_text)
        else:
            problems["estimated_age"] = f"{age_text!r} is not an age; type the estimated age in years (0-17)"
    if _text(values, "birth_date") is None and age_text is None:
        # The model says so too, but only once every field is valid; the officer should see it in the first pass.
        problems["birth_date"] = "give the date of birth, or mark 'presumed minor' and give an estimated age"
    mrz_text = str(values.get("mrz") or "")
    reading = read_mrz(mrz_text, reference=crossed_at.date(), final=True)
    if reading.error:
        problems["mrz"] = reading.error
    adults = []
    for n, adult in enumerate(values.get("adults") or []):
        if all(not str(adult.get(k) or "").strip() for k in ADULT_KEYS):
            continue  # an empty adult row the officer added and left
        children = _text(adult, "other_children")
        if children is not None and not children.isdigit():
            problems[f"adults.{n}.other_children"] = "type how many other children travel with this adult (0 or more)"
            children = None
        adults.append(
            {
                "family_name": str(adult.get("family_name") or ""),
                "given_names": str(adult.get("given_names") or ""),
                "birth_date": day("birth_date", adult, f"adults.{n}.birth_date"),
                "nationality": _text(adult, "nationality"),
                "document_state": _text(adult, "document_state"),
                "document_number": _text(adult, "document_number"),
                "relationship": _text(adult, "relationship") or "",
                "relationship_evidence": _text(adult, "evidence"),
                "other_children": int(children or 0),
            }
        )
    data: dict[str, Any] = {
        "crossing": {
            "bcp": bcp,
            "direction": values.get("direction") or "",
            "crossed_at": crossed_at,
            "transport": values.get("transport") or "",
            "vehicle": _text(values, "vehicle"),
        },
        "child": {
            "family_name": str(values.get("family_name") or ""),
            "given_names": str(values.get("given_names") or ""),
            "birth_date": day("birth_date", values),
            "estimated_age": estimated,
            "presumed_minor": bool(values.get("presumed_minor")),
            "sex": values.get("sex") or "",
            "nationality": str(values.get("nationality") or ""),
        },
        "document": {
            "type": values.get("document_type") or "passport",
            "issuing_state": _text(values, "issuing_state"),
            "number": _text(values, "document_number"),
            "expiry": day("expiry", values),
            "mrz_lines": _mrz_lines(mrz_text) if reading.complete and not reading.error else [],
            "mrz_checks": reading.checks,
        },
        "accompaniment": values.get("accompaniment") or "",
        "adults": adults,
        "consent": {"kind": values.get("consent") or "none", "host_address": _text(values, "consent_host")},
        "travel": {
            "purpose": values.get("purpose") or None,
            "destination_country": _text(values, "destination"),
            "host_name": _text(values, "host"),
            "planned_return": day("planned_return", values),
            "return_ticket": bool(values.get("return_ticket")),
            "paid_by": values.get("paid_by") or "unknown",
            "payer_name": _text(values, "payer"),
        },
        "observations": {"contradictions": bool(values.get("contradictions")), "notes": _text(values, "notes")},
        "outcome": values.get("outcome") or "cleared",
    }
    try:
        record = CrossingRecord.model_validate(data)
    except ValidationError as exc:
        for path, message in describe(exc):
            key = field_of(path)
            problems.setdefault(key, _plain(key, message))
        return Built(None, problems)
    if problems:
        return Built(None, problems)
    return Built(record, {})


_CHOOSE = {
    "sex": "choose the sex as in the document (F, M or X)",
    "accompaniment": "choose who the child travels with, or 'Alone'",
    "direction": "choose entry or exit",
    "transport": "choose land, air or sea",
    "document_type": "choose the document type, or 'No document'",
    "outcome": "choose the outcome of the check",
}


def _plain(key: str, message: str) -> str:
    """Pydantic's wording for an empty choice or an empty name reads like a programmer's: say what to do."""
    if message.startswith("Input should be "):
        if key.endswith(".relationship"):
            return "choose how this adult is related to the child"
        return _CHOOSE.get(key, "choose one of the options")
    if message.startswith("String should have at least 1 character"):
        return "this field is needed; type it as in the document"
    return message
