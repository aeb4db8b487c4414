"""The central server's HTTP API (FastAPI). `create_app()` builds it over a Storage; `cli.py` serves it."""

# No `from __future__ import annotations` here: FastAPI reads the dependency annotations made inside
# create_app at definition time.

import base64
import io
import logging
import threading
import time
import uuid
import zlib
from dataclasses import dataclass
from typing import Annotated, Any

import qrcode
import qrcode.image.pure
import qrcode.image.svg
from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from borderapp import __version__
from sync import protocol as p
from sync.server.errors import ApiError, field_errors, unauthorized
from sync.server.ingest import Ingest
from sync.server.storage import Storage

log = logging.getLogger("borderapp.server")


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 8 * 2**20  # a batch of events, compressed or not, as it arrives
    max_inflated_bytes: int = 64 * 2**20
    max_other_body_bytes: int = 64 * 2**10  # any other request (a login, an enrolment, a note)
    rate_per_second: float = 20.0  # requests per device, refilled continuously
    burst: int = 60


class RateLimiter:
    """Token bucket per device, in this process."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """0 when allowed, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return (1 - tokens) / self.rate
            self._buckets[key] = (tokens - 1, now)
            return 0.0


class BodyLimit:
    """Every request's body is read here, up to its limit, before the app sees it: a batch of events up to
    `max_body_bytes`, anything else up to `max_other_body_bytes`. A larger one is answered 413 at once and never
    parsed (a 150 MB body to the unauthenticated login once took the server from 93 to 522 MB)."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        events = scope["path"] == f"{p.API}/events"
        limit = self.limits.max_body_bytes if events else self.limits.max_other_body_bytes
        declared = dict(scope["headers"]).get(b"content-length", b"")
        too_large = declared.isdigit() and int(declared) > limit
        body, more = b"", not too_large
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            body += message.get("body", b"")
            more = message.get("more_body", False) and len(body) <= limit
        if too_large or len(body) > limit:
            unit = f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 2**10} KiB"
            sentence = f"The request is larger than {unit}" + ("; send smaller batches." if events else ".")
            await _error(413, "payload_too_large", sentence)(scope, receive, send)
            return
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _error(
    status: int,
    code: p.ErrorCode,
    message: str,
    detail: dict[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = p.ErrorBody(error=p.ErrorDetail(code=code, message=message, detail=detail))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def qr_codes(text: str) -> tuple[str, str]:
    """(SVG text, PNG as base64) of a QR code; neither needs Pillow."""
    svg = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage)
    png = qrcode.make(text, image_factory=qrcode.image.pure.PyPNGImage, box_size=8)
    png_bytes = io.BytesIO()
    png.save(png_bytes)
    return svg.to_string(encoding="unicode"), base64.b64encode(png_bytes.getvalue()).decode()


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthorized()
    return token.strip()


def create_app(
    storage: Storage,
    *,
    server_url: str,
    fingerprint: str | None = None,
    limits: Limits | None = None,
) -> FastAPI:
    limits = limits or Limits()
    ingest = Ingest(storage)
    limiter = RateLimiter(limits.rate_per_second, limits.burst)
    app = FastAPI(
        title="BorderApp central server",
        version=__version__,
        description="TIMS-style endpoint for border stations: enrolment, event sync, admin.",
    )
    app.add_middleware(BodyLimit, limits=limits)

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, err: ApiError) -> JSONResponse:
        return _error(err.status, err.code, err.message, err.detail, err.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, err: RequestValidationError) -> JSONResponse:
        return _error(
            422,
            "validation_failed",
            "The request does not have the expected form.",
            {"fields": field_errors(err.errors())},
        )

    @app.exception_handler(Exception)
    async def _bug(_: Request, err: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:12]
        log.error("internal error %s: %s", ref, type(err).__name__)  # no message: it may quote data
        return _error(500, "internal", f"The server failed (reference {ref}); the request was not applied.")

    def admin(request: Request) -> int:
        return storage.admin_for(_bearer(request))

    def device(request: Request) -> Any:
        row = storage.device_for(_bearer(request))
        wait = limiter.take(row.device_id)
        if wait:
            raise ApiError(
                429,
                "rate_limited",
                "Too many requests from this station; slow down.",
                {"retry_after_s": round(wait, 2)},
                headers={"Retry-After": str(max(1, round(wait)))},
            )
        return row

    Admin = Annotated[int, Depends(admin)]
    Device = Annotated[Any, Depends(device)]

    @app.get(f"{p.API}/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    # -- admin ---------------------------------------------------------------------------------------------
    @app.post(f"{p.API}/admin/login", response_model=p.AdminToken)
    def login(body: p.AdminLogin, request: Request) -> p.AdminToken:
        return storage.login(body.username, body.password, request.client.host if request.client else "unknown")

    @app.post(f"{p.API}/admin/logout", status_code=204)
    def logout(request: Request, _: Admin) -> None:
        storage.logout(_bearer(request))

    @app.post(f"{p.API}/admin/admins/{{username}}/disable", status_code=204)
    def disable_admin(_: Admin, username: Annotated[str, Path(min_length=1, max_length=100)]) -> None:
        storage.disable_admin(username)

    @app.get(f"{p.API}/admin/sign-ins", response_model=list[p.SignIn])
    def sign_ins(_: Admin, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[p.SignIn]:
        return storage.sign_ins(limit)

    @app.post(f"{p.API}/admin/enrolments", response_model=p.EnrolmentCreated, status_code=201)
    def create_enrolment(body: p.EnrolmentCreate, admin_id: Admin) -> p.EnrolmentCreated:
        new_id, token, expires = storage.create_enrolment(admin_id, body.bcp, body.expires_in_hours)
        code = p.EnrolmentCode(server_url=server_url, bcp=body.bcp, token=token, fingerprint=fingerprint).text()
        svg, png = qr_codes(code)
        return p.EnrolmentCreated(id=new_id, bcp=body.bcp, expires_at=expires, code=code, qr_svg=svg, qr_png_base64=png)

    @app.get(f"{p.API}/admin/enrolments", response_model=list[p.EnrolmentInfo])
    def list_enrolments(_: Admin) -> list[p.EnrolmentInfo]:
        return storage.enrolments()

    @app.get(f"{p.API}/admin/devices", response_model=list[p.DeviceStatus])
    def list_devices(_: Admin) -> list[p.DeviceStatus]:
        return storage.devices()

    @app.post(f"{p.API}/admin/devices/{{device_id}}/revoke", status_code=204)
    def revoke(device_id: str, _: Admin) -> None:
        storage.revoke(device_id)

    @app.get(f"{p.API}/admin/quarantine", response_model=list[p.QuarantineItem])
    def quarantine(_: Admin) -> list[p.QuarantineItem]:
        return storage.quarantine()

    @app.post(f"{p.API}/admin/quarantine/{{server_id}}/notes", status_code=204)
    def annotate(
        admin_id: Admin, server_id: Annotated[int, Path(ge=1, le=p.MAX_INT)], body: p.QuarantineNoteCreate
    ) -> None:
        storage.annotate_quarantine(admin_id, server_id, body)

    @app.post(f"{p.API}/admin/records/search", response_model=list[p.RecordRow])
    def records(admin_id: Admin, body: p.RecordSearch) -> list[p.RecordRow]:
        storage.audit(admin_id, "search", text=body.q)
        return storage.search(body.q, body.limit)

    @app.get(f"{p.API}/admin/audit", response_model=list[p.AuditEntry])
    def audit_log(_: Admin, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> list[p.AuditEntry]:
        return storage.audit_log(limit)

    @app.get(f"{p.API}/admin/indicators", response_model=list[p.IndicatorRow])
    def indicators(_: Admin, year: Annotated[int, Query(ge=2000, le=2100)]) -> list[p.IndicatorRow]:
        return storage.indicators(year)

    @app.get(f"{p.API}/admin/report", response_model=p.Report)
    def quarterly_report(
        _: Admin, year: Annotated[int, Query(ge=2000, le=2100)], quarter: Annotated[int, Query(ge=1, le=4)]
    ) -> p.Report:
        result = storage.report(year, quarter)
        return p.Report(year=year, quarter=quarter, rows=result.table())

    @app.get(f"{p.API}/admin/records/{{record_id}}", response_model=p.RecordRow)
    def record(admin_id: Admin, record_id: Annotated[str, Path(min_length=1, max_length=64)]) -> p.RecordRow:
        storage.audit(admin_id, "record", record_id=record_id)
        found = storage.record(record_id)
        if found is None:
            raise ApiError(404, "not_found", "There is no crossing record with this id at the central server.")
        return found

    @app.get(f"{p.API}/admin/patterns", response_model=list[p.PatternItem])
    def cross_station_patterns(
        admin_id: Admin,
        days: Annotated[int, Query(ge=1, le=365)] = 30,
        grace_days: Annotated[int, Query(ge=0, le=3650)] = 30,
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    ) -> list[p.PatternItem]:
        storage.audit(admin_id, "patterns")
        return storage.patterns(days, grace_days, limit=limit)

    @app.post(f"{p.API}/admin/alerts", status_code=201)
    def add_alert(body: p.AlertCreate, _: Admin) -> dict[str, int]:
        return {"cursor": storage.add_alert(body)}

    # -- stations --------------------------------------------------------------------------------------
    @app.post(f"{p.API}/enrol", response_model=p.EnrolResponse, status_code=201)
    def enrol(body: p.EnrolRequest) -> p.EnrolResponse:
        return storage.enrol(body)

    @app.get(f"{p.API}/events/head", response_model=p.DeviceHead)
    def head(dev: Device) -> p.DeviceHead:
        return p.DeviceHead(acked_seq=dev.acked_seq, head_hash=dev.head_hash)

    @app.post(
        f"{p.API}/events",
        response_model=p.PushResult,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": p.PushBatch.model_json_schema(ref_template="#/components/schemas/{model}")
                    }
                },
            }
        },
    )
    async def push(request: Request, dev: Device) -> Response:
        body = await _read_body(request, limits)
        result = await run_in_threadpool(ingest.push_json, dev.device_id, body)  # parsed there, off the event loop
        # Serialised here, once: FastAPI would validate the 500 receipts again against response_model.
        return Response(result.model_dump_json(), media_type="application/json")

    @app.post(f"{p.API}/heartbeat", response_model=p.HeartbeatResult)
    def heartbeat(body: p.Heartbeat, dev: Device) -> p.HeartbeatResult:
        return storage.heartbeat(dev.device_id, body)

    @app.get(f"{p.API}/reference", response_model=p.ReferencePage)
    def reference_data(_: Device, since: Annotated[int, Query(ge=0, le=p.MAX_INT)] = 0) -> p.ReferencePage:
        return storage.reference_since(since)

    return app


async def _read_body(request: Request, limits: Limits) -> bytes:
    """The body (BodyLimit has bounded it), inflated when it came gzipped."""
    body = await request.body()
    if request.headers.get("content-encoding", "").lower() != "gzip":
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inflated = inflater.decompress(body, limits.max_inflated_bytes)
    except zlib.error:
        raise ApiError(400, "bad_request", "The body says gzip but is not valid gzip data.") from None
    if inflater.unconsumed_tail:
        raise _too_large(limits)
    return inflated


def _too_large(limits: Limits) -> ApiError:
    return ApiError(
        413,
        "payload_too_large",
        f"The batch is larger than {limits.max_inflated_bytes // 2**20} MiB unpacked; send smaller batches.",
    )
