"""The console's Audit tab: who read children's data at the centre (records searches, records, patterns) and
every admin sign-in, failure and sign-out. A search's text is shown only as the start of its keyed hash: the
same text gives the same hash, so repeated searches for one child stand out, but the text itself is not kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from sync import protocol as p
from ui import i18n
from ui.net import Call
from ui.widgets import read_only_table

if TYPE_CHECKING:
    from ui.console import ConsoleWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Console", text)


def _what(entry: p.AuditEntry) -> str:
    return {"search": _t("records search"), "record": _t("a record"), "patterns": _t("the patterns")}[entry.action]


def _outcome(sign_in: p.SignIn) -> str:
    return {
        "ok": _t("signed in"),
        "failed": _t("wrong name or password"),
        "throttled": _t("refused: too many failures"),
        "disabled": _t("refused: account disabled"),
        "signed_out": _t("signed out"),
    }[sign_in.outcome]


class AuditPage(QWidget):
    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self.console = console
        self.reads = read_only_table("audit_reads", [_t("When"), _t("Admin"), _t("Read"), _t("Record"), _t("Search")])
        self.sign_ins = read_only_table("audit_sign_ins", [_t("When"), _t("Name typed"), _t("From"), _t("Outcome")])
        note = QLabel(
            _t(
                "Every read of children's data at the centre, newest first. A search is shown by the start of a "
                "keyed hash of its text: the same text, the same hash; the text itself is not kept."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.reads, 2)
        layout.addWidget(QLabel(f"<b>{_t('Sign-ins')}</b>"))
        layout.addWidget(self.sign_ins, 1)

    def load(self) -> None:
        client = self.console.client
        Call(self, lambda: (client.audit(), client.sign_ins())).success(self._show).failure(self.console.failed).run()

    def _show(self, result: tuple[list[p.AuditEntry], list[p.SignIn]]) -> None:
        reads, sign_ins = result
        self.reads.setRowCount(len(reads))
        for r, entry in enumerate(reads):
            cells = [i18n.utc_text(entry.at), entry.admin, _what(entry), entry.record_id or "",
                     (entry.search_key or "")[:12]]  # fmt: skip
            for c, text in enumerate(cells):
                self.reads.setItem(r, c, QTableWidgetItem(text))
        self.sign_ins.setRowCount(len(sign_ins))
        for r, sign_in in enumerate(sign_ins):
            for c, text in enumerate([i18n.utc_text(sign_in.at), sign_in.username, sign_in.address, _outcome(sign_in)]):
                self.sign_ins.setItem(r, c, QTableWidgetItem(text))
