"""Albanian everywhere: every UI string has a translation, the compiled .qm is current, and the screens built in
Albanian show no text that is the same as in English (which is how an untranslated string shows)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.test_records_view import signed_in_window
from ui import i18n
from ui.app import MainWindow

PLACEHOLDER = re.compile(r"\{\d\}")


def test_every_ui_string_has_a_finished_albanian_translation_with_the_same_placeholders() -> None:
    sources, problems = i18n.catalogue()
    assert problems == []
    assert len(sources) > 200
    translations = i18n.read_ts(i18n.ts_path("sq"))
    missing = []
    for source in sources:
        translation, finished = translations.get((source.context, source.text), ("", False))
        if not (finished and translation):
            missing.append(f"{source.where}: {source.text!r}")
            continue
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(source.text)), source
        assert translation.count("&") == source.text.count("&"), f"keyboard accelerator lost: {source}"
    assert missing == [], "untranslated (run python -m ui.i18n, then translate):\n" + "\n".join(missing)


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "sq.qm"
    i18n.compile_qm(i18n.ts_path("sq"), fresh)
    assert fresh.read_bytes() == i18n.qm_path("sq").read_bytes(), "run python -m ui.i18n to compile the .qm"


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for the static texts of a screen: labels, buttons, titles, placeholders, choices, headers."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel | QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            yield name, w.placeholderText()
        elif isinstance(w, QComboBox) and w.objectName() not in ("language", "rights_language", "enrol_bcp"):  # data
            for i in range(w.count()):
                yield name, w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield name, w.tabText(i)
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                yield name, str(model.headerData(c, Qt.Orientation.Horizontal))


# Text that is the same in both languages on purpose: codes, abbreviations, shortcuts, the product's name.
SAME = {"MRZ", "F (female)", "M (male)", "Sport", "ALB, GRC, XKX…", "BorderApp", "Enter", "Ctrl+S", "None", "CSV…"}
DATA = re.compile(r"^[\W\d_]*$|^[A-Z0-9<]{3,}$")  # punctuation, numbers, codes


def screen_texts(window: MainWindow) -> set[str]:
    texts = set()
    for page in (window.setup, window.login, window.tabs, window.entry, window.records, window.users, window.settings,
                 window.report):  # fmt: skip
        if page is None:
            continue
        for _, text in visible_texts(page):
            text = re.sub(r"<[^>]+>", " ", text).strip()  # rich text: the words only
            if text and not DATA.match(text):
                texts.add(text)
    return texts


def console_texts(console: object) -> set[str]:
    texts = set()
    for _, text in visible_texts(console):  # type: ignore[arg-type]
        text = re.sub(r"<[^>]+>", " ", text).strip()
        if text and not DATA.match(text):
            texts.add(text)
    return texts


def build(qtbot: QtBot, station_dir: Path, language: str) -> set[str]:
    i18n.install(language)
    window = signed_in_window(qtbot, station_dir, "sup")
    window.entry.add_adult(focus=False)  # an adult's box too
    first_run = MainWindow(str(station_dir.parent / "no-station-yet"))
    qtbot.addWidget(first_run)
    from ui.console import ConsoleWindow

    console = ConsoleWindow("https://127.0.0.1:1")
    qtbot.addWidget(console)
    texts = screen_texts(window) | screen_texts(first_run) | console_texts(console)
    window.close()
    first_run.close()
    return texts


@pytest.mark.parametrize("language", ["sq"])
def test_no_english_text_is_left_on_the_albanian_screens(qtbot: QtBot, station_dir: Path, language: str) -> None:
    try:
        english = build(qtbot, station_dir, "en")
        albanian = build(qtbot, station_dir, language)
    finally:
        i18n.install("en")
    names = {"Drita Supervisor", "Ilir Officer", "Vera Social", "Kakavijë test"}
    left = sorted(t for t in english & albanian if t not in SAME and not any(n in t for n in names))
    assert left == [], f"untranslated on the {language} screens: {left}"
    assert "Kalim i &ri" in albanian and "Flamujt e rrezikut" in albanian
