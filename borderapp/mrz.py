"""Machine readable zone parser (ICAO Doc 9303) for TD1, TD2 and TD3 documents.

Border document readers usually type the MRZ like a keyboard, so the input is whatever arrived in a text
field: line breaks of any kind, stray spaces, lower case, sometimes no line breaks at all. Everything that
cannot be read raises `MRZError` with a sentence naming the line and position; nothing else escapes.

Names carry no check digit (and a reader sending US key codes on a QWERTZ layout swaps Y and Z silently),
so callers show the parsed name for confirmation rather than trusting it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["MRZError", "MRZResult", "check_digit", "parse_mrz"]

_ALLOWED = re.compile(r"[A-Z0-9<]*")
_WEIGHTS = (7, 3, 1)
# Document format by (number of lines, line length).
_FORMATS = {(3, 30): "TD1", (2, 36): "TD2", (2, 44): "TD3"}


class MRZError(ValueError):
    """The text is not a readable MRZ; the message says where and how to fix it."""


@dataclass(frozen=True)
class MRZResult:
    format: str
    document_type: str
    issuing_state: str
    family_name: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date
    sex: str  # F, M or X
    expiry_date: date
    personal_number: str
    lines: tuple[str, ...]
    checks: dict[str, bool]  # check-digit name -> passed

    @property
    def all_checks_pass(self) -> bool:
        return all(self.checks.values())

    @property
    def failed_checks(self) -> list[str]:
        return [name for name, ok in self.checks.items() if not ok]


def _char_value(ch: str) -> int:
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    return 0  # '<'


def check_digit(field: str) -> int:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating, sum mod 10."""
    return sum(_char_value(ch) * _WEIGHTS[i % 3] for i, ch in enumerate(field)) % 10


def _digit_ok(field: str, digit: str) -> bool:
    # A filler '<' in the check position stands for 0 (used when an optional field is empty).
    value = 0 if digit == "<" else (int(digit) if digit.isdigit() else -1)
    return value == check_digit(field)


def _normalise(text: str) -> list[str]:
    if not isinstance(text, str):
        raise MRZError("The MRZ must be text.")
    lines = [re.sub(r"[ \t\f\v]+", "", ln).upper() for ln in re.split(r"\r\n|\r|\n|\u2028|\u2029", text)]
    lines = [ln for ln in lines if ln]
    if len(lines) == 1:
        # Some readers send all lines without breaks.
        joined = lines[0]
        for (count, length), _ in _FORMATS.items():
            if len(joined) == count * length:
                lines = [joined[i * length : (i + 1) * length] for i in range(count)]
                break
    if not lines:
        raise MRZError("The MRZ is empty: scan the document again or type its 2 or 3 lines.")
    for n, line in enumerate(lines, 1):
        match = _ALLOWED.match(line)
        end = match.end() if match else 0
        if end != len(line):
            bad = line[end]
            raise MRZError(
                f"MRZ line {n}, position {end + 1}: the character {bad!r} cannot appear in an MRZ "
                "(only A-Z, 0-9 and <). Check the reader's keyboard layout and scan again."
            )
    key = (len(lines), len(lines[0]))
    if key not in _FORMATS or any(len(ln) != len(lines[0]) for ln in lines):
        lengths = ", ".join(str(len(ln)) for ln in lines)
        raise MRZError(
            f"The MRZ has {len(lines)} line(s) of length {lengths}; expected 2 lines of 44 (passport), "
            "2 of 36 (TD2) or 3 of 30 (identity card). Scan the document again."
        )
    return lines


def _date(yymmdd: str, what: str, *, birth: bool, reference: date) -> date:
    if not yymmdd.isdigit():
        raise MRZError(f"The {what} {yymmdd!r} in the MRZ is not a date (YYMMDD). Scan the document again.")
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    if birth:
        # The century that puts the birth date on or before the reference (crossing) date.
        candidates = [2000 + yy, 1900 + yy]
    else:
        # Expiry dates lie within a few decades of today; prefer this century.
        candidates = [2000 + yy] if 2000 + yy <= reference.year + 50 else [1900 + yy]
    for year in candidates:
        try:
            value = date(year, mm, dd)
        except ValueError:
            raise MRZError(f"The {what} {yymmdd!r} in the MRZ is not a valid date. Scan the document again.") from None
        if not birth or value <= reference:
            return value
    return date(candidates[-1], mm, dd)


