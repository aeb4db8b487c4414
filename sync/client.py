"""The station's sync client: enrolment by code, resumable push with receipts, heartbeat, reference pull.

Offline is the normal state. `sync_once()` does one full round and raises a `SyncError` subclass when it cannot
finish; `SyncWorker` (worker.py) repeats it in the background with capped exponential backoff. The client never
deletes or changes an event: the server's answers only add receipts and move the acknowledged seq.

The server's TLS certificate is pinned at enrolment: its SHA-256 must equal the fingerprint in the enrolment
code, and afterwards it is the only certificate trusted for that server.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import ssl
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from borderapp import __version__
from borderapp.events import Event, format_time
from borderapp.store import eventlog, syncstate
from borderapp.store.station import Session
from sync import protocol as p
from sync.errors import EnrolmentFailed, ForkDetected, NeedsEnrolment, Offline, PinMismatch, Refused, SyncError

BATCH_EVENTS = 500
BATCH_BYTES = 2 * 2**20  # uncompressed JSON; the server accepts 8 MiB on the wire


@dataclass(frozen=True)
class SyncReport:
    sent: int
    acknowledged: int
    quarantined: int
    reference_items: int
    backlog: int
    bytes_sent: int = 0  # compressed event batches on the wire


def fetch_certificate(url: str, timeout: float = 10.0) -> str:
    """The PEM certificate the server presents (not verified: the caller compares its fingerprint)."""
    parts = urlsplit(url)
    try:
        return ssl.get_server_certificate((parts.hostname or "", parts.port or 443), timeout=timeout)
    except OSError as exc:
        raise Offline(
            f"Cannot reach the server at {parts.hostname}:{parts.port or 443} ({exc.strerror or exc})."
        ) from None


DEV_PLAIN_HTTP = "BORDERAPP_DEV_PLAIN_HTTP"  # "1": plain HTTP to a loopback server is allowed (development, tests)


def transport_problem(server_url: str, fingerprint: str | None) -> str | None:
    """Why a station or the console must not talk to this server, or None. Child data crosses only HTTPS to a
    pinned certificate; plain HTTP (and a code without a fingerprint) only to a loopback address, and only with
    the development option BORDERAPP_DEV_PLAIN_HTTP=1."""
    parts = urlsplit(server_url)
    host = parts.hostname or ""
    developing = p.is_loopback(host) and os.environ.get(DEV_PLAIN_HTTP) == "1"
    if parts.scheme == "http" and not developing:
        return (
            f"The server address {server_url} is plain HTTP: children's records would cross the network unencrypted. "
            "Use the server's https:// address (ask the central admin for a new code)."
        )
    if parts.scheme not in ("http", "https"):
        return f"The server address {server_url!r} must start with https://."
    if parts.scheme == "https" and fingerprint is not None and not fingerprint and not developing:
        return (
            "The enrolment code carries no certificate fingerprint, so this server cannot be told from an "
            "impostor. Ask the central admin for a new code."
        )
    return None


def _certificate_refused(exc: BaseException) -> bool:
    """Whether a connection failed because the server's certificate is not the pinned one."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)



def certificate_fingerprint(pem: str) -> str:
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


def pinned_context(pem: str) -> ssl.SSLContext:
    """Trust exactly this certificate. The host name is not checked: the pin is stronger than a name."""
    context = ssl.create_default_context(cadata=pem)
    context.check_hostname = False
    return context


def _error_of(response: httpx.Response) -> tuple[str, str, dict[str, Any]]:
    try:
        body = response.json()["error"]
        return str(body["code"]), str(body["message"]), dict(body.get("detail") or {})
    except (ValueError, KeyError, TypeError):
        return "unknown", f"The server answered {response.status_code} without an explanation.", {}


