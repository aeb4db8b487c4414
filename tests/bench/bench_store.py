"""Station store benchmark: prints every figure of docs/PERFORMANCE.md in one run. Not collected by pytest.

    .venv/bin/python tests/bench/bench_store.py                       # 100k and 1M crossings (several minutes)
    .venv/bin/python tests/bench/bench_store.py --sizes 20000 --quick # a smoke run

For each size it builds two stores with the same code and pragmas, one encrypted (raw 256-bit key) and one
plain (the same sqlcipher3 library without a key), loads the same events into both, then measures
single-crossing saves (WAL, synchronous=FULL, one transaction each) and searches, and prints the ratio
encrypted / plain from the same process. Unlock is the real path: key slot (Argon2id) + open + first query.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from borderapp import demo, services
from borderapp.events import uuid7
from borderapp.store import db, projection
from borderapp.store.keyslots import KeySlots
from borderapp.store.station import Paths, Session, StationInfo, User, create_station, open_session

SYLLABLES = [
    "ko",
    "la",
    "hox",
    "ha",
    "she",
    "hu",
    "kra",
    "sni",
    "qi",
    "ga",
    "shi",
    "be",
    "ri",
    "sha",
    "çe",
    "der",
    "vi",
    "le",
    "mar",
    "pri",
    "fti",
    "du",
    "ba",
    "ra",
    "ze",
    "ne",
    "to",
    "gjo",
    "xha",
    "më",
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(values: list[float]) -> str:
    return f"p50 {pct(values, 0.5) * 1000:6.2f} ms  p95 {pct(values, 0.95) * 1000:6.2f} ms"


class Store:
    """A store built by the station's own code, with or without the key."""

    def __init__(self, directory: Path, encrypted: bool) -> None:
        directory.mkdir(parents=True)
        self.encrypted = encrypted
        self.path = directory / "station.db"
        key = os.urandom(32) if encrypted else None
        if key:  # benchmark data only: kept so a later look at the files is possible
            (directory / "bench.key").write_text(key.hex())
        conn = db.connect(self.path, key)
        db.migrate(conn, self.path)
        info = StationInfo(device_id=uuid7(), bcp="KAK", station_name="bench", created_at="2026-01-01T00:00:00Z")
        conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", list(info.model_dump().items()))
        conn.execute(
            "INSERT INTO users (id, username, full_name, role, created_at) VALUES (?, ?, ?, ?, ?)",
            (uuid7(), "off", "Bench Officer", "officer", "2026-01-01T00:00:00Z"),
        )
        user = User(id=uuid7(), username="off", full_name="Bench Officer", role="officer")
        self.session = Session(Paths(directory), conn, user, KeySlots(directory / "unused.keys"), b"")

    def size_mb(self) -> float:
        self.session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return self.path.stat().st_size / 2**20


def payload_factory(seed: int) -> Callable[[int], dict[str, Any]]:
    """Varied payloads without a pydantic pass per event: templates from the demo generator, names and document
    numbers changed per event so that indexes see realistic spread (about 27,000 distinct family names)."""
    templates = [json.dumps(services.payload_for(r)) for r in demo.sample_records(2000, "KAK", seed=seed)]

    def make(i: int) -> dict[str, Any]:
        rng = random.Random(seed * 100_000_000 + i)  # event i is the same in both stores
        p = json.loads(templates[i % len(templates)])
        child = p["record"]["child"]
        child["family_name"] = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        child["given_names"] = rng.choice(demo.GIVEN_F + demo.GIVEN_M)
        p["record"]["document"]["number"] = f"{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGH')}{i:07d}"
        p["record"]["document"].pop("mrz_lines", None)
        return p

    return make


def bulk_load(store: Store, make: Callable[[int], dict[str, Any]], start: int, stop: int, batch: int = 5000) -> float:
    """Seconds spent in the store (making the test payloads is not counted)."""
    spent = 0.0
    for lo in range(start, stop, batch):
        items = [("crossing.recorded", uuid7(), make(i)) for i in range(lo, min(stop, lo + batch))]
        began = time.perf_counter()
        store.session.append_many(items)
        spent += time.perf_counter() - began
        done = min(stop, lo + batch)
        if done % 100_000 == 0:
            print(f"    {'encrypted' if store.encrypted else 'plain':9} loaded {done:>9,}", file=sys.stderr, flush=True)
    return spent


def time_saves(stores: dict[bool, Store], count: int, seed: int) -> dict[bool, list[float]]:
    """Alternate one save in each store, so that disk and machine noise hit both alike."""
    records = demo.sample_records(count, "KAK", seed=seed)
    times: dict[bool, list[float]] = {enc: [] for enc in stores}
    for r in records:
        for enc, store in stores.items():
            t = time.perf_counter()
            services.record_crossing(store.session, r)
            times[enc].append(time.perf_counter() - t)
    return times


