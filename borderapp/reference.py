"""Reference data kept as editable files in `resources/` (BCPs, risk-flag texts), loaded once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
LANGUAGES = ("en", "sq")


class BCP(BaseModel, frozen=True):
    code: str
    name: str
    kind: str  # land, sea or air
    neighbour: str | None
    prefecture: str


def _load(name: str) -> Any:
    with (RESOURCES / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def bcps() -> dict[str, BCP]:
    """Border crossing points by code."""
    return {item["code"]: BCP.model_validate(item) for item in _load("bcps.json")["bcps"]}


@cache
def flag_texts(language: str) -> dict[str, Any]:
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; choose one of {', '.join(LANGUAGES)}.")
    data: dict[str, Any] = _load(f"flags/{language}.json")
    return data


@cache
def checklists() -> dict[str, dict[str, Any]]:
    """Interview checklists by '<id>-<version>' (file name), each with its items in English and Albanian."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((RESOURCES / "checklists").glob("*.json")):
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        key = f"{data['id']}-{data['version']}"
        if path.stem != key:
            raise ValueError(f"{path.name}: the file name must be {key}.json (id and version inside the file)")
        out[key] = data
    return out