def _names(field: str) -> tuple[str, str]:
    primary, _, secondary = field.partition("<<")
    family = primary.replace("<", " ").strip()
    given = " ".join(part for part in secondary.replace("<", " ").split())
    return family, given


def _sex(ch: str) -> str:
    return ch if ch in ("F", "M") else "X"


def _clean(field: str) -> str:
    return field.replace("<", " ").strip().replace(" ", "")


def parse_mrz(text: str, *, reference: date | None = None) -> MRZResult:
    """Parse a TD1, TD2 or TD3 MRZ. `reference` is the crossing date for the birth-date century rule."""
    ref = reference or date.today()
    lines = _normalise(text)
    fmt = _FORMATS[(len(lines), len(lines[0]))]
    if fmt == "TD1":
        return _parse_td1(lines, ref)
    return _parse_td2_td3(lines, fmt, ref)


def _parse_td2_td3(lines: list[str], fmt: str, ref: date) -> MRZResult:
    l1, l2 = lines
    family, given = _names(l1[5:])
    number, number_cd = l2[0:9], l2[9]
    birth, birth_cd = l2[13:19], l2[19]
    expiry, expiry_cd = l2[21:27], l2[27]
    checks = {
        "document_number": _digit_ok(number, number_cd),
        "birth_date": _digit_ok(birth, birth_cd),
        "expiry_date": _digit_ok(expiry, expiry_cd),
    }
    if fmt == "TD3":
        personal = l2[28:42]
        checks["personal_number"] = _digit_ok(personal, l2[42])
        checks["composite"] = _digit_ok(l2[0:10] + l2[13:20] + l2[21:43], l2[43])
    else:
        personal = l2[28:35]
        checks["composite"] = _digit_ok(l2[0:10] + l2[13:20] + l2[21:35], l2[35])
    return MRZResult(
        format=fmt,
        document_type=_clean(l1[0:2]),
        issuing_state=_clean(l1[2:5]),
        family_name=family,
        given_names=given,
        document_number=_clean(number),
        nationality=_clean(l2[10:13]),
        birth_date=_date(birth, "birth date", birth=True, reference=ref),
        sex=_sex(l2[20]),
        expiry_date=_date(expiry, "expiry date", birth=False, reference=ref),
        personal_number=_clean(personal),
        lines=tuple(lines),
        checks=checks,
    )


def _parse_td1(lines: list[str], ref: date) -> MRZResult:
    l1, l2, l3 = lines
    number, number_cd, optional1 = l1[5:14], l1[14], l1[15:30]
    number_checked = number
    if number_cd == "<" and _clean(optional1):
        # Document numbers longer than 9 characters continue in the optional field; the check digit is the
        # last character before the first filler there (ICAO 9303-5, 4.2.4).
        rest = optional1.split("<", 1)[0]
        if rest:
            number_checked, number_cd = number + rest[:-1], rest[-1]
            optional1 = optional1[len(rest) :]
    birth, birth_cd = l2[0:6], l2[6]
    expiry, expiry_cd = l2[8:14], l2[14]
    checks = {
        "document_number": _digit_ok(number_checked, number_cd),
        "birth_date": _digit_ok(birth, birth_cd),
        "expiry_date": _digit_ok(expiry, expiry_cd),
        "composite": _digit_ok(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29]),
    }
    family, given = _names(l3)
    return MRZResult(
        format="TD1",
        document_type=_clean(l1[0:2]),
        issuing_state=_clean(l1[2:5]),
        family_name=family,
        given_names=given,
        document_number=_clean(number_checked),
        nationality=_clean(l2[15:18]),
        birth_date=_date(birth, "birth date", birth=True, reference=ref),
        sex=_sex(l2[7]),
        expiry_date=_date(expiry, "expiry date", birth=False, reference=ref),
        personal_number=_clean(optional1),
        lines=tuple(lines),
        checks=checks,
    )