def queries(store: Store, rng: random.Random, count: int) -> dict[str, list[str]]:
    conn = store.session.conn
    n = projection.count(conn)
    rows = [
        conn.execute(
            "SELECT family_name, given_names, doc_number FROM crossings WHERE id = ?", (rng.randrange(1, n + 1),)
        ).fetchone()
        for _ in range(count)
    ]
    return {
        "name prefix": [r[0][: rng.randrange(3, 6)] for r in rows],
        "document number": [r[2][:6] for r in rows],
        "FTS (all names)": [f"{r[1][:3]} {r[0][:4]}" for r in rows],
    }


def time_searches(stores: dict[bool, Store], qs: dict[str, list[str]]) -> dict[str, dict[bool, list[float]]]:
    """Each query in each store in turn (alternating), after a warm-up as a workstation would have had."""
    fns = {
        "name prefix": projection.search_name_prefix,
        "document number": projection.search_document,
        "FTS (all names)": projection.search_names,
    }
    out: dict[str, dict[bool, list[float]]] = {}
    for kind, texts in qs.items():
        out[kind] = {enc: [] for enc in stores}
        for text in texts[:20]:
            for store in stores.values():
                fns[kind](store.session.conn, text)
        for text in texts:
            for enc, store in stores.items():
                t = time.perf_counter()
                found = fns[kind](store.session.conn, text)
                out[kind][enc].append(time.perf_counter() - t)
                assert found, (kind, text)
    return out


def unlock_time(work: Path) -> list[float]:
    sup = User(id=uuid7(), username="sup", full_name="Bench", role="supervisor")
    create_station(work / "unlock", bcp="KAK", station_name="x", supervisor=sup, password="bench-password").close()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        with open_session(work / "unlock", "sup", "bench-password") as s:
            s.conn.execute("SELECT count(*) FROM crossings").fetchone()
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000", help="crossing counts to measure at, ascending")
    ap.add_argument("--saves", type=int, default=300)
    ap.add_argument("--searches", type=int, default=300)
    ap.add_argument("--dir", type=Path, default=None, help="work directory (default: a temporary one)")
    ap.add_argument("--quick", action="store_true", help="fewer saves and searches")
    args = ap.parse_args()
    if args.quick:
        args.saves, args.searches = 60, 60
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.dir or Path(tempfile.mkdtemp(prefix="bench-store-"))
    print(f"bench_store: sizes {sizes}, work dir {work}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")

    u = unlock_time(work)
    print(f"unlock (Argon2id key slot + open + first query): {ms(u)}")

    stores = {enc: Store(work / ("enc" if enc else "plain"), enc) for enc in (True, False)}
    make = payload_factory(seed=7)
    loaded = 0
    for size in sizes:
        print(f"\n== {size:,} crossings ==")
        for enc, store in stores.items():
            secs = bulk_load(store, make, loaded, size)
            print(
                f"  bulk load {'encrypted' if enc else 'plain    '}: {size - loaded:,} events in {secs:6.1f} s "
                f"({(size - loaded) / secs:,.0f} events/s, 5,000 per transaction)"
            )
        loaded = size
        qs = queries(stores[True], random.Random(size), args.searches)
        results = time_searches(stores, qs)
        for kind in qs:
            e, p = results[kind][True], results[kind][False]
            print(
                f"  search {kind:16} encrypted {ms(e)} | plain {ms(p)} | ratio p50 "
                f"{pct(e, 0.5) / pct(p, 0.5):.2f} p95 {pct(e, 0.95) / pct(p, 0.95):.2f}"
            )
        saves = time_saves(stores, args.saves, seed=size)
        e, p = saves[True], saves[False]
        print(
            f"  single save (own transaction, synchronous=FULL) encrypted {ms(e)} | plain {ms(p)} | ratio p50 "
            f"{pct(e, 0.5) / pct(p, 0.5):.2f} p95 {pct(e, 0.95) / pct(p, 0.95):.2f}"
        )
        loaded += args.saves
        for enc, store in stores.items():
            print(
                f"  file size {'encrypted' if enc else 'plain    '}: {store.size_mb():8.1f} MB "
                f"({store.size_mb() * 2**20 / projection.count(store.session.conn):,.0f} bytes per crossing)"
            )
    for store in stores.values():
        store.session.close()
    if args.dir is None:
        shutil.rmtree(work)
    print(f"\ndone (mean unlock {statistics.mean(u):.3f} s)")


if __name__ == "__main__":
    main()
