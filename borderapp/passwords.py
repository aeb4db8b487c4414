"""Password rules shared by the station's users and the central admins: a minimum length, and none of the
common passwords of `resources/passwords/common.txt` (compared without case and without trailing digits or
symbols, so that "Password123!" counts as "password")."""

from __future__ import annotations

import functools

from borderapp import reference


@functools.cache
def _common() -> frozenset[str]:
    text = (reference.RESOURCES / "passwords" / "common.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip() and line[0] != "#")


def is_common(password: str) -> bool:
    folded = password.strip().casefold()
    return folded in _common() or folded.rstrip("0123456789!@#$%^&*.?_-+= ") in _common()


def problem(password: str, minimum: int) -> str | None:
    """What is wrong with a new password, or None."""
    if len(password) < minimum:
        return f"use at least {minimum} characters"
    if is_common(password):
        return "this password is among the most common ones; choose one that is not a word or a simple sequence"
    return None
