"""Errors the user can act on.

    KnownError                      a sentence fit for the user; anything else is a bug (crash dialog)
     +-- StoreError                 the station store or its environment
     |    +-- WrongPassword         key slot did not open (counted for lockout)
     |    +-- AccountLocked         too many failed logins; `wait_seconds` left
     |    +-- UnknownUser / UserDisabled
     |    +-- KeySlotMissing        station.keys is not beside station.db
     |    +-- KeySlotMismatch       station.keys belongs to another database
     |    +-- NotADatabase          the file is not an encrypted station store
     |    +-- TamperedDatabase      pages fail their authentication (HMAC) check
     |    +-- ChainBroken           the event log's hash chain does not verify
     |    +-- DatabaseLocked        another program holds the write lock
     |    +-- DiskFull              no space left for the write; nothing was saved
     |    +-- SchemaTooNew          the database was written by a newer BorderApp
     |    +-- StationExists / NoStation
     +-- PermissionDenied           the user's role may not do this
     +-- RecordNotFound
     +-- InvalidInput               bad input from a user; `problems` are (field, sentence) pairs

Messages never contain a child's data: they name files, fields, users and counts, never names or numbers
from a record.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error with a message for the user; the program did nothing wrong."""


class StoreError(KnownError):
    pass


class WrongPassword(StoreError):
    pass


class AccountLocked(StoreError):
    def __init__(self, message: str, wait_seconds: int) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class UnknownUser(StoreError):
    pass


class UserDisabled(StoreError):
    pass


class KeySlotMissing(StoreError):
    pass


class KeySlotMismatch(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class TamperedDatabase(StoreError):
    pass


class ChainBroken(StoreError):
    def __init__(self, message: str, seq: int) -> None:
        super().__init__(message)
        self.seq = seq


class DatabaseLocked(StoreError):
    pass


class DiskFull(StoreError):
    pass


class SchemaTooNew(StoreError):
    pass


class StationExists(StoreError):
    pass


class NoStation(StoreError):
    pass


class PermissionDenied(KnownError):
    pass


class RecordNotFound(KnownError):
    pass


class InvalidInput(KnownError):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{path}: {text}" for path, text in problems))