class StationSync:
    """Sync for one station store. Give it its own Session (Session.reopen()) when it runs on another thread."""

    def __init__(
        self,
        session: Session,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        batch_events: int = BATCH_EVENTS,
        batch_bytes: int = BATCH_BYTES,
    ) -> None:
        self.session = session
        self.transport = transport
        self.timeout = timeout
        self.batch_events, self.batch_bytes = batch_events, batch_bytes
        self._client: httpx.Client | None = None
        self.bytes_sent = 0

    # -- state -------------------------------------------------------------------------------------------
    def _state(self, key: str) -> str | None:
        with self.session.reading() as conn:
            return syncstate.get(conn, key)

    @property
    def enrolled(self) -> bool:
        return self._state("credential") is not None

    def _http(self, server_url: str | None = None, pem: str | None = None) -> httpx.Client:
        if self._client is not None and server_url is None:
            return self._client
        url = server_url or self._state("server_url")
        if url is None:
            raise NeedsEnrolment(
                "This station is not enrolled with a central server yet. A supervisor enrols it "
                "with the code from the central admin."
            )
        cert = pem if server_url else self._state("certificate")
        verify: ssl.SSLContext | bool = pinned_context(cert) if cert else True
        client = httpx.Client(base_url=url, timeout=self.timeout, verify=verify, transport=self.transport)
        if server_url is None:
            self._client = client
        return client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _request(
        self, method: str, path: str, *, client: httpx.Client | None = None, auth: bool = True, **kwargs: Any
    ) -> httpx.Response:
        http = client or self._http()
        headers = dict(kwargs.pop("headers", {}))
        if auth:
            headers.update(self._auth())
        return self._send(http, method, path, headers=headers, **kwargs)

    def _auth(self) -> dict[str, str]:
        credential = self._state("credential")
        if credential is None:
            raise NeedsEnrolment("This station is not enrolled with a central server yet.")
        return {"Authorization": f"Bearer {credential}"}

    @staticmethod
    def _send(http: httpx.Client, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The request and the meaning of its answer; no store access, so it may run on another thread."""
        try:
            response = http.request(method, path, **kwargs)
        except httpx.TimeoutException:
            raise Offline("The central server did not answer in time; will retry.") from None
        except httpx.TransportError as exc:
            if _certificate_refused(exc):
                raise PinMismatch from None
            raise Offline(f"No connection to the central server ({type(exc).__name__}); will retry.") from None
        if response.status_code < 400:
            return response
        code, message, detail = _error_of(response)
        if response.status_code == 429:
            retry = float(response.headers.get("retry-after", "5") or 5)
            raise Offline("The central server asks this station to slow down; will retry.", retry_after=retry)
        if response.status_code >= 500:
            raise Offline(f"The central server failed ({response.status_code}); will retry.")
        if response.status_code == 401:
            raise NeedsEnrolment(f"{message} A supervisor must enrol this station again.")
        if code == "fork_detected":
            raise ForkDetected(message)
        raise Refused(message, code, detail)

    # -- enrolment ---------------------------------------------------------------------------------------
    def check_code(self, text: str) -> tuple[p.EnrolmentCode, str | None]:
        """Parse the code and fetch the server's certificate, so the supervisor can confirm BCP and fingerprint
        before anything is stored. Raises EnrolmentFailed when the certificate is not the one named."""
        try:
            code = p.EnrolmentCode.parse(text)
        except ValueError as exc:
            text = str(exc)
            raise EnrolmentFailed(text[:1].upper() + text[1:] + ".") from None
        if code.bcp != self.session.station.bcp:
            raise EnrolmentFailed(
                f"This code is for border crossing point {code.bcp}, but this station is "
                f"{self.session.station.bcp}. Ask the central admin for a code for this BCP."
            )
        problem = transport_problem(code.server_url, code.fingerprint or "")
        if problem:
            raise EnrolmentFailed(problem)
        pem = None
        if code.server_url.startswith("https://"):
            pem = fetch_certificate(code.server_url)
            if code.fingerprint and certificate_fingerprint(pem) != code.fingerprint:
                raise EnrolmentFailed(
                    "The server's certificate does not match the fingerprint in the code: this may "
                    "not be the central server. Nothing was sent. Tell the central admin."
                )
        return code, pem

    def enrol(self, text: str) -> p.EnrolResponse:
        code, pem = self.check_code(text)
        body = p.EnrolRequest(
            token=code.token,
            device_id=self.session.station.device_id,
            station_name=self.session.station.station_name,
            app_version=__version__,
        )
        with self._http(code.server_url, pem) as client:
            try:
                response = self._request("POST", f"{p.API}/enrol", client=client, auth=False, json=body.model_dump())
            except Refused as exc:
                raise EnrolmentFailed(str(exc)) from None
        done = p.EnrolResponse.model_validate(response.json())
        with self.session.writing() as conn:
            syncstate.put(
                conn,
                {
                    "server_url": code.server_url,
                    "bcp": done.bcp,
                    "credential": done.credential,
                    "fingerprint": code.fingerprint or "",
                    "certificate": pem or "",
                    "enrolled_at": format_time(datetime.now(UTC)),
                },
            )
            syncstate.log(conn, "enrolled", f"Enrolled with {code.server_url} for {done.bcp}.")
        self.close()
        return done

    # -- sync ----------------------------------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        """One round: reconcile with the server's head, push everything unsent, pull reference data, send a
        heartbeat. Connections are opened for the round and closed after it."""
        try:
            report = self._sync()
        except SyncError as exc:
            self.close()
            with self.session.writing() as conn:
                syncstate.put(conn, {"last_error": str(exc)})
                syncstate.log(conn, "offline" if isinstance(exc, Offline) else "error", str(exc))
            raise
        self.close()
        with self.session.writing() as conn:
            syncstate.put(conn, {"last_success": format_time(datetime.now(UTC)), "last_error": ""})
            syncstate.log(conn, "ok", f"Sent {report.sent} record event(s); {report.backlog} left.", report.sent)
        return report

    def _sync(self) -> SyncReport:
        head = p.DeviceHead.model_validate(self._request("GET", f"{p.API}/events/head").json())
        with self.session.reading() as conn:
            local_head, _ = eventlog.head(conn)
        if head.acked_seq > local_head:
            raise ForkDetected(
                f"The central server holds {head.acked_seq} events from this station but this "
                f"station has only {local_head}: it was restored from an older backup. Sync is "
                "stopped so that nothing is overwritten; tell the central admin."
            )
        sent = acknowledged = quarantined = 0
        wire_before = self.bytes_sent
        # Pipelined: while a batch is on its way to the server and being stored there, the next one is read
        # from the store, encoded and compressed here (the request runs on a thread of its own; the store is
        # used only on this one). One request at a time, so the server sees the batches in order.
        batch, body = self._prepared()
        with ThreadPoolExecutor(1, "sync-push") as sender:
            while batch:
                answer = self._post(sender, batch, body)
                upcoming, upcoming_body = self._prepared(after=batch[-1].seq)
                result = self._result(answer)
                sent += len(result.receipts)
                acknowledged += sum(1 for r in result.receipts if r.status != "quarantined")
                quarantined += sum(1 for r in result.receipts if r.status == "quarantined")
                if result.acked_seq != batch[-1].seq:  # the server stands elsewhere (a gap): go on from there
                    upcoming, upcoming_body = self._prepared()
                batch, body = upcoming, upcoming_body
        items = self._pull_reference()
        backlog = self._heartbeat()
        return SyncReport(sent, acknowledged, quarantined, items, backlog, self.bytes_sent - wire_before)

    def _prepared(self, after: int | None = None) -> tuple[list[Event], bytes]:
        """The next unsent batch (after the acknowledged seq, or after `after`) and its gzip body."""
        with self.session.reading() as conn:
            batch = syncstate.unsent(conn, self.batch_events, after)
        if not batch:
            return batch, b""
        raw = p.PushBatch(events=batch).model_dump_json().encode()
        while len(raw) > self.batch_bytes and len(batch) > 1:  # unusually large records: send fewer at once
            batch = batch[: len(batch) // 2]
            raw = p.PushBatch(events=batch).model_dump_json().encode()
        return batch, gzip.compress(raw, 5)

    def _post(self, sender: ThreadPoolExecutor, batch: list[Event], body: bytes) -> Future[httpx.Response]:
        self.bytes_sent += len(body)
        with self.session.writing() as conn:  # "sent, no receipt yet" until the answer comes (or never does)
            sent = max(int(syncstate.get(conn, "sent_seq") or 0), batch[-1].seq)
            syncstate.put(conn, {"sent_seq": str(sent)})
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json", **self._auth()}
        return sender.submit(self._send, self._http(), "POST", f"{p.API}/events", content=body, headers=headers)

    def _result(self, answer: Future[httpx.Response]) -> p.PushResult:
        """The server's answer to a batch, its receipts kept."""
        try:
            response = answer.result()
        except Refused as exc:
            if exc.code == "seq_gap":  # the server has less than we thought: resend from where it stands
                acked = int(str(exc.detail.get("acked_seq", 0)))
                with self.session.writing() as conn:
                    syncstate.put(conn, {"acked_seq": str(acked)})
                return p.PushResult(acked_seq=acked, head_hash="", receipts=[])
            raise
        result = p.PushResult.model_validate(response.json())
        with self.session.writing() as conn:
            syncstate.store_receipts(conn, [r.model_dump() for r in result.receipts], result.acked_seq)
        return result

    def _pull_reference(self) -> int:
        count = 0
        while True:
            since = int(self._state("reference_cursor") or 0)
            page = p.ReferencePage.model_validate(
                self._request("GET", f"{p.API}/reference", params={"since": since}).json()
            )
            if not page.items:
                return count
            with self.session.writing() as conn:
                syncstate.store_reference(conn, [i.model_dump() for i in page.items])
            count += len(page.items)

    def _heartbeat(self) -> int:
        with self.session.reading() as conn:
            backlog = syncstate.backlog(conn)
            _, head_hash = eventlog.head(conn)
        beat = p.Heartbeat(
            backlog=backlog.count,
            oldest_unsent_age_s=backlog.oldest_age_s(),
            device_clock=self.session.clock(),
            app_version=__version__,
            chain_head_seq=backlog.head_seq,
            chain_head_hash=head_hash,
        )
        self._request("POST", f"{p.API}/heartbeat", json=json.loads(beat.model_dump_json()))
        return backlog.count
