import shutil
import sqlite3
from pathlib import Path

import pytest

from borderapp import services
from borderapp.errors import (
    AccountLocked,
    DatabaseLocked,
    DiskFull,
    InvalidInput,
    KeySlotMismatch,
    KeySlotMissing,
    NoStation,
    NotADatabase,
    SchemaTooNew,
    StationExists,
    TamperedDatabase,
    UnknownUser,
    UserDisabled,
    WrongPassword,
)
from borderapp.events import uuid7
from borderapp.store import projection
from borderapp.store.keyslots import KeySlots, lock_seconds
from borderapp.store.station import Session, User, create_station
from tests.factories import clean_record
from tests.stations import FAST_KDF, PASSWORDS, login


def test_unlock_gives_the_user_and_station(station_dir: Path) -> None:
    with login(station_dir, "off") as s:
        assert (s.user.username, s.user.role, s.station.bcp) == ("off", "officer", "KAK")
        assert [u.username for u in s.users()] == ["off", "sup", "sw"]


def test_child_data_is_not_readable_in_the_files(station_dir: Path) -> None:
    with login(station_dir, "off") as s:
        services.record_crossing(s, clean_record(**{"child.given_names": "Zamiraxyz"}))
    for path in station_dir.iterdir():
        assert b"Zamiraxyz" not in path.read_bytes(), path.name
        assert b"SQLite format 3" not in path.read_bytes()[:16]


def test_wrong_password_then_lockout_then_unlock_after_the_wait(station_dir: Path) -> None:
    now = [1000.0]
    slots = KeySlots(station_dir / "station.keys", kdf=FAST_KDF, clock=lambda: now[0])
    for left in (4, 3, 2, 1):
        with pytest.raises(WrongPassword, match=f"{left} attempt"):
            slots.unlock("off", "nope")
    with pytest.raises(AccountLocked, match="locked for 30 s") as info:
        slots.unlock("off", "nope")
    assert info.value.wait_seconds == 30
    with pytest.raises(AccountLocked, match="Try again in 20 s"):
        now[0] += 10
        slots.unlock("off", PASSWORDS["off"])  # even the right password waits
    now[0] += 21
    assert len(slots.unlock("off", PASSWORDS["off"])) == 32
    assert lock_seconds(6) == 60 and lock_seconds(50) == 15 * 60


def test_unknown_user(station_dir: Path) -> None:
    with pytest.raises(UnknownUser, match="no user 'nobody'"):
        login(station_dir, "nobody", "x")


def test_missing_key_slot_file(station_dir: Path) -> None:
    (station_dir / "station.keys").unlink()
    with pytest.raises(KeySlotMissing, match="station.keys is missing"):
        login(station_dir, "off")


def test_key_slot_file_of_another_station(station_dir: Path, tmp_path: Path) -> None:
    sup = User(id=uuid7(), username="sup", full_name="Other", role="supervisor")
    create_station(
        tmp_path / "other", bcp="TIA", station_name="Other", supervisor=sup, password="pw-other", kdf=FAST_KDF
    ).close()
    shutil.copy(tmp_path / "other" / "station.keys", station_dir / "station.keys")
    with pytest.raises(KeySlotMismatch, match="does not belong to station.db"):
        login(station_dir, "sup", "pw-other")


def test_missing_database_and_missing_station(station_dir: Path, tmp_path: Path) -> None:
    (station_dir / "station.db").unlink()
    with pytest.raises(NoStation, match="station database .* is missing"):
        login(station_dir, "off")
    with pytest.raises(NoStation, match="borderapp init"):
        login(tmp_path / "empty", "off")


def test_file_that_is_not_a_database(station_dir: Path) -> None:
    (station_dir / "station.db").write_text("holiday photos\n")
    with pytest.raises(NotADatabase, match="not a BorderApp station database"):
        login(station_dir, "off")


def test_plain_sqlite_file_is_refused(station_dir: Path) -> None:
    (station_dir / "station.db").unlink()
    sqlite3.connect(station_dir / "station.db").execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotADatabase, match="plain, unencrypted SQLite"):
        login(station_dir, "off")


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_tampered_first_page_is_refused_at_open(station_dir: Path) -> None:
    _flip_byte(station_dir / "station.db", 2000)
    with pytest.raises(TamperedDatabase, match=r"failed its integrity check \(page 1\)"):
        login(station_dir, "off")


