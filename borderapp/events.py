"""The event envelope (ARCHITECTURE.md): identifiers, canonical JSON and the hash chain.

Shared by the station store and, later, the central server: both must compute the same hash from the same
fields, so this module is free of any storage.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
import uuid
from datetime import UTC, datetime
from json.encoder import encode_basestring
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

GENESIS_HASH = "0" * 64


def uuid7(now_ms: int | None = None) -> str:
    """RFC 9562 UUID version 7: 48-bit Unix milliseconds, then random bits; sorts by creation time."""
    ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & (2**48 - 1)) << 80
    value |= 0x7 << 76  # version
    value |= (rand >> 62 & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & (2**62 - 1)  # rand_b
    return str(uuid.UUID(int=value))


def reference_canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes the hash is taken over (the definition; see canonical_json)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


_JSON_SCALARS = frozenset({str, int, bool, type(None)})


def _orjson_safe(value: Any) -> bool:
    """Whether orjson writes exactly reference_canonical_json's bytes for this value: only dicts, lists, str,
    int, bool and None. Floats are written differently (1e-05 against 0.00001) and other types (datetime, enums,
    subclasses) are written by orjson where json would refuse them. Our payloads hold no floats."""
    kind = type(value)
    if kind is dict:
        items = value.values()  # a key that is not a str makes orjson raise: handled by the caller
    elif kind is list:
        items = value
    else:
        return kind in _JSON_SCALARS
    for item in items:
        kind = type(item)
        if kind is dict or kind is list:
            if not _orjson_safe(item):
                return False
        elif kind not in _JSON_SCALARS:
            return False
    return True


def canonical_json(value: Any) -> bytes:
    """reference_canonical_json's bytes, 2-3 times faster: orjson where it is known to give the same bytes
    (property-tested in tests/borderapp/test_events.py), the json module otherwise. orjson sorts keys by UTF-8
    bytes, which is the code-point order json uses."""
    try:
        safe = _orjson_safe(value)
    except RecursionError:  # nested deeper than orjson goes (255) anyway: json decides
        safe = False
    if safe:
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except TypeError:  # an int beyond 64 bits, a key that is not a str, a lone surrogate
            pass
    return reference_canonical_json(value)


def utc_now() -> str:
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Actor(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    user_id: str = Field(min_length=1, max_length=64)
    name: str = Field(max_length=200)
    role: str = Field(max_length=32)
    badge: str | None = Field(default=None, max_length=40)


@functools.lru_cache(maxsize=1024)
def _actor_json(actor: Actor) -> str:
    """An actor's canonical JSON. A station's events come from a handful of users, so a batch repeats a few
    actors hundreds of times; equal actors (frozen, compared by value) give equal JSON."""
    return canonical_json(actor.model_dump(mode="json")).decode()


class Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    event_id: str = Field(min_length=1, max_length=64)
    device_id: str = Field(min_length=1, max_length=64)
    seq: int = Field(ge=1, le=2**63 - 1)
    type: str = Field(min_length=1, max_length=64)
    record_id: str = Field(min_length=1, max_length=64)
    actor: Actor
    occurred_at: str = Field(max_length=40)
    payload: dict[str, Any]
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)

    def hashed_fields(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude={"hash"})

    def encoded(self) -> tuple[str, str]:
        """(actor, payload) as canonical JSON: what is hashed, and what storage keeps. Callers that need both
        the hash and the stored text compute this once and pass it to `computed_hash`."""
        return _actor_json(self.actor), canonical_json(self.payload).decode()

    def computed_hash(self, encoded: tuple[str, str] | None = None) -> str:
        # Canonical JSON of the envelope, written out field by field in sorted key order: the same bytes as
        # canonical_json(self.hashed_fields()) (tested), without encoding the payload twice.
        actor_json, payload_json = encoded or self.encoded()
        e = encode_basestring  # what json.dumps does for a str, minus its overhead
        envelope = (
            f'{{"actor":{actor_json},"device_id":{e(self.device_id)},"event_id":{e(self.event_id)},'
            f'"occurred_at":{e(self.occurred_at)},"payload":{payload_json},"prev_hash":{e(self.prev_hash)},'
            f'"record_id":{e(self.record_id)},"seq":{int(self.seq)},"type":{e(self.type)}}}'
        )
        return hashlib.sha256(envelope.encode()).hexdigest()

    @classmethod
    def seal(cls, **fields: Any) -> Event:
        """Build an event and compute its hash from every other field.

        The payload is hashed as given (a JSON-ready dict); `computed_hash()` on the result gives the same
        value. Validation of the envelope runs once, on the finished event.
        """
        draft = cls.model_validate({**fields, "hash": ""})
        return draft.model_copy(update={"hash": draft.computed_hash()})
