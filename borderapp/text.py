"""Text folding shared by search, matching and the risk rules."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case, diacritics removed, runs of white space collapsed: 'Çela  Ëndrit' -> 'cela endrit'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
