"""The central admin's client of the server's admin API (the console in the desktop app uses it).

Login pins the server's certificate for the rest of the session: its SHA-256 fingerprint is returned so the
console can show it next to the one the server printed when it started. Every error is a `SyncError` with the
server's sentence (or a sentence about the connection).
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from sync import protocol as p
from sync.client import _error_of, certificate_fingerprint, fetch_certificate, pinned_context, transport_problem
from sync.errors import Offline, Refused


class AdminClient:
    def __init__(self, server_url: str, *, timeout: float = 30.0) -> None:
        self.server_url = server_url.strip().rstrip("/")
        self.timeout = timeout
        self.token: str | None = None
        self.fingerprint: str | None = None
        self._client: httpx.Client | None = None

    def _http(self) -> httpx.Client:
        if self._client is None:
            problem = transport_problem(self.server_url, None)
            if problem:
                raise Refused(problem, "bad_url")
            verify: ssl.SSLContext | bool = True
            if self.server_url.startswith("https://"):
                pem = fetch_certificate(self.server_url)
                self.fingerprint = certificate_fingerprint(pem)
                verify = pinned_context(pem)
            self._client = httpx.Client(base_url=self.server_url, timeout=self.timeout, verify=verify)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = self._http().request(method, f"{p.API}{path}", headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise Offline(f"Cannot reach the central server at {self.server_url} ({exc}).") from None
        if response.status_code >= 400:
            code, message, detail = _error_of(response)
            raise Refused(message, code, detail)
        return response

    # -- the API ---------------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> str | None:
        """Sign in; returns the pinned certificate's fingerprint (None over plain HTTP)."""
        body = p.AdminLogin(username=username, password=password).model_dump()
        self.token = p.AdminToken.model_validate(self._call("POST", "/admin/login", json=body).json()).token
        return self.fingerprint

    def devices(self) -> list[p.DeviceStatus]:
        return [p.DeviceStatus.model_validate(d) for d in self._call("GET", "/admin/devices").json()]

    def revoke(self, device_id: str) -> None:
        self._call("POST", f"/admin/devices/{device_id}/revoke")

    def enrolments(self) -> list[p.EnrolmentInfo]:
        return [p.EnrolmentInfo.model_validate(e) for e in self._call("GET", "/admin/enrolments").json()]

    def create_enrolment(self, bcp: str, hours: int = 72) -> p.EnrolmentCreated:
        body = p.EnrolmentCreate(bcp=bcp, expires_in_hours=hours).model_dump()
        return p.EnrolmentCreated.model_validate(self._call("POST", "/admin/enrolments", json=body).json())

    def quarantine(self) -> list[p.QuarantineItem]:
        return [p.QuarantineItem.model_validate(q) for q in self._call("GET", "/admin/quarantine").json()]

    def annotate(self, server_id: int, note: str, resolved: bool) -> None:
        body = p.QuarantineNoteCreate(note=note, resolved=resolved).model_dump()
        self._call("POST", f"/admin/quarantine/{server_id}/notes", json=body)

    def report(self, year: int, quarter: int) -> p.Report:
        params = {"year": year, "quarter": quarter}
        return p.Report.model_validate(self._call("GET", "/admin/report", params=params).json())

    def patterns(self, days: int = 30, grace_days: int = 30) -> list[p.PatternItem]:
        params = {"days": days, "grace_days": grace_days}
        return [p.PatternItem.model_validate(x) for x in self._call("GET", "/admin/patterns", params=params).json()]

    def record(self, record_id: str) -> p.RecordRow:
        return p.RecordRow.model_validate(self._call("GET", f"/admin/records/{record_id}").json())
