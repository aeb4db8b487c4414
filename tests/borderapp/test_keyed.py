"""The keyed people of the patterns: HMAC-SHA256 over the parts as a JSON array. The encoding is part of the
stored data (keys made before and after must match across stations and years), so it is pinned here."""

from __future__ import annotations

import hmac

from hypothesis import given, settings
from hypothesis import strategies as st

from borderapp.patterns import adult_key, child_key, keyed


def test_the_encoding_is_a_json_array() -> None:
    expected = hmac.new(b"k" * 32, b'["adult","ALB","BA1"]', "sha256").hexdigest()
    assert keyed(b"k" * 32, "adult", "ALB", "BA1") == expected
    record = {"child": {"family_name": "Hoxhë", "given_names": "Klea", "birth_date": "2015-03-02"}}
    expected = hmac.new(b"s" * 32, b'["child-name","hoxhe klea","2015-03-02"]', "sha256").hexdigest()
    assert child_key(b"s" * 32, record) == expected


def test_parts_cannot_run_into_each_other() -> None:
    secret = b"k" * 32
    assert keyed(secret, "a|b", "c") != keyed(secret, "a", "b|c")
    assert keyed(secret, 'a","b') != keyed(secret, "a", "b")
    assert adult_key(secret, {"document_state": "AL", "document_number": "BX1"}) != adult_key(
        secret, {"document_state": "ALB", "document_number": "X1"}
    )


@settings(max_examples=200)
@given(st.lists(st.text(max_size=12), min_size=1, max_size=4), st.lists(st.text(max_size=12), min_size=1, max_size=4))
def test_different_parts_give_different_keys(a: list[str], b: list[str]) -> None:
    secret = b"s" * 32
    assert (keyed(secret, *a) == keyed(secret, *b)) == (a == b)
    assert keyed(secret, *a) == keyed(secret, *a)  # the cached set-up is not changed by use
    assert keyed(b"other", *a) != keyed(secret, *a)
