"""What may import what (docs/ARCHITECTURE.md): every module's imports, read from its source, against the rules."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# package -> the imports its modules may not make (module prefixes), and why
RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "borderapp": (
        ("ui", "sync", "PySide6", "httpx", "fastapi", "sqlalchemy"),
        "the domain and the store run without a screen or a network",
    ),
    "sync": (("ui", "PySide6"), "the sync client and the server run without Qt"),
    "sync.server": (
        ("borderapp.store", "sync.client", "sync.worker", "sync.admin"),
        "the server never opens a station's store",
    ),
}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def violations(root: Path) -> tuple[int, list[str]]:
    """(modules read, one line per forbidden import)."""
    broken, checked = [], 0
    for path in sorted(p for package in ("borderapp", "sync", "ui") for p in (root / package).rglob("*.py")):
        name = ".".join(path.relative_to(root).with_suffix("").parts)
        checked += 1
        for package, (forbidden, why) in RULES.items():
            if name == package or name.startswith(package + "."):
                for imported in sorted(imports(path)):
                    if any(imported == f or imported.startswith(f + ".") for f in forbidden):
                        broken.append(f"{name} imports {imported}: {why}")
    return checked, broken


def test_no_module_imports_what_its_layer_may_not() -> None:
    checked, broken = violations(ROOT)
    assert checked > 50
    assert broken == []


def test_a_forbidden_import_is_found(tmp_path: Path) -> None:
    (tmp_path / "borderapp").mkdir()
    (tmp_path / "sync" / "server").mkdir(parents=True)
    (tmp_path / "borderapp" / "bad.py").write_text("import httpx\nfrom ui.app import MainWindow\nimport json\n")
    (tmp_path / "sync" / "server" / "worse.py").write_text("def f():\n    from borderapp.store import db\n")
    assert violations(tmp_path) == (
        2,
        [
            "borderapp.bad imports httpx: the domain and the store run without a screen or a network",
            "borderapp.bad imports ui.app: the domain and the store run without a screen or a network",
            "sync.server.worse imports borderapp.store: the server never opens a station's store",
        ],
    )
