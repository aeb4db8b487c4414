"""fold() keys names for search, matching and the keyed people of the patterns: its fast path for ASCII text
must give what the full Unicode path gives, or the same child would get two keys."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from borderapp.text import fold


def unicode_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@settings(max_examples=500)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_fast_path_equals_the_unicode_path(text: str) -> None:
    assert fold(text) == unicode_fold(text)


def test_names_with_diacritics_and_odd_spaces() -> None:
    assert fold("Çela  Ëndrit") == "cela endrit"
    assert fold(" HOXHA\t\nKlea ") == "hoxha klea"
    assert fold("Straße") == "strasse"
