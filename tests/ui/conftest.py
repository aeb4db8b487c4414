from collections.abc import Iterator

import pytest

from ui import dbworker
from ui.messages import bridge


@pytest.fixture(autouse=True)
def fresh_db_thread() -> Iterator[None]:
    """Each test gets its own database thread, closed (with its session) at the end; a bug report on the message
    bridge fails the test."""
    bugs: list[str] = []

    def record(summary: str, details: str) -> None:
        bugs.append(f"{summary}\n{details}")

    bridge().bug.connect(record)
    yield
    bridge().bug.disconnect(record)
    dbworker.shutdown()
    assert bugs == [], "a bug reached the message bridge"
