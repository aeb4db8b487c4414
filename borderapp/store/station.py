"""A station store on disk: `station.db` (SQLCipher) and `station.keys` (key slots) in one directory.

`create_station()` makes both; `open_session()` unlocks with a user's password and returns a `Session`,
through which every read and write goes. Writes run in `BEGIN IMMEDIATE` transactions: the event and its
projection are committed together or not at all.
"""

from __future__ import annotations

import base64
import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, Field

from borderapp import reference
from borderapp.errors import (
    InvalidInput,
    KeySlotMismatch,
    KeySlotMissing,
    NoStation,
    StationExists,
    UserDisabled,
)
from borderapp.events import Actor, Event, utc_now, uuid7
from borderapp.store import db, eventlog, projection
from borderapp.store.keyslots import KdfParams, KeySlots

DB_NAME = "station.db"
KEYS_NAME = "station.keys"
Role = Literal["officer", "social_worker", "supervisor"]


class User(BaseModel):
    id: str
    username: str = Field(min_length=1, max_length=64)
    full_name: str = Field(min_length=1, max_length=200)
    role: Role
    badge: str | None = Field(default=None, max_length=40)
    female_at_officer: bool = False
    active: bool = True
    expires_at: str | None = None

    @property
    def actor(self) -> Actor:
        return Actor(user_id=self.id, name=self.full_name, role=self.role, badge=self.badge)


class StationInfo(BaseModel):
    device_id: str
    bcp: str
    station_name: str
    created_at: str


@dataclass
class Paths:
    directory: Path

    @property
    def db(self) -> Path:
        return self.directory / DB_NAME

    @property
    def keys(self) -> Path:
        return self.directory / KEYS_NAME


_USER_COLUMNS = "id, username, full_name, role, badge, female_at_officer, active, expires_at"


def _user(row: Any) -> User:
    return User.model_validate(dict(zip([c.strip() for c in _USER_COLUMNS.split(",")], row, strict=True)))


class Session:
    """An unlocked station for one user. Not thread-safe: the UI gives it to one worker thread."""

    def __init__(self, paths: Paths, conn: db.Connection, user: User, keyslots: KeySlots, key: bytes) -> None:
        self.paths, self.conn, self.user, self.keyslots = paths, conn, user, keyslots
        self._key = key
        # The workstation's clock, stamped on every event (`occurred_at`). A station's clock can be wrong by
        # days; nothing here depends on it being right, and the server reports the drift.
        self.clock: Callable[[], str] = utc_now
        with db.translated(paths.db, conn):  # the first read of a page the user rows did not touch
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self.station = StationInfo.model_validate(meta)

    def reopen(self) -> Session:
        """Another session for the same user on its own connection, for another thread (the sync worker)."""
        return Session(self.paths, db.connect(self.paths.db, self._key), self.user, self.keyslots, self._key)

    def close(self) -> None:
        self.conn.close()
        self._key = b""

    # -- sealed fields: readable only with this station's data key ----------------------------------------
    def _content_key(self) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"borderapp sealed content v1").derive(
            self._key
        )

    def seal(self, data: bytes, bound_to: str) -> str:
        """AES-256-GCM with a key derived from the station's data key, bound to `bound_to` (a record id): what
        only this station can read, even where the event travels (the central server keeps it sealed)."""
        nonce = os.urandom(12)
        return base64.b64encode(nonce + AESGCM(self._content_key()).encrypt(nonce, data, bound_to.encode())).decode()

    def unseal(self, sealed: str, bound_to: str) -> bytes:
        raw = base64.b64decode(sealed)
        return AESGCM(self._content_key()).decrypt(raw[:12], raw[12:], bound_to.encode())

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def reading(self) -> Iterator[db.Connection]:
        with db.translated(self.paths.db, self.conn):
            yield self.conn

    @contextlib.contextmanager
    def writing(self) -> Iterator[db.Connection]:
        with db.translated(self.paths.db, self.conn):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    self.conn.execute("ROLLBACK")
                raise

    def append(self, type_: str, record_id: str, payload: dict[str, Any]) -> Event:
        """Seal the next event on the chain, store it and fold it into the projections, atomically."""
        return self.append_many([(type_, record_id, payload)])[0]

    def append_many(self, items: Iterable[tuple[str, str, dict[str, Any]]]) -> list[Event]:
        """Several events in one transaction (imports, demo data): all are stored, or none."""
        events: list[Event] = []
        with self.writing() as conn:
            seq, prev = eventlog.head(conn)
            for type_, record_id, payload in items:
                seq += 1
                event = Event.seal(
                    event_id=uuid7(),
                    device_id=self.station.device_id,
                    seq=seq,
                    type=type_,
                    record_id=record_id,
                    actor=self.user.actor,
                    occurred_at=self.clock(),
                    payload=payload,
                    prev_hash=prev,
                )
                eventlog.insert(conn, event)
                projection.apply(conn, event)
                events.append(event)
                prev = event.hash
        return events

    # -- users -----------------------------------------------------------------------------------------
    def users(self) -> list[User]:
        with self.reading() as conn:
            return [_user(r) for r in conn.execute(f"SELECT {_USER_COLUMNS} FROM users ORDER BY username")]

    def find_user(self, username: str) -> User | None:
        with self.reading() as conn:
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE username = ?", (username,)).fetchone()
        return _user(row) if row else None

    def add_user(self, user: User, password: str) -> None:
        with self.writing() as conn:
            _insert_user(conn, user, created_by=self.user.id)
            self.keyslots.set_slot(user.username, password, self._key)

    def set_password(self, username: str, password: str) -> None:
        self.keyslots.set_slot(username, password, self._key)

    def update_user(self, username: str, *, full_name: str, role: Role, badge: str | None, female: bool) -> None:
        with self.writing() as conn:
            conn.execute(
                "UPDATE users SET full_name = ?, role = ?, badge = ?, female_at_officer = ? WHERE username = ?",
                (full_name, role, badge, int(female), username),
            )

    def disable_user(self, username: str) -> None:
        with self.writing() as conn:
            conn.execute("UPDATE users SET active = 0 WHERE username = ?", (username,))
            self.keyslots.disable_slot(username)


