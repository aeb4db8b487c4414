"""The keyed people of the patterns: `_keyed` sets HMAC up by hand (pads fed once per secret) and must give
exactly the standard HMAC-SHA256, or keys made before and after would not match across stations and years."""

from __future__ import annotations

import hmac

from hypothesis import given, settings
from hypothesis import strategies as st

from borderapp.patterns import _keyed, child_key


@settings(max_examples=300)
@given(
    st.binary(max_size=200) | st.binary(min_size=60, max_size=200),
    st.lists(st.text(max_size=40), min_size=1, max_size=4),
)
def test_keyed_is_hmac_sha256(secret: bytes, parts: list[str]) -> None:
    expected = hmac.new(secret, "|".join(parts).encode(), "sha256").hexdigest()
    assert _keyed(secret, *parts) == expected
    assert _keyed(secret, *parts) == expected  # again, from the cached pads


def test_keys_of_long_and_empty_secrets_and_a_child() -> None:
    long_secret = bytes(range(100))  # longer than SHA-256's block: hashed first, as RFC 2104 says
    assert _keyed(long_secret, "a", "b") == hmac.new(long_secret, b"a|b", "sha256").hexdigest()
    assert _keyed(b"", "x") == hmac.new(b"", b"x", "sha256").hexdigest()
    record = {"child": {"family_name": "Hoxha", "given_names": "Klea", "birth_date": "2015-03-02"}}
    expected = hmac.new(b"s" * 32, b"child-name|hoxha klea|2015-03-02", "sha256").hexdigest()
    assert child_key(b"s" * 32, record) == expected