def test_tampered_page_is_named_by_verify(supervisor: Session) -> None:
    for _ in range(60):
        services.record_crossing(supervisor, clean_record())
    supervisor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = supervisor.paths.db
    pages = path.stat().st_size // 4096
    supervisor.close()
    _flip_byte(path, 4096 * (pages - 2) + 500)
    with login(path.parent, "sup") as again, pytest.raises(TamperedDatabase, match=f"page {pages - 1}"):
        services.verify(again)


def test_locked_database(station_dir: Path) -> None:
    with login(station_dir, "off") as first, login(station_dir, "sup") as second:
        second.conn.execute("BEGIN IMMEDIATE")
        first.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(DatabaseLocked, match="busy: another BorderApp window"):
            services.record_crossing(first, clean_record())
        second.conn.execute("ROLLBACK")
        services.record_crossing(first, clean_record())


def test_full_disk_saves_nothing_and_loses_nothing(officer: Session) -> None:
    kept = services.record_crossing(officer, clean_record())
    pages = officer.conn.execute("PRAGMA page_count").fetchone()[0]
    officer.conn.execute(f"PRAGMA max_page_count = {pages}")  # the file cannot grow: as on a full disk
    with pytest.raises(DiskFull, match="was NOT saved"):
        for _ in range(50):
            services.record_crossing(officer, clean_record(**{"observations.notes": "x" * 1500}))
    officer.conn.execute("PRAGMA max_page_count = 1073741823")
    found = services.show(officer, kept.record_id)
    assert found.history[0].hash == kept.hash
    with officer.reading() as conn:
        from borderapp.store import eventlog

        assert eventlog.verify(conn, officer.station.device_id) == projection.count(conn)


def test_database_newer_than_the_code_is_refused(station_dir: Path) -> None:
    with login(station_dir, "sup") as s:
        s.conn.execute("PRAGMA user_version = 99")
    with pytest.raises(SchemaTooNew, match="newer BorderApp .schema 99; this version knows up to 5"):
        login(station_dir, "sup")


def test_create_refuses_an_existing_station_and_an_unknown_bcp(station_dir: Path, tmp_path: Path) -> None:
    sup = User(id=uuid7(), username="a", full_name="A", role="supervisor")
    with pytest.raises(StationExists, match="already exists"):
        create_station(station_dir, bcp="KAK", station_name="x", supervisor=sup, password="p", kdf=FAST_KDF)
    with pytest.raises(InvalidInput, match="unknown border crossing point 'ZZZ'"):
        create_station(tmp_path / "new", bcp="ZZZ", station_name="x", supervisor=sup, password="p", kdf=FAST_KDF)


def test_password_change_keeps_the_data_key(station_dir: Path) -> None:
    with login(station_dir, "sup") as s:
        event = services.record_crossing(s, clean_record())
        s.set_password("off", "new-officer-pw")
    with pytest.raises(WrongPassword):
        login(station_dir, "off")
    with login(station_dir, "off", "new-officer-pw") as s:
        assert services.show(s, event.record_id).summary.record_id == event.record_id


def test_disabled_user_cannot_log_in(station_dir: Path) -> None:
    with login(station_dir, "sup") as s:
        s.disable_user("off")
        assert not s.find_user("off").active  # type: ignore[union-attr]
    with pytest.raises(UserDisabled, match="'off' is disabled"):
        login(station_dir, "off")


def test_expired_temporary_account(station_dir: Path) -> None:
    with login(station_dir, "sup") as s:
        s.add_user(
            User(
                id=uuid7(),
                username="temp",
                full_name="T",
                role="social_worker",
                expires_at="2020-01-01T00:00:00.000000Z",
            ),
            "temp-pw-1",
        )
    with pytest.raises(UserDisabled, match="has expired"):
        login(station_dir, "temp", "temp-pw-1")


def test_damaged_key_slot_file(station_dir: Path) -> None:
    (station_dir / "station.keys").write_text("{ half a file")
    with pytest.raises(NotADatabase, match="key-slot file .* is damaged"):
        login(station_dir, "off")
    (station_dir / "station.keys").write_text('{"format": "something-else"}')
    with pytest.raises(NotADatabase, match="not a BorderApp key-slot file"):
        login(station_dir, "off")


def test_station_files_are_private(station_dir: Path) -> None:
    for name in ("station.db", "station.keys"):
        assert (station_dir / name).stat().st_mode & 0o077 == 0, name
