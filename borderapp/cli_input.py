"""Turning command-line input into record data: passwords, JSON, `--set path=value`, and MRZ text."""

from __future__ import annotations

import getpass
import json
import sys
from datetime import datetime
from typing import Any, TextIO

from borderapp.errors import InvalidInput
from borderapp.mrz import MRZResult, parse_mrz

DOC_TYPES = {"P": "passport", "I": "id_card", "A": "id_card", "C": "id_card", "V": "travel_document"}


class Input:
    """Passwords come from a prompt, or with --password-stdin one per line from standard input, in order."""

    def __init__(self, from_stdin: bool, stream: TextIO | None = None) -> None:
        self.from_stdin = from_stdin
        self.stream = stream or sys.stdin

    def password(self, prompt: str) -> str:
        if self.from_stdin:
            line = self.stream.readline()
            if not line:
                raise InvalidInput([("password", "standard input ended before the password; give one per line")])
            return line.rstrip("\r\n")
        return getpass.getpass(prompt)

    def new_password(self, prompt: str) -> str:
        from borderapp.services import password_problems

        first = self.password(prompt)
        problems = password_problems(first, first)
        if not problems and not self.from_stdin:
            problems = password_problems(first, getpass.getpass("Repeat it: "))
        if problems:
            raise InvalidInput(problems)
        return first

    def json_document(self, source: str) -> Any:
        try:
            if source == "-":
                return json.load(self.stream)
            with open(source, encoding="utf-8") as fh:
                return json.load(fh)
        except FileNotFoundError:
            raise InvalidInput([("--json", f"there is no file {source}")]) from None
        except json.JSONDecodeError as exc:
            raise InvalidInput(
                [("--json", f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}")]
            ) from None


def set_path(data: dict[str, Any], assignment: str) -> None:
    """Apply `a.b.c=value`; the value is read as JSON when it parses (numbers, true, null, lists)."""
    path, sep, raw = assignment.partition("=")
    if not sep or not path.strip():
        raise InvalidInput([("--set", f"{assignment!r} is not of the form field.path=value")])
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    *parents, last = path.strip().split(".")
    node: Any = data
    for key in parents:
        if isinstance(node, list):
            if not key.isdigit() or int(key) >= len(node):
                raise InvalidInput([(path, f"there is no item {key} in this list")])
            node = node[int(key)]
        else:
            node = node.setdefault(key, {})
    if isinstance(node, list):
        if not last.isdigit() or int(last) >= len(node):
            raise InvalidInput([(path, f"there is no item {last} in this list")])
        node[int(last)] = value
    else:
        node[last] = value


def apply_mrz(data: dict[str, Any], result: MRZResult) -> None:
    """Fill the child's and the document's fields from the MRZ, without overwriting what was typed."""
    child = data.setdefault("child", {})
    for key, value in (
        ("family_name", result.family_name),
        ("given_names", result.given_names),
        ("birth_date", result.birth_date.isoformat()),
        ("sex", result.sex),
        ("nationality", result.nationality),
    ):
        child.setdefault(key, value)
    doc = data.setdefault("document", {})
    fields: tuple[tuple[str, str | None], ...] = (
        ("type", DOC_TYPES.get(result.document_type[:1], "travel_document")),
        ("issuing_state", result.issuing_state),
        ("number", result.document_number),
        ("expiry", result.expiry_date.isoformat()),
        ("personal_number", result.personal_number or None),
    )
    for key, doc_value in fields:
        doc.setdefault(key, doc_value)
    doc["mrz_lines"] = list(result.lines)
    doc["mrz_checks"] = result.checks


def record_data(options: dict[str, Any], base: dict[str, Any] | None) -> dict[str, Any]:
    """Record data from --json (base) plus the options; MRZ last so typed fields win."""
    data: dict[str, Any] = base or {}
    crossing = data.setdefault("crossing", {})
    for key in ("bcp", "direction", "transport", "vehicle"):
        if options.get(key) is not None:
            crossing[key] = options[key]
    if options.get("time"):
        crossing["crossed_at"] = _local_time(options["time"])
    crossing.setdefault("crossed_at", datetime.now().astimezone().isoformat())
    child = data.setdefault("child", {})
    for key in ("family_name", "given_names", "birth_date", "sex", "nationality", "estimated_age"):
        if options.get(key) is not None:
            child[key] = options[key]
    if options.get("presumed_minor"):
        child["presumed_minor"] = True
    for key in ("type", "number", "state", "expiry"):
        if options.get(f"document_{key}") is not None:
            data.setdefault("document", {})["issuing_state" if key == "state" else key] = options[f"document_{key}"]
    if options.get("accompaniment"):
        data["accompaniment"] = options["accompaniment"]
    for adult in options.get("adult") or []:
        data.setdefault("adults", []).append(parse_adult(adult))
    if options.get("outcome"):
        data["outcome"] = options["outcome"]
    for assignment in options.get("set") or []:
        set_path(data, assignment)
    if options.get("mrz"):
        crossed = str(crossing["crossed_at"])[:10]
        try:
            reference = datetime.fromisoformat(crossed).date()
        except ValueError:
            reference = None
        apply_mrz(data, parse_mrz(options["mrz"], reference=reference))
    return data


# The options that set a record's fields, named in the command line's error messages.
OPTIONS = {
    "crossing.bcp": "--bcp",
    "crossing.direction": "--direction",
    "crossing.crossed_at": "--time",
    "crossing.transport": "--transport",
    "child.family_name": "--family-name or --mrz",
    "child.given_names": "--given-names or --mrz",
    "child.birth_date": "--birth-date or --mrz",
    "child.estimated_age": "--estimated-age",
    "child.sex": "--sex or --mrz",
    "child.nationality": "--nationality or --mrz",
    "document.type": "--document-type",
    "document.number": "--document-number or --mrz, or --document-type none",
    "document.issuing_state": "--document-state or --mrz",
    "document.expiry": "--document-expiry or --mrz",
    "accompaniment": "--accompaniment",
    "adults": "--adult FAMILY,GIVEN,RELATIONSHIP[,DOC]",
    "outcome": "--outcome",
}


def with_options(problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The record's problems, each followed by the option that sets its field (else `--set path=value`)."""
    out = []
    for path, text in problems:
        option = OPTIONS.get(path) or (f"--set {path}=..." if "." in path else None)
        out.append((path, f"{text}; set it with {option}" if option else text))
    return out


def _local_time(text: str) -> str:
    """A time typed without a zone is the workstation's local time."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput([("--time", f"{text!r} is not a date-time; write it as 2026-07-01T10:30")]) from None
    return (moment if moment.tzinfo else moment.astimezone()).isoformat()


def parse_adult(text: str) -> dict[str, Any]:
    """`FAMILY,GIVEN,RELATIONSHIP[,DOCUMENT_NUMBER]` -> adult data."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) not in (3, 4) or not all(parts[:3]):
        raise InvalidInput(
            [
                (
                    "--adult",
                    f"{text!r}: write FAMILY,GIVEN,RELATIONSHIP[,DOCUMENT_NUMBER], for example "
                    "'Hoxha,Arben,father,BA1234567'",
                )
            ]
        )
    adult = {"family_name": parts[0], "given_names": parts[1], "relationship": parts[2]}
    if len(parts) == 4 and parts[3]:
        adult["document_number"] = parts[3]
    return adult
