"""Risk flags computable from one crossing record (DOMAIN.md flags 1-16 but 8 and 13).

Each rule is a pure function of the record that returns the values for its text, or None when it does not
fire. The texts (title, explanation) live in `resources/flags/<language>.json` so experts can correct them.
A flag asks for a second-line check; none is a finding by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from borderapp import reference
from borderapp.models import PARENTS, RELATIVES, AccompanyingAdult, CrossingRecord
from borderapp.mrz import MRZError, parse_mrz
from borderapp.text import fold

Severity = Literal["high", "medium", "low"]
Values = dict[str, object]
HOME_COUNTRY = "ALB"
NOTARISED = frozenset({"both_parents_notarised", "other_parent_notarised"})


@dataclass(frozen=True)
class Flag:
    code: str
    severity: Severity
    title: str
    explanation: str


def _words(lang: str) -> dict[str, str]:
    words: dict[str, str] = reference.flag_texts(lang)["words"]
    return words


def _age_text(r: CrossingRecord, lang: str) -> str:
    key = "estimated_years" if r.child.presumed_minor or r.child.birth_date is None else "years"
    return _words(lang)[key].format(n=r.age)


def _same_person(a: str, b: str) -> bool:
    return sorted(fold(a).split()) == sorted(fold(b).split())


def _documented_relative(r: CrossingRecord, a: AccompanyingAdult) -> bool:
    same_name = fold(a.family_name) == fold(r.child.family_name)
    return a.relationship in RELATIVES and (bool(a.relationship_evidence) or same_name)


def f01_under16_alone(r: CrossingRecord, lang: str) -> Values | None:
    if r.accompaniment == "alone" and r.age is not None and r.age < 16:
        return {"age": _age_text(r, lang)}
    return None


def f02_16_17_alone_without_declaration(r: CrossingRecord, lang: str) -> Values | None:
    if r.accompaniment != "alone" or r.age is None or not 16 <= r.age <= 17:
        return None
    if r.consent.kind in NOTARISED and r.consent.host_address:
        return None
    return {"age": _age_text(r, lang)}


def f03_adult_not_parent_or_guardian(r: CrossingRecord, lang: str) -> Values | None:
    if r.consent.kind in ("both_parents_notarised", "court_custody_decision"):
        return None
    for a in r.adults:
        if a.relationship not in PARENTS | {"legal_guardian"}:
            return {"adult": a.full_name, "relationship": a.relationship.replace("_", " ")}
    return None


def f04_one_parent_without_other_consent(r: CrossingRecord, lang: str) -> Values | None:
    allowed = {"both_parents_notarised", "other_parent_notarised", "court_custody_decision", "death_certificate"}
    if r.accompaniment == "one_parent" and r.consent.kind not in allowed:
        return {}
    return None


def f05_consent_mismatch(r: CrossingRecord, lang: str) -> Values | None:
    c, w = r.consent, _words(lang)
    if c.kind == "none":
        return None
    if c.named_companion and r.adults and not any(_same_person(c.named_companion, a.full_name) for a in r.adults):
        actual = ", ".join(a.full_name for a in r.adults)
        return {"mismatch": w["names_other_companion"].format(named=c.named_companion, actual=actual)}
    if c.destination and r.travel.destination_country and c.destination != r.travel.destination_country:
        return {
            "mismatch": w["names_other_destination"].format(named=c.destination, actual=r.travel.destination_country)
        }
    parent_names = [f"{p.given_names} {p.family_name}" for p in r.parents]
    strangers = [s for s in c.signatories if not any(_same_person(s, p) for p in parent_names)]
    if parent_names and strangers:
        return {"mismatch": w["signed_by_others"].format(signatories=", ".join(strangers))}
    return None


def f06_different_surnames(r: CrossingRecord, lang: str) -> Values | None:
    for a in r.adults:
        if fold(a.family_name) != fold(r.child.family_name) and not a.relationship_evidence:
            return {"adult": a.full_name}
    return None


def f07_adult_with_several_children(r: CrossingRecord, lang: str) -> Values | None:
    for a in r.adults:
        if a.other_children >= 1 and not _documented_relative(r, a):
            return {"adult": a.full_name, "count": a.other_children}
    return None


def f09_third_party_paid(r: CrossingRecord, lang: str) -> Values | None:
    if r.travel.paid_by == "third_party":
        return {"payer": r.travel.payer_name or _words(lang)["unknown_payer"]}
    return None


def f10_no_return_or_host(r: CrossingRecord, lang: str) -> Values | None:
    # A return plan and a host matter for a child leaving, or a foreign child visiting.
    if r.crossing.direction == "entry" and r.child.nationality == HOME_COUNTRY:
        return None
    w, t = _words(lang), r.travel
    missing = []
    if t.planned_return is None and not t.return_ticket:
        missing.append(w["no_return"])
    if not t.host_name and not t.host_address:
        missing.append(w["no_host"])
    return {"missing": "; ".join(missing)} if missing else None


def f11_document_problem(r: CrossingRecord, lang: str) -> Values | None:
    w, d = _words(lang), r.document
    problems = []
    if d.mrz_lines:
        try:
            mrz = parse_mrz("\n".join(d.mrz_lines), reference=r.crossing_date)
        except MRZError as exc:
            problems.append(str(exc).rstrip("."))
        else:
            if mrz.failed_checks:
                problems.append(w["mrz_failed"].format(checks=", ".join(mrz.failed_checks)))
            if r.child.birth_date and mrz.birth_date != r.child.birth_date:
                problems.append(w["mrz_birth_differs"].format(mrz=mrz.birth_date, declared=r.child.birth_date))
    if d.expiry is not None and d.expiry < r.crossing_date:
        problems.append(w["expired"].format(expiry=d.expiry))
    if not problems:
        return None
    text = "; ".join(problems)
    return {"problems": text[:1].upper() + text[1:]}


def _plus_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for dd in (day.day, 30, 29, 28):
        try:
            return date(year, month, dd)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def f12_document_expires_soon(r: CrossingRecord, lang: str) -> Values | None:
    expiry, back = r.document.expiry, r.travel.planned_return
    if expiry is not None and back is not None and expiry < _plus_months(back, 3):
        return {"expiry": expiry, "planned_return": back}
    return None


def f14_presumed_minor(r: CrossingRecord, lang: str) -> Values | None:
    return {"age": _age_text(r, lang)} if r.child.presumed_minor else None


def f15_contradictions(r: CrossingRecord, lang: str) -> Values | None:
    return {} if r.observations.contradictions else None


def f16_foreign_child_alone(r: CrossingRecord, lang: str) -> Values | None:
    if r.accompaniment == "alone" and r.child.nationality != HOME_COUNTRY:
        return {"nationality": r.child.nationality}
    return None


Rule = Callable[[CrossingRecord, str], "Values | None"]
RULES: dict[str, tuple[Severity, Rule]] = {
    "F01": ("high", f01_under16_alone),
    "F02": ("medium", f02_16_17_alone_without_declaration),
    "F03": ("high", f03_adult_not_parent_or_guardian),
    "F04": ("medium", f04_one_parent_without_other_consent),
    "F05": ("high", f05_consent_mismatch),
    "F06": ("medium", f06_different_surnames),
    "F07": ("high", f07_adult_with_several_children),
    "F09": ("medium", f09_third_party_paid),
    "F10": ("low", f10_no_return_or_host),
    "F11": ("medium", f11_document_problem),
    "F12": ("low", f12_document_expires_soon),
    "F14": ("medium", f14_presumed_minor),
    "F15": ("high", f15_contradictions),
    "F16": ("high", f16_foreign_child_alone),
}
_ORDER = {"high": 0, "medium": 1, "low": 2}


def evaluate(record: CrossingRecord, language: str = "en") -> list[Flag]:
    """Every flag the record raises, most severe first."""
    texts = reference.flag_texts(language)["flags"]
    flags = []
    for code, (severity, rule) in RULES.items():
        values = rule(record, language)
        if values is not None:
            text = texts[code]
            flags.append(Flag(code, severity, text["title"], text["explanation"].format(**values)))
    return sorted(flags, key=lambda f: (_ORDER[f.severity], f.code))
