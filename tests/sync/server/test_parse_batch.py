"""ingest.parse_batch: orjson builds the objects, pydantic validates them; the batch must be exactly the one
pydantic's own JSON parser gives, and what orjson refuses must still get pydantic's answer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync import protocol as p
from sync.server.errors import ApiError
from sync.server.ingest import parse_batch
from tests.sync.conftest import chain

EVENT = chain("dev-1", 1)[0].model_dump(mode="json")

EDGES = [2**63 - 1, -(2**63), -(2**63) - 1, 2**64 - 1, 2**64, 10**19, -(10**19), 2**70, 10**30, 1e19, -0.0, 5e-324]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)  # orjson makes floats of those beyond 64 bits
    | st.sampled_from(EDGES)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
    | st.from_regex(r"[0-9a-f -]{0,30}", fullmatch=True),  # runs of digits inside strings
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def body(payload: dict[str, Any], **fields: Any) -> bytes:
    return json.dumps({"events": [{**EVENT, "payload": payload, **fields}]}, ensure_ascii=False).encode()


def same(a: p.PushBatch, b: p.PushBatch) -> bool:
    """Equal down to the types (1, 1.0 and True are equal in Python, not in an event's hash)."""
    return repr(a.model_dump()) == repr(b.model_dump()) and [e.computed_hash() for e in a.events] == [
        e.computed_hash() for e in b.events
    ]


@settings(max_examples=400, deadline=None)
@given(extra=st.dictionaries(st.text(max_size=12), json_values, max_size=5))
def test_the_batch_is_the_one_pydantics_parser_gives(extra: dict[str, Any]) -> None:
    raw = body({**EVENT["payload"], **extra})
    assert same(parse_batch(raw), p.PushBatch.model_validate_json(raw))


def test_what_orjson_refuses_gets_pydantics_answer() -> None:
    for number in (2**70, -(2**63) - 1):  # orjson would make floats of them: they go to pydantic's parser
        raw = body({**EVENT["payload"], "big": number})
        assert repr(parse_batch(raw).events[0].payload["big"]) == repr(number)
    lone = json.dumps({"events": [{**EVENT, "event_id": "\ud800"}]}).encode()  # a lone surrogate, escaped
    for broken, problem in ((b'{"events": [', "Invalid JSON"), (lone, "Invalid JSON"), (b"", "Invalid JSON")):
        with pytest.raises(ApiError) as info:
            parse_batch(broken)
        assert (info.value.status, info.value.code) == (422, "validation_failed")
        assert info.value.detail["fields"][0]["problem"].startswith(problem)


@pytest.mark.parametrize(
    ("change", "field"),
    [({"seq": "seven"}, "events.0.seq"), ({"hash": 5}, "events.0.hash"), ({"actor": None}, "events.0.actor")],
)
def test_a_wrong_field_is_named(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ApiError) as info:
        parse_batch(body(EVENT["payload"], **change))
    assert info.value.code == "validation_failed"
    assert [f["field"] for f in info.value.detail["fields"]] == [field]
