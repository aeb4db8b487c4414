"""The one place that opens the station database, and the translation of its errors.

`connect()` applies the raw key, then every pragma; nothing else opens a connection. `translated()` turns
the environment's failures (locked, disk full, tampered, not a database) into `StoreError`s with sentences
for the user; anything else is a bug and propagates unchanged.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from borderapp.errors import DatabaseLocked, DiskFull, NotADatabase, SchemaTooNew, TamperedDatabase
from borderapp.store.schema import MIGRATIONS

PAGE_SIZE = 4096
SALT_BYTES = 16
PLAIN_HEADER = b"SQLite format 3\x00"
Connection = Any  # sqlcipher3's Connection has no type information


def connect(path: Path, key: bytes | None, *, busy_timeout_ms: int = 5000, cache_kib: int = 64 * 1024) -> Connection:
    """Open (or create) the encrypted file with the 256-bit data key and apply the pragmas.

    `key=None` opens a plain SQLite file with the same library and pragmas; only the storage benchmark does
    that, to measure what encryption costs. Station code always passes the key.
    """
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    with translated(path, conn):
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key must not print to stderr
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            # Page MAC: HMAC-SHA256 instead of SQLCipher's default SHA512; with the SHA extensions of current
            # CPUs it halves the cost of each page written (docs/PERFORMANCE.md). Part of the file format:
            # every open must use the same setting, which is why only this function opens the database.
            conn.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a saved child is on disk before the officer sees "saved"
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def file_salt(path: Path) -> str:
    """The SQLCipher salt (first 16 bytes) as hex; it binds the key-slot file to this database."""
    with open(path, "rb") as fh:
        head = fh.read(SALT_BYTES)
    return head.hex()


def check_file(path: Path) -> None:
    """Refuse files that cannot be an encrypted station store, before any key is used."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        raise NotADatabase(f"There is no station database at {path}.") from None
    if head == PLAIN_HEADER:
        raise NotADatabase(f"{path} is a plain, unencrypted SQLite file, not a BorderApp station store.")
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise NotADatabase(
            f"{path} is not a BorderApp station database (its size, {size} bytes, is not a whole number of "
            "pages). It may be truncated or another file; restore the last backup."
        )


def damaged_pages(conn: Connection) -> list[int]:
    """Pages whose HMAC does not verify (SQLCipher's cipher_integrity_check), 1-based."""
    pages = []
    for (line,) in conn.execute("PRAGMA cipher_integrity_check").fetchall():
        words = str(line).split()
        if "page" in words:
            with contextlib.suppress(ValueError, IndexError):
                pages.append(int(words[words.index("page") + 1]))
    return sorted(set(pages))


def tampered(path: Path, pages: list[int], what: str = "") -> TamperedDatabase:
    shown = ", ".join(str(p) for p in pages[:5]) + (" …" if len(pages) > 5 else "")
    where = f" (page {shown})" if pages else ""
    why = f" ({what})" if what else ""
    return TamperedDatabase(
        f"The station database {path.name} failed its integrity check{where}{why}: it was changed outside "
        "BorderApp or the disk damaged it. Stop using this file and restore the last backup; keep this copy for "
        "inspection."
    )


@contextlib.contextmanager
def translated(path: Path, conn: Connection | None = None) -> Iterator[None]:
    try:
        yield
    except sqlcipher3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc):
            raise DatabaseLocked(
                f"The station database {path.name} is busy: another BorderApp window or program is writing to it. "
                "Wait a moment and try again; close other BorderApp windows if it persists."
            ) from exc
        if name.startswith("SQLITE_FULL") or "database or disk is full" in str(exc):
            raise DiskFull(
                f"The disk holding {path.parent} is full; the last change was NOT saved and nothing earlier was "
                "lost. Free some space (or ask IT) and save again."
            ) from exc
        if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
            pages: list[int] = []
            if conn is not None:
                with contextlib.suppress(sqlcipher3.DatabaseError):
                    pages = damaged_pages(conn)
            raise tampered(path, pages) from exc
        raise


def migrate(conn: Connection, path: Path) -> int:
    """Bring the schema to the newest version; refuse a database newer than this code."""
    with translated(path, conn):
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise SchemaTooNew(
                f"The station database was written by a newer BorderApp (schema {version}; this version knows up to "
                f"{len(MIGRATIONS)}). Install the newer BorderApp on this workstation; the data was not touched."
            )
        for number in range(version + 1, len(MIGRATIONS) + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[number - 1]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    return len(MIGRATIONS)
