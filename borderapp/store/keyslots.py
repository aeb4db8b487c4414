"""Per-user key slots for the station's data key, like LUKS: a file `station.keys` beside the database.

The database is encrypted with one random 256-bit data key. Each local user has a slot holding that key
wrapped with a key derived from his or her password (Argon2id -> AES-256-GCM). A password change rewrites
one slot; the database is never re-keyed. The slot's associated data binds it to the user name and to the
database's SQLCipher salt, so a slot cannot be moved to another user or another station's file.

Failed-login counters live here too, because they must be readable before the database is open. Anyone
who can edit this file can reset them; they slow down guessing at the keyboard, they are not a vault.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from borderapp.errors import AccountLocked, KeySlotMissing, NotADatabase, UnknownUser, UserDisabled, WrongPassword

FORMAT = "borderapp-keyslots/1"
MAX_FAILURES = 5  # then the slot locks: 30 s, doubling with each further failure, at most 15 min
BASE_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 15 * 60


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _derive(password: str, salt: bytes, p: KdfParams) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, p.time_cost, p.memory_kib, p.parallelism, 32, Type.ID)


def _aad(db_salt: str, username: str) -> bytes:
    return f"{FORMAT}|{db_salt}|{username.casefold()}".encode()


def lock_seconds(failures: int) -> int:
    if failures < MAX_FAILURES:
        return 0
    return int(min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - MAX_FAILURES)))


class KeySlots:
    """The key-slot file. Every read-modify-write holds an exclusive lock on `<file>.lock`."""

    def __init__(self, path: Path, *, kdf: KdfParams | None = None, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.kdf = kdf or KdfParams()
        self.clock = clock

    # -- file handling ---------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _read(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeySlotMissing(
                f"The key-slot file {self.path.name} is missing from {self.path.parent}. Without it the station "
                "database cannot be opened. Put back the copy from your last backup (it sits beside station.db)."
            ) from None
        except (ValueError, UnicodeDecodeError):
            raise NotADatabase(
                f"The key-slot file {self.path} is damaged (not readable JSON). Restore it from the last backup."
            ) from None
        if data.get("format") != FORMAT:
            raise NotADatabase(f"{self.path} is not a BorderApp key-slot file (format {data.get('format')!r}).")
        return data

    def _write(self, data: dict[str, Any]) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # -- operations ------------------------------------------------------------------------------------
    def create(self, db_salt: str) -> None:
        """Start an empty slot file bound to the database with this SQLCipher salt (hex)."""
        with self._locked():
            self._write({"format": FORMAT, "db_salt": db_salt, "slots": {}})

    def db_salt(self) -> str:
        return str(self._read()["db_salt"])

    def usernames(self) -> list[str]:
        return sorted(self._read()["slots"])

    def set_slot(self, username: str, password: str, data_key: bytes) -> None:
        """Write (or replace) the user's slot: a new password for the same data key."""
        salt, nonce = os.urandom(16), os.urandom(12)
        with self._locked():
            data = self._read()
            wrapped = AESGCM(_derive(password, salt, self.kdf)).encrypt(
                nonce, data_key, _aad(data["db_salt"], username)
            )
            data["slots"][username.casefold()] = {
                "kdf": {
                    "name": "argon2id",
                    "t": self.kdf.time_cost,
                    "m": self.kdf.memory_kib,
                    "p": self.kdf.parallelism,
                    "salt": _b64(salt),
                },
                "nonce": _b64(nonce),
                "wrapped": _b64(wrapped),
                "failures": 0,
                "locked_until": 0,
            }
            self._write(data)

    def disable_slot(self, username: str) -> None:
        """Drop the wrapped key (the password no longer opens anything) but remember the account is disabled."""
        with self._locked():
            data = self._read()
            data["slots"][username.casefold()] = {"disabled": True}
            self._write(data)

    def unlock(self, username: str, password: str) -> bytes:
        """The data key, or WrongPassword / AccountLocked / UnknownUser. Failures are counted."""
        with self._locked():
            data = self._read()
            slot = data["slots"].get(username.casefold())
            if slot is None:
                raise UnknownUser(
                    f"There is no user {username!r} at this station. Check the spelling, or ask the "
                    "station supervisor to add you."
                )
            if slot.get("disabled"):
                raise UserDisabled(f"The account {username!r} is disabled at this station. Ask the supervisor.")
            now = self.clock()
            wait = int(slot.get("locked_until", 0) - now + 0.999)
            if wait > 0:
                raise AccountLocked(f"Too many wrong passwords for {username!r}. Try again in {wait} s.", wait)
            kdf = slot["kdf"]
            params = KdfParams(kdf["t"], kdf["m"], kdf["p"])
            try:
                key = AESGCM(_derive(password, _unb64(kdf["salt"]), params)).decrypt(
                    _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(data["db_salt"], username)
                )
            except InvalidTag:
                slot["failures"] = int(slot.get("failures", 0)) + 1
                wait = lock_seconds(slot["failures"])
                slot["locked_until"] = now + wait
                self._write(data)
                if wait:
                    raise AccountLocked(
                        f"Wrong password for {username!r}, {slot['failures']} times. Login is locked for {wait} s.",
                        wait,
                    ) from None
                left = MAX_FAILURES - slot["failures"]
                raise WrongPassword(
                    f"Wrong password for {username!r}. {left} attempt(s) left before a pause."
                ) from None
            if slot.get("failures"):
                slot["failures"], slot["locked_until"] = 0, 0
                self._write(data)
            return key
