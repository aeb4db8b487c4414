"""Central storage behind the API: admins, tokens, enrolments, devices, reference data and reports.

One class over a SQLAlchemy engine; the same code runs on SQLite and PostgreSQL (the contract test suite
runs on both). Event ingest lives in `ingest.py`. Only hashes of tokens and credentials are stored.
"""

from __future__ import annotations

import functools
import hashlib
import json
import secrets
import threading
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import (
    Engine,
    Integer,
    case,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from borderapp import passwords, patterns, reference, report
from borderapp.events import format_time, utc_now
from borderapp.text import fold
from sync import protocol as p
from sync.server import schema as s
from sync.server.errors import ApiError, not_found, unauthorized

ADMIN_TOKEN_MINUTES = 60
MIN_ADMIN_PASSWORD = 12
LOGIN_FAILURES = 5  # then each further failure locks the name and the address: 30 s, doubling, at most 15 min
LOGIN_LOCK_SECONDS = 30
MAX_LOGIN_LOCK_SECONDS = 15 * 60
WRITE_OPTION = "borderapp_write"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we say BEGIN ourselves (below), not the sqlite3 module
            cur = dbapi_conn.cursor()
            # Ingest touches many index pages per batch (names, documents and keyed people are random keys):
            # larger pages (for a new file; before WAL) and a 64 MiB cache (the default is 2) halve its disk time.
            cur.execute("PRAGMA page_size = 16384")
            cur.execute("PRAGMA cache_size = -65536")
            cur.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer
            cur.execute("PRAGMA synchronous = NORMAL")  # durable at each checkpoint; safe with WAL
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # Writers (Storage.writer) take the write lock when the transaction starts, so that what ingest
            # reads (the device's acknowledged seq) cannot change before it writes, even with several server
            # processes. Readers begin deferred: in WAL mode they never wait for a writer.
            write = conn.get_execution_options().get(WRITE_OPTION)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # No server-side prepared statements (psycopg prepares a statement after its 5th run): a plan made while a
    # table was nearly empty was kept as it grew, and the lookup of a batch's record ids became a full scan
    # (190 ms a batch at 40,000 crossings). Planning each time costs well under a millisecond.
    return create_engine(
        url, pool_size=10, max_overflow=10, pool_pre_ping=True, connect_args={"prepare_threshold": None}
    )


def sqlite_url(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'central.db'}"


class Storage:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.writer = engine.execution_options(**{WRITE_OPTION: True})  # for every read-then-write transaction
        with self.writer.begin() as conn:
            s.migrate(conn)
            s.publish_resources(conn)
            self.pattern_key = s.pattern_secret(conn)
        self._hasher = PasswordHasher()
        # Each Argon2 hash or verify takes 64 MiB: at most two at once, however many logins arrive together.
        self._hashing = threading.BoundedSemaphore(2)

    def _hash(self, password: str) -> str:
        with self._hashing:
            return self._hasher.hash(password)

    # -- admins ----------------------------------------------------------------------------------------
    def create_admin(self, username: str, password: str) -> None:
        problem = passwords.problem(password, MIN_ADMIN_PASSWORD)
        if problem:
            raise ApiError(422, "validation_failed", f"Admin password: {problem}.", {"field": "password"})
        hashed = self._hash(password)
        with self.writer.begin() as conn:
            if conn.execute(select(s.admins.c.id).where(s.admins.c.username == username)).first():
                raise ApiError(409, "conflict", f"The admin {username!r} exists already.")
            conn.execute(insert(s.admins).values(username=username, password_hash=hashed, created_at=utc_now()))

    @functools.cached_property
    def _unknown_hash(self) -> str:
        """What an unknown name's password is checked against, so that it costs the same time as a known one.
        Made at the first sign-in, not at start-up (an Argon2 hash costs 64 MiB and a tenth of a second)."""
        return self._hasher.hash(secrets.token_hex(16))

    def login(self, username: str, password: str, address: str = "local") -> p.AdminToken:
        """A token for a right password. Failures are counted per account and per client address in the
        database (all server processes share them): after 5, each further try waits 30 s, doubling up to 15
        minutes. An unknown name costs the same Argon2 verify as a known one and gets the same answer."""
        a = s.admins.c
        unknown_hash = self._unknown_hash  # before the look-up, so that the first sign-in of either kind pays for it
        keys = [f"user:{username.casefold()[:100]}", f"addr:{address[:64]}"]
        wait = self._throttled(keys)
        if wait:
            self._sign_in(username, address, "throttled")
            raise ApiError(
                429,
                "rate_limited",
                f"Too many failed sign-ins for this name or from this address: wait {wait} s and try again.",
                {"retry_after_s": wait},
                headers={"Retry-After": str(wait)},
            )
        with self.engine.connect() as conn:
            row = conn.execute(select(a.id, a.password_hash, a.disabled_at).where(a.username == username)).first()
        try:
            with self._hashing:
                self._hasher.verify(row.password_hash if row else unknown_hash, password)
            right = row is not None
        except VerificationError:
            right = False
        if not right:
            self._failed(keys)
            self._sign_in(username, address, "failed")
            raise unauthorized("Wrong admin user name or password.")
        assert row is not None
        if row.disabled_at:
            self._sign_in(username, address, "disabled")
            raise unauthorized("This admin account is disabled. Ask another central admin.")
        token = secrets.token_urlsafe(32)
        expires = format_time(datetime.now(UTC) + timedelta(minutes=ADMIN_TOKEN_MINUTES))
        with self.writer.begin() as conn:
            conn.execute(delete(s.login_throttle).where(s.login_throttle.c.key.in_(keys)))
            values = {"token_hash": token_hash(token), "admin_id": row.id, "expires_at": expires}
            conn.execute(insert(s.admin_tokens).values(**values))
        self._sign_in(username, address, "ok")
        return p.AdminToken(token=token, expires_at=expires)

    def _throttled(self, keys: list[str]) -> int:
        """Seconds left before these keys may try again (0: now)."""
        t = s.login_throttle.c
        with self.engine.connect() as conn:
            until = [u for u in conn.execute(select(t.locked_until).where(t.key.in_(keys))).scalars() if u]
        now = datetime.now(UTC)
        left = [(_parse_time(u) - now).total_seconds() for u in until]
        return max([int(x) + 1 for x in left if x > 0], default=0)

    def _failed(self, keys: list[str]) -> None:
        t = s.login_throttle.c
        dialect_insert = postgresql_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        with self.writer.begin() as conn:
            for key in keys:
                counted = dialect_insert(s.login_throttle).values(key=key, failures=1)
                conn.execute(counted.on_conflict_do_update(index_elements=["key"], set_={"failures": t.failures + 1}))
                failures = conn.execute(select(t.failures).where(t.key == key)).scalar_one()
                if failures >= LOGIN_FAILURES:
                    seconds = min(LOGIN_LOCK_SECONDS * 2 ** (failures - LOGIN_FAILURES), MAX_LOGIN_LOCK_SECONDS)
                    until = format_time(datetime.now(UTC) + timedelta(seconds=seconds))
                    conn.execute(update(s.login_throttle).where(t.key == key).values(locked_until=until))

    def _sign_in(self, username: str, address: str, outcome: str) -> None:
        with self.writer.begin() as conn:
            conn.execute(
                insert(s.admin_sign_ins).values(
                    at=utc_now(), username=username[:100], address=address[:64], outcome=outcome
                )
            )

    def sign_ins(self, limit: int = 500) -> list[p.SignIn]:
        i = s.admin_sign_ins.c
        query = select(i.at, i.username, i.address, i.outcome).order_by(i.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [p.SignIn.model_validate(row._asdict()) for row in conn.execute(query)]

    def logout(self, token: str) -> None:
        """The token is revoked: it works no more."""
        with self.writer.begin() as conn:
            conn.execute(delete(s.admin_tokens).where(s.admin_tokens.c.token_hash == token_hash(token)))

    def disable_admin(self, username: str) -> None:
        """The admin signs in no more, and every token of his stops working at once."""
        a = s.admins.c
        with self.writer.begin() as conn:
            found = conn.execute(select(a.id).where(a.username == username)).scalar()
            if found is None:
                raise not_found(f"admin {username!r}")
            conn.execute(update(s.admins).where(a.id == found).values(disabled_at=utc_now()))
            conn.execute(delete(s.admin_tokens).where(s.admin_tokens.c.admin_id == found))

    def admin_for(self, token: str) -> int:
        t, a = s.admin_tokens.c, s.admins.c
        with self.engine.connect() as conn:
            row = conn.execute(
                select(t.admin_id, t.expires_at, a.disabled_at)
                .join(s.admins, a.id == t.admin_id)
                .where(t.token_hash == token_hash(token))
            ).first()
        if row is None:
            raise unauthorized("Unknown admin token: sign in again.")
        if row.disabled_at:
            raise unauthorized("This admin account is disabled.")
        if row.expires_at < utc_now():
            raise unauthorized("The admin session has expired: sign in again.")
        return int(row.admin_id)

    # -- enrolment -------------------------------------------------------------------------------------
    def create_enrolment(self, admin_id: int, bcp: str, hours: int) -> tuple[int, str, str]:
        """(id, one-time token, expiry). The token is shown once; only its hash is kept."""
        if bcp not in reference.bcps():
            raise ApiError(422, "validation_failed", f"Unknown border crossing point {bcp!r}.", {"field": "bcp"})
        token = secrets.token_urlsafe(24)
        expires = format_time(datetime.now(UTC) + timedelta(hours=hours))
        with self.writer.begin() as conn:
            new_id = conn.execute(
                insert(s.enrolments)
                .values(
                    bcp=bcp, token_hash=token_hash(token), created_by=admin_id, created_at=utc_now(), expires_at=expires
                )
                .returning(s.enrolments.c.id)
            ).scalar_one()
        return int(new_id), token, expires

    def enrolments(self) -> list[p.EnrolmentInfo]:
        e = s.enrolments.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(e.id, e.bcp, e.created_at, e.expires_at, e.used_at, e.device_id).order_by(e.id.desc())
            ).all()
        return [p.EnrolmentInfo.model_validate(r._asdict()) for r in rows]

    def enrol(self, req: p.EnrolRequest) -> p.EnrolResponse:
        e = s.enrolments.c
        with self.writer.begin() as conn:
            row = conn.execute(
                select(e.id, e.bcp, e.expires_at, e.used_at).where(e.token_hash == token_hash(req.token))
            ).first()
            if row is None:
                raise ApiError(
                    404,
                    "enrolment_unknown",
                    "This enrolment code is not known here. Check that the whole "
                    "code was scanned, or ask the central admin for a new one.",
                )
            if row.used_at:
                raise ApiError(
                    409,
                    "enrolment_used",
                    "This enrolment code was used already; each code enrols one "
                    "station. Ask the central admin for a new one.",
                )
            if row.expires_at < utc_now():
                raise ApiError(
                    410, "enrolment_expired", "This enrolment code has expired. Ask the central admin for a new one."
                )
            if conn.execute(select(s.devices.c.device_id).where(s.devices.c.device_id == req.device_id)).first():
                raise ApiError(409, "conflict", "This device is enrolled already.")
            credential = secrets.token_urlsafe(32)
            now = utc_now()
            conn.execute(
                insert(s.devices).values(
                    device_id=req.device_id,
                    bcp=row.bcp,
                    station_name=req.station_name,
                    credential_hash=token_hash(credential),
                    enrolled_at=now,
                    acked_seq=0,
                    head_hash="0" * 64,
                    app_version=req.app_version,
                    chain_status="ok",
                )
            )
            # Only one request can mark the code used: the WHERE makes a second, concurrent use match nothing.
            used = conn.execute(
                update(s.enrolments)
                .where(e.id == row.id, e.used_at.is_(None))
                .values(used_at=now, device_id=req.device_id)
            )
            if used.rowcount != 1:
                raise ApiError(409, "enrolment_used", "This enrolment code was used already.")
        return p.EnrolResponse(device_id=req.device_id, bcp=row.bcp, credential=credential)

    # -- devices ---------------------------------------------------------------------------------------
    def device_for(self, credential: str) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(select(s.devices).where(s.devices.c.credential_hash == token_hash(credential))).first()
        if row is None:
            raise unauthorized("Unknown device credential: enrol this station again.")
        if row.revoked_at:
            raise ApiError(
                401,
                "device_revoked",
                "This station's credential was revoked by the central admin. Enrol it again with a new code.",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return row

    def revoke(self, device_id: str) -> None:
        with self.writer.begin() as conn:
            done = conn.execute(
                update(s.devices).where(s.devices.c.device_id == device_id).values(revoked_at=utc_now())
            )
        if done.rowcount != 1:
            raise not_found(f"device {device_id}")

    def heartbeat(self, device_id: str, hb: p.Heartbeat) -> p.HeartbeatResult:
        now = datetime.now(UTC)
        try:
            drift = (_parse_time(hb.device_clock) - now).total_seconds()
        except ValueError:
            raise ApiError(
                422,
                "validation_failed",
                "device_clock must be an ISO 8601 time with its zone.",
                {"field": "device_clock"},
            ) from None
        with self.writer.begin() as conn:
            conn.execute(
                update(s.devices)
                .where(s.devices.c.device_id == device_id)
                .values(
                    last_seen=format_time(now),
                    backlog=hb.backlog,
                    oldest_unsent_age_s=hb.oldest_unsent_age_s,
                    device_clock=hb.device_clock,
                    clock_drift_s=drift,
                    app_version=hb.app_version,
                )
            )
            acked = conn.execute(select(s.devices.c.acked_seq).where(s.devices.c.device_id == device_id)).scalar_one()
        return p.HeartbeatResult(server_time=format_time(now), acked_seq=int(acked), clock_drift_s=drift)

    def devices(self) -> list[p.DeviceStatus]:
        d, ev = s.devices.c, s.events.c
        quarantined = (
            select(func.count()).where(ev.device_id == d.device_id, ev.status == s.QUARANTINED).scalar_subquery()
        )
        query = select(
            d.device_id,
            d.bcp,
            d.station_name,
            d.enrolled_at,
            d.revoked_at,
            d.last_seen,
            d.acked_seq,
            d.backlog,
            d.oldest_unsent_age_s,
            d.clock_drift_s,
            d.app_version,
            d.chain_status,
            quarantined.label("quarantined"),
            d.last_error,
        ).order_by(d.bcp, d.station_name)
        with self.engine.connect() as conn:
            return [p.DeviceStatus.model_validate(r._asdict()) for r in conn.execute(query)]

    # -- reference data --------------------------------------------------------------------------------
    def add_alert(self, alert: p.AlertCreate) -> int:
        with self.writer.begin() as conn:
            cursor = conn.execute(
                insert(s.reference_items)
                .values(kind="alert", key=alert.kind, data=alert.model_dump_json(), created_at=utc_now())
                .returning(s.reference_items.c.cursor)
            ).scalar_one()
        return int(cursor)

    def reference_since(self, since: int, limit: int = 500) -> p.ReferencePage:
        r = s.reference_items.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(r.cursor, r.kind, r.key, r.data, r.created_at)
                .where(r.cursor > since)
                .order_by(r.cursor)
                .limit(limit)
            ).all()
        items = [
            p.ReferenceItem(
                cursor=row.cursor, kind=row.kind, key=row.key, data=json.loads(row.data), created_at=row.created_at
            )
            for row in rows
        ]
        return p.ReferencePage(items=items, cursor=items[-1].cursor if items else since)

    # -- admin views -----------------------------------------------------------------------------------
    def quarantine(self) -> list[p.QuarantineItem]:
        ev = s.events.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ev.server_id, ev.device_id, ev.seq, ev.event_id, ev.type, ev.reason, ev.received_at)
                .where(ev.status == s.QUARANTINED)
                .order_by(ev.server_id)
            ).all()
        n, a = s.quarantine_notes.c, s.admins.c
        with self.engine.connect() as conn:
            notes = conn.execute(
                select(n.server_id, n.at, a.username, n.note, n.resolved)
                .join(s.admins, a.id == n.admin_id)
                .order_by(n.id)
            ).all()
        by_event: dict[int, list[p.QuarantineNote]] = {}
        for note in notes:
            by_event.setdefault(int(note.server_id), []).append(
                p.QuarantineNote(at=note.at, admin=note.username, note=note.note, resolved=bool(note.resolved))
            )
        items = []
        for r in rows:
            written = by_event.get(int(r.server_id), [])
            items.append(
                p.QuarantineItem.model_validate(
                    {**r._asdict(), "notes": written, "resolved": bool(written and written[-1].resolved)}
                )
            )
        return items

    def annotate_quarantine(self, admin_id: int, server_id: int, body: p.QuarantineNoteCreate) -> None:
        """An admin's note on a quarantined event (and whether that settles it); appended, nothing changed."""
        ev = s.events.c
        with self.writer.begin() as conn:
            found = conn.execute(select(ev.status).where(ev.server_id == server_id)).scalar()
            if found != "quarantined":
                raise ApiError(404, "not_found", "There is no quarantined event with this number.")
            conn.execute(
                insert(s.quarantine_notes).values(
                    server_id=server_id, admin_id=admin_id, at=utc_now(), note=body.note, resolved=int(body.resolved)
                )
            )

    def audit(self, admin_id: int, action: str, record_id: str | None = None, text: str | None = None) -> None:
        """Write down an admin's read of child data (a search's text only as a keyed hash)."""
        search_key = patterns.keyed(self.pattern_key, "admin-search", fold(text)) if text is not None else None
        with self.writer.begin() as conn:
            conn.execute(
                insert(s.admin_reads).values(
                    admin_id=admin_id, at=utc_now(), action=action, record_id=record_id, search_key=search_key
                )
            )

    def audit_log(self, limit: int = 500) -> list[p.AuditEntry]:
        """The latest admin reads, newest first."""
        r, a = s.admin_reads.c, s.admins.c
        query = (
            select(r.at, a.username.label("admin"), r.action, r.record_id, r.search_key)
            .join(s.admins, a.id == r.admin_id)
            .order_by(r.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [p.AuditEntry.model_validate(row._asdict()) for row in conn.execute(query)]

    def record(self, record_id: str) -> p.RecordRow | None:
        c = s.crossings.c
        columns = (c.record_id, c.device_id, c.bcp, c.status, c.direction, c.crossed_at, c.family_name,
                   c.given_names, c.birth_date, c.doc_number, c.accompaniment, c.flags)  # fmt: skip
        with self.engine.connect() as conn:
            r = conn.execute(select(*columns).where(c.record_id == record_id)).first()
        if r is None:
            return None
        return p.RecordRow.model_validate({**r._asdict(), "flags": [f for f in r.flags.split(",") if f]})

    def search(self, text: str, limit: int = 50) -> list[p.RecordRow]:
        c = s.crossings.c
        key, doc = fold(text), text.strip().upper().replace(" ", "")
        if not key:
            return []
        query = (
            select(
                c.record_id,
                c.device_id,
                c.bcp,
                c.status,
                c.direction,
                c.crossed_at,
                c.family_name,
                c.given_names,
                c.birth_date,
                c.doc_number,
                c.accompaniment,
                c.flags,
            )
            .where(or_(c.name_key.startswith(key, autoescape=True), c.doc_number.startswith(doc, autoescape=True)))
            .order_by(c.name_key, c.crossed_at)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            p.RecordRow.model_validate({**r._asdict(), "flags": [f for f in r.flags.split(",") if f]}) for r in rows
        ]

    def patterns(self, days: int, grace_days: int, today: date | None = None, limit: int = 500) -> list[p.PatternItem]:
        """Cross-station patterns from the keyed people of each crossing (borderapp.patterns): the same adult
        with different unrelated children within `days`, and children whose planned return passed more than
        `grace_days` ago with no entry since (over the last 400 days). At most `limit` of each kind, the
        strongest first (most children; longest overdue)."""
        today = today or datetime.now(UTC).date()
        recent = format_time(datetime.combine(today - timedelta(days=days), time(), UTC))
        year_ago = format_time(datetime.combine(today - timedelta(days=400), time(), UTC))
        cutoff = (today - timedelta(days=grace_days)).isoformat()
        a, ch, c = s.crossing_people.alias("a"), s.crossing_people.alias("ch"), s.crossings.c
        seen_columns = (c.record_id, c.device_id, c.bcp, c.direction, c.crossed_at)
        adults = (
            select(a.c.person_key.label("adult"), ch.c.person_key.label("child"), *seen_columns)
            .join(ch, (ch.c.record_id == a.c.record_id) & (ch.c.role == "child"))
            .join(s.crossings, c.record_id == a.c.record_id)
            .where(a.c.role == "adult", a.c.related == 0, a.c.crossed_at >= recent, c.status == "active")
        )
        later = s.crossing_people.alias("later")
        overdue = (
            select(ch.c.person_key, ch.c.planned_return, *seen_columns)
            .join(s.crossings, c.record_id == ch.c.record_id)
            .where(
                ch.c.role == "child",
                ch.c.direction == "exit",
                ch.c.crossed_at >= year_ago,
                ch.c.planned_return < cutoff,
                c.status == "active",
                ~select(later.c.id)
                .where(
                    later.c.person_key == ch.c.person_key,
                    later.c.role == "child",
                    later.c.direction == "entry",
                    later.c.crossed_at > ch.c.crossed_at,
                )
                .exists(),
            )
            .order_by(ch.c.planned_return)
            .limit(limit * 3)  # a child may have several overdue exits: one line each is kept below
        )
        with self.engine.connect() as conn:
            pairs = [
                (r.adult, r.child, patterns.Seen(r.record_id, r.device_id, r.bcp, r.direction, r.crossed_at))
                for r in conn.execute(adults)
            ]
            late = conn.execute(overdue).all()
        found = patterns.adults_with_several_children(pairs, days)[:limit]
        latest: dict[str, Any] = {}
        for r in late:  # one line per child: the latest exit that is overdue
            if r.person_key not in latest or latest[r.person_key].crossed_at < r.crossed_at:
                latest[r.person_key] = r
        for r in sorted(latest.values(), key=lambda r: r.planned_return)[:limit]:
            seen = patterns.Seen(r.record_id, r.device_id, r.bcp, r.direction, r.crossed_at)
            days_overdue = (today - date.fromisoformat(r.planned_return)).days
            detail = {"planned_return": r.planned_return, "days_overdue": days_overdue}
            found.append(patterns.Pattern("overdue_return", r.person_key[:12], [seen], detail))
        return [
            p.PatternItem(
                kind=f.kind,
                key=f.key,
                detail=f.detail,
                records=[
                    p.RecordRef(
                        record_id=x.record_id,
                        device_id=x.device_id,
                        bcp=x.bcp,
                        direction=x.direction,
                        crossed_at=x.crossed_at,
                    )
                    for x in f.records
                ],
            )
            for f in found
        ]

    def report(self, year: int, quarter: int) -> report.Report:
        """The quarterly indicator report over every station (the station's own report code)."""
        start, end = report.quarter_bounds(year, quarter)
        with self.engine.connect() as conn:
            counts = conn.execute(text(report.CROSSING_COUNTS_SQL), {"start": start, "end": end}).all()
            interviews = conn.execute(text(report.INTERVIEWS_SQL), {"start": start, "end": end}).all()
        return report.build(year, quarter, [tuple(r) for r in counts], [tuple(r) for r in interviews])

    def indicators(self, year: int) -> list[p.IndicatorRow]:
        c = s.crossings.c
        month = cast(func.substr(c.crossed_at, 6, 2), Integer)
        # `//` on integers is integer division on both engines (SQLAlchemy 2's `/` is true division).
        quarter = ((month - 1) // 3 + 1).label("quarter")
        active = c.status == "active"
        query = (
            select(
                c.bcp,
                quarter,
                func.sum(case((active & (c.direction == "entry"), 1), else_=0)).label("entries"),
                func.sum(case((active & (c.direction == "exit"), 1), else_=0)).label("exits"),
                func.sum(case((active & (c.accompaniment == "alone"), 1), else_=0)).label("unaccompanied"),
                func.sum(case((active & (c.flag_count > 0), 1), else_=0)).label("flagged"),
            )
            .where(c.crossed_at >= f"{year:04d}-01-01", c.crossed_at < f"{year + 1:04d}-01-01")
            .group_by(c.bcp, quarter)
            .order_by(c.bcp, quarter)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            p.IndicatorRow(
                bcp=r.bcp,
                year=year,
                quarter=int(r.quarter),
                entries=int(r.entries),
                exits=int(r.exits),
                unaccompanied=int(r.unaccompanied),
                flagged=int(r.flagged),
            )
            for r in rows
        ]
