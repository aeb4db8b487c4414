"""The central quarterly report over 1,000,000 crossings on PostgreSQL (issue 7: <= 5 s). Not collected by
pytest. Loads a throwaway database with COPY, then times `Storage.report` (the code behind the console's
report and GET /v1/admin/report) several times and prints the figures.

    .venv/bin/python tests/bench/bench_report.py                      # 1,000,000 crossings, ~2 minutes
    .venv/bin/python tests/bench/bench_report.py --crossings 50000    # a smoke run

PostgreSQL: $BORDERAPP_TEST_PG_URL or postgresql://postgres@127.0.0.1:5432/postgres (as the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text

from sync.server.storage import Storage, make_engine

BCPS = ["KAK", "TIA", "QAF", "DUR", "HAN", "MOR", "KAP", "VLO", "MUR", "SAR", "TRE"]
ADMIN_URL = os.environ.get("BORDERAPP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def people(count: int, seed: int, crossings: list[str]) -> list[str]:
    """Keyed people for the patterns: every child (children repeat: 700,000 distinct), and an adult with
    documents for six crossings in ten (adults repeat: 200,000 distinct, one in four a documented relative)."""
    rng = random.Random(seed)
    out = []
    for n, line in enumerate(crossings):
        fields = line.split("\t")
        record_id, direction, at = fields[0], fields[6], fields[7]
        back = f"2026-0{rng.randint(1, 9)}-15" if direction == "exit" and rng.random() < 0.7 else "\\N"
        out.append("\t".join([str(2 * n + 1), record_id, "child", f"c{rng.randrange(700_000):058d}", "0", direction,
                              at, back]))  # fmt: skip
        if rng.random() < 0.6:
            related = "1" if rng.random() < 0.25 else "0"
            out.append("\t".join([str(2 * n + 2), record_id, "adult", f"a{rng.randrange(200_000):058d}", related,
                                  direction, at, "\\N"]))  # fmt: skip
    return out


def rows(count: int, seed: int) -> tuple[list[str], list[str]]:
    """COPY lines for crossings (spread over 2026, a quarter in four) and for about 1 in 200 interviews."""
    rng = random.Random(seed)
    crossings, interviews = [], []
    for n in range(count):
        record_id = str(uuid.UUID(int=rng.getrandbits(128)))
        month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23)
        at = f"2026-{month:02d}-{day:02d}T{hour:02d}:{rng.randint(0, 59):02d}:00Z"
        alone = rng.random() < 0.05
        flags = rng.random() < 0.12
        direction = rng.choice(("entry", "exit"))
        crossings.append(
            "\t".join(
                [
                    record_id,
                    "dev-1",
                    "active",
                    str(n + 1),
                    str(n + 1),
                    rng.choice(BCPS),
                    direction,
                    at,
                    "Hoxha",
                    "Ana",
                    "hoxha ana",
                    "2016-03-04",
                    "10",
                    "F",
                    "ALB",
                    f"BA{n:07d}",
                    "alone" if alone else "both_parents",
                    "F01" if flags else "",
                    "1" if flags else "0",
                    "cleared",
                    "u-1",
                ]
            )
        )
        if flags and rng.random() < 0.05:
            signed = rng.random() < 0.8
            referral = json.dumps(["child_protection_unit", "responsible_authority"]) if signed else "\\N"
            interviews.append(
                "\t".join(
                    [
                        f"i-{n}",
                        "dev-1",
                        record_id,
                        "signed" if signed else "open",
                        "initial-interview-1",
                        at,
                        at,
                        "u-2",
                        at,
                        "u-3",
                        at,
                        at,
                        at if signed else "\\N",
                        "potential_victim" if signed else "\\N",
                        referral,
                        at if signed else "\\N",
                        str(n + 1),
                    ]
                )
            )
    return crossings, interviews


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--crossings", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    name = f"borderapp_bench_report_{os.getpid()}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        storage = Storage(make_engine(url))
        crossings, interviews = rows(args.crossings, seed=7)
        began = time.perf_counter()
        raw = storage.engine.raw_connection()
        try:
            cursor = raw.cursor()
            with cursor.copy("COPY crossings FROM STDIN") as copy:  # type: ignore[attr-defined]
                for line in crossings:
                    copy.write(line + "\n")
            with cursor.copy("COPY interviews FROM STDIN") as copy:  # type: ignore[attr-defined]
                for line in interviews:
                    copy.write(line + "\n")
            with cursor.copy("COPY crossing_people FROM STDIN") as copy:  # type: ignore[attr-defined]
                for line in people(args.crossings, 11, crossings):
                    copy.write(line + "\n")
            raw.commit()
        finally:
            raw.close()
        with storage.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        load = time.perf_counter() - began
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            result = storage.report(2026, 3)
            times.append(time.perf_counter() - began)
        total = result.table()[-1]
        pattern_times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            found = storage.patterns(30, 30, today=date(2026, 12, 31))
            pattern_times.append(time.perf_counter() - began)
        storage.engine.dispose()
        print(f"\nCentral quarterly report, PostgreSQL, {args.crossings:,} crossings ({len(interviews):,} interviews)")
        print(f"  load (COPY) {load:.1f} s")
        print(
            f"  report Q3 2026, {len(result.rows) - 1} BCPs: p50 {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms over {args.runs} runs (target 5 s)"
        )
        adults = sum(1 for f in found if f.kind == "adult_with_several_children")
        print(
            f"  cross-station patterns, last 30 days: p50 {statistics.median(pattern_times):.2f} s, max "
            f"{max(pattern_times):.2f} s ({adults:,} adults with several children, {len(found) - adults:,} overdue)"
        )
        print(
            f"  children in the quarter {total['children']:,}, flagged {total['flagged']:,}, "
            f"interviews signed {total['interviews']:,}"
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


if __name__ == "__main__":
    main()
