"""Central server benchmark: prints events/s and batch latency per backend. Not collected by pytest.

    .venv/bin/python tests/bench/bench_server.py                  # 100k events, SQLite and PostgreSQL
    .venv/bin/python tests/bench/bench_server.py --events 20000   # a quicker run
    .venv/bin/python tests/bench/bench_server.py --backends sqlite --repeat 3   # each case 3 times, then medians

For each backend: a real `borderapp-server` process (uvicorn, loopback), fed gzip batches of 500 events over
HTTP by one device, then by 8 devices at once (threads). Batches are built and compressed before the clock
starts. Target (docs/PERFORMANCE.md): at least 2,000 events/s in each case; the real national load is a few
events a second. This machine's figures move by 10-20% from minute to minute: `--repeat N` runs each case N
times and ends with the medians.
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from borderapp import demo, services  # noqa: E402
from borderapp.events import GENESIS_HASH, Actor, Event, utc_now, uuid7  # noqa: E402
from sync import protocol as p  # noqa: E402
from sync.server.ingest import Checked  # noqa: E402
from sync.server.storage import Storage, make_engine  # noqa: E402

PG_ADMIN = os.environ.get("BORDERAPP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
ACTOR = Actor(user_id="bench-user", name="Bench Officer", role="officer", badge="B-1")
BATCH = 500


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def make_chain(device_id: str, count: int, seed: int) -> list[Event]:
    """A station's log of `count` crossings: every child different, in the order of their crossing times, as
    a station records them. (Until 2026-11-29 the chain reused 2,000 sample records in a cycle, so each batch's
    crossing times landed all over the time indexes; that shape gave SQLite 4,391 events/s, see PERFORMANCE.md.)"""
    records = sorted(demo.sample_records(count, "KAK", seed=seed), key=lambda r: r.crossing.crossed_at)
    payloads = [services.payload_for(r) for r in records]
    out, prev = [], GENESIS_HASH
    for i in range(count):
        ev = Event.seal(
            event_id=uuid7(),
            device_id=device_id,
            seq=i + 1,
            type="crossing.recorded",
            record_id=uuid7(),
            actor=ACTOR,
            occurred_at=utc_now(),
            payload=payloads[i % len(payloads)],
            prev_hash=prev,
        )
        out.append(ev)
        prev = ev.hash
    return out


def bodies(events: list[Event]) -> list[bytes]:
    return [
        gzip.compress(p.PushBatch(events=events[i : i + BATCH]).model_dump_json().encode(), 5)
        for i in range(0, len(events), BATCH)
    ]


def fresh_database(backend: str, work: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{work / f'central-{time.monotonic_ns()}.db'}"
    name = "borderapp_bench"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def enrol_devices(url: str, device_ids: list[str]) -> dict[str, str]:
    storage = Storage(make_engine(url))
    storage.create_admin("bench", "bench-password")
    admin_id = storage.admin_for(storage.login("bench", "bench-password").token)
    creds = {}
    for device in device_ids:
        _, token, _ = storage.create_enrolment(admin_id, "KAK", 1)
        creds[device] = storage.enrol(p.EnrolRequest(token=token, device_id=device, station_name=device)).credential
    storage.engine.dispose()
    return creds


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "sync.server.cli",
        "--database-url",
        url,
        "--port",
        str(port),
        "--rate-limit",
        "100000",
        "--workers",
        str(workers),
    ]
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(f"{base}/v1/health")
            return proc, base
        except httpx.ConnectError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")  # its stderr is above


def push_all(base: str, credential: str, batches: list[bytes], latencies: list[float]) -> None:
    headers = {"Authorization": f"Bearer {credential}", "Content-Encoding": "gzip", "Content-Type": "application/json"}
    with httpx.Client(base_url=base, timeout=60) as client:
        for body in batches:
            t = time.perf_counter()
            r = client.post("/v1/events", content=body, headers=headers)
            latencies.append(time.perf_counter() - t)
            if r.status_code != 200:
                raise RuntimeError(f"push failed: {r.status_code} {r.text[:200]}")


def run_server(
    backend: str, work: Path, chains: dict[str, list[Event]], workers: int
) -> tuple[float, list[float], float]:
    url = fresh_database(backend, work)
    creds = enrol_devices(url, list(chains))
    prepared = {device: bodies(events) for device, events in chains.items()}
    wire = sum(len(b) for bs in prepared.values() for b in bs)
    proc, base = start_server(url, workers)
    latencies: list[float] = []
    try:
        threads = [threading.Thread(target=push_all, args=(base, creds[d], prepared[d], latencies)) for d in chains]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    total = sum(len(events) for events in chains.values())
    engine = make_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        distinct = conn.execute(text("SELECT count(DISTINCT event_id) FROM events")).scalar_one()
    engine.dispose()
    assert stored == distinct == total, (stored, distinct, total)
    return total / elapsed, latencies, wire / total


def check_cost(events: list[Event]) -> float:
    """The server's checks of an event (Checked.of), in us, best of 3 passes: this machine's speed of the day
    for plain Python work (it has moved by a factor of 3 between days), printed so that runs can be compared."""
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for ev in events:
            Checked.of(ev, b"k" * 32)
        best = min(best, (time.perf_counter() - began) / len(events) * 1e6)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--workers", default="1,2", help="server processes to try")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each case (each with its own baseline)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-server-"))
    print(
        f"bench_server: {args.events:,} events in batches of {BATCH}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores",
        flush=True,
    )
    one = {"device-1": make_chain("device-1", args.events, seed=1)}
    print(f"machine speed: the checks of an event take {check_cost(one['device-1'][:2000]):.0f} us", flush=True)
    eight = {f"device-{i}": make_chain(f"device-{i}", args.events // 8, seed=i) for i in range(1, 9)}
    summary: dict[tuple[str, str, int], list[float]] = {}
    for backend in args.backends.split(","):
        print(f"\n== {backend} ==", flush=True)
        for label, chains in (("1 device ", one), ("8 devices", eight)):
            for _ in range(args.repeat):
                for workers in [int(w) for w in args.workers.split(",")]:
                    rate, lat, per_event = run_server(backend, work, chains, workers)
                    summary.setdefault((backend, label, workers), []).append(rate)
                    print(
                        f"  {label}, {workers} worker(s): {rate:8,.0f} events/s   batch p50 {pct(lat, 0.5) * 1000:6.1f} ms"
                        f"  p95 {pct(lat, 0.95) * 1000:6.1f} ms   {per_event:,.0f} gzip bytes/event",
                        flush=True,
                    )
    if args.repeat > 1:
        print(f"\nmedians of {args.repeat} runs (lowest in brackets):")
        for (backend, label, workers), rates in summary.items():
            print(f"  {backend:10s} {label}, {workers} worker(s): {statistics.median(rates):8,.0f} events/s ({min(rates):,.0f})")
    print("\ndone: client threads and the server share the same cores.")


if __name__ == "__main__":
    main()
