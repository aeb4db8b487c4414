"""Interview events reach the central server and are projected there by the station's own fold: the same
status and times on both sides, nothing quarantined; a malformed interview event is quarantined by field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from borderapp import interview as iv
from borderapp import services
from borderapp.events import Event
from borderapp.interview_state import COLUMNS
from borderapp.store import interviews
from sync.client import StationSync
from sync.server import schema as s
from sync.server.ingest import payload_problem
from tests.interviews import FAT_PW, complete_content, referral_now
from tests.stations import PASSWORDS, login
from tests.sync.live import LiveServer, live_server


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveServer]:
    with live_server(tmp_path / "central") as live:
        yield live


def test_a_signed_interview_reads_the_same_at_the_server(station_dir: Path, flagged: str, server: LiveServer) -> None:
    with login(station_dir, "sup") as s_:
        StationSync(s_).enrol(server.code())
        interview_id = iv.open_interview(s_, flagged)
        iv.record_presence(s_, interview_id, "female_at_officer", "fat", FAT_PW)
        iv.record_presence(s_, interview_id, "social_worker", "sw", PASSWORDS["sw"])
        iv.sign(s_, interview_id, complete_content(), "potential_victim", referral_now(),
                iv.Signature("fat", FAT_PW), iv.Signature("sw", PASSWORDS["sw"]))  # fmt: skip
        report = StationSync(s_).sync_once()
        assert report.quarantined == 0 and report.backlog == 0
        with s_.reading() as conn:
            station_row = interviews.get(conn, interview_id)
        now = datetime.now(UTC)
        quarter = (now.month - 1) // 3 + 1
        station_report = services.station_report(s_, now.year, quarter).table()
    # What was said stays sealed at the server: the event is there (the chain needs it), the words are not.
    e = s.events.c
    with server.storage.engine.connect() as conn:
        payloads = [r[0] for r in conn.execute(select(e.payload).where(e.type.like("interview.%")))]
    assert payloads and not any("wants to go home" in text or "done" in text for text in payloads)
    assert any('"content_sealed"' in text for text in payloads)
    # The central report, by the same code over the central store, says the same.
    assert server.storage.report(now.year, quarter).table() == station_report
    assert station_report[0]["interviews"] == 1
    i = s.interviews.c
    with server.storage.engine.connect() as conn:
        central = conn.execute(select(*[i[c] for c in COLUMNS]).where(i.interview_id == interview_id)).mappings().one()
    assert dict(central) == station_row
    assert central["status"] == "signed" and central["crossing_at"] != ""


def test_malformed_interview_events_are_named_for_quarantine() -> None:
    def event(type_: str, payload: dict[str, object]) -> Event:
        return Event.model_construct(type=type_, payload={"schema_version": 1, **payload}, record_id="x")

    assert payload_problem(event("interview.opened", {})) == "invalid interview.opened: crossing_id, checklist"
    assert payload_problem(event("interview.attended", {"role": "boss"})) == "invalid interview.attended: role"
    signed = {"decision": "no_concern", "signatures": [{}]}
    assert payload_problem(event("interview.signed", signed)) == "invalid interview.signed: signatures"
    corrected = {"decision": "no_concern"}
    assert payload_problem(event("interview.corrected", corrected)) == "interview.corrected without a reason"
    saved = {"content": {"items": {"a": {"answer": "maybe"}}}}
    assert payload_problem(event("interview.saved", saved)) == "invalid interview.saved: items.a.answer"
    assert payload_problem(event("interview.saved", {"content": {"child_views": "ok"}})) is None
