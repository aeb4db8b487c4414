"""canonical_json must give exactly the reference bytes: every event hash at the stations and the server
depends on it, and a single different byte would be a broken chain."""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderapp.events import (
    GENESIS_HASH,
    Actor,
    Event,
    _orjson_safe,
    canonical_json,
    reference_canonical_json,
    utc_now,
    uuid7,
)
from borderapp.services import payload_for
from tests.factories import clean_record

leaves = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)  # beyond 64 bits too
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec=None, exclude_categories=["Cs"]))  # all but lone surrogates
)
json_values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=40,
)


def outcome(encode: Any, value: Any) -> bytes | str:
    try:
        return bytes(encode(value))
    except (TypeError, ValueError) as exc:
        return type(exc).__name__


@settings(max_examples=1000)
@given(json_values)
def test_canonical_json_is_the_reference_on_any_json_value(value: Any) -> None:
    assert outcome(canonical_json, value) == outcome(reference_canonical_json, value)


@pytest.mark.parametrize(
    "value",
    [
        {"small": 1e-05, "big": 1e16, "neg": -0.0},  # orjson writes 0.00001 here: json's text must win
        [2**64, -(2**63) - 1],  # beyond orjson's integers
        {"z": 1, "é": 2, "e": 3, "\U0001f600": 4, "\uffff": 5},  # key order by code point
        {"s": '\x00\x1f\x7f\u2028 "\\ \n\t\b\f\r/ ë ç'},  # escapes and unescaped characters
        {1: "int key"},  # json writes "1"; orjson refuses
    ],
)
def test_canonical_json_edge_cases(value: Any) -> None:
    assert canonical_json(value) == reference_canonical_json(value)


def test_values_json_refuses_are_refused() -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    for bad in ({"at": moment}, {"x": math.nan}, {"s": "\ud800"}):  # orjson would write the first one
        assert outcome(canonical_json, bad) == outcome(reference_canonical_json, bad) != b""
        assert isinstance(outcome(canonical_json, bad), str)


def test_a_real_crossing_payload_takes_the_fast_path_and_matches() -> None:
    payload = payload_for(clean_record())
    assert _orjson_safe(payload)
    assert canonical_json(payload) == reference_canonical_json(payload)


def test_nesting_deeper_than_orjson_goes_gives_the_reference_bytes() -> None:
    deep: Any = "leaf"
    for _ in range(400):  # orjson stops at 255 levels
        deep = [deep]
    assert canonical_json({"d": deep}) == reference_canonical_json({"d": deep})


text_fields = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=20)


@settings(max_examples=300)
@given(
    payload=st.dictionaries(st.text(max_size=8), json_values, max_size=5),
    texts=st.tuples(text_fields, text_fields, text_fields, text_fields),
    seq=st.integers(min_value=1, max_value=2**63 - 1),
    badge=st.none() | text_fields,
)
def test_the_envelope_hash_is_sha256_of_the_reference_canonical_json(
    payload: dict[str, Any], texts: tuple[str, str, str, str], seq: int, badge: str | None
) -> None:
    """computed_hash writes the envelope out field by field (and caches actors): it must hash exactly the
    reference encoding of every hashed field."""
    device, kind, record, name = texts
    actor = Actor(user_id=name, name=f"{name} {name}", role="officer", badge=badge)
    ev = Event.seal(
        event_id=uuid7(), device_id=device, seq=seq, type=kind, record_id=record, actor=actor,
        occurred_at=utc_now(), payload=payload, prev_hash=GENESIS_HASH,
    )  # fmt: skip
    assert ev.hash == hashlib.sha256(reference_canonical_json(ev.hashed_fields())).hexdigest()
    assert ev.model_copy(update={"actor": actor.model_copy(update={"role": "supervisor"})}).computed_hash() != ev.hash
