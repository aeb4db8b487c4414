"""The central admin's client of the server's admin API (the console in the desktop app uses it).

The server's certificate is pinned per server address, on this workstation (`Pins`, a small JSON file): the
first time, the admin compares its fingerprint with the one the server printed and confirms it (`trust`);
afterwards only that certificate is accepted. No credential is sent to a certificate that is not confirmed:
`login` raises `UnconfirmedCertificate` first. Every error is a `SyncError` with the server's sentence (or a
sentence about the connection).
"""

from __future__ import annotations

import json
import os
import ssl
from pathlib import Path
from typing import Any

import httpx

from sync import protocol as p
from sync.client import _error_of, certificate_fingerprint, fetch_certificate, pinned_context, transport_problem
from sync.errors import Offline, Refused, SyncError

PINS_ENV = "BORDERAPP_CONSOLE_PINS"


class Pins:
    """The certificate fingerprint an admin confirmed for each server address, kept on this workstation."""

    def __init__(self, path: Path | None = None) -> None:
        default = Path.home() / ".config" / "borderapp" / "console-pins.json"
        self.path = path or Path(os.environ.get(PINS_ENV) or default)

    def get(self, server_url: str) -> str | None:
        try:
            found = json.loads(self.path.read_text(encoding="utf-8")).get(server_url)
        except (FileNotFoundError, ValueError):
            return None
        return str(found) if found else None

    def set(self, server_url: str, fingerprint: str) -> None:
        try:
            pins = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            pins = {}
        pins[server_url] = fingerprint
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(pins, indent=1), encoding="utf-8")
        temporary.replace(self.path)


class UnconfirmedCertificate(SyncError):
    """The server's certificate is not one the admin confirmed for this address: nothing was sent."""

    def __init__(self, fingerprint: str, confirmed: str | None) -> None:
        self.fingerprint, self.confirmed = fingerprint, confirmed
        if confirmed is None:
            super().__init__("Confirm the server's certificate first: compare its fingerprint with the server's.")
        else:
            super().__init__(
                "The server's certificate is not the one confirmed before: do not sign in, call the central admins. "
                "Nothing was sent."
            )


class AdminClient:
    def __init__(self, server_url: str, *, timeout: float = 30.0, pins: Pins | None = None) -> None:
        self.server_url = server_url.strip().rstrip("/")
        self.timeout = timeout
        self.pins = pins or Pins()
        self.token: str | None = None
        self.fingerprint: str | None = None
        self._pem: str | None = None
        self._client: httpx.Client | None = None

    def probe(self) -> str | None:
        """The server's certificate fingerprint (None for plain HTTP in development); nothing is sent but the
        TLS handshake."""
        problem = transport_problem(self.server_url, None)
        if problem:
            raise Refused(problem, "bad_url")
        if self.server_url.startswith("https://") and self._pem is None:
            self._pem = fetch_certificate(self.server_url)  # Offline when it cannot be reached
            self.fingerprint = certificate_fingerprint(self._pem)
        return self.fingerprint

    def confirmed(self) -> bool:
        """Whether the certificate probed is the one confirmed for this address (plain HTTP: nothing to pin)."""
        fingerprint = self.probe()
        return fingerprint is None or self.pins.get(self.server_url) == fingerprint

    def trust(self) -> None:
        """The admin compared the fingerprint and confirms it: remembered for this address."""
        fingerprint = self.probe()
        if fingerprint is not None:
            self.pins.set(self.server_url, fingerprint)

    def _http(self) -> httpx.Client:
        if self._client is None:
            fingerprint = self.probe()
            if fingerprint is not None and self.pins.get(self.server_url) != fingerprint:
                raise UnconfirmedCertificate(fingerprint, self.pins.get(self.server_url))
            verify: ssl.SSLContext | bool = pinned_context(self._pem) if self._pem else True
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

    def audit(self) -> list[p.AuditEntry]:
        return [p.AuditEntry.model_validate(e) for e in self._call("GET", "/admin/audit").json()]

    def sign_ins(self) -> list[p.SignIn]:
        return [p.SignIn.model_validate(e) for e in self._call("GET", "/admin/sign-ins").json()]

    def record(self, record_id: str) -> p.RecordRow:
        return p.RecordRow.model_validate(self._call("GET", f"/admin/records/{record_id}").json())