def _insert_user(conn: db.Connection, user: User, created_by: str | None) -> None:
    conn.execute(
        "INSERT INTO users (id, username, full_name, role, badge, female_at_officer, active, created_at, created_by,"
        " expires_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        (
            user.id,
            user.username,
            user.full_name,
            user.role,
            user.badge,
            int(user.female_at_officer),
            utc_now(),
            created_by,
            user.expires_at,
        ),
    )


def ensure_free(directory: Path) -> None:
    paths = Paths(directory)
    if paths.db.exists() or paths.keys.exists():
        raise StationExists(f"A station already exists in {directory}. Open it, or choose an empty directory.")


def create_station(
    directory: Path, *, bcp: str, station_name: str, supervisor: User, password: str, kdf: KdfParams | None = None
) -> Session:
    paths = Paths(directory)
    if bcp not in reference.bcps():
        raise InvalidInput([("bcp", f"unknown border crossing point {bcp!r}; use a code from resources/bcps.json")])
    ensure_free(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = os.urandom(32)
    conn = db.connect(paths.db, key)
    db.migrate(conn, paths.db)
    os.chmod(paths.db, 0o600)  # WAL and SHM files take the database file's mode
    info = StationInfo(device_id=uuid7(), bcp=bcp, station_name=station_name, created_at=utc_now())
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", list(info.model_dump().items()))
    _insert_user(conn, supervisor, created_by=None)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the header (and its salt) must be in the main file
    keyslots = KeySlots(paths.keys, kdf=kdf)
    keyslots.create(db.file_salt(paths.db))
    keyslots.set_slot(supervisor.username, password, key)
    return Session(paths, conn, supervisor, keyslots, key)


def open_session(directory: Path, username: str, password: str, *, kdf: KdfParams | None = None) -> Session:
    paths = Paths(directory)
    if not paths.db.exists():
        if paths.keys.exists():
            raise NoStation(
                f"The station database {paths.db} is missing (its key-slot file is there). Restore "
                f"{DB_NAME} from the last backup."
            )
        raise NoStation(f"There is no station in {directory}. Create one with `borderapp init`.")
    db.check_file(paths.db)
    keyslots = KeySlots(paths.keys, kdf=kdf)
    if not keyslots.exists():
        keyslots.db_salt()  # raises KeySlotMissing with the full sentence
        raise KeySlotMissing(str(paths.keys))
    if keyslots.db_salt() != db.file_salt(paths.db):
        raise KeySlotMismatch(
            f"{KEYS_NAME} does not belong to {DB_NAME} in {directory}: one of them was replaced. Put back the pair "
            "from the same backup."
        )
    key = keyslots.unlock(username, password)
    conn = db.connect(paths.db, key)
    try:
        db.migrate(conn, paths.db)
        with db.translated(paths.db, conn):
            row = conn.execute(f"SELECT {_USER_COLUMNS} FROM users WHERE username = ?", (username,)).fetchone()
        user = _user(row) if row else None
        if user is None or not user.active:
            raise UserDisabled(f"The account {username!r} is disabled at this station. Ask the supervisor.")
        if user.expires_at and user.expires_at < utc_now():
            raise UserDisabled(f"The temporary account {username!r} has expired. Ask the supervisor for a new one.")
        return Session(paths, conn, user, keyslots, key)
    except BaseException:
        conn.close()
        raise
