"""The background worker: backoff with jitter, catching up when the server comes back, two stations syncing
while the network goes up and down under them."""

from __future__ import annotations

import random
from pathlib import Path

from borderapp import services
from borderapp.store import syncstate
from borderapp.store.station import Session
from sync.client import StationSync
from sync.worker import SyncWorker, backoff, wait_until
from tests.factories import clean_record
from tests.stations import login
from tests.sync.live import live_server
from tests.sync.test_client import assert_exactly_once


def test_backoff_grows_to_its_cap_with_jitter() -> None:
    rng = random.Random(1)
    waits = [backoff(n, base=2, cap=60, rng=rng) for n in range(1, 10)]
    assert 1 <= waits[0] <= 2 and 2 <= waits[1] <= 4 and 4 <= waits[2] <= 8
    assert all(30 <= w <= 60 for w in waits[5:])
    assert len({round(w, 6) for w in waits[5:]}) > 1  # jitter: stations do not retry in step


def test_worker_catches_up_when_the_server_comes_back(tmp_path: Path, station_dir: Path) -> None:
    with live_server(tmp_path / "central") as live:
        port = int(live.url.rsplit(":", 1)[1])
        with login(station_dir, "sup") as s:
            StationSync(s).enrol(live.code())
    with login(station_dir, "off") as booth:
        services.record_many(booth, [clean_record() for _ in range(7)])
        worker = SyncWorker(booth.reopen, interval=30, base=0.2, cap=0.5, seed=3)
        states = []
        worker.subscribe(states.append)
        worker.start()
        try:
            assert wait_until(lambda: worker.state.failures >= 2, 10)  # server down: offline, retrying
            assert worker.state.online is False and "No connection" in (worker.state.last_error or "")
            with live_server(tmp_path / "central", port=port) as again:
                assert wait_until(lambda: worker.state.online is True and worker.state.failures == 0, 10)
                services.record_crossing(booth, clean_record())
                worker.nudge()  # a save wakes it at once
                assert wait_until(lambda: len(again.storage.search("hoxha")) == 8, 10)
                assert wait_until(
                    lambda: worker.state.last_report is not None and worker.state.last_report.backlog == 0, 10
                )
                assert_exactly_once(again, booth)
        finally:
            worker.stop()
    assert states[-1].running is False and any(st.online is False for st in states)


def test_two_stations_with_the_network_going_up_and_down(tmp_path: Path, template_station: Path) -> None:
    import shutil

    from borderapp.events import uuid7
    from borderapp.store.station import User, create_station
    from tests.stations import FAST_KDF

    shutil.copytree(template_station, tmp_path / "kak")
    sup = User(id=uuid7(), username="sup", full_name="Second", role="supervisor")
    create_station(
        tmp_path / "tia", bcp="TIA", station_name="Rinas", supervisor=sup, password="supervisor-pw-1", kdf=FAST_KDF
    ).close()
    sessions: list[Session] = [login(tmp_path / "kak", "sup"), login(tmp_path / "tia", "sup")]
    port = None
    try:
        for round_ in range(3):
            with live_server(tmp_path / "central", port=port) as live:
                port = int(live.url.rsplit(":", 1)[1])
                if round_ == 0:
                    for session in sessions:
                        StationSync(session).enrol(live.code(session.station.bcp))
                for session in sessions:
                    StationSync(session).sync_once()
                    assert_exactly_once(live, session)
            # network down: both stations keep recording
            for i, session in enumerate(sessions):
                services.record_many(
                    session, [clean_record(**{"crossing.bcp": session.station.bcp}) for _ in range(5 + i)]
                )
                with session.reading() as conn:
                    assert syncstate.backlog(conn).count == 5 + i
        with live_server(tmp_path / "central", port=port) as live:
            for session in sessions:
                StationSync(session).sync_once()
                assert_exactly_once(live, session)
            assert {d.bcp: d.acked_seq for d in live.storage.devices()} == {"KAK": 15, "TIA": 18}
    finally:
        for session in sessions:
            session.close()
