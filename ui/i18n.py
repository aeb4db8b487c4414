"""English and Albanian: Qt translation files, the workstation's choice, and the catalogue of UI strings.

Every visible string in `ui/` goes through a module's `_t("literal")`, which is
`QCoreApplication.translate("<Context>", text)`. The Albanian translations live in
`resources/i18n/borderapp_sq.ts` (Qt Linguist's format) and are compiled to `borderapp_sq.qm`, which is
committed next to it. After changing UI strings run

    .venv/bin/python -m ui.i18n

which adds new strings to the .ts (marked unfinished), keeps the existing translations, drops vanished ones,
and compiles the .qm. tests/ui/test_i18n.py fails while any string lacks a translation or the .qm is stale.

The language is the workstation's (the login page needs it before anything is unlocked): a one-word file
`language` in the store directory, holding no personal data.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QComboBox

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = {"en": "English", "sq": "Shqip"}
LOCALES = {
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    "sq": QLocale(QLocale.Language.Albanian, QLocale.Country.Albania),
}
_current = "en"
_translators: list[QTranslator] = []


def ts_path(language: str) -> Path:
    return I18N_DIR / f"borderapp_{language}.ts"


def qm_path(language: str) -> Path:
    return I18N_DIR / f"borderapp_{language}.qm"


def current() -> str:
    return _current


def install(language: str) -> None:
    """Switch the application's translator and locale (dates and numbers). English needs no file."""
    global _current
    if language not in LANGUAGES:
        language = "en"
    app = QCoreApplication.instance()
    for translator in _translators:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _translators.clear()
    if language != "en":
        translator = QTranslator()
        if not translator.load(str(qm_path(language))):
            raise FileNotFoundError(f"The translation {qm_path(language)} is missing; run python -m ui.i18n")
        QCoreApplication.installTranslator(translator)
        _translators.append(translator)
    QLocale.setDefault(LOCALES[language])
    _current = language


def saved_language(store: Path) -> str:
    try:
        value = (store / "language").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "en"
    return value if value in LANGUAGES else "en"


def save_language(store: Path, language: str) -> None:
    if store.is_dir():  # before the first run's station exists there is nowhere to keep it
        (store / "language").write_text(language + "\n", encoding="ascii")


def language_box() -> QComboBox:
    box = QComboBox()
    box.setObjectName("language")
    for code, name in LANGUAGES.items():
        box.addItem(name, code)
    box.setCurrentIndex(max(box.findData(_current), 0))
    return box


# Dates with four-digit years and 24-hour times, as each country writes them (Qt's short formats give
# two-digit years, and "e paradites" in Albanian, which a border log must not).
DATE_FORMATS = {"en": "dd/MM/yyyy", "sq": "dd.MM.yyyy"}


def date_text(iso: str) -> str:
    """A stored date (YYYY-MM-DD...) as the chosen language writes it."""
    day = QDate.fromString(iso[:10], "yyyy-MM-dd")
    return day.toString(DATE_FORMATS[_current]) if day.isValid() else iso


def datetime_text(when: QDateTime) -> str:
    """A moment in this workstation's time zone, as the chosen language writes dates, 24-hour clock."""
    return when.toLocalTime().toString(DATE_FORMATS[_current] + " HH:mm")


def utc_text(iso: str | None) -> str:
    """A stored UTC time (ISO 8601) in local time, or '-'."""
    if not iso:
        return "-"
    when = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    return datetime_text(when) if when.isValid() else iso


# -- the catalogue ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    context: str
    text: str
    where: str  # file:line


def catalogue(directory: Path = UI_DIR) -> tuple[list[Source], list[str]]:
    """Every `_t("literal")` in ui/ with its module's context, and every `_t(<not a literal>)` as a problem."""
    found: list[Source] = []
    problems: list[str] = []
    for path in sorted(directory.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        context = _context_of(tree)
        for node in ast.walk(tree):
            # _t("literal") translates where it stands; N_("literal") only marks it (translated later).
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_t", "N_")):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            arg = node.args[0] if node.args else None
            if context is None or not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                problems.append(f"{where}: _t() needs a string literal (and the module a context)")
                continue
            found.append(Source(context, arg.value, where))
    return found, problems


def _context_of(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_t":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and call.args and isinstance(call.args[0], ast.Constant):
                    return str(call.args[0].value)
    return None


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) -> (translation, finished)."""
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    if not path.exists():
        return out
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314  (our own file)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            text = element.text or "" if element is not None else ""
            finished = element is not None and element.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, source)] = (text, finished)
    return out


def write_ts(path: Path, language: str, sources: list[Source], old: dict[tuple[str, str], tuple[str, bool]]) -> int:
    """Write the .ts for these sources, keeping known translations. Returns how many are unfinished."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    unfinished = 0
    by_context: dict[str, dict[str, Source]] = {}
    for source in sources:
        by_context.setdefault(source.context, {}).setdefault(source.text, source)
    for context in sorted(by_context):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for text, source in sorted(by_context[context].items()):
            message = ET.SubElement(element, "message")
            file = source.where.partition(":")[0]  # no line numbers: the file would change with every edit
            ET.SubElement(message, "location", filename=f"../../{file}")
            ET.SubElement(message, "source").text = text
            translation, finished = old.get((context, text), ("", False))
            node = ET.SubElement(message, "translation")
            node.text = translation
            if not (finished and translation):
                node.set("type", "unfinished")
                unfinished += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return unfinished


def lrelease() -> str:
    found = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    sources, problems = catalogue()
    for problem in problems:
        print(problem, file=sys.stderr)
    for language in LANGUAGES:
        if language == "en":
            continue
        ts = ts_path(language)
        unfinished = write_ts(ts, language, sources, read_ts(ts))
        compile_qm(ts, qm_path(language))
        print(f"{ts.relative_to(ROOT)}: {len(sources)} strings, {unfinished} without a translation")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
