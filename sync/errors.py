"""What can go wrong in a sync, in the order the user should care about it.

    SyncError                     a sentence for the sync panel; never a child's data
     +-- Offline                  no connection, timeout, 5xx, 429: "offline, will retry" with backoff
     +-- NeedsEnrolment           401 (credential unknown or revoked), or never enrolled: a supervisor re-enrols
     +-- EnrolmentFailed          the code is malformed, unknown, used, expired, or the certificate differs
     +-- PinMismatch              the server's certificate is not the one pinned at enrolment: an alarm, not
     |                            "offline"; nothing is sent; the central admins must look
     +-- ForkDetected             the server holds a different history for this station (a restored backup):
     |                            pushing stops; nothing is deleted; the central admin must look
     +-- Refused                  any other refusal by the server (its code and sentence kept)
A client never deletes or changes an event because the server refused it.
"""

from __future__ import annotations

from borderapp.errors import KnownError


class SyncError(KnownError):
    retry = False


class Offline(SyncError):
    retry = True

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class NeedsEnrolment(SyncError):
    pass


class EnrolmentFailed(SyncError):
    pass


class ForkDetected(SyncError):
    pass


class PinMismatch(SyncError):
    def __init__(self) -> None:
        super().__init__(
            "The server's certificate is not the one enrolled: do not proceed, call the central admins. "
            "Nothing was sent."
        )


class Refused(SyncError):
    def __init__(self, message: str, code: str, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.detail = detail or {}
