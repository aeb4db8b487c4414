"""Desktop app benchmark: prints every figure of docs/PERFORMANCE.md's "Booth app" section. Not collected by
pytest. Runs offscreen (or under Xvfb) on a real encrypted station with the real key derivation.

    .venv/bin/python tests/bench/bench_ui.py                          # 1,000,000 records (about 8 minutes)
    .venv/bin/python tests/bench/bench_ui.py --records 20000          # a smoke run
    .venv/bin/python tests/bench/bench_ui.py --station DIR            # reuse a station built by an earlier run

Figures: process start to login window (a fresh process each time); login to ready (key slot, open, first page
of records, the form focused); a document reader's MRZ (90 key presses) to the filled form; save to the
cleared form; the records view opening and scrolling over every record; peak RSS of the app process.
Targets (issue 3): start <= 1.5 s; save to cleared form <= 100 ms; 1M-record view opens <= 1 s; RSS <= 400 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from borderapp.demo import mrz_td3  # noqa: E402
from borderapp.events import uuid7  # noqa: E402
from borderapp.store.station import User, create_station  # noqa: E402
from tests.bench.bench_store import payload_factory  # noqa: E402

PASSWORD = "bench-officer-pw"
STARTUP = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from ui.app import MainWindow
app = QApplication(sys.argv[:1])
window = MainWindow({store!r})
window.show()
app.processEvents()
print("shown", flush=True)
"""


def build_station(directory: Path, records: int) -> None:
    sup = User(id=uuid7(), username="sup", full_name="Bench Supervisor", role="supervisor")
    with create_station(directory, bcp="KAK", station_name="bench", supervisor=sup, password=PASSWORD) as s:
        s.add_user(User(id=uuid7(), username="off", full_name="Bench Officer", role="officer"), PASSWORD)
        make = payload_factory(7)
        began = time.perf_counter()
        for lo in range(0, records, 5000):
            s.append_many([("crossing.recorded", uuid7(), make(i)) for i in range(lo, min(records, lo + 5000))])
            if (lo + 5000) % 100_000 == 0:
                rate = (lo + 5000) / (time.perf_counter() - began)
                print(f"  loaded {lo + 5000:>9,} records ({rate:,.0f}/s)", file=sys.stderr, flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def startup_times(store: Path, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        began = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", STARTUP.format(root=str(ROOT), store=str(store))],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        out.append(time.perf_counter() - began)
        child.kill()
        child.wait()
        assert line.strip() == "shown", line
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--station", type=Path, default=None, help="a station directory built by an earlier run")
    ap.add_argument("--saves", type=int, default=30)
    args = ap.parse_args()
    store = args.station or Path(tempfile.mkdtemp(prefix="bench-ui-")) / "station"
    if not (store / "station.db").exists():
        print(f"building a station with {args.records:,} records in {store} …", file=sys.stderr, flush=True)
        build_station(store, args.records)

    starts = startup_times(store, 5)

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QComboBox

    from ui import dbworker
    from ui.app import MainWindow

    app = QApplication(sys.argv[:1])

    def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> float:
        began = time.perf_counter()
        while not condition():
            QCoreApplication.processEvents()
            if time.perf_counter() - began > timeout:
                raise TimeoutError("the app did not get there in time")
            time.sleep(0.0005)
        return time.perf_counter() - began

    window = MainWindow(str(store))
    window.show()
    window.activateWindow()
    app.processEvents()
    window.login.user.setText("off")
    window.login.password.setText(PASSWORD)
    began = time.perf_counter()
    window.login.submit()
    wait_until(lambda: window.pages.currentWidget() is window.tabs and window.records.model.rowCount() > 0)
    wait_until(lambda: window.entry.ready)
    login_ready = time.perf_counter() - began

    form = window.entry
    lines = mrz_td3("Hoxha", "Ana", "BA1234567", "ALB", date(2016, 3, 4), "F", date(2030, 1, 1))
    scans, fills, saves = [], [], []
    family = form.fields.widgets["family_name"]
    accompaniment = form.fields.widgets["accompaniment"]
    assert isinstance(accompaniment, QComboBox)
    for _ in range(args.saves):
        form.mrz.setFocus()
        began = time.perf_counter()
        for n, line in enumerate(lines):
            QTest.keyClicks(form.mrz, line[:-1])
            last = time.perf_counter()
            QTest.keyClicks(form.mrz, line[-1])  # the key that completes the scan on the last line
            if n < len(lines) - 1:
                QTest.keyClick(form.mrz, Qt.Key.Key_Return)
        fills.append(time.perf_counter() - last)
        QTest.keyClick(form.mrz, Qt.Key.Key_Return)
        scans.append(time.perf_counter() - began)
        assert family.text() == "Hoxha"  # type: ignore[attr-defined]
        accompaniment.setCurrentIndex(accompaniment.findData("alone"))
        saved: list[bool] = []
        form.saved.connect(lambda _event, saved=saved: saved.append(True))
        began = time.perf_counter()
        form.save()
        saves.append(wait_until(lambda saved=saved: bool(saved)) + 0.0)
        assert family.text() == ""  # type: ignore[attr-defined]

    view = window.records
    window.tabs.setCurrentWidget(view)
    app.processEvents()
    model = view.model
    began = time.perf_counter()
    model.reload()
    wait_until(lambda: model.rowCount() > 0)
    view_open = time.perf_counter() - began
    pages = []
    for _ in range(20):
        rows = model.rowCount()
        began = time.perf_counter()
        view.table.scrollToBottom()
        wait_until(lambda rows=rows: model.rowCount() > rows)
        pages.append(time.perf_counter() - began)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    window._close_confirmed = True  # the bench station has no server: its records are all unsent
    window.close()
    dbworker.shutdown()
    total = model.rowCount()
    print(f"\nBooth app on a station of {args.records:,} crossing records ({store})")
    print(
        f"  process start to login window   p50 {ms(statistics.median(starts))}  max {ms(max(starts))}  (target 1.5 s)"
    )
    print(f"  login to ready (Argon2id unlock) {ms(login_ready)}")
    print(
        f"  MRZ scan, 90 keys, to filled form total p50 {ms(statistics.median(scans))}; last key to filled "
        f"p50 {ms(statistics.median(fills))} p95 {ms(pct(fills, 0.95))}"
    )
    print(
        f"  save to cleared form            p50 {ms(statistics.median(saves))}  p95 {ms(pct(saves, 0.95))}  "
        f"(target 100 ms, {len(saves)} saves)"
    )
    print(f"  records view open               {ms(view_open)}  (target 1 s)")
    print(
        f"  scroll, next page of 200        p50 {ms(statistics.median(pages))}  max {ms(max(pages))}  ({total:,} rows shown)"
    )
    print(f"  peak RSS                        {rss_mb:.0f} MB  (target 400 MB)")


if __name__ == "__main__":
    main()
