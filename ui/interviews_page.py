"""The initial interview: the queue, then the interview itself (presence, checklist, the child's views,
decision and referral, the two signatures), and the papers (referral slip, rights sheet).

What is typed is saved as `interview.saved` events (every 15 s while it changes, on "Save", before a lock and
when leaving the interview), so a lock, a crash or a restart loses nothing. Who sees the content is decided
in `borderapp.interview`; the page shows what it is given. All store work goes through `Op`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from borderapp import interview as iv
from borderapp import services
from ui.dbworker import Op
from ui.interview_form import InterviewForm
from ui.interview_queue import QueuePage


class InterviewsPage(QWidget):
    """The Interviews tab: the queue, and the interview opened from it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        self.queue = QueuePage()
        self.form = InterviewForm()
        self.stack.addWidget(self.queue)
        self.stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.queue.open_button.clicked.connect(self.open_selected)
        self.queue.table.doubleClicked.connect(lambda _: self.open_selected())
        self.form.back.clicked.connect(self.back_to_queue)

    def set_user(self, role: str) -> None:
        self.form.may_create_accounts = services.may(role, "users")

    def load(self) -> None:
        self.queue.load()

    def open_selected(self) -> None:
        item = self.queue.selected()
        if item is None:
            return
        crossing_id = item.crossing.record_id
        Op(self, lambda s: iv.open_interview(s, crossing_id)).success(self.open_interview).run()

    def open_interview(self, interview_id: str) -> None:
        self.form.show_interview(interview_id)
        self.stack.setCurrentWidget(self.form)

    def back_to_queue(self) -> None:
        self.form.flush()
        self.stack.setCurrentWidget(self.queue)
        self.queue.load()

    def flush(self) -> None:
        if self.stack.currentWidget() is self.form:
            self.form.flush()

    def forget(self) -> None:
        """Before a lock: back to the queue, nothing of the child on screen."""
        self.form.view = None
        self.form.header.clear()
        self.stack.setCurrentWidget(self.queue)
        self.queue.table.setRowCount(0)
