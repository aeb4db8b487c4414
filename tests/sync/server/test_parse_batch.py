"""ingest.parse_batch: a request's JSON as a batch, or 422 naming what is wrong (never the values)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from borderapp.events import Event
from sync import protocol as p
from sync.server.errors import ApiError
from sync.server.ingest import parse_batch
from tests.sync.conftest import chain

EVENT = chain("dev-1", 1)[0].model_dump(mode="json")


def body(payload: dict[str, Any], **fields: Any) -> bytes:
    return json.dumps({"events": [{**EVENT, "payload": payload, **fields}]}, ensure_ascii=False).encode()


def test_integers_beyond_64_bits_keep_their_value_and_the_hash() -> None:
    """A float in place of an integer would change the event's hash and answer a good station 409."""
    for number in (2**70, -(2**63) - 1, 10**30):
        sent = Event.seal(**{**chain("dev-1", 1)[0].model_dump(exclude={"hash"}), "payload": {"big": number}})
        got = parse_batch(p.PushBatch(events=[sent]).model_dump_json().encode()).events[0]
        assert repr(got.payload["big"]) == repr(number)
        assert got.computed_hash() == sent.hash


def test_broken_json_is_named() -> None:
    lone = json.dumps({"events": [{**EVENT, "event_id": "\ud800"}]}).encode()  # a lone surrogate, escaped
    for broken in (b'{"events": [', b""):
        with pytest.raises(ApiError) as info:
            parse_batch(broken)
        assert (info.value.status, info.value.code) == (422, "validation_failed")
        assert info.value.detail["fields"][0]["problem"].startswith("Invalid JSON")
    with pytest.raises(ApiError) as info:
        parse_batch(lone)
    assert info.value.code == "validation_failed"


@pytest.mark.parametrize(
    ("change", "field"),
    [({"seq": "seven"}, "events.0.seq"), ({"hash": 5}, "events.0.hash"), ({"actor": None}, "events.0.actor")],
)
def test_a_wrong_field_is_named(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ApiError) as info:
        parse_batch(body(EVENT["payload"], **change))
    assert info.value.code == "validation_failed"
    assert [f["field"] for f in info.value.detail["fields"]] == [field]
