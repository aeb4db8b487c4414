"""Sync benchmark: a two-week backlog pushed from an encrypted station to a loopback server. Not collected by pytest.

    .venv/bin/python tests/bench/bench_sync.py                 # 100,000 events
    .venv/bin/python tests/bench/bench_sync.py --events 20000  # quicker

A real `borderapp-server` process (SQLite, TLS, certificate pinned by the station) and a real station store
(SQLCipher) enrolled by code. Prints: total time and events/s for the whole backlog, compressed bytes on the
wire per event, and, on a second station with the same backlog, the time to finish after the server is killed
at 50% and started again. Checks that the server holds every event exactly once.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from borderapp import demo, services  # noqa: E402
from borderapp.events import uuid7  # noqa: E402
from borderapp.store.station import Session, User, create_station  # noqa: E402
from sync.client import StationSync  # noqa: E402
from sync.errors import Offline  # noqa: E402
from sync.protocol import EnrolmentCode  # noqa: E402
from sync.server.storage import Storage, make_engine  # noqa: E402
from sync.server.tls import ensure_certificate  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, data: Path) -> None:
        data.mkdir(parents=True, exist_ok=True)
        self.data, self.port = data, free_port()
        self.url = f"sqlite:///{data / 'central.db'}"
        storage = Storage(make_engine(self.url))
        storage.create_admin("bench", "bench-password")
        self.admin_id = storage.admin_for(storage.login("bench", "bench-password").token)
        self.fingerprint = ensure_certificate(data, "127.0.0.1")[2]
        storage.engine.dispose()
        self.proc: subprocess.Popen[bytes] | None = None

    def code(self) -> str:
        storage = Storage(make_engine(self.url))
        _, token, _ = storage.create_enrolment(self.admin_id, "KAK", 1)
        storage.engine.dispose()
        return EnrolmentCode(
            server_url=f"https://127.0.0.1:{self.port}", bcp="KAK", token=token, fingerprint=self.fingerprint
        ).text()

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "--data",
                str(self.data),
                "--port",
                str(self.port),
                "--tls",
                "--rate-limit",
                "100000",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                httpx.get(f"https://127.0.0.1:{self.port}/v1/health", verify=False)  # noqa: S501 (a probe only)
                return
            except httpx.ConnectError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        if self.proc:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def stored(self, device_id: str) -> tuple[int, int]:
        engine = make_engine(self.url)
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT count(*), count(DISTINCT seq) FROM events WHERE device_id = :d"), {"d": device_id}
            ).one()
        engine.dispose()
        return int(row[0]), int(row[1])


def station_with_backlog(directory: Path, events: int) -> Session:
    sup = User(id=uuid7(), username="sup", full_name="Bench Supervisor", role="supervisor")
    session = create_station(directory, bcp="KAK", station_name="Bench", supervisor=sup, password="bench-password")
    for start in range(0, events, 5000):
        services.record_many(session, demo.sample_records(min(5000, events - start), "KAK", seed=start))
    return session


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    print(
        f"bench_sync: {args.events:,}-event backlog, Python {sys.version.split()[0]}, {os.cpu_count()} cores",
        flush=True,
    )
    server = Server(work / "central")
    server.start()
    try:
        first = station_with_backlog(work / "station-1", args.events)
        second = station_with_backlog(work / "station-2", args.events)
        print("  backlogs recorded", flush=True)

        sync = StationSync(first)
        sync.enrol(server.code())
        began = time.perf_counter()
        report = sync.sync_once()
        elapsed = time.perf_counter() - began
        total, distinct = server.stored(first.station.device_id)
        assert report.sent == total == distinct == args.events, (report, total, distinct)
        print(
            f"  full backlog: {elapsed:6.1f} s   {args.events / elapsed:8,.0f} events/s end to end   "
            f"{report.bytes_sent / args.events:,.0f} bytes per event on the wire (gzip)   duplicates 0",
            flush=True,
        )

        sync2 = StationSync(second)
        sync2.enrol(server.code())
        device = second.station.device_id
        cut_reached = threading.Event()

        def watch() -> None:
            while server.stored(device)[0] < args.events // 2:
                time.sleep(0.05)
            server.kill()  # the link dies at 50%
            cut_reached.set()

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            sync2.sync_once()
        except Offline as exc:
            print(f"  cut at {server.stored(device)[0]:,} events stored: {exc}", flush=True)
        watcher.join()
        server.start()
        began = time.perf_counter()
        rest = sync2.sync_once()
        elapsed = time.perf_counter() - began
        total, distinct = server.stored(device)
        assert total == distinct == args.events, (total, distinct)
        print(
            f"  after the cut: finished in {elapsed:6.1f} s ({rest.sent:,} events sent again or for the first "
            f"time)   server holds {total:,} events, duplicates {total - distinct}",
            flush=True,
        )
        first.close()
        second.close()
    finally:
        server.kill()


if __name__ == "__main__":
    main()
