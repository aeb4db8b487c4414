"""Wire protocol v1, shared by the station's sync client and the central server.

Every error response has the same body, `ErrorBody`: a stable machine `code` and a sentence for people.
Events travel in the station's own envelope (`borderapp.events.Event`), so both ends hash the same bytes.
"""

from __future__ import annotations

import ipaddress
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from borderapp.events import Event

API = "/v1"
ENROLMENT_PREFIX = "BAENROL1"
MAX_BATCH_EVENTS = 1000
MAX_INT = 2**63 - 1  # BIGINT on both engines

ErrorCode = Literal[
    "bad_request",
    "validation_failed",
    "unauthorized",
    "device_revoked",
    "forbidden",
    "not_found",
    "enrolment_unknown",
    "enrolment_expired",
    "enrolment_used",
    "fork_detected",
    "chain_broken",
    "seq_gap",
    "payload_too_large",
    "rate_limited",
    "conflict",
    "internal",
]


def is_loopback(host: str) -> bool:
    """Whether a host name or address is this machine (localhost, 127.0.0.0/8, ::1): the only place plain HTTP
    is ever allowed, by the stations, the console and the server alike."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(_Wire):
    code: ErrorCode
    message: str
    detail: dict[str, object] | None = None


class ErrorBody(_Wire):
    error: ErrorDetail


# -- enrolment -------------------------------------------------------------------------------------------
class EnrolmentCode(_Wire):
    """What the admin hands to a station: as compact text and as a QR code. No child data, ever."""

    server_url: str
    bcp: str
    token: str
    fingerprint: str | None = None  # SHA-256 of the server's TLS certificate, hex; None for plain HTTP

    def text(self) -> str:
        return "|".join([ENROLMENT_PREFIX, self.server_url, self.bcp, self.token, self.fingerprint or "-"])

    @classmethod
    def parse(cls, text: str) -> EnrolmentCode:
        parts = text.strip().split("|")
        if len(parts) != 5 or parts[0] != ENROLMENT_PREFIX:
            raise ValueError("this is not a BorderApp enrolment code; scan or paste the whole code from the admin")
        _, url, bcp, token, fingerprint = parts
        return cls(server_url=url, bcp=bcp, token=token, fingerprint=None if fingerprint == "-" else fingerprint)


class EnrolmentCreate(_Wire):
    bcp: str
    expires_in_hours: int = Field(default=72, ge=1, le=24 * 30)


class EnrolmentCreated(_Wire):
    id: int
    bcp: str
    expires_at: str
    code: str
    qr_svg: str
    qr_png_base64: str


class EnrolmentInfo(_Wire):
    id: int
    bcp: str
    created_at: str
    expires_at: str
    used_at: str | None
    device_id: str | None


class EnrolRequest(_Wire):
    token: str = Field(min_length=1, max_length=200)
    device_id: str = Field(min_length=1, max_length=64)
    station_name: str = Field(min_length=1, max_length=200)
    app_version: str = Field(default="", max_length=40)


class EnrolResponse(_Wire):
    device_id: str
    bcp: str
    credential: str  # shown once; the server keeps only its hash


# -- events ----------------------------------------------------------------------------------------------
class PushBatch(_Wire):
    events: list[Event] = Field(min_length=1, max_length=MAX_BATCH_EVENTS)


class Receipt(_Wire):
    event_id: str
    seq: int
    server_id: int
    received_at: str
    status: Literal["stored", "duplicate", "quarantined"]
    reason: str | None = None


class PushResult(_Wire):
    acked_seq: int
    head_hash: str
    receipts: list[Receipt]


class DeviceHead(_Wire):
    acked_seq: int
    head_hash: str


class Heartbeat(_Wire):
    backlog: int = Field(ge=0, le=MAX_INT)
    oldest_unsent_age_s: float | None = Field(default=None, ge=0, le=1e12)
    device_clock: str = Field(max_length=40)
    app_version: str = Field(max_length=40)
    chain_head_seq: int = Field(ge=0, le=MAX_INT)
    chain_head_hash: str = Field(max_length=64)


class HeartbeatResult(_Wire):
    server_time: str
    acked_seq: int
    clock_drift_s: float


class ReferenceItem(_Wire):
    cursor: int
    kind: Literal["bcp", "checklist", "alert"]
    key: str
    data: dict[str, object]
    created_at: str


class ReferencePage(_Wire):
    items: list[ReferenceItem]
    cursor: int  # pass as ?since= next time


# -- admin -----------------------------------------------------------------------------------------------
class AdminLogin(_Wire):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=500)


class AdminToken(_Wire):
    token: str
    expires_at: str


class DeviceStatus(_Wire):
    device_id: str
    bcp: str
    station_name: str
    enrolled_at: str
    revoked_at: str | None
    last_seen: str | None
    acked_seq: int
    backlog: int | None
    oldest_unsent_age_s: float | None
    clock_drift_s: float | None
    app_version: str | None
    chain_status: Literal["ok", "forked", "broken"]
    quarantined: int
    last_error: str | None


class QuarantineNote(_Wire):
    at: str
    admin: str
    note: str
    resolved: bool


class QuarantineNoteCreate(_Wire):
    note: str = Field(min_length=3, max_length=2000)
    resolved: bool = False


class QuarantineItem(_Wire):
    server_id: int
    device_id: str
    seq: int
    event_id: str
    type: str
    reason: str
    received_at: str
    notes: list[QuarantineNote] = Field(default_factory=list)
    resolved: bool = False


class AlertCreate(_Wire):
    kind: Literal["missing_child", "wanted_person"]
    family_name: str = Field(min_length=1, max_length=100)
    given_names: str = Field(min_length=1, max_length=100)
    birth_date: str | None = Field(default=None, max_length=10)
    document_number: str | None = Field(default=None, max_length=30)
    note: str | None = Field(default=None, max_length=500)


class RecordRow(_Wire):
    record_id: str
    device_id: str
    bcp: str
    status: str
    direction: str
    crossed_at: str
    family_name: str
    given_names: str
    birth_date: str | None
    doc_number: str | None
    accompaniment: str
    flags: list[str]


class RecordSearch(_Wire):
    """A records search, sent as a request body: search text never travels in a URL (proxies log URLs)."""

    q: str = Field(min_length=1, max_length=100)
    limit: int = Field(default=50, ge=1, le=500)


class AuditEntry(_Wire):
    """One admin read of child data: who, when, what. A search's text is kept only as a keyed hash (the same
    text gives the same hash, so repeated searches for one child can be seen), never in clear."""

    at: str
    admin: str
    action: Literal["search", "record", "patterns"]
    record_id: str | None = None
    search_key: str | None = None


class SignIn(_Wire):
    """One admin sign-in attempt or sign-out (the name as typed)."""

    at: str
    username: str
    address: str
    outcome: Literal["ok", "failed", "throttled", "disabled", "signed_out"]


class RecordRef(_Wire):
    record_id: str
    device_id: str
    bcp: str
    direction: str
    crossed_at: str


class PatternItem(_Wire):
    """A cross-station pattern: `key` is a short keyed hash (the same person across the list), never a name or a
    document number; the records are links to look them up (GET /v1/admin/records/{record_id})."""

    kind: Literal["adult_with_several_children", "overdue_return"]
    key: str
    detail: dict[str, str | int]
    records: list[RecordRef]


class Report(_Wire):
    """The quarterly indicator report (borderapp.report): one row of figures per BCP, then all BCPs."""

    year: int
    quarter: int
    rows: list[dict[str, str | int | float | None]]


class IndicatorRow(_Wire):
    bcp: str
    year: int
    quarter: int
    entries: int
    exits: int
    unaccompanied: int
    flagged: int
